/**
 * The one path for every change to a week's shifts: a hand edit or lock, an approved swap,
 * approved time off, assigning cover, a re-optimisation or a copy of last week (a new draft). Each is an operation handed to applyRotaChange, which
 * applies it to the revision(s) it concerns, checks every hard rule on the result (checkRota
 * on the week's problem from rota-problem, last week's shifts as context, judging only
 * violations inside this week), refuses a change that breaks a rule unless the coordinator
 * overrides it with a reason, and records who, when, why and before/after in the audit log.
 *
 * Which revisions: a hand edit names the revision it was made on (a published one becomes a
 * new draft). An approved change (swap, time off, cover) goes into the published revision
 * AND the week's newest draft, so publishing that draft later cannot undo it.
 *
 * Shifts are matched across revisions by their uid (a draft copies the uids of the revision
 * it is based on). A shift taken from someone in a published revision leaves a cancellation
 * for their calendar feed.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { StaleEditError } from '../models/errors';
import { appendAudit } from '../models/repositories/audit';
import {
  claimRotaVersion,
  createRotaRevision,
  deleteShift,
  getRota,
  inTransaction,
  insertShift,
  listRotasForWeek,
  listShifts,
  publishedRotaForWeek,
  recordShiftCancellation,
  updateShift,
  type NewRota,
  type NewShift,
  type RotaRecord,
  type ShiftRecord,
} from '../models/repositories/rotas';
import type { Db } from '../models/repositories/db';
import { checkRota, type Problem, type Violation } from '../scheduling';
import { loadRotaContext, toEngineShift } from './rota-problem';
import { mondayOf } from '../forecasting/week';
import { getStaff } from '../models/repositories/staff';
import { explainMovedAway, teamIdOrDefault, teamOfShift, withoutMovedAway } from './team-scope';
import { shiftFromTimes, type ShiftEdit } from './rota-edit';
import { diffByPerson } from './notification-diff';
import { notifyStaff, type News } from './notify';

/** Everything a change needs from outside: the database, the team's zone and grid, the clock. */
export interface ChangeDeps {
  ds: DataSource | Db;
  zone: string;
  intervalMinutes: number;
  now: Date;
}

export interface ChangeActor {
  userId: number | null;
  username: string | null;
}

export type RotaOperation =
  /** A coordinator's hand edit (times, channel, lock; add; delete) of one revision. */
  | { kind: 'edit'; edit: ShiftEdit }
  /** An approved swap, or a shift taken from the open-shift board: each shift (by uid) goes to another person. */
  | { kind: 'reassign'; moves: { uid: string; toStaffId: number }[]; swapId?: number; openShiftId?: number }
  /** Approved time off: the person's shifts inside it leave the rota. */
  | { kind: 'remove'; uids: string[]; timeOffId: number }
  /** Approved part-day time off: the shift (by uid) keeps only [start, end) (ISO instants), its lunch placed again. */
  | { kind: 'trim'; uid: string; start: string; end: string; timeOffId: number }
  /** Cover for a removed shift: the same shift (same uid) for someone else. */
  | { kind: 'assign'; shift: NewShift & { uid: string } }
  /**
   * An intraday action (app/intraday-actions.ts): the shift `uid` takes the new shape (a break
   * moved, the end moved, off-queue time given back to the queue), or leaves the rota (`shift`
   * null: voluntary time off); `uid` null adds `shift` (someone called in, with a fresh uid).
   */
  | { kind: 'intraday'; action: string; uid: string | null; shift: (NewShift & { uid?: string }) | null }
  /** The rest of today re-planned (app/intraday-plan.ts): intraday actions applied in order, as one change. */
  | { kind: 'intradayPlan'; changes: { action: string; uid: string | null; shift: (NewShift & { uid?: string }) | null }[] }
  /**
   * A whole new draft (re-optimisation of some or all shifts, copy of last week): never refused,
   * its violations are recorded, and publishing it asks for a reason (rota-publish-review).
   */
  | { kind: 'replace'; source: 'generate' | 'copy'; shifts: NewShift[]; rota: Omit<NewRota, 'weekStart' | 'status' | 'teamId'> };

