/**
 * Time off: an agent asks (dates inclusive, local days), may cancel while it is pending, and the
 * coordinator approves or rejects. Approving takes the person's shifts in those days out of
 * the rota (published and draft, through the change path) and the coordinator finds cover
 * for them (app/rota-cover.ts); the optimiser sees the time off as unavailability from then on.
 */
import { DateTime } from 'luxon';
import type { Violation } from '../scheduling';
import type { DataSource } from '../models';
import { withTransaction } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { StaleEditError } from '../models/errors';
import { getTeamSettings } from '../models/repositories/settings';
import { getStaff } from '../models/repositories/staff';
import { applyRotaChange, type RotaOperation } from './rota-change';
import { notifyStaff } from './notify';
import {
  createTimeOff,
  getTimeOff,
  listTimeOff,
  publishedShifts,
  setTimeOffStatus,
  type RotaShift,
  type TimeOffKind,
  type TimeOffRecord,
} from '../models/repositories/requests';

/** Who acts, where and when: every request use case takes one. */
export interface RequestsContext {
  db: DataSource;
  zone: string;
  now: Date;
  actor: { userId: number; username: string; staffId: number | null };
  /** The team the page shows: a decision on a request of another team's person is `notFound`. */
  teamId?: number;
}

/** Whether a person is outside the context's team (never, without a team in the context). */
export async function outsideTeam(ctx: Pick<RequestsContext, 'db' | 'teamId'>, staffId: number): Promise<boolean> {
  if (ctx.teamId === undefined) return false;
  return (await getStaff(ctx.db, staffId))?.teamId !== ctx.teamId;
}

export type Outcome<T> =
  | ({ kind: 'ok' } & T)
  | { kind: 'notFound' }
  | { kind: 'stale' }
  /**
   * Not allowed in the request's current state, or against a rule; `key` says why. A change
   * to the rota refused by the labour rules carries the broken rules (render with violationText).
   */
  | { kind: 'refused'; key: string; field?: string; violations?: Violation[]; overridable?: boolean };

export interface TimeOffForm {
  startDate: string;
  endDate: string;
  /** Part-day time off: local 'HH:mm' hours of the one day ('24:00' = midnight); null for whole days. */
  startTime?: string | null;
  endTime?: string | null;
  kind: TimeOffKind;
  note: string;
}

const nowIso = (ctx: RequestsContext) => ctx.now.toISOString();
const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }) =>
  Date.parse(a.from) < Date.parse(b.to) && Date.parse(b.from) < Date.parse(a.to);

/**
 * [first local midnight, midnight after the last day) as ISO UTC instants; for part-day time
 * off, [the day at startTime, the day at endTime).
 */
export function timeOffSpan(
  zone: string,
  startDate: string,
  endDate: string,
  hours: { startTime?: string | null; endTime?: string | null } = {},
): { from: string; to: string } {
  const day = DateTime.fromISO(startDate, { zone }).startOf('day');
  const at = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return h === 24 ? day.plus({ days: 1 }) : day.set({ hour: h, minute: m });
  };
  if (hours.startTime && hours.endTime) return { from: at(hours.startTime).toUTC().toISO()!, to: at(hours.endTime).toUTC().toISO()! };
  const to = DateTime.fromISO(endDate, { zone }).plus({ days: 1 }).startOf('day');
  return { from: day.toUTC().toISO()!, to: to.toUTC().toISO()! };
}

const spanOf = (zone: string, r: Pick<TimeOffRecord, 'startDate' | 'endDate' | 'startTime' | 'endTime'>) =>
  timeOffSpan(zone, r.startDate, r.endDate, r);

/** Shifts in published rotas that fall (partly) inside the request's days (or hours). */
export async function shiftsAffectedBy(
  db: DataSource,
  zone: string,
  r: Pick<TimeOffRecord, 'staffId' | 'startDate' | 'endDate' | 'startTime' | 'endTime'>,
): Promise<RotaShift[]> {
  return publishedShifts(db, { staffIds: [r.staffId], ...spanOf(zone, r) });
}

