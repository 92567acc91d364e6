import { expect } from 'chai';
import { createTeam } from '../../../app/teams';
import { getStaff, setStaffTeam } from '../../../models';
import { DateTime } from 'luxon';
import { startTestApp, type TestApp } from '../../support/app';
import { listAudit } from '../../../models/repositories/audit';
import { listShifts, publishedRotaForWeek } from '../../../models/repositories/rotas';
import { testDbKind } from '../../support/db';
import { seedSurgeDay, NOW, WEEK, ZONE } from '../../support/intraday-day';
import { defaultTeamId } from '../../support/default-team';

/** The form fields of one action, read from the page (what the coordinator's browser sends). */
function actionForm(html: string, id: string): Record<string, string> {
  const li = html.match(new RegExp(`id="action-${id}"[\\s\\S]*?</li>`))?.[0];
  if (!li) throw new Error(`no action ${id} on the page`);
  const fields: Record<string, string> = {};
  for (const m of li.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) if (m[1] !== '_csrf') fields[m[1]!] = m[2]!;
  return fields;
}

const restSl = (html: string) => Number(html.match(/id="intraday-voice"[\s\S]*?data-rest-sl="(\d+)\s*%"/)?.[1]);

describe(`intraday actions: cost shown first, applied through the change path (${testDbKind()})`, function () {
  this.timeout(180_000);
  let app: TestApp;
  let nana: number;
  let temo: number;

  before(async () => {
    app = await startTestApp({ now: () => NOW });
    ({ nana, temo } = await seedSurgeDay(app.ds));
  });
  after(async () => app?.close());

  it('GET /intraday, a coordinator, lists a call-in with its service effect per interval and the rules it keeps or breaks', async () => {
    const c = await app.loginAs('coordinator');
    const res = await c.get('/intraday');
    expect(res.status).to.equal(200);
    const free = res.text.match(new RegExp(`id="action-callIn-staff-${nana}"[\\s\\S]*?</li>`))?.[0] ?? '';
    expect(free).to.contain('Nana Free: call in for 14:00–22:00 on Calls').and.to.contain('Keeps every labour rule.');
    const [, before, after] = free.match(/Calls, rest of the day: service level (\d+)\s*% → (\d+)\s*%/) ?? [];
    expect(Number(after)).to.be.greaterThan(Number(before));
    // Per interval: one more person on the queue from 14:00 but not at the lunch in the middle (17:00).
    expect(free).to.match(/data-time="14:00"><td>14:00<\/td><td class="num">4\.0 → 5\.0<\/td>/);
    expect(free).not.to.contain('data-time="17:00"');
    expect(free).to.contain('type="submit"');

    const full = res.text.match(new RegExp(`id="action-callIn-staff-${temo}"[\\s\\S]*?</li>`))?.[0] ?? '';
    expect(full).to.contain('Breaks a labour rule').and.not.to.contain('type="submit"');
  });

  it('GET /intraday in Georgian, the actions and their effect come from the catalogue', async () => {
    const c = await app.loginAs('head');
    await c.postForm('/locale', { locale: 'ka', returnTo: '/intraday' }, '/intraday');
    const res = await c.get('/intraday');
    expect(res.text)
      .to.contain('რისი გაკეთება შეიძლება დღეს')
      .and.to.contain('გამოძახება 14:00–22:00')
      .and.to.contain('დღის დარჩენილი ნაწილი: მომსახურების დონე');
  });

  it('POST /intraday/actions/apply, a call-in that breaks a rule, is refused with the rule and changes nothing', async () => {
    const c = await app.loginAs('coordinator');
    const page = await c.get('/intraday');
    const res = await c.postForm('/intraday/actions/apply', { ...actionForm(page.text, `callIn-staff-${nana}`), staffId: String(temo) });
    expect(res.status).to.equal(422);
    expect(res.text)
      .to.contain('id="intraday-refused"')
      .and.to.match(/<li class="violation">[^<]*(week|days? off|hours)/i);
    const rota = (await publishedRotaForWeek(app.ds, await defaultTeamId(app.ds), WEEK))!;
    expect((await listShifts(app.ds, rota.id)).filter((s) => s.staffId === temo)).to.have.length(5);
  });

  it('POST /intraday/actions/apply, a time already begun or a bad form, is refused', async () => {
    const c = await app.loginAs('coordinator');
    const page = await c.get('/intraday');
    const form = actionForm(page.text, `callIn-staff-${nana}`);
    const past = await c.postForm('/intraday/actions/apply', { ...form, from: '2026-11-25T09:00:00.000Z', to: '2026-11-25T17:00:00.000Z' });
    expect(past.status).to.equal(422);
    expect(past.text).to.contain('that time has already begun');
    expect((await c.postForm('/intraday/actions/apply', { ...form, kind: 'teleport' })).status).to.equal(400);
    const lead = await app.loginAs('team_lead');
    const seen = await lead.get('/intraday');
    expect(seen.text).to.contain(`id="action-callIn-staff-${nana}"`).and.not.to.contain('action="/intraday/actions/apply"');
  });

  it('POST /intraday/actions/apply on a person of another team answers 404 and changes nothing', async () => {
    const c = await app.loginAs('coordinator');
    const page = await c.get('/intraday');
    const form = actionForm(page.text, `callIn-staff-${nana}`);
    const home = (await getStaff(app.ds, nana))!.teamId!;
    const other = await createTeam(app.ds, { name: 'Elsewhere', timeZone: 'Asia/Tbilisi', actor: { userId: null }, now: NOW });
    if (other.kind !== 'ok') throw new Error('team');
    await setStaffTeam(app.ds, nana, other.team.id, NOW.toISOString());
    try {
      expect((await c.postForm('/intraday/actions/apply', form)).status).to.equal(404);
      const rota = (await publishedRotaForWeek(app.ds, await defaultTeamId(app.ds), WEEK))!;
      expect((await listShifts(app.ds, rota.id)).filter((s) => s.staffId === nana)).to.have.length(0);
    } finally {
      await setStaffTeam(app.ds, nana, home, NOW.toISOString());
    }
  });

  it('POST /intraday/actions/apply, the call-in, changes the published rota as previewed and writes the audit log', async () => {
    const c = await app.loginAs('coordinator');
    const page = await c.get('/intraday');
    const preview = page.text.match(new RegExp(`id="action-callIn-staff-${nana}"[\\s\\S]*?data-sl-after="(\\d+)\\s*%"`))?.[1];
    const res = await c.postForm('/intraday/actions/apply', actionForm(page.text, `callIn-staff-${nana}`));
    expect(res.status).to.equal(303);
    expect(res.headers.get('location')).to.equal('/intraday');
    const rota = (await publishedRotaForWeek(app.ds, await defaultTeamId(app.ds), WEEK))!;
    const mine = (await listShifts(app.ds, rota.id)).filter((s) => s.staffId === nana);
    expect(mine).to.have.length(1);
    expect(DateTime.fromISO(mine[0]!.start, { zone: ZONE }).toFormat('HH:mm')).to.equal('14:00');
    const after = await c.get('/intraday');
    expect(after.text).to.contain('Done: the rota is changed');
    // What the action promised is what the page now projects for the rest of the day.
    expect(restSl(after.text)).to.equal(Number(preview));
    expect(after.text).not.to.contain(`id="action-callIn-staff-${nana}"`);
    const audit = await listAudit(app.ds, {});
    const change = audit.find((a) => a.action === 'rota.change');
    expect(JSON.stringify(change?.detail)).to.contain('"kind":"intraday"').and.to.contain('"action":"callIn"');
  });
});