export interface ChangeInput {
  weekStart: string;
  /**
   * The team whose rota changes. Without it: the team of the revision named (`rota`), else of
   * the person the change gives a shift to, else of the shifts it names (by uid), else the
   * default team (changeTeam).
   */
  teamId?: number;
  operation: RotaOperation;
  actor: ChangeActor;
  /** The revision a hand edit was made on and the version seen (stale → refused). */
  rota?: { id: number; version: number };
  /** Save despite broken rules; the reason is stored in the audit trail and shown on the rota. */
  override?: { reason: string };
  /** Only check, never save. */
  dryRun?: boolean;
}

export type ChangeResult =
  | { kind: 'applied'; working: RotaRecord; changed: RotaRecord[]; violations: Violation[]; overridden: Violation[]; newDraft: boolean }
  | { kind: 'checked'; violations: Violation[]; newViolations: Violation[] }
  /** Breaks a rule: `overridable` says whether an explicit override with a reason may save it. */
  | { kind: 'refused'; violations: Violation[]; newViolations: Violation[]; overridable: boolean }
  | { kind: 'stale'; current: RotaRecord | null }
  | { kind: 'notFound' };

/** Rules a coordinator often breaks on purpose (hours against the contract): reported, never refused. */
const SOFT_RULES = new Set(['contractHours']);
/**
 * A shift shortened by approved part-day time off keeps its place although its length is no
 * template: the lengths are the optimiser's planning grid, not a labour rule. Every other rule
 * (rest, hours, breaks, opening hours, the grid, time off) still holds.
 */
const TRIM_ALLOWS = new Set(['shiftLength']);
/**
 * Overtime and voluntary time off taken from an intraday offer (app/intraday-offers.ts) make a
 * shift longer or shorter than the planning grid by agreement, as part-day time off does.
 */
const allowsAnyLength = (op: RotaOperation) =>
  op.kind === 'trim' || (op.kind === 'intraday' && (op.action === 'overtime' || op.action === 'vto'));
/** Not a rota at all: no override saves a shift outside the week, for a stranger, or on top of another. */
const NEVER_OVERRIDDEN = new Set(['week', 'unknownStaff', 'overlap']);

// Violations are otherwise opaque here (they are rendered by the view models' violationText).
const ruleOf = (v: Violation) => v.rule;
const vkey = (v: Violation) => `${ruleOf(v)}|${v.staffId}|${v.time}`;

/**
 * The week's hard-rule violations: checkRota with last week's shifts as context, keeping only
 * those inside this week (a short rest between two of last week's shifts is not this week's).
 */
export function weekViolations(
  problem: Problem,
  shifts: Pick<ShiftRecord, 'staffId' | 'start' | 'end' | 'breaks' | 'channel' | 'activities'>[],
  zone: string,
): Violation[] {
  const monday = DateTime.fromISO(problem.weekStart, { zone }).startOf('day').toMillis();
  return checkRota(
    problem,
    shifts.map((s) => toEngineShift(s, zone)),
  ).filter((v) => v.time === null || Date.parse(v.time) >= monday);
}

/** The violations that stop a change or a publish (the soft ones, like hours against the contract, only warn). */
export const hardViolations = (list: Violation[]) => list.filter((v) => !SOFT_RULES.has(ruleOf(v)));

/** Violations in `after` that were not in `before`, and whether they stop the change. */
export function judge(before: Violation[], after: Violation[]): { fresh: Violation[]; hard: Violation[]; overridable: boolean } {
  const known = new Set(before.map(vkey));
  const fresh = after.filter((v) => !known.has(vkey(v)));
  const hard = fresh.filter((v) => !SOFT_RULES.has(ruleOf(v)));
  return { fresh, hard, overridable: hard.every((v) => !NEVER_OVERRIDDEN.has(ruleOf(v))) };
}

/**
 * `judge(...).hard` for a change that only moves shifts between `people`, checking only their
 * shifts again: every hard rule is about one shift or one person's shifts (scheduling/rules:
 * SHIFT_RULES, PERSON_RULES), so nobody else's violations can differ. `before` is the whole
 * week's (weekViolations); the pickers call this once per candidate on a week loaded once.
 */
export function freshHardForPeople(
  problem: Problem,
  before: Violation[],
  after: Pick<ShiftRecord, 'staffId' | 'start' | 'end' | 'breaks' | 'channel' | 'activities'>[],
  people: Set<number>,
  zone: string,
): Violation[] {
  const theirs = (v: Violation) => v.staffId === null || people.has(Number(v.staffId));
  const checked = weekViolations(
    problem,
    after.filter((s) => people.has(s.staffId)),
    zone,
  ).filter(theirs);
  return judge(before.filter(theirs), checked).hard;
}