/**
 * What part-day time off leaves of a shift: the longer stretch before or after the hours off
 * (the earlier on a tie); null when the hours off cover the whole shift.
 */
export function remainingPart(
  shift: { start: string; end: string },
  off: { from: string; to: string },
): { start: string; end: string } | null {
  const [s, e, f, t] = [shift.start, shift.end, off.from, off.to].map((x) => Date.parse(x));
  const before = f > s ? Math.min(f, e) - s : 0;
  const after = t < e ? e - Math.max(t, s) : 0;
  if (before <= 0 && after <= 0) return null;
  const iso = (ms: number) => new Date(ms).toISOString();
  return before >= after ? { start: iso(s), end: iso(Math.min(f, e)) } : { start: iso(Math.max(t, s)), end: iso(e) };
}

export async function requestTimeOff(ctx: RequestsContext, form: TimeOffForm): Promise<Outcome<{ request: TimeOffRecord }>> {
  const staffId = ctx.actor.staffId;
  if (staffId === null) return { kind: 'refused', key: 'requests.error.noStaff' };
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.zone }).toISODate()!;
  // Sick leave may be reported for today or the last few days; the rest is asked in advance.
  const earliest = form.kind === 'sick' ? DateTime.fromISO(today).minus({ days: 7 }).toISODate()! : today;
  if (form.startDate < earliest) return { kind: 'refused', key: 'requests.error.past', field: 'startDate' };
  const open = await listTimeOff(ctx.db, { staffId, statuses: ['pending', 'approved'] });
  const mine = spanOf(ctx.zone, { ...form, startTime: form.startTime ?? null, endTime: form.endTime ?? null });
  if (open.some((r) => r.startDate <= form.endDate && r.endDate >= form.startDate && overlaps(spanOf(ctx.zone, r), mine))) {
    return { kind: 'refused', key: 'requests.error.overlap', field: 'startDate' };
  }
  const request = await createTimeOff(ctx.db, { staffId, ...form }, nowIso(ctx));
  await appendAudit(ctx.db, {
    at: nowIso(ctx),
    userId: ctx.actor.userId,
    action: 'time_off.requested',
    entity: 'time_off_request',
    entityId: request.id,
    detail: form,
  });
  return { kind: 'ok', request };
}

/** The requester's own pending request only: someone else's is "not found" (no hint it exists). */
export async function cancelTimeOff(ctx: RequestsContext, id: number, version: number): Promise<Outcome<{ request: TimeOffRecord }>> {
  const current = await getTimeOff(ctx.db, id);
  if (!current || current.staffId !== ctx.actor.staffId) return { kind: 'notFound' };
  if (current.version !== version) return { kind: 'stale' };
  if (current.status !== 'pending') return { kind: 'refused', key: 'requests.error.notPending' };
  return guardStale(async () => {
    const request = await setTimeOffStatus(ctx.db, id, version, { status: 'cancelled' });
    await appendAudit(ctx.db, {
      at: nowIso(ctx),
      userId: ctx.actor.userId,
      action: 'time_off.cancelled',
      entity: 'time_off_request',
      entityId: id,
    });
    return { kind: 'ok', request };
  });
}

/**
 * The coordinator's decision. Approving takes the person's shifts inside the days off out of
 * the rota at once (through the change path: the published revision and the week's draft,
 * checked and audited), so their My shifts and calendar feed stop showing them; `affected`
 * are those shifts, for the "find cover" view.
 */
