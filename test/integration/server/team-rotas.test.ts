/**
 * Each team has its own rota of a week (issue #14), over HTTP with a real server and the real
 * solver: team B plans its own week against its own channel and people, with revisions and a
 * published revision of its own, while team A's week is untouched; A's coordinator asking for
 * B's revision by id (page, publish, diff, CSV) is answered 404 and nothing changes.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, seedMinimalTeam, type TestApp, type TestClient } from '../../support/app';
import { makePerson } from '../../support/requests-builders';
import { addRotaTeam } from '../../support/rota-builders';
import { getDefaultTeam, setStaffTeam, type DataSource } from '../../../models';
import { addTeamChannel } from '../../support/team';
import { getRota, listRotasForWeek, listShifts, publishedRotaForWeek } from '../../../models/repositories/rotas';
import { replaceRequirements } from '../../../models/repositories/requirements';
import { createTeam, moveStaffToTeam } from '../../../app/teams';
import { rotaJob, waitForRotaJob } from '../../../app/rota-jobs';
import { checkRota } from '../../../scheduling';
import { loadRotaContext, toEngineShift } from '../../../app/rota-problem';
import { testDbKind } from '../../support/db';
import { simulateRotaWeek } from '../../../app/rota-simulate';
import { rotaWeek } from '../../../app/rota-week';
import { listStaff } from '../../../models/repositories/staff';
import { staffingWeekPage } from '../../../app/requirement-for-week';
import { createTimeOff, listTimeOff } from '../../../models/repositories/requests';
import { listOpenShifts } from '../../../models/repositories/open-shifts';
import { openShiftBoard } from '../../../app/open-shifts';

const ZONE = 'Asia/Tbilisi';
const NOW = new Date();
const WEEK = DateTime.fromJSDate(NOW, { zone: ZONE }).startOf('week').plus({ weeks: 2 }).toISODate()!;
const B_CHANNEL = 'voice-b';

const fx = { teamA: 0, teamB: 0, bPeople: [] as number[] };

/** Hourly requirement 08:00-20:00 for `channels` of the week (only those channels' rows are replaced). */
async function storeRequirement(ds: DataSource, channels: Record<string, number>): Promise<void> {
  const monday = DateTime.fromISO(WEEK, { zone: ZONE });
  const rows = [];
  for (let d = 0; d < 7; d++)
    for (let h = 0; h < 24; h++)
      for (const [channelId, agents] of Object.entries(channels)) {
        const open = h >= 8 && h < 20;
        rows.push({
          channelId,
          start: monday.plus({ days: d, hours: h }).toUTC().toISO()!,
          volume: open ? agents * 8 : 0,
          ahtSeconds: 240,
          rawAgents: open ? agents : 0,
          scheduledAgents: open ? Math.ceil(agents / 0.7) : 0,
          serviceLevel: 0.8,
          asaSeconds: 20,
          occupancy: 0.6,
          abandonRate: null,
          forecastId: null,
          createdAt: NOW.toISOString(),
        });
      }
  await replaceRequirements(ds, WEEK, rows, Object.keys(channels));
}

async function seed(ds: DataSource): Promise<void> {
  await seedMinimalTeam(ds);
  await addRotaTeam(ds, 8);
  fx.teamA = (await getDefaultTeam(ds))!.id;
  const b = await createTeam(ds, { name: 'Batumi desk', timeZone: ZONE, actor: { userId: null }, now: NOW });
  if (b.kind !== 'ok') throw new Error('team B');
  fx.teamB = b.team.id;
  // B plans one channel of its own: the copies a new team gets (voice-N, chat-N) give way to it.
  await addTeamChannel(ds, { id: B_CHANNEL, teamId: fx.teamB, kind: 'voice', only: true });
  for (const name of ['b.coord', 'b.one', 'b.two', 'b.three', 'b.four']) {
    const p = await makePerson(ds, name, {
      role: name === 'b.coord' ? 'coordinator' : 'agent',
      name: `Batumi ${name}`,
      skills: [B_CHANNEL],
    });
    await setStaffTeam(ds, p.id, fx.teamB, NOW.toISOString());
    fx.bPeople.push(p.id);
  }
  await storeRequirement(ds, { voice: 2, chat: 1 });
  await storeRequirement(ds, { [B_CHANNEL]: 2 });
}

