/**
 * Open shifts end to end over HTTP: a shift taken out by approved time off is offered on the
 * board from "find cover"; only agents who could take it without breaking a rule (skills, time
 * off, rest between shifts) are told and see it; the first claim waits for the coordinator (or
 * is given at once with auto-approve); the shift keeps its identity in the published revision
 * and the draft; the others are refused with the reason.
 */
import { expect } from 'chai';
import { startTestApp, seedMinimalTeam, TEST_PASSWORD, type TestApp, type TestClient } from '../../support/app';
import { testDbKind } from '../../support/db';
import { makePerson, makeRota } from '../../support/requests-builders';
import { findUserByUsername } from '../../../models/repositories/users';
import { createRotaRevision, getShift, listShifts, type ShiftRecord } from '../../../models/repositories/rotas';
import { createTimeOff, setTimeOffStatus } from '../../../models/repositories/requests';
import { listOpenShifts } from '../../../models/repositories/open-shifts';
import { decideTimeOff, type RequestsContext } from '../../../app/time-off';
import { myNotifications } from '../../../app/notification-list';
import type { DataSource } from '../../../models';

/** Wednesday 25 Nov 2026 in Tbilisi; the rota under test is the next week (Mon 30 Nov). */
const NOW = new Date('2026-11-25T08:00:00.000Z');
const WEEK = '2026-11-30';
const ZONE = 'Asia/Tbilisi';

interface World {
  app: TestApp;
  rotaId: number;
  agent: number;
  nino: number;
  chatOnly: number;
  levan: number;
  shifts: { aTue: number; aFri: number };
}