type Working = NewShift & { id?: number; uid: string; sequence?: number };

interface Target {
  rota: RotaRecord;
  before: ShiftRecord[];
  after: Working[];
}

const asWorking = (s: ShiftRecord): Working => ({ ...s });

/** The operation applied to one revision's shifts; null when it names a shift that revision lacks. */
export function applyOperation(shifts: ShiftRecord[], op: RotaOperation, problem: Problem, zone: string): Working[] | null {
  const list = shifts.map(asWorking);
  switch (op.kind) {
    case 'edit': {
      const e = op.edit;
      if (e.action === 'add') return [...list, { ...shiftFromTimes(e.staffId, e, problem, zone), uid: '' }];
      const target = list.find((s) => s.id === e.shiftId);
      if (!target) return null;
      if (e.action === 'delete') return list.filter((s) => s !== target);
      const moved = shiftFromTimes(target.staffId, e, problem, zone);
      return list.map((s) => (s === target ? { ...s, ...moved, uid: s.uid, sequence: s.sequence } : s));
    }
    case 'reassign': {
      if (!op.moves.some((m) => list.some((s) => s.uid === m.uid))) return null;
      return list.map((s) => {
        const move = op.moves.find((m) => m.uid === s.uid);
        return move ? { ...s, staffId: move.toStaffId } : s;
      });
    }
    case 'remove':
      return list.some((s) => op.uids.includes(s.uid)) ? list.filter((s) => !op.uids.includes(s.uid)) : null;
    case 'trim': {
      const target = list.find((s) => s.uid === op.uid);
      if (!target) return null;
      const start = DateTime.fromISO(op.start, { zone }).setZone(zone);
      const end = DateTime.fromISO(op.end, { zone }).setZone(zone);
      const times = { date: start.toISODate()!, startTime: start.toFormat('HH:mm'), endTime: end.toFormat('HH:mm') };
      const trimmed = shiftFromTimes(target.staffId, { ...times, channel: target.channel, locked: target.locked }, problem, zone);
      return list.map((s) => (s === target ? { ...s, ...trimmed, uid: s.uid, sequence: s.sequence } : s));
    }
    case 'assign':
      return list.some((s) => s.uid === op.shift.uid) ? null : [...list, { ...op.shift }];
    case 'intradayPlan': {
      let out: Working[] | null = list as ShiftRecord[] as Working[];
      for (const change of op.changes) {
        out = applyOperation(out as ShiftRecord[], { kind: 'intraday', ...change }, problem, zone);
        if (!out) return null;
      }
      return out;
    }
    case 'intraday': {
      if (op.uid === null)
        return op.shift && !list.some((s) => s.uid === op.shift!.uid) ? [...list, { ...op.shift, uid: op.shift.uid ?? '' }] : null;
      const target = list.find((s) => s.uid === op.uid);
      if (!target) return null;
      if (!op.shift) return list.filter((s) => s !== target);
      return list.map((s) => (s === target ? { ...s, ...op.shift, staffId: s.staffId, uid: s.uid, sequence: s.sequence } : s));
    }
    case 'replace':
      return op.shifts.map((s) => ({ ...s, uid: s.uid ?? '' }));
  }
}

/** A new draft revision from a re-optimisation or a copy, checked and recorded like any change. */
async function replaceWeek(
  deps: ChangeDeps,
  input: ChangeInput & { operation: Extract<RotaOperation, { kind: 'replace' }> },
  weekStart: string,
): Promise<ChangeResult> {
  const db = deps.ds as Db;
  const op = input.operation;
  const teamId = await changeTeam(db, weekStart, input);
  const ctx = await loadRotaContext(db as DataSource, {
    teamId,
    weekStart,
    zone: deps.zone,
    intervalMinutes: deps.intervalMinutes,
    now: deps.now,
    withRequirement: false,
  });
  const violations = weekViolations(ctx.problem, op.shifts, deps.zone);
  if (input.dryRun) return { kind: 'checked', violations, newViolations: violations };
  return inTransaction(db, async (tx) => {
    const rota = await createRotaRevision(
      tx,
      { ...op.rota, teamId, weekStart, status: 'draft', createdBy: op.rota.createdBy ?? input.actor.username },
      op.shifts,
      deps.now.toISOString(),
    );
    await appendAudit(tx, {
      at: deps.now.toISOString(),
      userId: input.actor.userId,
      action: 'rota.change',
      entity: 'rota',
      entityId: rota.id,
      detail: {
        weekStart,
        teamId,
        operation: { kind: op.kind, source: op.source, shifts: op.shifts.length, basedOnRotaId: op.rota.basedOnRotaId ?? null },
        by: input.actor.username,
        rotaIds: [rota.id],
        warnings: violations,
      },
    });
    return { kind: 'applied' as const, working: rota, changed: [rota], violations, overridden: [], newDraft: true };
  });
}

