import { expect } from 'chai';
import { seedMinimalTeam, startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../support/app';
import { makePerson, makeRota } from '../../support/requests-builders';
import { Rota, Shift, SwapRequest, TimeOffRequest } from '../../../models';
import { listAudit } from '../../../models/repositories/audit';
import { findUserByUsername } from '../../../models/repositories/users';
import { addAvailability, unavailablePeriods } from '../../../models/repositories/availability';
import { createTimeOff, setTimeOffStatus } from '../../../models/repositories/requests';

/** Wednesday 25 Nov 2026, 12:00 in Tbilisi; the rota under test is the next week (Mon 30 Nov). */
const NOW = new Date('2026-11-25T08:00:00.000Z');
const WEEK = '2026-11-30';

interface World {
  agent: number;
  agent2: number;
  chatOnly: number;
  /** Voice and chat, no shifts. */
  spare: number;
  /** agent: Mon, Tue, Fri, Sat day shifts; agent2: Mon, Wed day shifts and a late Thursday. */
  shifts: { aMon: number; aTue: number; aFri: number; bMon: number; bWed: number; bThuLate: number; aSat: number };
}

const world = {} as World;

async function seed(ds: Parameters<typeof seedMinimalTeam>[0]) {
  await seedMinimalTeam(ds);
  const agent = (await findUserByUsername(ds, 'agent'))!.staffId!;
  const agent2 = (await makePerson(ds, 'agent2', { name: 'Nino Beridze' })).id;
  world.chatOnly = (await makePerson(ds, 'agent3', { name: 'Luka Chat', skills: ['chat'] })).id;
  world.spare = (await makePerson(ds, 'agent4', { name: 'Dato Spare' })).id;
  const { shiftIds } = await makeRota(ds, WEEK, [
    { staffId: agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
    { staffId: agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
    { staffId: agent, start: '2026-12-04 09:00', end: '2026-12-04 18:00' },
    { staffId: agent2, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
    { staffId: agent2, start: '2026-12-02 09:00', end: '2026-12-02 18:00' },
    { staffId: agent2, start: '2026-12-03 14:00', end: '2026-12-03 23:00' },
    { staffId: agent, start: '2026-12-05 09:00', end: '2026-12-05 18:00' },
  ]);
  const [aMon, aTue, aFri, bMon, bWed, bThuLate, aSat] = shiftIds;
  Object.assign(world, { agent, agent2, shifts: { aMon, aTue, aFri, bMon, bWed, bThuLate, aSat } });
}

async function login(app: TestApp, username: string): Promise<TestClient> {
  const c = app.client();
  const res = await c.postForm('/login', { username, password: TEST_PASSWORD }, '/login');
  if (res.status !== 302) throw new Error(`login as ${username}: HTTP ${res.status}`);
  return c;
}

const staffOf = async (app: TestApp, shiftId: number) => (await app.ds.getRepository(Shift).findOneByOrFail({ id: shiftId })).staffId;

describe('requests: time off, swaps, availability and the inbox over HTTP', function () {
  this.timeout(20_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ seed, now: () => NOW });
  });
  after(async () => app?.close());

  it('GET /requests/inbox: an agent gets 403, a coordinator sees the inbox', async () => {
    expect((await (await app.loginAs('agent')).get('/requests/inbox')).status).to.equal(403);
    const res = await (await app.loginAs('coordinator')).get('/requests/inbox');
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('Requests inbox');
  });

  it('time off: agent asks for a day with a published shift → coordinator sees 1 affected shift, approves → the shift leaves the rota, cover offered', async () => {
    const agent = await app.loginAs('agent');
    const sent = await agent.postForm(
      '/requests/time-off',
      { startDate: '2026-12-05', endDate: '2026-12-05', kind: 'vacation', note: 'Dentist in Kutaisi' },
      '/requests',
    );
    expect(sent.status, sent.text.slice(0, 400)).to.equal(302);
    const row = await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ note: 'Dentist in Kutaisi' });

    const coordinator = await app.loginAs('coordinator');
    const inbox = await coordinator.get('/requests/inbox');
    expect(inbox.text).to.contain('Dentist in Kutaisi').and.to.contain('Overlaps 1 shift(s)');
    const decided = await coordinator.postForm(`/requests/inbox/time-off/${row.id}`, {
      version: String(row.version),
      decision: 'approve',
      note: 'Enjoy',
    });
    expect(decided.status).to.equal(200);
    expect(decided.text).to.contain('1 shift(s) taken out of the rota').and.to.contain('/rota/cover?week=');
    expect(await app.ds.getRepository(Shift).findOneBy({ id: world.shifts.aSat })).to.equal(null);

    const mine = await agent.get('/requests');
    expect(mine.text).to.contain('Approved').and.to.contain('Enjoy');
    const periods = await unavailablePeriods(app.ds, { weekStart: WEEK, zone: 'Asia/Tbilisi' });
    expect(periods).to.deep.include({
      staffId: world.agent,
      start: '2026-12-04T20:00:00.000Z',
      end: '2026-12-05T20:00:00.000Z',
      reason: 'time_off',
    });
    const audit = await listAudit(app.ds, { entity: 'time_off_request' });
    expect(audit.map((a) => a.action)).to.include.members(['time_off.requested', 'time_off.approved']);
  });

  it('time off: deciding with an old version → 409 and the request stays as the first decision left it', async () => {
    const agent = await app.loginAs('agent');
    await agent.postForm(
      '/requests/time-off',
      { startDate: '2026-12-10', endDate: '2026-12-11', kind: 'personal', note: 'Moving flat' },
      '/requests',
    );
    const row = await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ note: 'Moving flat' });
    const coordinator = await app.loginAs('coordinator');
    expect(
      (
        await coordinator.postForm(
          `/requests/inbox/time-off/${row.id}`,
          { version: String(row.version), decision: 'reject', note: '' },
          '/requests/inbox',
        )
      ).status,
    ).to.equal(302);
    const again = await coordinator.postForm(
      `/requests/inbox/time-off/${row.id}`,
      { version: String(row.version), decision: 'approve', note: '' },
      '/requests/inbox',
    );
    expect(again.status).to.equal(409);
    expect(again.text).to.contain('Someone else changed this record');
    expect((await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ id: row.id })).status).to.equal('rejected');
  });

  it('time off: the coordinator cannot approve her own request (409); the head can', async () => {
    const coordinator = await app.loginAs('coordinator');
    await coordinator.postForm(
      '/requests/time-off',
      { startDate: '2027-02-01', endDate: '2027-02-03', kind: 'vacation', note: 'Skiing in Gudauri' },
      '/requests',
    );
    const row = await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ note: 'Skiing in Gudauri' });
    expect((await coordinator.get('/requests/inbox')).text).to.contain('You cannot decide a request of your own');
    const own = await coordinator.postForm(
      `/requests/inbox/time-off/${row.id}`,
      { version: String(row.version), decision: 'approve', note: '' },
      '/requests/inbox',
    );
    expect(own.status).to.equal(409);
    expect((await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ id: row.id })).status).to.equal('pending');
    const head = await app.loginAs('head');
    expect(
      (
        await head.postForm(
          `/requests/inbox/time-off/${row.id}`,
          { version: String(row.version), decision: 'approve', note: '' },
          '/requests/inbox',
        )
      ).status,
    ).to.equal(302);
    expect((await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ id: row.id })).status).to.equal('approved');
    // Coverage: the next request for one of those days shows who is already off.
    await (
      await app.loginAs('agent')
    ).postForm(
      '/requests/time-off',
      { startDate: '2027-02-03', endDate: '2027-02-04', kind: 'personal', note: 'Overlapping' },
      '/requests',
    );
    expect((await head.get('/requests/inbox')).text).to.match(
      /Already off on some of these days \(1\): <span class="chip">Test coordinator<\/span>/,
    );
  });

  it('time off: last day before the first → 422 with the message next to the field, nothing saved', async () => {
    const agent = await app.loginAs('agent');
    const res = await agent.postForm(
      '/requests/time-off',
      { startDate: '2026-12-20', endDate: '2026-12-18', kind: 'vacation', note: 'Backwards' },
      '/requests',
    );
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('The last day cannot be before the first.');
    expect(await app.ds.getRepository(TimeOffRequest).countBy({ note: 'Backwards' })).to.equal(0);
  });

  it('time off: another agent can neither see nor cancel the request (404); its owner can cancel it', async () => {
    const agent = await app.loginAs('agent');
    await agent.postForm(
      '/requests/time-off',
      { startDate: '2027-01-05', endDate: '2027-01-06', kind: 'other', note: 'Private matter' },
      '/requests',
    );
    const row = await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ note: 'Private matter' });
    const other = await login(app, 'agent2');
    expect((await other.get('/requests')).text).not.to.contain('Private matter');
    const res = await other.postForm(`/requests/time-off/${row.id}/cancel`, { version: String(row.version) }, '/requests');
    expect(res.status).to.equal(404);
    expect((await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ id: row.id })).status).to.equal('pending');
    const own = await agent.postForm(`/requests/time-off/${row.id}/cancel`, { version: String(row.version) }, '/requests');
    expect(own.status).to.equal(302);
    expect((await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ id: row.id })).status).to.equal('cancelled');
  });

  it('swap: agent offers Tue for the colleague’s Wed → colleague accepts → rule check passes → coordinator approves → shifts exchanged', async () => {
    const agent = await app.loginAs('agent');
    const asked = await agent.postForm(
      '/requests/swaps',
      {
        shiftId: String(world.shifts.aTue),
        mode: 'swap',
        targetShiftId: String(world.shifts.bWed),
        targetStaffId: '',
        note: 'Family lunch',
      },
      '/requests',
    );
    expect(asked.status, asked.text.slice(0, 400)).to.equal(302);
    const swap = await app.ds.getRepository(SwapRequest).findOneByOrFail({ note: 'Family lunch' });

    const colleague = await login(app, 'agent2');
    const page = await colleague.get('/requests');
    expect(page.text).to.contain('would like to swap shifts with you').and.to.contain('Family lunch');
    expect(
      (await colleague.postForm(`/requests/swaps/${swap.id}/respond`, { version: String(swap.version), answer: 'accept' })).status,
    ).to.equal(302);

    const coordinator = await app.loginAs('coordinator');
    const inbox = await coordinator.get('/requests/inbox');
    expect(inbox.text).to.contain('The swap keeps every labour rule.');
    const accepted = await app.ds.getRepository(SwapRequest).findOneByOrFail({ id: swap.id });
    expect(accepted.status).to.equal('accepted');
    const [tue, wed] = await Promise.all(
      [world.shifts.aTue, world.shifts.bWed].map((id) => app.ds.getRepository(Shift).findOneByOrFail({ id })),
    );
    const rotaBefore = await app.ds.getRepository(Rota).findOneByOrFail({ id: tue.rotaId });
    const approve = await coordinator.postForm(`/requests/inbox/swaps/${swap.id}`, {
      version: String(accepted.version),
      decision: 'approve',
      note: 'OK',
      shiftVersion: String(tue.version),
      targetShiftVersion: String(wed.version),
    });
    expect(approve.status, approve.text.slice(0, 400)).to.equal(302);
    expect(await staffOf(app, world.shifts.aTue)).to.equal(world.agent2);
    expect(await staffOf(app, world.shifts.bWed)).to.equal(world.agent);
    expect((await app.ds.getRepository(SwapRequest).findOneByOrFail({ id: swap.id })).status).to.equal('approved');
    // The rota's version moves too, so a rota-page edit opened before the swap gets a 409.
    expect((await app.ds.getRepository(Rota).findOneByOrFail({ id: tue.rotaId })).version).to.equal(rotaBefore.version + 1);
    const audit = await listAudit(app.ds, { entity: 'shift' });
    expect(audit.filter((a) => a.action === 'shift.reassigned').map((a) => Number(a.entityId))).to.include.members([
      world.shifts.aTue,
      world.shifts.bWed,
    ]);
    for (const c of [agent, colleague]) expect((await c.get('/requests')).text).to.contain('Approved');
  });

  it('swap: giving Friday 09:00 to a colleague who works until 23:00 on Thursday (10 h rest) is refused with the rule, nothing sent', async () => {
    const agent = await app.loginAs('agent');
    const res = await agent.postForm(
      '/requests/swaps',
      { shiftId: String(world.shifts.aFri), mode: 'give', targetShiftId: '', targetStaffId: String(world.agent2), note: 'Rest too short' },
      '/requests',
    );
    expect(res.status).to.equal(422);
    expect(res.text)
      .to.contain('Not sent: this swap would break the labour rules')
      .and.to.contain('Less than the minimum rest between shifts');
    expect(await app.ds.getRepository(SwapRequest).findOneBy({ note: 'Rest too short' })).to.equal(null);
  });

  it('swap: the rota changed after the colleague accepted → approval with the old shift version is 409 and nothing moves', async () => {
    const agent = await app.loginAs('agent');
    await agent.postForm(
      '/requests/swaps',
      { shiftId: String(world.shifts.aFri), mode: 'give', targetShiftId: '', targetStaffId: String(world.spare), note: 'Give Friday' },
      '/requests',
    );
    const swap = await app.ds.getRepository(SwapRequest).findOneByOrFail({ note: 'Give Friday' });
    const colleague = await login(app, 'agent4');
    await colleague.postForm(`/requests/swaps/${swap.id}/respond`, { version: String(swap.version), answer: 'accept' }, '/requests');
    const seen = await app.ds.getRepository(Shift).findOneByOrFail({ id: world.shifts.aFri });
    const coordinator = await app.loginAs('coordinator');
    expect((await coordinator.get('/requests/inbox')).text).to.contain('Give Friday');
    // Someone edits the shift on the rota page meanwhile (version goes up).
    await app.ds.getRepository(Shift).createQueryBuilder().update().set({ note: 'edited' }).where({ id: seen.id }).execute();
    const accepted = await app.ds.getRepository(SwapRequest).findOneByOrFail({ id: swap.id });
    const res = await coordinator.postForm(`/requests/inbox/swaps/${swap.id}`, {
      version: String(accepted.version),
      decision: 'approve',
      note: '',
      shiftVersion: String(seen.version),
      targetShiftVersion: '',
    });
    expect(res.status).to.equal(409);
    expect(res.text).to.contain('Someone else changed this record');
    expect(await staffOf(app, world.shifts.aFri)).to.equal(world.agent);
    expect((await app.ds.getRepository(SwapRequest).findOneByOrFail({ id: swap.id })).status).to.equal('accepted');
  });

  it('swap: only the colleague asked may answer (the agent now owns Wednesday); anyone else gets 404', async () => {
    const agent = await app.loginAs('agent');
    await agent.postForm(
      '/requests/swaps',
      {
        shiftId: String(world.shifts.bWed),
        mode: 'give',
        targetShiftId: '',
        targetStaffId: String(world.agent2),
        note: 'Wed for Mon',
      },
      '/requests',
    );
    const swap = await app.ds.getRepository(SwapRequest).findOneByOrFail({ note: 'Wed for Mon' });
    const lead = await app.loginAs('team_lead');
    expect(
      (await lead.postForm(`/requests/swaps/${swap.id}/respond`, { version: String(swap.version), answer: 'accept' }, '/requests')).status,
    ).to.equal(404);
    expect(
      (await agent.postForm(`/requests/swaps/${swap.id}/respond`, { version: String(swap.version), answer: 'accept' }, '/requests')).status,
    ).to.equal(404);
    expect((await app.ds.getRepository(SwapRequest).findOneByOrFail({ id: swap.id })).status).to.equal('pending');
  });

  it('swap: the colleague declines → the requester sees it declined; a pending one the requester cancels → cancelled, and it can no longer be answered', async () => {
    const agent = await login(app, 'agent4');
    const colleague = await login(app, 'agent2');
    await colleague.postForm(
      '/requests/swaps',
      {
        shiftId: String(world.shifts.bThuLate),
        mode: 'give',
        targetShiftId: '',
        targetStaffId: String(world.spare),
        note: 'Late Thursday',
      },
      '/requests',
    );
    const offered = await app.ds.getRepository(SwapRequest).findOneByOrFail({ note: 'Late Thursday' });
    expect(
      (await agent.postForm(`/requests/swaps/${offered.id}/respond`, { version: String(offered.version), answer: 'decline' }, '/requests'))
        .status,
    ).to.equal(302);
    expect((await colleague.get('/requests')).text).to.contain('Declined by the colleague');

    const again = await colleague.postForm(
      '/requests/swaps',
      {
        shiftId: String(world.shifts.bThuLate),
        mode: 'give',
        targetShiftId: '',
        targetStaffId: String(world.spare),
        note: 'Late Thursday, again',
      },
      '/requests',
    );
    expect(again.status).to.equal(302);
    const second = await app.ds.getRepository(SwapRequest).findOneByOrFail({ note: 'Late Thursday, again' });
    expect(
      (await colleague.postForm(`/requests/swaps/${second.id}/cancel`, { version: String(second.version) }, '/requests')).status,
    ).to.equal(302);
    const late = await agent.postForm(
      `/requests/swaps/${second.id}/respond`,
      { version: String(second.version + 1), answer: 'accept' },
      '/requests',
    );
    expect(late.status).to.equal(409);
    expect((await app.ds.getRepository(SwapRequest).findOneByOrFail({ id: second.id })).status).to.equal('cancelled');
  });

  it('availability: an agent records Tuesday evenings and a preference; the coordinator sees them; the optimiser export has the period', async () => {
    const agent = await login(app, 'agent2');
    const added = await agent.postForm(
      '/requests/availability',
      { weekday: '2', fromTime: '18:00', toTime: '24:00', note: 'Evening classes' },
      '/requests/availability',
    );
    expect(added.status).to.equal(302);
    expect(
      (await agent.postForm('/requests/preferences', { kind: 'day_off', weekday: '', weight: '4' }, '/requests/availability')).status,
    ).to.equal(422);
    expect(
      (await agent.postForm('/requests/preferences', { kind: 'early', weekday: '', weight: '4' }, '/requests/availability')).status,
    ).to.equal(302);
    const team = await (await app.loginAs('coordinator')).get('/requests/availability');
    expect(team.text).to.contain('Team availability').and.to.contain('Nino Beridze').and.to.contain('Evening classes');
    const periods = await unavailablePeriods(app.ds, { weekStart: WEEK, zone: 'Asia/Tbilisi' });
    expect(periods).to.deep.include({
      staffId: world.agent2,
      start: '2026-12-01T14:00:00.000Z',
      end: '2026-12-01T20:00:00.000Z',
      reason: 'availability',
    });
  });

  it('GET /requests/swap-check: giving a voice shift to a chat-only colleague → the htmx fragment names the missing skill', async () => {
    const agent = await app.loginAs('agent');
    const res = await agent.get(`/requests/swap-check?shiftId=${world.shifts.aMon}&mode=give&targetStaffId=${world.chatOnly}`);
    expect(res.status).to.equal(200);
    expect(res.text).not.to.contain('<html');
    expect(res.text).to.contain('The swap would break labour rules').and.to.contain('Luka Chat does not have the skill for this channel');
    const someoneElses = await agent.get(`/requests/swap-check?shiftId=${world.shifts.bMon}&mode=give&targetStaffId=${world.chatOnly}`);
    expect(someoneElses.text.trim()).to.equal('');
  });

  it('unavailablePeriods: time off from the week before is clipped to Monday 00:00; a whole Sunday across the DST change in Berlin is 23 h', async () => {
    const who = (await makePerson(app.ds, 'berlin', { name: 'DST Person' })).id;
    const t = await createTimeOff(
      app.ds,
      { staffId: who, startDate: '2027-03-18', endDate: '2027-03-23', kind: 'vacation', note: '' },
      NOW.toISOString(),
    );
    await setTimeOffStatus(app.ds, t.id, t.version, { status: 'approved' });
    await addAvailability(app.ds, {
      staffId: who,
      weekday: 7,
      date: null,
      fromTime: '00:00',
      toTime: '24:00',
      kind: 'unavailable',
      note: '',
    });
    const periods = (await unavailablePeriods(app.ds, { weekStart: '2027-03-22', zone: 'Europe/Berlin' })).filter((p) => p.staffId === who);
    // CET (UTC+1) until Sunday 28 March 2027 02:00, CEST (UTC+2) after.
    expect(periods).to.deep.equal([
      { staffId: who, start: '2027-03-21T23:00:00.000Z', end: '2027-03-23T23:00:00.000Z', reason: 'time_off' },
      { staffId: who, start: '2027-03-27T23:00:00.000Z', end: '2027-03-28T22:00:00.000Z', reason: 'availability' },
    ]);
  });

  it('pages: /requests, the inbox and availability render in Georgian without untranslated keys', async () => {
    const coordinator = await app.loginAs('coordinator');
    await coordinator.postForm('/locale', { locale: 'ka', returnTo: '/requests' }, '/requests');
    for (const path of ['/requests', '/requests/inbox', '/requests/availability']) {
      const res = await coordinator.get(path);
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('lang="ka"');
      expect(res.text).not.to.match(/>\s*requests\.[a-zA-Z.]+/);
    }
  });
});
