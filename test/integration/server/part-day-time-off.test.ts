/**
 * Part-day time off over HTTP: the agent asks for hours of one day; approval shortens the shift
 * it partly covers (the change path: published revision and draft, same identity, lunch placed
 * again) or, when the shorter shift would break a rule (off the hourly grid), takes the whole
 * shift out and offers cover; the optimiser sees only those hours as unavailable.
 */
import { expect } from 'chai';
import { startTestApp, seedMinimalTeam, TEST_PASSWORD, type TestApp, type TestClient } from '../../support/app';
import { testDbKind } from '../../support/db';
import { localIso, makeRota } from '../../support/requests-builders';
import { findUserByUsername } from '../../../models/repositories/users';
import { createRotaRevision, getShift, listShifts } from '../../../models/repositories/rotas';
import { listTimeOff } from '../../../models/repositories/requests';
import { unavailablePeriods } from '../../../models/repositories/availability';
import { loadRotaContext } from '../../../app/rota-problem';
import { hardViolations, weekViolations } from '../../../app/rota-change';

const NOW = new Date('2026-11-25T08:00:00.000Z');
const WEEK = '2026-11-30';
const ZONE = 'Asia/Tbilisi';

async function login(app: TestApp, username: string): Promise<TestClient> {
  const c = app.client();
  const res = await c.postForm('/login', { username, password: TEST_PASSWORD }, '/login');
  if (res.status !== 302) throw new Error(`login as ${username}: HTTP ${res.status}`);
  return c;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe(`part-day time off: hours of one day, the shift shortened or taken out (${testDbKind()})`, function () {
  this.timeout(120_000);
  let app: TestApp;
  let agent: number;
  let rotaId: number;
  let ids: number[];

  beforeEach(async () => {
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        agent = (await findUserByUsername(ds, 'agent'))!.staffId!;
        const made = await makeRota(ds, WEEK, [
          { staffId: agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
          { staffId: agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
          { staffId: agent, start: '2026-12-02 09:00', end: '2026-12-02 18:00' },
        ]);
        rotaId = made.rotaId;
        ids = made.shiftIds;
      },
    });
  });
  afterEach(async () => {
    await app?.close();
  });

  async function askAndApprove(fields: Record<string, string>) {
    const me = await login(app, 'agent');
    const asked = await me.postForm('/requests/time-off', { kind: 'personal', note: 'Doctor', ...fields }, '/requests');
    expect(asked.status).to.equal(302);
    const [request] = await listTimeOff(app.ds, { statuses: ['pending'] });
    const coord = await app.loginAs('coordinator');
    const decided = await coord.postForm(
      `/requests/inbox/time-off/${request.id}`,
      { version: String(request.version), decision: 'approve', note: '' },
      '/requests/inbox',
    );
    return { me, coord, decided };
  }

  it('Tue 14:00–18:00: the shift becomes 09:00–14:00 in the published rota and the draft; only those hours are unavailable', async () => {
    const published = await listShifts(app.ds, rotaId);
    const draft = await createRotaRevision(
      app.ds,
      { weekStart: WEEK, status: 'draft', basedOnRotaId: rotaId, createdBy: 'coordinator' },
      published.map(({ id: _i, rotaId: _r, version: _v, updatedAt: _u, updatedBy: _b, ...s }) => s),
      NOW.toISOString(),
    );
    const before = (await getShift(app.ds, ids[1]))!;
    const { me, coord, decided } = await askAndApprove({
      startDate: '2026-12-01',
      endDate: '2026-12-01',
      startTime: '14:00',
      endTime: '18:00',
    });
    expect(decided.status).to.equal(302);
    expect(text((await coord.get('/requests/inbox')).text)).to.contain('Shortened for the hours off: 1 shift(s).');

    for (const id of [rotaId, draft.id]) {
      const tue = (await listShifts(app.ds, id)).find((s) => s.uid === before.uid)!;
      expect([tue.start, tue.end]).to.deep.equal([localIso('2026-12-01 09:00'), localIso('2026-12-01 14:00')]);
      // The lunch (60 min) is placed again inside the five hours.
      expect(tue.breaks).to.have.length(1);
      expect(tue.breaks[0].start >= tue.start && tue.breaks[0].end <= tue.end).to.equal(true);
    }
    expect((await getShift(app.ds, ids[1]))!.sequence).to.equal(before.sequence + 1);
    // Monday and Wednesday untouched.
    expect((await getShift(app.ds, ids[0]))!.end).to.equal(localIso('2026-11-30 18:00'));

    // The optimiser sees Tuesday 14:00–18:00 only, and the shortened week keeps every hard rule but the length template.
    const periods = (await unavailablePeriods(app.ds, { weekStart: WEEK, zone: ZONE })).filter((p) => p.staffId === agent);
    expect(periods.map((p) => [p.start, p.end])).to.deep.equal([[localIso('2026-12-01 14:00'), localIso('2026-12-01 18:00')]]);
    const ctx = await loadRotaContext(app.ds, { weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW, withRequirement: false });
    const broken = hardViolations(weekViolations(ctx.problem, await listShifts(app.ds, rotaId), ZONE)).filter(
      (v) => v.staffId === String(agent),
    );
    expect(broken.map((v) => v.rule)).to.deep.equal(['shiftLength']);

    const news = text((await me.get('/notifications')).text);
    expect(news).to.contain('Your time off 1 Dec 2026 14:00 – 18:00 is approved');
    expect(text((await me.get('/requests')).text)).to.contain('14:00–18:00');
    expect(text((await me.get('/my-shifts')).text)).to.contain('09:00–14:00');
  });

  it('Wed 12:30–18:00: 09:00–12:30 is off the hourly grid, so the whole shift leaves the rota and cover is offered', async () => {
    const wed = (await getShift(app.ds, ids[2]))!;
    const { coord, decided } = await askAndApprove({
      startDate: '2026-12-02',
      endDate: '2026-12-02',
      startTime: '12:30',
      endTime: '18:00',
    });
    expect(decided.status).to.equal(200);
    expect(text(decided.text)).to.contain('1 shift(s) taken out of the rota for the approved time off.');
    expect(decided.text).to.match(new RegExp(`/rota/cover\\?week=${WEEK}&(amp;)?uid=${wed.uid}`));
    expect(await getShift(app.ds, ids[2])).to.equal(null);
    expect((await coord.get(`/rota/cover?week=${WEEK}&uid=${wed.uid}`)).status).to.equal(200);
  });

  it('hours without both ends, or over more than one day, are refused with the field; nothing stored', async () => {
    const me = await login(app, 'agent');
    const one = await me.postForm(
      '/requests/time-off',
      { startDate: '2026-12-01', endDate: '2026-12-01', startTime: '14:00', endTime: '', kind: 'personal', note: '' },
      '/requests',
    );
    expect(one.status).to.equal(422);
    expect(one.text).to.contain('Give both hours, or neither for whole days.');
    const two = await me.postForm(
      '/requests/time-off',
      { startDate: '2026-12-01', endDate: '2026-12-02', startTime: '14:00', endTime: '18:00', kind: 'personal', note: '' },
      '/requests',
    );
    expect(two.status).to.equal(422);
    expect(two.text).to.contain('Hours can be given for one day only');
    const backwards = await me.postForm(
      '/requests/time-off',
      { startDate: '2026-12-01', endDate: '2026-12-01', startTime: '18:00', endTime: '14:00', kind: 'personal', note: '' },
      '/requests',
    );
    expect(backwards.status).to.equal(422);
    expect(await listTimeOff(app.ds, {})).to.deep.equal([]);
  });
});