export async function decideTimeOff(
  ctx: RequestsContext,
  input: { id: number; version: number; approve: boolean; note: string },
): Promise<Outcome<{ request: TimeOffRecord; affected: RotaShift[]; trimmed: RotaShift[] }>> {
  const current = await getTimeOff(ctx.db, input.id);
  if (!current || (await outsideTeam(ctx, current.staffId))) return { kind: 'notFound' };
  if (current.version !== input.version) return { kind: 'stale' };
  if (current.status !== 'pending') return { kind: 'refused', key: 'requests.error.notPending' };
  // Nobody decides their own request (the head decides the coordinator's, and vice versa).
  if (current.staffId === ctx.actor.staffId) return { kind: 'refused', key: 'requests.error.ownRequest' };
  return guardStale(() =>
    withTransaction(ctx.db, async (tx): Promise<Outcome<{ request: TimeOffRecord; affected: RotaShift[]; trimmed: RotaShift[] }>> => {
      const request = await setTimeOffStatus(tx, input.id, input.version, {
        status: input.approve ? 'approved' : 'rejected',
        decidedBy: ctx.actor.username,
        decidedAt: nowIso(ctx),
        decisionNote: input.note,
      });
      const span = spanOf(ctx.zone, request);
      const touched = input.approve ? await publishedShifts(tx, { staffIds: [request.staffId], ...span }) : [];
      const intervalMinutes = (await getTeamSettings(tx, ctx.teamId))?.intervalMinutes ?? 60;
      const change = (weekStart: string, operation: RotaOperation) =>
        applyRotaChange(
          { ds: tx, zone: ctx.zone, intervalMinutes, now: ctx.now },
          { weekStart, operation, actor: { userId: ctx.actor.userId, username: ctx.actor.username } },
        );
      // Part-day time off shortens a shift it only partly covers; when the rules refuse the
      // shorter shift (too short for a break, off the grid), the whole shift leaves the rota.
      const trimmed: RotaShift[] = [];
      if (request.startTime)
        for (const s of touched) {
          const part = remainingPart(s, span);
          if (!part) continue;
          const result = await change(s.weekStart, { kind: 'trim', uid: s.uid, ...part, timeOffId: request.id });
          if (result.kind === 'stale') throw new StaleEditError('rota', s.weekStart, -1);
          if (result.kind === 'applied') trimmed.push({ ...s, ...part });
        }
      const affected = touched.filter((s) => !trimmed.some((t) => t.id === s.id));
      for (const weekStart of new Set(affected.map((s) => s.weekStart))) {
        const uids = affected.filter((s) => s.weekStart === weekStart).map((s) => s.uid);
        const result = await change(weekStart, { kind: 'remove', uids, timeOffId: request.id });
        if (result.kind === 'stale') throw new StaleEditError('rota', weekStart, -1);
        if (result.kind === 'refused') throw new TimeOffRefused(result.newViolations);
      }
      await appendAudit(tx, {
        at: nowIso(ctx),
        userId: ctx.actor.userId,
        action: input.approve ? 'time_off.approved' : 'time_off.rejected',
        entity: 'time_off_request',
        entityId: input.id,
        detail: { note: input.note, removedShiftUids: affected.map((s) => s.uid), trimmedShiftUids: trimmed.map((s) => s.uid) },
      });
      const decision = {
        status: request.status,
        startDate: request.startDate,
        endDate: request.endDate,
        startTime: request.startTime,
        endTime: request.endTime,
        note: input.note,
      };
      await notifyStaff(tx, [{ staffId: request.staffId, kind: 'timeOff.decided', params: decision }], ctx.now);
      return { kind: 'ok' as const, request, affected, trimmed };
    }).catch((err: unknown) => {
      if (err instanceof TimeOffRefused) return { kind: 'refused' as const, key: 'change.refused', violations: err.violations };
      throw err;
    }),
  );
}

/** Rolls the decision back when taking the shifts out would break a rule. */
class TimeOffRefused extends Error {
  constructor(readonly violations: Violation[]) {
    super('time off refused by the rules');
  }
}

/** Runs a versioned write; a StaleEditError from it becomes the 'stale' outcome. */
export async function guardStale<T>(run: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof StaleEditError) return { kind: 'stale' };
    throw err;
  }
}
