/**
 * A coordinator's hand edit of one shift (change times/channel/lock, add, delete), checked
 * against the hard rules before it is saved. New violations refuse the edit unless the
 * coordinator ticks "save anyway". Every edit carries the rota's version (stale → refused).
 * A published (or archived) rota is never edited in place: the edit makes a new draft
 * revision based on it, leaving what agents see unchanged until that draft is published.
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
  listShifts,
  updateShift,
  type NewShift,
  type RotaRecord,
  type ShiftRecord,
} from '../models/repositories/rotas';
import { checkRota, type Problem, type Violation } from '../scheduling';
import { loadRotaContext, toEngineShift } from './rota-problem';

export interface ShiftTimes {
  /** Local date of the start, 'YYYY-MM-DD'. */
  date: string;
  /** Local 'HH:mm'. */
  startTime: string;
  /** Local 'HH:mm'; at or before the start means the next day. */
  endTime: string;
  channel: string;
  locked: boolean;
}

export type ShiftEdit =
  | ({ action: 'update'; shiftId: number } & ShiftTimes)
  | ({ action: 'add'; staffId: number } & ShiftTimes)
  | { action: 'delete'; shiftId: number };

export interface EditQuery {
  rotaId: number;
  expectedVersion: number;
  edit: ShiftEdit;
  saveAnyway: boolean;
  /** Only check, never save (the instant check next to the form). */
  dryRun?: boolean;
  zone: string;
  intervalMinutes: number;
  now: Date;
  userId: number | null;
  by: string | null;
}

export type EditResult =
  | { kind: 'saved'; rota: RotaRecord; violations: Violation[]; newDraft: boolean }
  | { kind: 'checked'; violations: Violation[]; newViolations: Violation[] }
  | { kind: 'refused'; violations: Violation[]; newViolations: Violation[] }
  | { kind: 'stale'; current: RotaRecord }
  | { kind: 'notFound' };

const vkey = (v: Violation) => `${v.rule}|${v.staffId}|${v.time}`;

/**
 * Broken rules that "save anyway" cannot override: a shift outside the rota's week, for someone
 * not in the team, or overlapping another of their shifts is not a rota at all.
 */
const NEVER_SAVED_ANYWAY = new Set(['week', 'unknownStaff', 'overlap']);

export async function editRotaShift(ds: DataSource, q: EditQuery): Promise<EditResult> {
  const rota = await getRota(ds, q.rotaId);
  if (!rota) return { kind: 'notFound' };
  if (rota.version !== q.expectedVersion && !q.dryRun) return { kind: 'stale', current: rota };
  const shifts = await listShifts(ds, rota.id);
  const target = q.edit.action === 'add' ? null : shifts.find((s) => s.id === (q.edit as { shiftId: number }).shiftId);
  if (q.edit.action !== 'add' && !target) return { kind: 'notFound' };
  const staffId = q.edit.action === 'add' ? q.edit.staffId : target!.staffId;
  const ctx = await loadRotaContext(ds, {
    weekStart: rota.weekStart,
    zone: q.zone,
    intervalMinutes: q.intervalMinutes,
    now: q.now,
    withRequirement: false,
  });
  const changed: NewShift | null = q.edit.action === 'delete' ? null : shiftFromTimes(staffId, q.edit, ctx.problem, q.zone);
  const proposed = applyEdit(shifts, target?.id ?? null, changed);
  const mine = (list: Violation[]) => list.filter((v) => v.staffId === String(staffId) || v.staffId === null);
  const before = mine(
    checkRota(
      ctx.problem,
      shifts.map((s) => toEngineShift(s, q.zone)),
    ),
  );
  const after = mine(
    checkRota(
      ctx.problem,
      proposed.map((s) => toEngineShift(s, q.zone)),
    ),
  );
  const known = new Set(before.map(vkey));
  const newViolations = after.filter((v) => !known.has(vkey(v)));
  if (q.dryRun) return { kind: 'checked', violations: after, newViolations };
  const overridable = newViolations.every((v) => !NEVER_SAVED_ANYWAY.has(v.rule));
  if (newViolations.length && !(q.saveAnyway && overridable)) return { kind: 'refused', violations: after, newViolations };

  const nowIso = q.now.toISOString();
  try {
    const saved = await inTransaction(ds, async (tx) => {
      await claimRotaVersion(tx, rota.id, q.expectedVersion);
      if (rota.status !== 'draft') {
        return createRotaRevision(
          tx,
          { weekStart: rota.weekStart, status: 'draft', basedOnRotaId: rota.id, createdBy: q.by },
          proposed.map(stripIds),
          nowIso,
        );
      }
      if (q.edit.action === 'delete') await deleteShift(tx, target!.id);
      else if (q.edit.action === 'add') await insertShift(tx, rota.id, changed!, nowIso, q.by);
      else await updateShift(tx, target!.id, changed!, nowIso, q.by);
      return (await getRota(tx, rota.id))!;
    });
    await appendAudit(ds, {
      at: nowIso,
      userId: q.userId,
      action: 'rota.edit',
      entity: 'rota',
      entityId: saved.id,
      detail: {
        fromRotaId: rota.id,
        edit: q.edit,
        staffId,
        violations: newViolations.map((v) => v.rule),
        savedAnyway: newViolations.length > 0,
      },
    });
    return { kind: 'saved', rota: saved, violations: after, newDraft: saved.id !== rota.id };
  } catch (err) {
    if (err instanceof StaleEditError) return { kind: 'stale', current: (await getRota(ds, rota.id))! };
    throw err;
  }
}

function stripIds(s: ShiftRecord | (NewShift & { id?: number })): NewShift {
  return {
    staffId: s.staffId,
    start: s.start,
    end: s.end,
    breaks: s.breaks,
    channel: s.channel,
    activities: s.activities ?? null,
    locked: s.locked,
    note: s.note ?? null,
  };
}

function applyEdit(shifts: ShiftRecord[], targetId: number | null, changed: NewShift | null): (ShiftRecord | NewShift)[] {
  const rest: (ShiftRecord | NewShift)[] = shifts.filter((s) => s.id !== targetId);
  return changed ? [...rest, changed] : rest;
}

/**
 * The shift for the form's local date and times; the lunch break goes in the middle of the
 * shift on the interval grid (the optimiser's rules: at least breakMinOffsetMinutes after the
 * start and breakMinTailMinutes before the end, which the middle of an 8-9 h shift keeps).
 */
export function shiftFromTimes(
  staffId: number,
  t: ShiftTimes,
  problem: Pick<Problem, 'rules' | 'intervalMinutes'>,
  zone: string,
): NewShift {
  const day = DateTime.fromISO(t.date, { zone }).startOf('day');
  const at = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return day.plus({ hours: h, minutes: m });
  };
  const start = at(t.startTime);
  let end = at(t.endTime);
  if (end <= start) end = end.plus({ days: 1 });
  const lengthMin = end.diff(start, 'minutes').minutes;
  const breakMin = problem.rules.breakMinutes;
  const step = problem.intervalMinutes;
  const offset = Math.max(0, Math.floor((lengthMin - breakMin) / 2 / step) * step);
  const breaks =
    breakMin > 0 && lengthMin > breakMin
      ? [
          {
            start: start.plus({ minutes: offset }).toUTC().toISO()!,
            end: start
              .plus({ minutes: offset + breakMin })
              .toUTC()
              .toISO()!,
          },
        ]
      : [];
  return {
    staffId,
    start: start.toUTC().toISO()!,
    end: end.toUTC().toISO()!,
    breaks,
    channel: t.channel,
    activities: null,
    locked: t.locked,
  };
}