/** The team whose rota a change is to (see ChangeInput.teamId). */
export async function changeTeam(db: Db, weekStart: string, input: ChangeInput): Promise<number> {
  if (input.teamId !== undefined) return input.teamId;
  if (input.rota) {
    const rota = await getRota(db, input.rota.id);
    if (rota) return rota.teamId;
  }
  const op = input.operation;
  const people =
    op.kind === 'reassign'
      ? op.moves.map((m) => m.toStaffId)
      : op.kind === 'assign'
        ? [op.shift.staffId]
        : op.kind === 'intraday'
          ? op.shift
            ? [op.shift.staffId]
            : []
          : op.kind === 'intradayPlan'
            ? op.changes.flatMap((c) => (c.shift ? [c.shift.staffId] : []))
            : op.kind === 'replace'
              ? op.shifts.map((s) => s.staffId)
              : [];
  for (const id of people) {
    const team = (await getStaff(db, id))?.teamId;
    if (team != null) return team;
  }
  const uids =
    op.kind === 'remove'
      ? op.uids
      : op.kind === 'trim'
        ? [op.uid]
        : op.kind === 'reassign'
          ? op.moves.map((m) => m.uid)
          : op.kind === 'intraday' && op.uid
            ? [op.uid]
            : op.kind === 'intradayPlan'
              ? op.changes.flatMap((c) => (c.uid ? [c.uid] : []))
              : [];
  const named = await teamOfShift(db, weekStart, uids);
  return named ?? teamIdOrDefault(db);
}

/** The revisions an operation goes into (see the file comment). */
async function targetsOf(db: Db, teamId: number, weekStart: string, input: ChangeInput): Promise<RotaRecord[] | 'notFound'> {
  if (input.rota) {
    const rota = await getRota(db, input.rota.id);
    return rota && rota.weekStart === weekStart && rota.teamId === teamId ? [rota] : 'notFound';
  }
  const published = await publishedRotaForWeek(db, teamId, weekStart);
  const newest = (await listRotasForWeek(db, teamId, weekStart))[0] ?? null;
  const draft = newest && newest.status === 'draft' ? newest : null;
  const out = [published, draft].filter((r): r is RotaRecord => r !== null);
  return out.length ? out : 'notFound';
}

