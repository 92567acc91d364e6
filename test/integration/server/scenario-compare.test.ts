/**
 * What-if scenarios a lead can compare: named people off on chosen days (not the two with the
 * most hours), saved scenarios side by side with the baseline per day and week. The baseline
 * column is the rota page's; a person off on Saturday changes Saturday only.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, seedMinimalTeam, type TestApp, type TestClient } from '../../support/app';
import { addRotaTeam, seedServiceWeek, ZONE } from '../../support/rota-builders';
import { createStaff, listStaff } from '../../../models/repositories/staff';
import { Scenario } from '../../../models/entities/scenario';

const NOW = new Date();
const WEEK = DateTime.fromJSDate(NOW, { zone: ZONE }).startOf('week').plus({ weeks: 1 }).toISODate()!;
const OTHER_WEEK = DateTime.fromISO(WEEK).plus({ weeks: 1 }).toISODate()!;
const SATURDAY = DateTime.fromISO(WEEK).plus({ days: 5 }).toISODate()!;

type Cells = Map<string, string>;

/** `figure|col|channel|day` → data-value of the comparison's cells. */
function compareCells(html: string): Cells {
  const out: Cells = new Map();
  const re = /data-compare="(\w+)" data-col="(\w+)" data-channel="([\w-]+)" data-day="([\w-]+)" data-value="([^"]*)"/g;
  for (const m of html.matchAll(re)) out.set(`${m[1]}|${m[2]}|${m[3]}|${m[4]}`, m[5]!);
  return out;
}

function serviceCells(html: string): Cells {
  const out: Cells = new Map();
  const re = /data-figure="(\w+)" data-channel="([\w-]+)" data-day="([\w-]+)" data-value="([^"]*)"/g;
  for (const m of html.matchAll(re)) out.set(`${m[1]}|${m[2]}|${m[3]}`, m[4]!);
  return out;
}

async function save(lead: TestClient, name: string, fields: Record<string, string | string[]>): Promise<number> {
  const res = await lead.postForm(
    '/scenarios',
    { week: WEEK, channel: 'all', volume: '0', aht: '0', sick: '0', name, ...fields },
    '/scenarios',
  );
  expect(res.status, res.text.slice(0, 300)).to.equal(302);
  return Number(res.headers.get('location')!.match(/saved=(\d+)/)![1]);
}

