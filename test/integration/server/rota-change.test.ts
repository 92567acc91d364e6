/**
 * The change path (app/rota-change.ts) end to end: swaps and time off checked at approval and
 * written into every revision they concern, publishing that shows its effect and guards
 * approved changes, and calendar feeds that keep each shift's identity.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { runCommand } from '../../support/cli';
import { run as runRota } from '../../../bin/commands/rota';
import { createDataSource, runMigrations } from '../../../models';
import { seedMinimalTeam, startTestApp, type TestApp } from '../../support/app';
import { makePerson, makeRota } from '../../support/requests-builders';
import { listAudit } from '../../../models/repositories/audit';
import { findUserByUsername } from '../../../models/repositories/users';
import { createSwap, createTimeOff, getSwap, setSwapStatus } from '../../../models/repositories/requests';
import { createRotaRevision, getRota, getShift, listRotasForWeek, listShifts, type ShiftRecord } from '../../../models/repositories/rotas';
import { decideSwap } from '../../../app/swap';
import { decideTimeOff, type RequestsContext } from '../../../app/time-off';
import { editRotaShift } from '../../../app/rota-edit';
import { publishReviewed } from '../../../app/rota-publish-review';
import { rotaWeek } from '../../../app/rota-week';
import { loadRotaContext, toEngineShift } from '../../../app/rota-problem';
import { hardViolations, weekViolations } from '../../../app/rota-change';
import { rotaDiff } from '../../../app/rota-diff';
import { generateRota } from '../../../app/rota-generate';
import { storeWeekRequirement } from '../../support/rota-builders';
import { checkRota } from '../../../scheduling';
import { defaultTeamId } from '../../support/default-team';

/** Wednesday 25 Nov 2026 in Tbilisi; the rota under test is the next week (Mon 30 Nov). */
const NOW = new Date('2026-11-25T08:00:00.000Z');
const WEEK = '2026-11-30';
const PREVIOUS = '2026-11-23';
const ZONE = 'Asia/Tbilisi';
const SETTINGS = { zone: ZONE, intervalMinutes: 60, now: NOW };

interface World {
  app: TestApp;
  agent: number;
  agent2: number;
  rotaId: number;
  /** agent: Mon, Tue, Fri 09-18; agent2: Mon, Wed 09-18, Thu 14-23. */
  shifts: { aMon: number; aTue: number; aFri: number; bMon: number; bWed: number; bThuLate: number };
}