describe(`teams: each team its own rota of a week (${testDbKind()})`, function () {
  this.timeout(180_000);
  let app: TestApp;
  let a: TestClient;
  let b: TestClient;
  let bRotaId = 0;
  before(async () => {
    app = await startTestApp({ seed });
    a = await app.loginAs('coordinator');
    b = await app.loginAs('b.coord' as never);
  });
  after(async () => app?.close());

  it("B generates its week: a draft of B's, only B's people on B's channel, keeping every rule; A's week has nothing", async () => {
    const res = await b.postForm('/rota/generate', { week: WEEK, mode: 'all', timeLimit: '20' }, `/rota?week=${WEEK}`);
    expect(res.status).to.equal(303);
    expect(await rotaJob(app.ds, fx.teamA, WEEK), "A's generation").to.equal(null);
    const job = await waitForRotaJob(app.jobs, (await rotaJob(app.ds, fx.teamB, WEEK))!);
    expect(job.state, job.error ?? '').to.equal('done');
    const rota = (await getRota(app.ds, job.rotaId!))!;
    expect(rota).to.include({ teamId: fx.teamB, revision: 1, status: 'draft' });
    bRotaId = rota.id;
    const shifts = await listShifts(app.ds, rota.id);
    expect(shifts.length).to.be.greaterThan(10);
    expect(new Set(shifts.map((s) => s.staffId)).size).to.be.at.most(fx.bPeople.length);
    for (const s of shifts) {
      expect(fx.bPeople, `shift of ${s.staffId}`).to.include(s.staffId);
      expect(s.channel).to.equal(B_CHANNEL);
    }
    const ctx = await loadRotaContext(app.ds, { teamId: fx.teamB, weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW });
    expect(ctx.channels.map((c) => c.id)).to.deep.equal([B_CHANNEL]);
    expect(
      checkRota(
        ctx.problem,
        shifts.map((s) => toEngineShift(s, ZONE)),
      ),
    ).to.deep.equal([]);
    expect(await listRotasForWeek(app.ds, fx.teamA, WEEK)).to.deep.equal([]);
    const page = await b.get(`/rota?week=${WEEK}`);
    expect(page.text).to.contain('Batumi b.one').and.not.contain('Test agent');
    const aPage = await a.get(`/rota?week=${WEEK}`);
    expect(aPage.status).to.equal(200);
    expect(aPage.text).to.not.contain('Batumi');
  });

  it("A generates the same week: its own revision 1 on A's channels; both teams publish the week", async () => {
    await a.postForm('/rota/generate', { week: WEEK, mode: 'all', timeLimit: '20' }, `/rota?week=${WEEK}`);
    const job = await waitForRotaJob(app.jobs, (await rotaJob(app.ds, fx.teamA, WEEK))!);
    expect(job.state, job.error ?? '').to.equal('done');
    const aRota = (await getRota(app.ds, job.rotaId!))!;
    expect(aRota).to.include({ teamId: fx.teamA, revision: 1 });
    const aShifts = await listShifts(app.ds, aRota.id);
    expect(aShifts.some((s) => fx.bPeople.includes(s.staffId))).to.equal(false);
    expect(new Set(aShifts.map((s) => s.channel))).to.not.contain(B_CHANNEL);

    const pubB = await b.postForm(
      '/rota/publish',
      { rotaId: String(bRotaId), version: '1', published: '' },
      `/rota/publish?rota=${bRotaId}`,
    );
    expect(pubB.status, pubB.text.slice(0, 300)).to.equal(303);
    expect((await publishedRotaForWeek(app.ds, fx.teamB, WEEK))?.id).to.equal(bRotaId);
    expect(await publishedRotaForWeek(app.ds, fx.teamA, WEEK), "B's publish is not A's").to.equal(null);
    const pubA = await a.postForm(
      '/rota/publish',
      { rotaId: String(aRota.id), version: '1', published: '' },
      `/rota/publish?rota=${aRota.id}`,
    );
    expect(pubA.status, pubA.text.slice(0, 300)).to.equal(303);
    expect((await publishedRotaForWeek(app.ds, fx.teamA, WEEK))?.id).to.equal(aRota.id);
    expect((await publishedRotaForWeek(app.ds, fx.teamB, WEEK))?.id, "A's publish leaves B's published").to.equal(bRotaId);
  });

  it("A's coordinator asking for B's revision by id: 404 on the page, the publish review, the diff and the CSV", async () => {
    for (const url of [
      `/rota?week=${WEEK}&rota=${bRotaId}`,
      `/rota/publish?rota=${bRotaId}`,
      `/rota/diff?week=${WEEK}&from=${bRotaId}&to=${bRotaId}`,
      `/rota.csv?week=${WEEK}&rota=${bRotaId}`,
      `/rota/simulate?rota=${bRotaId}`,
    ]) {
      expect((await a.get(url)).status, url).to.equal(404);
    }
    expect((await b.get(`/rota?week=${WEEK}&rota=${bRotaId}`)).status).to.equal(200);
  });

  it("/staffing: each team's requirement, channels and people are its own", async () => {
    const forB = await staffingWeekPage(app.ds, { weekStart: WEEK, zone: ZONE, now: NOW, teamId: fx.teamB });
    expect(forB.channels.map((c) => c.id)).to.deep.equal([B_CHANNEL]);
    expect(new Set(forB.requirement.rows.map((r) => r.channel))).to.deep.equal(new Set([B_CHANNEL]));
    expect(forB.service.rota?.teamId).to.equal(fx.teamB);
    const forA = await staffingWeekPage(app.ds, { weekStart: WEEK, zone: ZONE, now: NOW, teamId: fx.teamA });
    expect(forA.channels.map((c) => c.id)).to.deep.equal(['voice', 'chat']);
    expect(forA.requirement.rows.some((r) => r.channel === B_CHANNEL)).to.equal(false);
    expect(forA.service.rota?.teamId).to.equal(fx.teamA);
    expect((await b.get(`/staffing?week=${WEEK}`)).status).to.equal(200);
  });

  it("A's coordinator cannot edit B's revision: a hand edit naming it answers 404 and it is unchanged", async () => {
    const before = (await getRota(app.ds, bRotaId))!;
    const shift = (await listShifts(app.ds, bRotaId))[0]!;
    const res = await a.postForm(
      '/rota/shift',
      { action: 'delete', rotaId: String(bRotaId), version: String(before.version), shiftId: String(shift.id) },
      `/rota?week=${WEEK}`,
    );
    expect(res.status).to.equal(404);
    expect((await getRota(app.ds, bRotaId))!.version).to.equal(before.version);
    expect((await listShifts(app.ds, bRotaId)).map((s) => s.id)).to.include(shift.id);
  });

  it("B's own channel on B's pages: the simulation is B's week on B's channel; a hand edit may name it", async () => {
    const sim = await simulateRotaWeek(app.ds, { rotaId: bRotaId, zone: ZONE, intervalMinutes: 60, now: NOW, replications: 3, seed: 1 });
    expect(sim!.channels.map((c) => c.channel)).to.deep.equal([B_CHANNEL]);
    // B's demand: 2 × 8 contacts an hour, 12 hours a day, 7 days (Poisson arrivals around it).
    expect(sim!.channels[0]!.offered.mean).to.be.within(1344 * 0.8, 1344 * 1.2);
    const page = await b.get(`/rota/simulate?rota=${bRotaId}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.not.contain('channel.voice-b');
    const shift = (await listShifts(app.ds, bRotaId))[0]!;
    const form = await b.get(`/rota/shift/${shift.id}/edit?rota=${bRotaId}`);
    expect(form.text).to.contain(`value="${B_CHANNEL}"`).and.not.contain('rota.channel.');
    const local = DateTime.fromISO(shift.start, { zone: ZONE });
    const check = await b.postForm(
      '/rota/shift/check',
      {
        action: 'update',
        rotaId: String(bRotaId),
        version: String((await getRota(app.ds, bRotaId))!.version),
        shiftId: String(shift.id),
        date: local.toISODate()!,
        startTime: local.toFormat('HH:mm'),
        endTime: DateTime.fromISO(shift.end, { zone: ZONE }).toFormat('HH:mm'),
        channel: B_CHANNEL,
      },
      `/rota/shift/${shift.id}/edit?rota=${bRotaId}`,
    );
    expect(check.status).to.equal(200);
    expect(check.text).to.not.contain('skill');
    const grid = await b.get(`/rota?week=${WEEK}&skill=${B_CHANNEL}`);
    expect(grid.text).to.contain('Batumi b.one').and.not.contain('skill.voice-b');
  });

  it("a B agent's swap picker offers B's colleagues, checked against B's week", async () => {
    const agent = await app.loginAs('b.one' as never);
    const mine = (await listShifts(app.ds, bRotaId)).find((s) => s.staffId === fx.bPeople[1])!;
    const res = await agent.get(`/requests/swap-targets?shiftId=${mine.id}`);
    expect(res.status).to.equal(200);
    expect(res.text).to.match(/Batumi b\.(two|three|four)/);
    expect(res.text).to.not.contain('Not in the team');
  });

  it("B's approved time off takes the shift out of B's published rota; its open shift is B's only (A's agent neither sees nor takes it)", async () => {
    const published = (await publishedRotaForWeek(app.ds, fx.teamB, WEEK))!;
    // An agent's shift (the coordinator does not decide their own request).
    const shift = (await listShifts(app.ds, published.id)).find((s) => s.staffId !== fx.bPeople[0])!;
    const date = DateTime.fromISO(shift.start, { zone: ZONE }).toISODate()!;
    const request = await createTimeOff(
      app.ds,
      { staffId: shift.staffId, startDate: date, endDate: date, kind: 'vacation', note: 'batumi-leave' },
      NOW.toISOString(),
    );
    expect((await a.get('/requests/inbox')).text).to.not.contain('batumi-leave');
    const aVersion = (await publishedRotaForWeek(app.ds, fx.teamA, WEEK))!.version;
    const decided = await b.postForm(
      `/requests/inbox/time-off/${request.id}`,
      { version: String(request.version), decision: 'approve', note: '' },
      '/requests/inbox',
    );
    expect(decided.status).to.equal(200);
    const after = (await publishedRotaForWeek(app.ds, fx.teamB, WEEK))!;
    expect((await listShifts(app.ds, after.id)).map((x) => x.uid)).to.not.include(shift.uid);
    expect((await publishedRotaForWeek(app.ds, fx.teamA, WEEK))!.version, "A's week unchanged").to.equal(aVersion);

    expect((await a.get(`/rota/cover?week=${WEEK}&uid=${shift.uid}`)).status, "A's coordinator: B's cover").to.equal(404);
    const cover = await b.get(`/rota/cover?week=${WEEK}&uid=${shift.uid}`);
    expect(cover.status).to.equal(200);
    // B's channel is called by its kind ('Calls'), not by a catalogue key.
    expect(cover.text).to.contain('Calls').and.not.contain('rota.channel.');
    expect(cover.text, "B's colleagues can cover").to.match(/Batumi b\.(one|two|three|four)/);
    const aPerson = (await listStaff(app.ds, { teamId: fx.teamA }))[0]!;
    expect(
      (
        await b.postForm(
          '/rota/cover',
          { week: WEEK, uid: shift.uid, staffId: String(aPerson.id) },
          `/rota/cover?week=${WEEK}&uid=${shift.uid}`,
        )
      ).status,
      "one of A's people as B's cover",
    ).to.equal(404);
    const offered = await b.postForm('/open-shifts', { week: WEEK, uid: shift.uid }, '/open-shifts');
    expect(offered.status, offered.text.slice(0, 200)).to.be.oneOf([302, 303]);
    const [offer] = await listOpenShifts(app.ds, { statuses: ['open'], uid: shift.uid });
    expect(offer, 'the open shift').to.not.equal(undefined);
    const aAgent = await app.loginAs('agent');
    expect((await aAgent.get('/open-shifts')).text).to.not.contain(`/open-shifts/${offer!.id}/claim`);
    const claim = await aAgent.postForm(`/open-shifts/${offer!.id}/claim`, { version: String(offer!.version) }, '/open-shifts');
    expect(claim.status).to.equal(404);
    expect((await listOpenShifts(app.ds, { statuses: ['open'], uid: shift.uid })).length).to.equal(1);
  });

  it("A's inbox: B's people already off are not A's \"already off\" (B's approved leave is not listed on A's request)", async () => {
    const bLeave = (await listTimeOff(app.ds, { statuses: ['approved'] })).find((r) => fx.bPeople.includes(r.staffId))!;
    expect(bLeave, "B's approved leave from the test before").to.not.equal(undefined);
    const aPerson = (await listStaff(app.ds, { teamId: fx.teamA })).find((p) => p.role === 'agent')!;
    await createTimeOff(
      app.ds,
      { staffId: aPerson.id, startDate: bLeave.startDate, endDate: bLeave.endDate, kind: 'vacation', note: 'tbilisi-leave' },
      NOW.toISOString(),
    );
    const inbox = (await a.get('/requests/inbox')).text;
    expect(inbox).to.contain('tbilisi-leave');
    expect(inbox).to.not.contain('Already off on some of these days');
    expect(inbox).to.not.contain(`#${bLeave.staffId}`);
  });

  it("the open-shift board's headroom is the page's team's: B's channel and rota for B, A's for A", async () => {
    // A day in the week before WEEK: the board shows that week and WEEK.
    const now = DateTime.fromISO(WEEK, { zone: ZONE }).minus({ days: 3 }).plus({ hours: 10 }).toJSDate();
    const board = (teamId: number, staffId: number) =>
      openShiftBoard({ db: app.ds, zone: ZONE, now, actor: { userId: 0, username: 'x', staffId }, teamId }, { withAll: false });
    const forB = (await board(fx.teamB, fx.bPeople[1]!)).headroom.find((w) => w.weekStart === WEEK)!;
    expect(forB.hasRota).to.equal(true);
    expect(new Set(forB.days.map((d) => d.channel))).to.deep.equal(new Set([B_CHANNEL]));
    const aPerson = (await listStaff(app.ds, { teamId: fx.teamA }))[0]!;
    const forA = (await board(fx.teamA, aPerson.id)).headroom.find((w) => w.weekStart === WEEK)!;
    expect(new Set(forA.days.map((d) => d.channel))).to.deep.equal(new Set(['voice', 'chat']));
  });

  it("someone moved to A keeps, on My shifts, the shifts B's published rota still gives them (as their calendar does)", async () => {
    const moved = fx.bPeople[4]!;
    const theirs = (await listShifts(app.ds, (await publishedRotaForWeek(app.ds, fx.teamB, WEEK))!.id)).filter((s) => s.staffId === moved);
    expect(theirs.length, 'the fixture gives them shifts').to.be.greaterThan(0);
    // As the admin's /teams does it: their skills become A's channels of the same kinds.
    expect((await moveStaffToTeam(app.ds, { staffId: moved, teamId: fx.teamA, actor: { userId: null }, now: NOW })).kind).to.equal('ok');
    const agent = await app.loginAs('b.four' as never);
    const page = await agent.get('/my-shifts');
    expect(page.status).to.equal(200);
    const first = DateTime.fromISO(theirs[0]!.start, { zone: ZONE }).toFormat('HH:mm');
    expect(page.text).to.contain(first);
    const day = DateTime.fromISO(theirs[0]!.start, { zone: ZONE }).toISODate()!;
    expect((await agent.get(`/my-shifts/day/${day}`)).text).to.contain(first);
  });

  it("B's rota after b.four moved to A: a note, not rule breaks; no new shift for them; their kept shift can be taken out", async () => {
    const moved = fx.bPeople[4]!;
    const published = (await publishedRotaForWeek(app.ds, fx.teamB, WEEK))!;
    const theirs = (await listShifts(app.ds, published.id)).filter((s) => s.staffId === moved);
    expect(theirs.length, 'b.four keeps shifts in B').to.be.greaterThan(0);
    const page = await b.get(`/rota?week=${WEEK}&rota=${published.id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain(`Now in ${(await getDefaultTeam(app.ds))!.name}:`);
    expect(page.text).to.not.contain('Not in the team').and.not.contain('is not in the team');
    expect(page.text, 'no new shift for someone now in A').to.not.contain(`&staff=${moved}&`);
    expect(page.text, 'the stats count no rule break').to.match(/<div class="value">0<\/div><div class="label">[^<]*rule/i);
    expect((await b.get(`/rota/shift/new?rota=${published.id}&staff=${moved}`)).status).to.equal(404);
    // Filtered by B's channel, they are still there: their shifts here are on it.
    const filtered = (await b.get(`/rota?week=${WEEK}&rota=${published.id}&skill=${B_CHANNEL}`)).text;
    expect(filtered).to.contain('scope="row">Batumi b.four');
    const form = await b.get(`/rota/shift/${theirs[0]!.id}/edit`);
    expect(form.status, "the kept shift's form").to.equal(200);
    // New times for a moved person's shift: refused, saying why (nothing of theirs can be checked here).
    const start = DateTime.fromISO(theirs[0]!.start, { zone: ZONE });
    const end = DateTime.fromISO(theirs[0]!.end, { zone: ZONE });
    const update = (shiftBy: number, channel: string) =>
      b.postForm(
        '/rota/shift',
        {
          action: 'update',
          rotaId: String(published.id),
          version: String(published.version),
          shiftId: String(theirs[0]!.id),
          date: start.toISODate()!,
          startTime: start.plus({ hours: shiftBy }).toFormat('HH:mm'),
          endTime: end.plus({ hours: shiftBy }).toFormat('HH:mm'),
          channel,
        },
        `/rota/shift/${theirs[0]!.id}/edit`,
      );
    const later = await update(1, theirs[0]!.channel);
    expect(later.status).to.equal(422);
    // Another channel for it: refused likewise (their skills are A's now; nothing checks them here).
    const chat = await update(0, 'chat');
    expect(chat.status, chat.text.slice(0, 200)).to.equal(422);
    expect(chat.text).to.contain('Batumi b.four is now in');
    expect((await listShifts(app.ds, published.id)).find((x) => x.id === theirs[0]!.id)!.channel).to.equal(B_CHANNEL);
    expect(later.text).to.contain(`Batumi b.four is now in ${(await getDefaultTeam(app.ds))!.name}: their shifts here can be taken out`);
    expect(later.text).to.not.contain('staff id');
    // Their shifts are worked: they count on the queue. One hour inside the shift taken out below,
    // clear of its break: one person fewer on the queue once it is out.
    const taken0 = theirs[0]!;
    const hours = Array.from({ length: 24 }, (_, h) => Date.parse(taken0.start) + h * 3_600_000).filter(
      (t) =>
        t + 3_600_000 <= Date.parse(taken0.end) &&
        taken0.breaks.every((x) => Date.parse(x.end) <= t || Date.parse(x.start) >= t + 3_600_000),
    );
    const hour = new Date(hours[0]!).toISOString();
    const onQueue = async (rotaId: number) =>
      (await rotaWeek(app.ds, { weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW, rotaId, teamId: fx.teamB })).service.find(
        (r) => r.channel === B_CHANNEL && Date.parse(r.start) === Date.parse(hour),
      )!.onQueue;
    const withThem = await onQueue(published.id);
    const taken = await b.postForm(
      '/rota/shift',
      { action: 'delete', rotaId: String(published.id), version: String(published.version), shiftId: String(theirs[0]!.id) },
      `/rota/shift/${theirs[0]!.id}/edit`,
    );
    expect(taken.status, taken.text.slice(0, 300)).to.be.oneOf([302, 303]);
    // A hand edit of the published week makes a draft without it; publishing it needs no reason
    // (the shifts b.four keeps are not rule breaks).
    const draft = (await listRotasForWeek(app.ds, fx.teamB, WEEK))[0]!;
    expect(draft.status).to.equal('draft');
    const draftShifts = await listShifts(app.ds, draft.id);
    expect(draftShifts.map((s) => s.uid)).to.not.include(theirs[0]!.uid);
    expect(draftShifts.filter((s) => s.staffId === moved).length).to.equal(theirs.length - 1);
    expect(withThem - (await onQueue(draft.id)), "b.four's hour on the queue").to.be.closeTo(1, 1e-4);
    // The diff names them (not their id).
    const diff = await b.get(`/rota/diff?week=${WEEK}&from=${published.id}&to=${draft.id}`);
    expect(diff.status).to.equal(200);
    const people = diff.text.slice(diff.text.indexOf('class="diff-people"')).split('</table>')[0]!;
    expect(people).to.contain('<td>Batumi b.four</td>').and.not.contain(`<td>${moved}</td>`);
    const pub = await b.postForm(
      '/rota/publish',
      { rotaId: String(draft.id), version: String(draft.version), published: String(published.id) },
      `/rota/publish?rota=${draft.id}`,
    );
    expect(pub.status, pub.text.slice(0, 300)).to.equal(303);
    expect((await publishedRotaForWeek(app.ds, fx.teamB, WEEK))!.id).to.equal(draft.id);
    // A's coordinator still cannot reach B's shift, whoever's team its person is in now.
    expect((await a.get(`/rota/shift/${theirs[1]?.id ?? theirs[0]!.id}/edit`)).status).to.equal(404);
  });

  it("A approves time off of b.four (now A's) on a day of a shift in B's rota: no cover link that would 404, B's team named", async () => {
    const moved = fx.bPeople[4]!;
    const published = (await publishedRotaForWeek(app.ds, fx.teamB, WEEK))!;
    const kept = (await listShifts(app.ds, published.id)).find((s) => s.staffId === moved)!;
    expect(kept, 'b.four still has a shift in B').to.not.equal(undefined);
    const date = DateTime.fromISO(kept.start, { zone: ZONE }).toISODate()!;
    const request = await createTimeOff(
      app.ds,
      { staffId: moved, startDate: date, endDate: date, kind: 'vacation', note: 'moved-leave' },
      NOW.toISOString(),
    );
    const decided = await a.postForm(
      `/requests/inbox/time-off/${request.id}`,
      { version: String(request.version), decision: 'approve', note: '' },
      '/requests/inbox',
    );
    expect(decided.status).to.equal(200);
    expect(decided.text).to.contain('in the rota of Batumi desk');
    expect(decided.text).to.not.contain(`uid=${kept.uid}`);
    expect((await listShifts(app.ds, (await publishedRotaForWeek(app.ds, fx.teamB, WEEK))!.id)).map((s) => s.uid)).to.not.include(kept.uid);
  });

  it("B copies the week into the next one: b.four (now A's) gets no new week in B", async () => {
    const next = DateTime.fromISO(WEEK, { zone: ZONE }).plus({ weeks: 1 }).toISODate()!;
    const res = await b.postForm('/rota/copy', { week: next }, `/rota?week=${next}`);
    expect(res.status, res.text.slice(0, 200)).to.be.oneOf([302, 303]);
    const copy = (await listRotasForWeek(app.ds, fx.teamB, next))[0]!;
    const shifts = await listShifts(app.ds, copy.id);
    const source = await listShifts(app.ds, (await publishedRotaForWeek(app.ds, fx.teamB, WEEK))!.id);
    expect(
      source.some((s) => s.staffId === fx.bPeople[4]),
      'b.four has shifts in the week copied',
    ).to.equal(true);
    expect(shifts.some((s) => s.staffId === fx.bPeople[4])).to.equal(false);
    expect(shifts.length).to.equal(source.filter((s) => s.staffId !== fx.bPeople[4]).length);
  });
});