async function world(): Promise<World> {
  const w = {} as World;
  w.app = await startTestApp({
    now: () => NOW,
    seed: async (ds) => {
      await seedMinimalTeam(ds);
      w.agent = (await findUserByUsername(ds, 'agent'))!.staffId!;
      w.nino = (await makePerson(ds, 'nino', { name: 'Nino Beridze' })).id;
      w.chatOnly = (await makePerson(ds, 'chatonly', { name: 'Chat Only', skills: ['chat'] })).id;
      w.levan = (await makePerson(ds, 'levan', { name: 'Levan Chkheidze' })).id;
      const { rotaId, shiftIds } = await makeRota(ds, WEEK, [
        { staffId: w.agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
        { staffId: w.agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
        { staffId: w.agent, start: '2026-12-04 09:00', end: '2026-12-04 18:00' },
        { staffId: w.nino, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
        { staffId: w.nino, start: '2026-12-02 09:00', end: '2026-12-02 18:00' },
        // Ends 23:00 Thursday: Friday 09:00 would leave only 10 h of rest.
        { staffId: w.nino, start: '2026-12-03 14:00', end: '2026-12-03 23:00' },
      ]);
      w.rotaId = rotaId;
      w.shifts = { aTue: shiftIds[1], aFri: shiftIds[2] };
      // Levan is on approved leave on Tuesday.
      const leave = await createTimeOff(
        ds,
        { staffId: w.levan, startDate: '2026-12-01', endDate: '2026-12-01', kind: 'vacation', note: '' },
        NOW.toISOString(),
      );
      await setTimeOffStatus(ds, leave.id, leave.version, { status: 'approved', decidedBy: 'coordinator', decidedAt: NOW.toISOString() });
    },
  });
  return w;
}

async function coordinatorCtx(ds: DataSource): Promise<RequestsContext> {
  const user = (await findUserByUsername(ds, 'coordinator'))!;
  return { db: ds, zone: ZONE, now: NOW, actor: { userId: user.id, username: user.username, staffId: user.staffId } };
}

/** Approves a day off for the agent: the shift leaves the rota; returns its uid. */
async function agentOff(w: World, day: string, shiftId: number): Promise<string> {
  const uid = (await getShift(w.app.ds, shiftId))!.uid;
  const request = await createTimeOff(
    w.app.ds,
    { staffId: w.agent, startDate: day, endDate: day, kind: 'vacation', note: '' },
    NOW.toISOString(),
  );
  const res = await decideTimeOff(await coordinatorCtx(w.app.ds), { id: request.id, version: request.version, approve: true, note: '' });
  expect(res.kind).to.equal('ok');
  return uid;
}

async function login(app: TestApp, username: string): Promise<TestClient> {
  const c = app.client();
  const res = await c.postForm('/login', { username, password: TEST_PASSWORD }, '/login');
  if (res.status !== 302) throw new Error(`login as ${username}: HTTP ${res.status}`);
  return c;
}

async function kindsFor(ds: DataSource, username: string): Promise<string[]> {
  const user = (await findUserByUsername(ds, username))!;
  return (await myNotifications(ds, user.id)).items.map((n) => n.kind);
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const byUid = (shifts: ShiftRecord[], uid: string) => shifts.find((s) => s.uid === uid);

describe(`open shifts: offered, seen by the eligible only, claimed, approved through the change path (${testDbKind()})`, function () {
  this.timeout(120_000);
  let w: World;

  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => {
    await w?.app?.close();
  });

  it('offer → only eligible agents told and shown → first claim waits → coordinator approves → the shift is theirs in published and draft', async () => {
    const draft = await createRotaRevision(
      w.app.ds,
      { weekStart: WEEK, status: 'draft', basedOnRotaId: w.rotaId, createdBy: 'coordinator' },
      (await listShifts(w.app.ds, w.rotaId)).map(({ id: _i, rotaId: _r, version: _v, updatedAt: _u, updatedBy: _b, ...s }) => s),
      NOW.toISOString(),
    );
    const uid = await agentOff(w, '2026-12-01', w.shifts.aTue);
    const coord = await w.app.loginAs('coordinator');
    const cover = await coord.get(`/rota/cover?week=${WEEK}&uid=${uid}`);
    expect(cover.text).to.contain('Offer as an open shift');
    const offered = await coord.postForm('/open-shifts', { week: WEEK, uid });
    expect(offered.status).to.equal(303);
    const board = await coord.get('/open-shifts');
    // Told: Nino only. Not the chat-only agent (skill), not Levan (on leave), not the agent herself.
    expect(text(board.text)).to.contain('Offered on the board; 1 colleague(s) told.');
    expect(await kindsFor(w.app.ds, 'nino')).to.include('openShift.available');
    for (const other of ['chatonly', 'levan', 'agent']) expect(await kindsFor(w.app.ds, other)).not.to.include('openShift.available');
    // A second offer of the same shift is refused.
    const again = await coord.postForm('/open-shifts', { week: WEEK, uid });
    expect(again.status).to.equal(409);
    expect(again.text).to.contain('This shift is already on the board.');

    const nino = await login(w.app, 'nino');
    const chat = await login(w.app, 'chatonly');
    const levan = await login(w.app, 'levan');
    const [offer] = await listOpenShifts(w.app.ds, { statuses: ['open'] });
    const seen = text((await nino.get('/open-shifts')).text);
    expect(seen).to.contain('Tue 1 Dec, 09:00–18:00 · Calls');
    for (const c of [chat, levan]) {
      const page = await c.get('/open-shifts');
      expect(page.text).not.to.contain(`/open-shifts/${offer.id}/claim`);
      expect(page.text).to.contain('No open shift you could take right now.');
    }
    // Claiming anyway (a stale page, a crafted form) is refused with the rule it would break.
    const bad = await chat.postForm(`/open-shifts/${offer.id}/claim`, { version: String(offer.version) });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('You cannot take this shift: it would break a rule.');
    const onLeave = await levan.postForm(`/open-shifts/${offer.id}/claim`, { version: String(offer.version) });
    expect(onLeave.status).to.equal(422);
    expect(onLeave.text).to.contain('During time off or unavailability');

    const claimed = await nino.postForm(`/open-shifts/${offer.id}/claim`, { version: String(offer.version) });
    expect(claimed.status).to.equal(303);
    expect(text((await nino.get('/open-shifts')).text)).to.contain('Your claims waiting for the coordinator');
    // Not moved yet: it waits for the coordinator.
    expect(byUid(await listShifts(w.app.ds, w.rotaId), uid)).to.equal(undefined);
    const late = await levan.postForm(`/open-shifts/${offer.id}/claim`, { version: String(offer.version) });
    expect(late.status).to.equal(409);
    expect(late.text).to.contain('Someone else has taken this shift already.');

    expect(text((await coord.get('/open-shifts')).text)).to.contain('Claimed by Nino Beridze');
    const [current] = await listOpenShifts(w.app.ds, { statuses: ['claimed'] });
    const approved = await coord.postForm(`/open-shifts/${offer.id}/decide`, { version: String(current.version), decision: 'approve' });
    expect(approved.status).to.equal(303);
    expect(byUid(await listShifts(w.app.ds, w.rotaId), uid)!.staffId).to.equal(w.nino);
    expect(byUid(await listShifts(w.app.ds, draft.id), uid)!.staffId).to.equal(w.nino);
    expect(await kindsFor(w.app.ds, 'nino')).to.include('openShift.decided');
    expect(text((await nino.get('/notifications')).text)).to.contain('The open shift Tue 1 Dec 09:00–18:00 (Calls) is yours');
    expect(await listOpenShifts(w.app.ds, { statuses: ['open', 'claimed'] })).to.deep.equal([]);
    expect((await coord.get(`/rota/cover?week=${WEEK}&uid=${uid}`)).status).to.equal(404);
  });

  it('auto-approve: the first eligible claim gets it at once; someone short of rest never sees it', async () => {
    const uid = await agentOff(w, '2026-12-04', w.shifts.aFri);
    const coord = await w.app.loginAs('coordinator');
    expect((await coord.postForm('/open-shifts', { week: WEEK, uid, autoApprove: 'on' }, '/open-shifts')).status).to.equal(303);
    // Nino works until 23:00 on Thursday: 10 h before Friday 09:00, short of the 12 h rest.
    expect(await kindsFor(w.app.ds, 'nino')).not.to.include('openShift.available');
    expect(await kindsFor(w.app.ds, 'levan')).to.include('openShift.available');
    const [offer] = await listOpenShifts(w.app.ds, { statuses: ['open'] });
    const nino = await login(w.app, 'nino');
    expect((await nino.get('/open-shifts')).text).not.to.contain(`/open-shifts/${offer.id}/claim`);
    const levan = await login(w.app, 'levan');
    expect((await levan.get('/open-shifts')).text).to.contain(`/open-shifts/${offer.id}/claim`);
    const taken = await levan.postForm(`/open-shifts/${offer.id}/claim`, { version: String(offer.version) });
    expect(taken.status).to.equal(303);
    expect(text((await levan.get('/open-shifts')).text)).to.contain('The shift is yours.');
    expect(byUid(await listShifts(w.app.ds, w.rotaId), uid)!.staffId).to.equal(w.levan);
    expect(await listOpenShifts(w.app.ds, { statuses: ['filled'] })).to.have.length(1);
  });

  it('rejected claim reopens the offer; withdrawn offers leave the board; covering by hand closes the offer', async () => {
    const uid = await agentOff(w, '2026-12-01', w.shifts.aTue);
    const coord = await w.app.loginAs('coordinator');
    await coord.postForm('/open-shifts', { week: WEEK, uid }, '/open-shifts');
    let [offer] = await listOpenShifts(w.app.ds, { statuses: ['open'] });
    const nino = await login(w.app, 'nino');
    expect((await nino.postForm(`/open-shifts/${offer.id}/claim`, { version: String(offer.version) }, '/open-shifts')).status).to.equal(
      303,
    );
    [offer] = await listOpenShifts(w.app.ds, { statuses: ['claimed'] });
    expect(
      (await coord.postForm(`/open-shifts/${offer.id}/decide`, { version: String(offer.version), decision: 'reject' })).status,
    ).to.equal(303);
    [offer] = await listOpenShifts(w.app.ds, { statuses: ['open'] });
    expect(offer.claimedByStaffId).to.equal(null);
    expect(text((await nino.get('/notifications')).text)).to.contain(
      'Your claim of the open shift Tue 1 Dec 09:00–18:00 (Calls) was not approved',
    );
    // A stale version is refused.
    expect((await coord.postForm(`/open-shifts/${offer.id}/withdraw`, { version: String(offer.version - 1) })).status).to.equal(409);
    expect((await coord.postForm(`/open-shifts/${offer.id}/withdraw`, { version: String(offer.version) })).status).to.equal(303);
    expect((await nino.get('/open-shifts')).text).not.to.contain(`/open-shifts/${offer.id}/claim`);

    // Offered again, then covered from "find cover": the offer is over.
    await coord.postForm('/open-shifts', { week: WEEK, uid });
    expect(await listOpenShifts(w.app.ds, { statuses: ['open'] })).to.have.length(1);
    expect((await coord.postForm('/rota/cover', { week: WEEK, uid, staffId: String(w.nino) })).status).to.equal(303);
    expect(await listOpenShifts(w.app.ds, { statuses: ['open', 'claimed'] })).to.deep.equal([]);
  });

  it('an agent offers their own shift: the eligible are told; the first claim with no service cost is theirs at once; the offerer hears', async () => {
    const me = await login(w.app, 'agent');
    const board = await me.get('/open-shifts');
    expect(board.text).to.contain('Offer one of my shifts');
    const offered = await me.postForm('/open-shifts/mine', { shiftId: String(w.shifts.aFri) });
    expect(offered.status).to.equal(303);
    // Levan only: Nino would have 10 h rest after Thursday's late, the chat-only colleague lacks the skill.
    expect(await kindsFor(w.app.ds, 'levan')).to.include('openShift.available');
    for (const other of ['nino', 'chatonly']) expect(await kindsFor(w.app.ds, other)).not.to.include('openShift.available');
    const [offer] = await listOpenShifts(w.app.ds, { statuses: ['open'] });
    expect(offer).to.include({ source: 'agent', fromStaffId: w.agent });
    const own = await me.postForm(`/open-shifts/${offer.id}/claim`, { version: String(offer.version) }, '/open-shifts');
    expect(own.status).to.equal(409);
    expect(own.text).to.contain('This is your own shift.');
    const nino = await login(w.app, 'nino');
    expect((await nino.get('/open-shifts')).text).not.to.contain(`/open-shifts/${offer.id}/claim`);
    const levan = await login(w.app, 'levan');
    const page = text((await levan.get('/open-shifts')).text);
    expect(page).to.contain('Fri 4 Dec, 09:00–18:00 · Calls · offered by Test agent');
    const taken = await levan.postForm(`/open-shifts/${offer.id}/claim`, { version: String(offer.version) });
    expect(taken.status).to.equal(303);
    expect(text((await levan.get('/open-shifts')).text)).to.contain('The shift is yours.');
    const fri = (await getShift(w.app.ds, w.shifts.aFri))!;
    expect(fri.staffId).to.equal(w.levan);
    expect(text((await me.get('/notifications')).text)).to.contain(
      'Levan Chkheidze took your shift Fri 4 Dec 09:00–18:00 (Calls) from the board',
    );
  });

  it('an agent withdraws their own offer; a colleague cannot withdraw it', async () => {
    const me = await login(w.app, 'agent');
    await me.get('/open-shifts');
    expect((await me.postForm('/open-shifts/mine', { shiftId: String(w.shifts.aTue) })).status).to.equal(303);
    const [offer] = await listOpenShifts(w.app.ds, { statuses: ['open'] });
    const nino = await login(w.app, 'nino');
    expect((await nino.postForm(`/open-shifts/${offer.id}/withdraw`, { version: String(offer.version) }, '/open-shifts')).status).to.equal(
      404,
    );
    const again = await me.postForm('/open-shifts/mine', { shiftId: String(w.shifts.aTue) }, '/open-shifts');
    expect(again.status).to.equal(409);
    expect((await me.postForm(`/open-shifts/${offer.id}/withdraw`, { version: String(offer.version) }, '/open-shifts')).status).to.equal(
      303,
    );
    expect(await listOpenShifts(w.app.ds, { statuses: ['open', 'claimed'] })).to.deep.equal([]);
    // Someone else's shift cannot be offered.
    const [ninoShift] = (await listShifts(w.app.ds, w.rotaId)).filter((s) => s.staffId === w.nino);
    expect((await me.postForm('/open-shifts/mine', { shiftId: String(ninoShift.id) }, '/open-shifts')).status).to.equal(404);
  });

  it('approving time off in the inbox offers each removed shift for the board, beside find cover', async () => {
    const uid = (await getShift(w.app.ds, w.shifts.aTue))!.uid;
    const request = await createTimeOff(
      w.app.ds,
      { staffId: w.agent, startDate: '2026-12-01', endDate: '2026-12-01', kind: 'vacation', note: '' },
      NOW.toISOString(),
    );
    const coord = await w.app.loginAs('coordinator');
    const decided = await coord.postForm(
      `/requests/inbox/time-off/${request.id}`,
      { version: String(request.version), decision: 'approve', note: '' },
      '/requests/inbox',
    );
    expect(decided.status).to.equal(200);
    const form = /<form method="post" action="\/open-shifts"[\s\S]*?<\/form>/.exec(decided.text)![0];
    expect(form).to.contain(`name="uid" value="${uid}"`).and.to.contain('Offer as an open shift');
    expect((await coord.postForm('/open-shifts', { week: WEEK, uid })).status).to.equal(303);
    expect((await listOpenShifts(w.app.ds, { statuses: ['open'] })).map((o) => o.uid)).to.deep.equal([uid]);
  });
});