export async function applyRotaChange(deps: ChangeDeps, input: ChangeInput): Promise<ChangeResult> {
  const db = deps.ds as Db;
  const weekStart = mondayOf(input.weekStart, deps.zone);
  const op = input.operation;
  if (op.kind === 'replace') return replaceWeek(deps, { ...input, operation: op }, weekStart);
  const teamId = await changeTeam(db, weekStart, input);
  const revisions = await targetsOf(db, teamId, weekStart, input);
  if (revisions === 'notFound') return { kind: 'notFound' };
  if (input.rota && !input.dryRun && revisions[0].version !== input.rota.version) return { kind: 'stale', current: revisions[0] };
  const ctx = await loadRotaContext(db as DataSource, {
    teamId,
    weekStart,
    zone: deps.zone,
    intervalMinutes: deps.intervalMinutes,
    now: deps.now,
    withRequirement: false,
  });
  const targets: Target[] = [];
  for (const rota of revisions) {
    const before = await listShifts(db, rota.id);
    const after = applyOperation(before, input.operation, ctx.problem, deps.zone);
    if (after) targets.push({ rota, before, after });
  }
  if (!targets.length) return { kind: 'notFound' };

  let violations: Violation[] = [];
  const fresh: Violation[] = [];
  const hard: Violation[] = [];
  let overridable = true;
  for (const t of targets) {
    const before = weekViolations(ctx.problem, t.before, deps.zone);
    const after = weekViolations(ctx.problem, t.after, deps.zone);
    const verdict = judge(before, after);
    // The first target is the one the person is looking at (published, or the edited revision).
    if (t === targets[0]) violations = after;
    for (const v of verdict.fresh) if (!fresh.some((f) => vkey(f) === vkey(v))) fresh.push(v);
    const stopping = allowsAnyLength(op) ? verdict.hard.filter((v) => !TRIM_ALLOWS.has(ruleOf(v))) : verdict.hard;
    for (const v of stopping) if (!hard.some((f) => vkey(f) === vkey(v))) hard.push(v);
    overridable &&= verdict.overridable;
  }
  // A hand edit that gives a moved person's kept shift other times or another channel: nothing of
  // theirs can be checked here (skills, rest, their new team's week), so it is refused.
  if (op.kind === 'edit') {
    for (const t of targets)
      for (const s of t.after) {
        const m = ctx.movedAway.get(s.staffId);
        const kept = t.before.find((b) => b.uid === s.uid);
        if (!m || (kept && kept.start === s.start && kept.end === s.end && kept.channel === s.channel)) continue;
        if (fresh.some((v) => v.rule === 'unknownStaff' && v.staffId === String(m.staffId))) continue;
        const v: Violation = {
          rule: 'unknownStaff',
          code: 'unknownStaff',
          staffId: String(m.staffId),
          time: toEngineShift(s, deps.zone).start,
          params: { staffId: m.staffId },
        };
        fresh.push(v);
        hard.push(v);
        overridable = false;
      }
  }
  // Someone moved to another team keeps their shifts here: not a rule break, unless this change
  // gives them a new one (refused, in words that say why).
  const freshKeys = new Set(fresh.map(vkey));
  violations = explainMovedAway(
    violations.filter((v) => freshKeys.has(vkey(v)) || withoutMovedAway([v], ctx.movedAway).length > 0),
    ctx.movedAway,
  );
  fresh.splice(0, fresh.length, ...explainMovedAway(fresh, ctx.movedAway));
  if (input.dryRun) return { kind: 'checked', violations, newViolations: fresh };
  const reason = input.override?.reason.trim() ?? '';
  if (hard.length && !(reason && overridable)) return { kind: 'refused', violations, newViolations: fresh, overridable };

  try {
    return await inTransaction(db, async (tx) => {
      const changed: RotaRecord[] = [];
      let newDraft = false;
      const news: News[] = [];
      for (const t of targets) {
        const saved = await saveTarget(tx, deps, input, t);
        newDraft ||= saved.id !== t.rota.id;
        changed.push(saved);
        if (saved.id === t.rota.id) news.push(...publishedChangeNews(input.operation, t));
      }
      await notifyStaff(tx, news, deps.now);
      await appendAudit(tx, {
        at: deps.now.toISOString(),
        userId: input.actor.userId,
        action: 'rota.change',
        entity: 'rota',
        entityId: changed[0].id,
        detail: {
          weekStart,
          operation: input.operation,
          by: input.actor.username,
          rotaIds: changed.map((r) => r.id),
          fromRotaIds: targets.map((t) => t.rota.id),
          ...(hard.length ? { override: { reason, violations: hard } } : {}),
          warnings: fresh.filter((v) => !hard.includes(v)),
          before: changedShifts(targets[0].before, targets[0].after).before,
          after: changedShifts(targets[0].before, targets[0].after).after,
        },
      });
      return { kind: 'applied' as const, working: changed[changed.length - 1], changed, violations, overridden: hard, newDraft };
    });
  } catch (err) {
    if (err instanceof StaleEditError) return { kind: 'stale', current: await getRota(db, targets[0].rota.id) };
    throw err;
  }
}

/**
 * People whose published shifts a cover or an edit in place changed. Swaps and time off are
 * told by their decision (app/swap.ts, app/time-off.ts); drafts are news only when published.
 */
function publishedChangeNews(op: RotaOperation, t: Target): News[] {
  if (t.rota.status !== 'published' || !['assign', 'edit', 'intraday', 'intradayPlan'].includes(op.kind)) return [];
  return [...diffByPerson(t.before, t.after)].map(([staffId, changes]) => ({
    staffId,
    kind: 'rota.changed' as const,
    params: { weekStart: t.rota.weekStart, changes },
  }));
}