async function world(): Promise<World> {
  const ids: Partial<World> = {};
  const app = await startTestApp({
    now: () => NOW,
    seed: async (ds) => {
      await seedMinimalTeam(ds);
      ids.agent = (await findUserByUsername(ds, 'agent'))!.staffId!;
      ids.agent2 = (await makePerson(ds, 'agent2', { name: 'Nino Beridze' })).id;
      const { rotaId, shiftIds } = await makeRota(ds, WEEK, [
        { staffId: ids.agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
        { staffId: ids.agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
        { staffId: ids.agent, start: '2026-12-04 09:00', end: '2026-12-04 18:00' },
        { staffId: ids.agent2, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
        { staffId: ids.agent2, start: '2026-12-02 09:00', end: '2026-12-02 18:00' },
        { staffId: ids.agent2, start: '2026-12-03 14:00', end: '2026-12-03 23:00' },
      ]);
      const [aMon, aTue, aFri, bMon, bWed, bThuLate] = shiftIds;
      Object.assign(ids, { rotaId, shifts: { aMon, aTue, aFri, bMon, bWed, bThuLate } });
    },
  });
  return { ...(ids as World), app };
}

async function coordinatorCtx(app: TestApp): Promise<RequestsContext> {
  const user = (await findUserByUsername(app.ds, 'coordinator'))!;
  return { db: app.ds, zone: ZONE, now: NOW, actor: { userId: user.id, username: user.username, staffId: user.staffId } };
}

/** An accepted swap, as if the colleague had said yes before the rota changed under it. */
async function acceptedSwap(w: World, shiftId: number, to: number, targetShiftId: number | null = null) {
  const swap = await createSwap(
    w.app.ds,
    { requesterStaffId: w.agent, shiftId, targetStaffId: to, targetShiftId, note: 'swap under test' },
    NOW.toISOString(),
  );
  return setSwapStatus(w.app.ds, swap.id, swap.version, { status: 'accepted' });
}

async function approve(w: World, swapId: number, overrideReason?: string) {
  const ctx = await coordinatorCtx(w.app);
  const swap = (await getSwap(w.app.ds, swapId))!;
  const shift = (await getShift(w.app.ds, swap.shiftId))!;
  const target = swap.targetShiftId === null ? null : await getShift(w.app.ds, swap.targetShiftId);
  return decideSwap(ctx, {
    id: swap.id,
    version: swap.version,
    shiftVersion: shift.version,
    targetShiftVersion: target?.version ?? null,
    approve: true,
    note: '',
    overrideReason,
  });
}

/** A draft copy of the published revision (uids kept), as "edit the published rota" makes. */
async function draftOf(w: World) {
  const shifts = await listShifts(w.app.ds, w.rotaId);
  return createRotaRevision(
    w.app.ds,
    { weekStart: WEEK, status: 'draft', basedOnRotaId: w.rotaId, createdBy: 'coordinator' },
    shifts.map(({ id: _id, rotaId: _r, version: _v, updatedAt: _u, updatedBy: _b, ...s }) => s),
    NOW.toISOString(),
  );
}

const byUid = (shifts: ShiftRecord[], uid: string) => shifts.find((s) => s.uid === uid);
const events = (ics: string) =>
  ics
    .split('BEGIN:VEVENT')
    .slice(1)
    .map((e) => ({
      uid: /UID:([^\r\n]+)/.exec(e)![1],
      sequence: Number(/SEQUENCE:(\d+)/.exec(e)![1]),
      start: /DTSTART:([^\r\n]+)/.exec(e)![1],
      cancelled: e.includes('STATUS:CANCELLED'),
    }));

describe('rota change path: checked approvals, revisions that keep approved changes, publish review, calendar identity', function () {
  this.timeout(40_000);
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w?.app.close());

  it('swap approval: Friday 09:00 to a colleague who works until 23:00 on Thursday (10 h rest) is refused; with a reason it is approved and the reason recorded', async () => {
    const swap = await acceptedSwap(w, w.shifts.aFri, w.agent2);
    const refused = await approve(w, swap.id);
    expect(refused.kind).to.equal('refused');
    expect(refused.kind === 'refused' && refused.violations!.map((v) => v.rule)).to.deep.equal(['rest']);
    expect((await getShift(w.app.ds, w.shifts.aFri))!.staffId).to.equal(w.agent);

    const approved = await approve(w, swap.id, 'Nino asked to start late, agreed with the team lead');
    expect(approved.kind).to.equal('ok');
    expect((await getShift(w.app.ds, w.shifts.aFri))!.staffId).to.equal(w.agent2);
    const change = (await listAudit(w.app.ds, { entity: 'rota' })).find((a) => a.action === 'rota.change')!;
    expect(change.detail).to.nested.include({
      'override.reason': 'Nino asked to start late, agreed with the team lead',
      by: 'coordinator',
    });
    const page = await (await w.app.loginAs('coordinator')).get(`/rota?week=${WEEK}&rota=${w.rotaId}`);
    expect(page.text).to.contain('Rules broken on purpose').and.contain('Nino asked to start late');
  });

  it('swap approval: overlapping shifts (both on Monday 09-18) are refused even with a reason', async () => {
    const swap = await acceptedSwap(w, w.shifts.aMon, w.agent2);
    const res = await approve(w, swap.id, 'please');
    expect(res.kind === 'refused' && res.overridable).to.equal(false);
    expect((await getShift(w.app.ds, w.shifts.aMon))!.staffId).to.equal(w.agent);
  });

  it('swap approved while a draft exists lands in the published revision and the draft; publishing the draft keeps it', async () => {
    const draft = await draftOf(w);
    const uid = (await getShift(w.app.ds, w.shifts.aTue))!.uid;
    const swap = await acceptedSwap(w, w.shifts.aTue, w.agent2, w.shifts.bWed);
    expect((await approve(w, swap.id)).kind).to.equal('ok');
    expect(byUid(await listShifts(w.app.ds, w.rotaId), uid)!.staffId).to.equal(w.agent2);
    expect(byUid(await listShifts(w.app.ds, draft.id), uid)!.staffId).to.equal(w.agent2);
    const current = (await getRota(w.app.ds, draft.id))!;
    const published = await publishReviewed(w.app.ds, {
      ...SETTINGS,
      rotaId: draft.id,
      expectedVersion: current.version,
      userId: null,
      by: 'c',
    });
    expect(published.kind).to.equal('published');
  });

  it('publish: an older draft that would put an approved swap back is refused with the list, over HTTP too', async () => {
    const older = await draftOf(w);
    await draftOf(w); // the newest draft gets the swap, the older one does not
    const swap = await acceptedSwap(w, w.shifts.aTue, w.agent2, w.shifts.bWed);
    expect((await approve(w, swap.id)).kind).to.equal('ok');
    const rota = (await getRota(w.app.ds, older.id))!;
    const res = await publishReviewed(w.app.ds, { ...SETTINGS, rotaId: older.id, expectedVersion: rota.version, userId: null, by: 'c' });
    expect(res.kind).to.equal('undoesApproved');
    expect(res.kind === 'undoesApproved' && res.review.undone.map((u) => [u.kind, u.staffId])).to.deep.include.members([
      ['swap', w.agent2],
      ['swap', w.agent],
    ]);
    const coord = await w.app.loginAs('coordinator');
    const http = await coord.postForm(
      '/rota/publish',
      { rotaId: String(older.id), version: String(rota.version), published: String(w.rotaId) },
      `/rota/publish?rota=${older.id}`,
    );
    expect(http.status).to.equal(409);
    expect(http.text).to.contain('Publishing this draft would undo approved changes');
    expect((await getRota(w.app.ds, older.id))!.status).to.equal('draft');
  });

  it('time off approved: the shift leaves the rota, My shifts and the feed at once; the feed lists it as cancelled', async () => {
    const draft = await draftOf(w);
    const tue = (await getShift(w.app.ds, w.shifts.aTue))!;
    const agent = await w.app.loginAs('agent');
    expect((await agent.get('/my-shifts.ics')).text).to.contain(`UID:${tue.uid}@`);
    const request = await createTimeOff(
      w.app.ds,
      { staffId: w.agent, startDate: '2026-12-01', endDate: '2026-12-01', kind: 'vacation', note: 'Dentist' },
      NOW.toISOString(),
    );
    const res = await decideTimeOff(await coordinatorCtx(w.app), { id: request.id, version: request.version, approve: true, note: '' });
    expect(res.kind).to.equal('ok');
    expect(await getShift(w.app.ds, w.shifts.aTue)).to.equal(null);
    expect(byUid(await listShifts(w.app.ds, draft.id), tue.uid)).to.equal(undefined);
    const mine = await agent.get('/my-shifts');
    expect(mine.text).to.contain('09:00–18:00');
    // My week lists every day: Tuesday 1 December is now a day off, with no shift to open.
    expect(mine.text).not.to.contain('/my-shifts/day/2026-12-01');
    expect(mine.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).to.contain('Tue 1 Dec Day off');
    const feed = events((await agent.get('/my-shifts.ics')).text);
    const gone = feed.find((e) => e.uid.startsWith(tue.uid))!;
    expect(gone).to.include({ cancelled: true, sequence: tue.sequence + 1 });
    expect(feed.filter((e) => !e.cancelled)).to.have.length(2);

    // Find cover: everyone who can take it without breaking a rule, fewest hours first.
    const coord = await w.app.loginAs('coordinator');
    const cover = await coord.get(`/rota/cover?week=${WEEK}&uid=${tue.uid}`);
    expect(cover.status).to.equal(200);
    const names = [...cover.text.matchAll(/<td>([^<]+)<\/td>\s*<td>([\d.,]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(names.at(-1)).to.deep.equal(['Nino Beridze', '24.0']);
    expect(names.map((n) => n[0])).not.to.include('Test agent');
    // The person on leave cannot be put back: the change path refuses it.
    const back = await coord.postForm('/rota/cover', { week: WEEK, uid: tue.uid, staffId: String(w.agent) });
    expect(back.status).to.equal(409);
    expect(back.text).to.contain('During time off or unavailability');
    const assigned = await coord.postForm('/rota/cover', { week: WEEK, uid: tue.uid, staffId: String(w.agent2) });
    expect(assigned.status).to.equal(303);
    expect(byUid(await listShifts(w.app.ds, w.rotaId), tue.uid)!.staffId).to.equal(w.agent2);
    expect(byUid(await listShifts(w.app.ds, draft.id), tue.uid)!.staffId).to.equal(w.agent2);
    expect((await coord.get(`/rota/cover?week=${WEEK}&uid=${tue.uid}`)).status).to.equal(404);
  });

  it('find cover → re-plan just that day: only that day changes, the person on leave stays off, no rule broken', async () => {
    await storeWeekRequirement(w.app.ds, WEEK, { voice: 1, chat: 0 });
    const tue = (await getShift(w.app.ds, w.shifts.aTue))!;
    const request = await createTimeOff(
      w.app.ds,
      { staffId: w.agent, startDate: '2026-12-01', endDate: '2026-12-01', kind: 'sick', note: '' },
      NOW.toISOString(),
    );
    expect(
      (await decideTimeOff(await coordinatorCtx(w.app), { id: request.id, version: request.version, approve: true, note: '' })).kind,
    ).to.equal('ok');
    const before = await listShifts(w.app.ds, w.rotaId);
    const coord = await w.app.loginAs('coordinator');
    const cover = await coord.get(`/rota/cover?week=${WEEK}&uid=${tue.uid}`);
    expect(cover.text).to.contain('name="mode" value="day"').and.contain('name="day" value="2026-12-01"').and.contain('Re-plan Tue 1 Dec');
    // A day outside the week is refused before anything runs.
    const outside = await coord.postForm(
      '/rota/generate',
      { week: WEEK, mode: 'day', day: '2026-12-08' },
      `/rota/cover?week=${WEEK}&uid=${tue.uid}`,
    );
    expect(outside.status).to.equal(400);

    const coordinator = (await findUserByUsername(w.app.ds, 'coordinator'))!;
    const generated = await generateRota(w.app.ds, {
      ...SETTINGS,
      weekStart: WEEK,
      mode: 'day',
      day: '2026-12-01',
      timeLimitSeconds: 20,
      seed: 3,
      userId: coordinator.id,
      by: coordinator.username,
    });
    if (generated.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(generated)}`);
    const after = await listShifts(w.app.ds, generated.rota.id);
    const localDay = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toISODate();
    const sig = (s: ShiftRecord) => `${s.staffId} ${s.start} ${s.end}`;
    // Every other day exactly as it was; nothing new outside Tuesday.
    expect(
      after
        .filter((s) => localDay(s.start) !== '2026-12-01')
        .map(sig)
        .sort(),
    ).to.deep.equal(
      before
        .filter((s) => localDay(s.start) !== '2026-12-01')
        .map(sig)
        .sort(),
    );
    const tuesday = after.filter((s) => localDay(s.start) === '2026-12-01');
    // Tuesday needs one person on voice from 08:00: someone now works it, and not the person on leave.
    expect(tuesday.length).to.be.greaterThan(0);
    expect(tuesday.map((s) => s.staffId)).not.to.include(w.agent);
    const ctx = await loadRotaContext(w.app.ds, { weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW, withRequirement: false });
    expect(hardViolations(weekViolations(ctx.problem, after, ZONE))).to.deep.equal([]);
  });

  it('calendar feed: a republish keeps every UID, SEQUENCE rises for the moved shift, a removed shift stays as CANCELLED', async () => {
    const agent = await w.app.loginAs('agent');
    const before = events((await agent.get('/my-shifts.ics')).text);
    expect(before).to.have.length(3);
    const fri = (await getShift(w.app.ds, w.shifts.aFri))!;
    const mon = (await getShift(w.app.ds, w.shifts.aMon))!;
    const edit = {
      zone: ZONE,
      intervalMinutes: 60,
      now: NOW,
      userId: null,
      by: 'coordinator',
    };
    const moved = await editRotaShift(w.app.ds, {
      ...edit,
      rotaId: w.rotaId,
      expectedVersion: (await getRota(w.app.ds, w.rotaId))!.version,
      edit: {
        action: 'update',
        shiftId: fri.id,
        date: '2026-12-04',
        startTime: '10:00',
        endTime: '19:00',
        channel: 'voice',
        locked: false,
      },
    });
    expect(moved.kind).to.equal('saved');
    const draftId = moved.kind === 'saved' ? moved.rota.id : 0;
    const draftMon = byUid(await listShifts(w.app.ds, draftId), mon.uid)!;
    const deleted = await editRotaShift(w.app.ds, {
      ...edit,
      rotaId: draftId,
      expectedVersion: (await getRota(w.app.ds, draftId))!.version,
      edit: { action: 'delete', shiftId: draftMon.id },
    });
    expect(deleted.kind).to.equal('saved');
    const published = await publishReviewed(w.app.ds, {
      ...SETTINGS,
      rotaId: draftId,
      expectedVersion: (await getRota(w.app.ds, draftId))!.version,
      userId: null,
      by: 'coordinator',
    });
    expect(published.kind).to.equal('published');
    const coord = await w.app.loginAs('coordinator');
    const diff = await coord.get(`/rota/diff?week=${WEEK}&from=${w.rotaId}&to=${draftId}`);
    expect(diff.status).to.equal(200);
    expect(diff.text).to.contain('Shifts changed').and.contain('Shifts removed').and.contain('2026-12-04 10:00–19:00');
    expect((await coord.get(`/rota/diff?week=${PREVIOUS}&from=${w.rotaId}&to=${draftId}`)).status).to.equal(404);
    expect((await coord.get(`/rota/diff?week=${WEEK}&from=x&to=${draftId}`)).status).to.equal(400);
    const after = events((await agent.get('/my-shifts.ics')).text);
    expect(after.map((e) => e.uid).sort()).to.deep.equal(before.map((e) => e.uid).sort());
    const friAfter = after.find((e) => e.uid.startsWith(fri.uid))!;
    expect(friAfter.sequence).to.be.greaterThan(before.find((e) => e.uid.startsWith(fri.uid))!.sequence);
    expect(friAfter.start).to.equal('20261204T060000Z');
    expect(after.find((e) => e.uid.startsWith(mon.uid))).to.include({ cancelled: true });
    const tue = (await getShift(w.app.ds, w.shifts.aTue))!;
    expect(after.find((e) => e.uid.startsWith(tue.uid))).to.include({ cancelled: false, sequence: 0 });
  });

  it('diff: fairness counts per person before and after (Friday 09-18 to Saturday 14-23: one more evening and weekend day)', async () => {
    const { rotaId: draftId } = await makeRota(
      w.app.ds,
      WEEK,
      [
        { staffId: w.agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
        { staffId: w.agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
        { staffId: w.agent, start: '2026-12-05 14:00', end: '2026-12-05 23:00' },
      ],
      'draft',
    );
    const diff = (await rotaDiff(w.app.ds, { ...SETTINGS, fromRotaId: w.rotaId, toRotaId: draftId }))!;
    const agent = diff.people.find((p) => p.staffId === w.agent)!;
    // 23:00 ends after the 20:00 evening line; Saturday is a weekend day; no Georgian holiday that week.
    expect(agent.fairnessBefore).to.deep.equal({ evenings: 0, weekends: 0, holidays: 0 });
    expect(agent.fairnessAfter).to.deep.equal({ evenings: 1, weekends: 1, holidays: 0 });
    const page = (await (await w.app.loginAs('coordinator')).get(`/rota/diff?week=${WEEK}&from=${w.rotaId}&to=${draftId}`)).text;
    expect(page)
      .to.contain('Weekend days (before → after)')
      .and.match(/class="fair-weekends">0 → 1</);
  });

  it("the week's violations: a short rest between two of last week's shifts is not reported on this week's rota", async () => {
    await makeRota(w.app.ds, PREVIOUS, [
      { staffId: w.agent2, start: '2026-11-27 14:00', end: '2026-11-27 23:00' },
      { staffId: w.agent2, start: '2026-11-28 09:00', end: '2026-11-28 18:00' },
    ]);
    const ctx = await loadRotaContext(w.app.ds, { weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW, withRequirement: false });
    const shifts = await listShifts(w.app.ds, w.rotaId);
    // The checker itself sees the 10 h rest inside last week (so this test can fail)…
    expect(
      checkRota(
        ctx.problem,
        shifts.map((s) => toEngineShift(s, ZONE)),
      ).filter((v) => v.rule === 'rest'),
    ).to.have.length(1);
    // …but it is not this week's: neither the change path nor the rota page report it.
    expect(weekViolations(ctx.problem, shifts, ZONE).filter((v) => v.rule === 'rest')).to.deep.equal([]);
    const week = await rotaWeek(w.app.ds, { weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW, withService: false });
    expect(week.violations.filter((v) => v.rule === 'rest')).to.deep.equal([]);
    expect((await listRotasForWeek(w.app.ds, await defaultTeamId(w.app.ds), WEEK)).length).to.equal(1);
  });

  it("the week's violations: a short rest from last Sunday's late shift into this Monday touches this week and is reported", async () => {
    await makeRota(w.app.ds, PREVIOUS, [{ staffId: w.agent2, start: '2026-11-29 14:00', end: '2026-11-29 23:00' }]);
    const ctx = await loadRotaContext(w.app.ds, { weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW, withRequirement: false });
    const rest = weekViolations(ctx.problem, await listShifts(w.app.ds, w.rotaId), ZONE).filter((v) => v.rule === 'rest');
    // Sunday 23:00 to Monday 09:00 is 10 h: reported at Monday's start, for agent2.
    expect(rest.map((v) => [v.staffId, v.params.restHours, Date.parse(v.time!)])).to.deep.equal([
      [String(w.agent2), 10, Date.parse('2026-11-30T05:00:00Z')],
    ]);
    const week = await rotaWeek(w.app.ds, { weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW, withService: false });
    expect(week.violations.filter((v) => v.rule === 'rest')).to.have.length(1);
  });

  it('a freshly generated rota after a week with a short rest inside it reports no violation: the solver made none', async function () {
    this.timeout(120_000);
    await makeRota(w.app.ds, PREVIOUS, [
      { staffId: w.agent2, start: '2026-11-27 14:00', end: '2026-11-27 23:00' },
      { staffId: w.agent2, start: '2026-11-28 09:00', end: '2026-11-28 18:00' },
    ]);
    await storeWeekRequirement(w.app.ds, WEEK, { voice: 1, chat: 0 });
    const coordinator = (await findUserByUsername(w.app.ds, 'coordinator'))!;
    const generated = await generateRota(w.app.ds, {
      ...SETTINGS,
      weekStart: WEEK,
      mode: 'all',
      timeLimitSeconds: 20,
      seed: 7,
      userId: coordinator.id,
      by: coordinator.username,
    });
    if (generated.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(generated)}`);
    const shifts = await listShifts(w.app.ds, generated.rota.id);
    expect(shifts.length).to.be.greaterThan(0);
    const ctx = await loadRotaContext(w.app.ds, { weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW, withRequirement: false });
    // The checker, given last week as context, sees last week's 10 h rest (so this test can fail)…
    const all = checkRota(
      ctx.problem,
      shifts.map((s) => toEngineShift(s, ZONE)),
    );
    expect(all.map((v) => [v.rule, v.staffId, Date.parse(v.time!)])).to.deep.equal([
      ['rest', String(w.agent2), Date.parse('2026-11-28T05:00:00Z')],
    ]);
    // …but the new draft reports nothing: not on its page, not in the change's audit record.
    const week = await rotaWeek(w.app.ds, {
      weekStart: WEEK,
      zone: ZONE,
      intervalMinutes: 60,
      now: NOW,
      rotaId: generated.rota.id,
      withService: false,
    });
    expect(week.violations).to.deep.equal([]);
    const change = (await listAudit(w.app.ds, { entity: 'rota' })).find(
      (a) => a.action === 'rota.change' && a.entityId === String(generated.rota.id),
    )!;
    expect((change.detail as { warnings: unknown[] }).warnings).to.deep.equal([]);
  });
});

describe('wfm rota diff --week W --from R1 --to R2: the difference between two revisions as JSON', function () {
  this.timeout(40_000);
  const file = path.join(os.tmpdir(), `rota-diff-cli-${process.pid}-${Date.now()}.sqlite`);
  const env = { ROTA_SQLITE_PATH: file, DATABASE_URL: undefined };
  before(async () => {
    const ds = createDataSource({ sqlitePath: file });
    await ds.initialize();
    await runMigrations(ds);
    await seedMinimalTeam(ds);
    const agent = (await findUserByUsername(ds, 'agent'))!.staffId!;
    const { rotaId } = await makeRota(ds, WEEK, [
      { staffId: agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
      { staffId: agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
    ]);
    const [mon, tue] = await listShifts(ds, rotaId);
    const keep = ({ id: _id, rotaId: _r, version: _v, updatedAt: _u, updatedBy: _b, ...s }: ShiftRecord) => s;
    const later = (iso: string) => new Date(Date.parse(iso) + 3_600_000).toISOString();
    await createRotaRevision(
      ds,
      { weekStart: WEEK, status: 'draft', basedOnRotaId: rotaId },
      [
        keep(mon),
        {
          ...keep(tue),
          start: later(tue.start),
          end: later(tue.end),
          breaks: tue.breaks.map((b) => ({ start: later(b.start), end: later(b.end) })),
        },
      ],
      NOW.toISOString(),
    );
    await ds.destroy();
  });
  after(() => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  });

  it('revision 1 → 2: Tuesday moved an hour later, the agent keeps 16 h; exit code 0', async () => {
    const res = await runCommand(runRota, ['diff', '--week', WEEK, '--from', '1', '--to', '2'], { env });
    expect(res.code, res.stderr).to.equal(0);
    const out = JSON.parse(res.stdout) as {
      added: unknown[];
      removed: unknown[];
      moved: { before: { start: string }; after: { start: string } }[];
      people: { hoursBefore: number; hoursAfter: number }[];
    };
    expect(out.added).to.deep.equal([]);
    expect(out.removed).to.deep.equal([]);
    expect(out.moved.map((m) => [m.before.start, m.after.start])).to.deep.equal([['2026-12-01T09:00', '2026-12-01T10:00']]);
    expect(out.people).to.have.length(1);
    expect(out.people[0]).to.include({ hoursBefore: 16, hoursAfter: 16 });
  });

  it('a revision the week does not have, or a bad number, is exit code 2 with the flag named', async () => {
    const missing = await runCommand(runRota, ['diff', '--week', WEEK, '--from', '1', '--to', '9'], { env });
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.contain('no revision 9');
    const bad = await runCommand(runRota, ['diff', '--week', WEEK, '--from', 'x', '--to', '2'], { env });
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('--from');
  });
});