describe('what-if: named people off on chosen days, saved scenarios side by side', function () {
  this.timeout(300_000);
  let app: TestApp;
  let nino: number;
  let giorgi: number;
  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        await addRotaTeam(ds, 6);
        for (const code of ['b1', 'b2'])
          await createStaff(
            ds,
            { code, name: `Blended ${code}`, role: 'agent', skills: ['voice', 'chat'], contractHoursPerWeek: 40, activeFrom: '2025-01-01' },
            '2026-11-20T08:00:00.000Z',
          );
        await seedServiceWeek(ds, WEEK, { publish: true });
        await seedServiceWeek(ds, OTHER_WEEK, { publish: true });
        const staff = await listStaff(ds);
        nino = staff.find((p) => p.code === 't1')!.id;
        giorgi = staff.find((p) => p.code === 'b1')!.id;
      },
    });
  });
  after(async () => app?.close());

  it('the form offers the people; the scenario names who is off on which day', async () => {
    const lead = await app.loginAs('team_lead');
    const page = await lead.get(`/scenarios?week=${WEEK}&volume=15&off=${nino}&off=${giorgi}&offDay=0:6&offDay=1:6&sim=0`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Test agent: Sat').and.to.contain('Blended b1: Sat');
    // The share link carries the absences, so the page can be sent on as it is.
    const share = page.text
      .match(/href="(\/scenarios\?week[^"]*)"/)![1]!
      .replace(/&amp;/g, '&')
      .replace(/&#x3D;/g, '=');
    expect(new URLSearchParams(share.split('?')[1]).getAll('offDay')).to.deep.equal(['0:6', '1:6']);
    const bad = await lead.get(`/scenarios?week=${WEEK}&off=abc&offDay=0:9`);
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('Choose people from the list and days Monday to Sunday.');
  });

  it('compare: baseline = the rota page; Saturday off changes Saturday only; +15 % volume is worse on every day', async () => {
    const lead = await app.loginAs('team_lead');
    const offSat = await save(lead, 'Nino and Giorgi off Saturday', { off: [String(nino), String(giorgi)], offDay: ['0:6', '1:6'] });
    const busy = await save(lead, 'Volume +15 %, Nino and Giorgi off Saturday', {
      volume: '15',
      off: [String(nino), String(giorgi)],
      offDay: ['0:6', '1:6'],
    });
    const list = await lead.get('/scenarios');
    expect(list.text).to.contain('Compare the ticked scenarios').and.to.contain(`name="ids" value="${offSat}"`);

    const res = await lead.get(`/scenarios/compare?ids=${offSat}&ids=${busy}`);
    expect(res.status).to.equal(200);
    const cells = compareCells(res.text);
    const rota = serviceCells((await lead.get(`/rota?week=${WEEK}`)).text);
    let compared = 0;
    for (const [k, v] of cells) {
      const [figure, col, channel, day] = k.split('|');
      if (col !== 'baseline' || figure === 'missRisk') continue;
      expect(v, `baseline ${k}`).to.equal(rota.get(`${figure}|${channel}|${day}`));
      compared++;
    }
    expect(compared).to.be.above(30);
    for (let d = 0; d < 7; d++) {
      const day = DateTime.fromISO(WEEK).plus({ days: d }).toISODate()!;
      const base = Number(cells.get(`sl|baseline|voice|${day}`));
      const a = Number(cells.get(`sl|${offSat}|voice|${day}`));
      const b = Number(cells.get(`sl|${busy}|voice|${day}`));
      if (day === SATURDAY) expect(a, 'Saturday, two fewer people').to.be.below(base);
      else expect(a, `${day}: nobody else is off`).to.equal(base);
      expect(b, `${day}: 15 % more contacts`).to.be.below(a);
    }
    expect(Number(cells.get(`asa|${busy}|voice|${SATURDAY}`))).to.be.above(Number(cells.get(`asa|${offSat}|voice|${SATURDAY}`)));
    // The risk of missing is shown for every column and rises with the load.
    const risk = (col: string | number) => Number(cells.get(`missRisk|${col}|voice|week`));
    expect(cells.get('missRisk|baseline|voice|week')).to.not.equal('');
    expect(risk(busy)).to.be.above(risk('baseline'));
  });

  it('compare: one scenario beside the baseline; none, an unknown one or two weeks → the reason, nothing compared', async () => {
    const lead = await app.loginAs('team_lead');
    const [first] = await app.ds.getRepository(Scenario).find({ order: { id: 'ASC' }, take: 1 });
    const alone = await lead.get(`/scenarios/compare?ids=${first!.id}`);
    expect(alone.status).to.equal(200);
    const cols = new Set([...compareCells(alone.text).keys()].map((k) => k.split('|')[1]));
    expect([...cols]).to.deep.equal(['baseline', String(first!.id)]);
    expect((await lead.get('/scenarios/compare?ids=')).status).to.equal(422);
    expect((await lead.get(`/scenarios?saved=${first!.id}`)).text).to.contain(`href="/scenarios/compare?ids=${first!.id}"`);
    expect((await lead.get(`/scenarios/compare?ids=${first!.id}&ids=99999`)).status).to.equal(404);
    const other = await lead.postForm(
      '/scenarios',
      { week: OTHER_WEEK, channel: 'all', volume: '5', aht: '0', sick: '0', name: 'Next week' },
      '/scenarios',
    );
    const id = other.headers.get('location')!.match(/saved=(\d+)/)![1];
    const mixed = await lead.get(`/scenarios/compare?ids=${first!.id}&ids=${id}`);
    expect(mixed.status).to.equal(422);
    expect(mixed.text).to.contain('different weeks');
  });
});
