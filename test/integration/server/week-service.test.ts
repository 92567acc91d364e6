/**
 * One set of numbers everywhere: the same published week shows the same projected service
 * (service level, ASA, abandonment, occupancy, hours needed on the queue and on the rota, risk)
 * on the rota page, "simulate", the what-if baseline, /staffing and the home page. The figures
 * are read from the rendered HTML (data-figure cells of views/partials/week-service.hbs).
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, seedMinimalTeam, type TestApp } from '../../support/app';
import { addRotaTeam, makeRota, makeShift, storeWeekRequirement, ZONE } from '../../support/rota-builders';
import { createStaff } from '../../../models/repositories/staff';
import type { NewShift } from '../../../models/repositories/rotas';

// Sessions expire on the real clock; the home page shows the current week, so the week is this one.
const NOW = new Date();
const WEEK = DateTime.fromJSDate(NOW, { zone: ZONE }).startOf('week').toISODate()!;

type Cells = Map<string, string>;

/** `figure|channel|day` → data-value of every week-service cell on the page. */
function serviceCells(html: string): Cells {
  const out: Cells = new Map();
  const re = /data-figure="(\w+)" data-channel="([\w-]+)" data-day="([\w-]+)" data-value="([^"]*)"/g;
  for (const m of html.matchAll(re)) out.set(`${m[1]}|${m[2]}|${m[3]}`, m[4]!);
  return out;
}

describe('week service: the same projected figures on every page of a week', function () {
  this.timeout(180_000);
  let app: TestApp;
  let rotaId: number;
  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        const team = await addRotaTeam(ds, 6);
        const blended = [];
        for (const code of ['b1', 'b2']) {
          blended.push(
            await createStaff(
              ds,
              {
                code,
                name: `Blended ${code}`,
                role: 'agent',
                skills: ['voice', 'chat'],
                contractHoursPerWeek: 40,
                activeFrom: '2025-01-01',
              },
              '2026-11-20T08:00:00.000Z',
            ),
          );
        }
        await storeWeekRequirement(ds, WEEK, { voice: 2, chat: 1 });
        const monday = DateTime.fromISO(WEEK, { zone: ZONE });
        const shifts: NewShift[] = [];
        for (let d = 0; d < 7; d++) {
          const date = monday.plus({ days: d }).toISODate()!;
          team.forEach((p, i) => {
            if ((i + d) % 3 === 0) return; // some days off, so days differ
            const channel = p.skills.includes('voice') ? 'voice' : 'chat';
            shifts.push(makeShift(p.id, date, i % 2 ? '08:00' : '14:00', i % 2 ? '17:00' : '23:00', { channel }));
          });
          blended.forEach((p, i) => shifts.push(makeShift(p.id, date, i ? '10:00' : '13:00', i ? '19:00' : '22:00', { channel: 'both' })));
        }
        rotaId = (await makeRota(ds, WEEK, shifts, { publish: true })).id;
      },
    });
  });
  after(async () => app?.close());

  it('rota page, simulate, what-if baseline, /staffing and home: every figure they show equals the rota page’s', async () => {
    const coord = await app.loginAs('coordinator');
    const rota = serviceCells((await coord.get(`/rota?week=${WEEK}`)).text);
    expect(rota.size).to.be.above(100);
    // The page shows real numbers, not blanks: voice's week service level and chat's hours.
    expect(Number(rota.get('sl|voice|week'))).to.be.within(0.01, 1);
    expect(Number(rota.get('neededOnQueue|chat|week'))).to.equal(7 * 15 * 1);
    expect(Number(rota.get('neededOnRota|voice|week'))).to.equal(7 * 15 * 3);
    expect(rota.get('risk|voice|week')).to.not.equal(undefined);
    const pages = {
      simulate: `/rota/simulate?rota=${rotaId}`,
      whatIf: `/scenarios?week=${WEEK}&channel=all&volume=20&aht=0&sick=1&sim=0`,
      staffing: `/staffing?week=${WEEK}`,
      home: '/',
    };
    for (const [name, url] of Object.entries(pages)) {
      const res = await coord.get(url);
      expect(res.status, name).to.equal(200);
      const cells = serviceCells(res.text);
      expect(cells.size, `${name} shows the week's service`).to.be.above(20);
      for (const [k, v] of cells) expect(v, `${name}: ${k}`).to.equal(rota.get(k));
    }
  });

  it('rota page: needed on the queue and needed on the rota are two labelled figures', async () => {
    const html = (await (await app.loginAs('team_lead')).get(`/rota?week=${WEEK}`)).text;
    expect(html).to.contain('Needed on the queue').and.to.contain('Needed on the rota');
  });
});
