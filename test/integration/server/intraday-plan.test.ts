import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, type TestApp } from '../../support/app';
import { listAudit } from '../../../models/repositories/audit';
import { listRotasForWeek, listShifts, publishedRotaForWeek } from '../../../models/repositories/rotas';
import { testDbKind } from '../../support/db';
import { seedSurgeDay, NOW, WEEK, ZONE } from '../../support/intraday-day';
import { defaultTeamId } from '../../support/default-team';

const restSl = (html: string) => Number(html.match(/id="intraday-voice"[\s\S]*?data-rest-sl="(\d+)\s*%"/)?.[1]);
const planField = (html: string) =>
  html
    .match(/name="plan" value="([^"]*)"/)?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&') ?? '';

interface Spec {
  kind: string;
  staffId: number;
  uid: string | null;
  from: string;
  to: string;
}

describe(`intraday: the rest of today re-planned, shown first, applied as one change (${testDbKind()})`, function () {
  this.timeout(180_000);
  let app: TestApp;
  let nana: number;
  let temo: number;

  before(async () => {
    app = await startTestApp({ now: () => NOW });
    ({ nana, temo } = await seedSurgeDay(app.ds));
  });
  after(async () => app?.close());

  it('GET /intraday/plan: the changes, one per person, Nana called in (Temo would break a rule), the service before → after', async () => {
    const c = await app.loginAs('coordinator');
    expect((await c.get('/intraday')).text).to.contain('href="/intraday/plan"');
    const res = await c.get('/intraday/plan');
    expect(res.status).to.equal(200);
    const specs = JSON.parse(planField(res.text)) as Spec[];
    expect(specs.length).to.be.greaterThan(0);
    expect(new Set(specs.map((s) => s.staffId)).size, 'one change per person').to.equal(specs.length);
    expect(specs.some((s) => s.kind === 'callIn' && s.staffId === nana)).to.equal(true);
    expect(specs.some((s) => s.staffId === temo)).to.equal(false);
    expect(res.text).to.contain('Nana Free: call in for 14:00–22:00 on Calls');
    const [, before, after] = res.text.match(/Calls, rest of the day: service level (\d+)\s*% → (\d+)\s*%/) ?? [];
    expect(Number(after)).to.be.greaterThan(Number(before));
    // Nothing in the past: every change starts at the next interval (14:00 Tbilisi) or later.
    for (const s of specs)
      expect(Date.parse(s.kind === 'moveBreak' ? (s.from < s.to ? s.from : s.to) : s.from)).to.be.at.least(
        Date.parse('2026-11-25T10:00:00.000Z'),
      );
  });

  it('a team lead sees the plan but cannot apply it; a bad or doubled plan is refused, nothing changed', async () => {
    const lead = await app.loginAs('team_lead');
    const seen = await lead.get('/intraday/plan');
    expect(seen.status).to.equal(200);
    expect(seen.text).to.contain('Nana Free').and.not.to.contain('action="/intraday/plan/apply"');
    const c = await app.loginAs('coordinator');
    const plan = planField((await c.get('/intraday/plan')).text);
    expect((await lead.postForm('/intraday/plan/apply', { plan })).status).to.equal(403);
    expect((await c.postForm('/intraday/plan/apply', { plan: 'not json' })).status).to.equal(400);
    expect((await c.postForm('/intraday/plan/apply', { plan: '[]' })).status).to.equal(400);
    const one = (JSON.parse(plan) as Spec[])[0]!;
    const twice = await c.postForm('/intraday/plan/apply', { plan: JSON.stringify([one, one]) });
    expect(twice.status).to.equal(422);
    expect(twice.text).to.contain('a plan changes each person at most once');
    const rota = (await publishedRotaForWeek(app.ds, await defaultTeamId(app.ds), WEEK))!;
    expect((await listShifts(app.ds, rota.id)).filter((s) => s.staffId === nana)).to.have.length(0);
  });

  it('POST /intraday/plan/apply: one change of the published rota, as previewed, one audit row; posting it again changes nothing', async () => {
    const c = await app.loginAs('coordinator');
    const page = await c.get('/intraday/plan');
    const plan = planField(page.text);
    const specs = JSON.parse(plan) as Spec[];
    const preview = Number(page.text.match(/data-channel="voice" data-sl-after="(\d+)\s*%"/)?.[1]);
    const rota = (await publishedRotaForWeek(app.ds, await defaultTeamId(app.ds), WEEK))!;
    const before = await listShifts(app.ds, rota.id);
    const res = await c.postForm('/intraday/plan/apply', { plan });
    expect(res.status, res.text.slice(0, 500)).to.equal(303);
    expect(res.headers.get('location')).to.equal('/intraday');
    const after = await listShifts(app.ds, rota.id);
    expect((await listRotasForWeek(app.ds, await defaultTeamId(app.ds), WEEK)).filter((r) => r.status === 'published')).to.have.length(1);
    const mine = after.filter((s) => s.staffId === nana);
    expect(mine).to.have.length(1);
    expect(DateTime.fromISO(mine[0]!.start, { zone: ZONE }).toFormat('HH:mm')).to.equal('14:00');
    // Every person of the plan has a changed shift; nobody else's shift changed.
    const shape = (s: { staffId: number; start: string; end: string; breaks: unknown }) =>
      JSON.stringify([s.staffId, s.start, s.end, s.breaks]);
    const changed = new Set(
      [
        ...after.filter((s) => !before.some((b) => shape(b) === shape(s))),
        ...before.filter((b) => !after.some((s) => shape(b) === shape(s))),
      ].map((s) => s.staffId),
    );
    expect([...changed].sort()).to.deep.equal([...new Set(specs.map((s) => s.staffId))].sort());
    const today = await c.get('/intraday');
    expect(today.text).to.contain('Done: the plan is applied to the rota');
    expect(restSl(today.text), 'the page now projects what the plan promised').to.equal(preview);
    const changes = (await listAudit(app.ds, {})).filter((a) => a.action === 'rota.change');
    expect(changes).to.have.length(1);
    expect(JSON.stringify(changes[0]!.detail)).to.contain('"kind":"intradayPlan"').and.to.contain('"action":"callIn"');

    const again = await c.postForm('/intraday/plan/apply', { plan });
    expect([409, 422]).to.include(again.status);
    expect((await listShifts(app.ds, rota.id)).filter((s) => s.staffId === nana)).to.have.length(1);
  });
});