const SHAPE = (s: NewShift) =>
  JSON.stringify([
    s.staffId,
    Date.parse(s.start),
    Date.parse(s.end),
    s.breaks.map((b) => [Date.parse(b.start), Date.parse(b.end)]),
    s.channel,
    !!s.locked,
  ]);

/** The shifts an operation touched, before and after (for the audit trail). */
export function changedShifts(before: ShiftRecord[], after: Working[]): { before: ShiftRecord[]; after: Working[] } {
  const old = new Map(before.map((s) => [s.uid, s]));
  const now = new Map(after.filter((s) => s.uid).map((s) => [s.uid, s]));
  return {
    before: before.filter((s) => !now.has(s.uid) || SHAPE(now.get(s.uid)!) !== SHAPE(s)),
    after: after.filter((s) => !s.uid || !old.has(s.uid) || SHAPE(old.get(s.uid)!) !== SHAPE(s)),
  };
}

/** Writes one revision's new shifts; a hand edit of a published revision becomes a new draft. */
async function saveTarget(tx: Db, deps: ChangeDeps, input: ChangeInput, t: Target): Promise<RotaRecord> {
  const at = deps.now.toISOString();
  const by = input.actor.username;
  await claimRotaVersion(tx, t.rota.id, input.rota ? input.rota.version : t.rota.version);
  if (input.rota && t.rota.status !== 'draft') {
    const touched = new Set(changedShifts(t.before, t.after).after.map((s) => s.uid));
    const shifts = t.after.map(({ id: _id, ...s }) => ({
      ...s,
      uid: s.uid || undefined,
      sequence: touched.has(s.uid) && s.uid ? (s.sequence ?? 0) + 1 : s.sequence,
    }));
    return createRotaRevision(
      tx,
      { teamId: t.rota.teamId, weekStart: t.rota.weekStart, status: 'draft', basedOnRotaId: t.rota.id, createdBy: by },
      shifts,
      at,
    );
  }
  const { before, after } = changedShifts(t.before, t.after);
  const kept = new Map(after.filter((s) => s.id !== undefined).map((s) => [s.id!, s]));
  for (const old of before) {
    const next = kept.get(old.id) ?? t.after.find((s) => s.uid === old.uid && s.id === undefined);
    if (t.rota.status === 'published' && (!next || next.staffId !== old.staffId)) await cancelFor(tx, old, at);
    if (!next) await deleteShift(tx, old.id);
  }
  for (const s of after) {
    const { id, ...fields } = s;
    const stripped = { ...fields, uid: fields.uid || undefined };
    // updateShift raises the sequence itself; a new shift keeps the one it was given (cover).
    if (id !== undefined) await updateShift(tx, id, { ...stripped, sequence: undefined }, at, by);
    else await insertShift(tx, t.rota.id, stripped, at, by);
  }
  return (await getRota(tx, t.rota.id))!;
}

/** The old owner's calendar is told the shift is cancelled. */
export async function cancelFor(tx: Db, s: ShiftRecord, at: string): Promise<void> {
  const rota = await getRota(tx, s.rotaId);
  await recordShiftCancellation(tx, {
    uid: s.uid,
    staffId: s.staffId,
    weekStart: rota?.weekStart ?? '',
    start: s.start,
    end: s.end,
    channel: s.channel,
    sequence: s.sequence + 1,
    cancelledAt: at,
  });
}

/**
 * New shifts of a re-optimisation keep the identity of the shift they replace: the same
 * person's shift overlapping it in `previous` (its uid; the sequence rises when it moved).
 */
export function carryIdentity(shifts: NewShift[], previous: ShiftRecord[]): NewShift[] {
  const used = new Set<string>();
  return shifts.map((s) => {
    const match = previous.find(
      (p) =>
        !used.has(p.uid) && p.staffId === s.staffId && Date.parse(p.start) < Date.parse(s.end) && Date.parse(s.start) < Date.parse(p.end),
    );
    if (!match) return s;
    used.add(match.uid);
    return { ...s, uid: match.uid, sequence: SHAPE(match) === SHAPE(s) ? match.sequence : match.sequence + 1 };
  });
}
