/**
 * A coordinator's hand edit of one shift (change times/channel/lock, add, delete), checked
 * against the hard rules before it is saved (through the change path, app/rota-change.ts).
 * New violations refuse the edit unless the coordinator overrides it with a reason. Every
 * edit carries the rota's version (stale → refused).
 * A published (or archived) rota is never edited in place: the edit makes a new draft
 * revision based on it, leaving what agents see unchanged until that draft is published.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { getRota, getShift, type NewShift, type RotaRecord } from '../models/repositories/rotas';
import type { Problem, Violation } from '../scheduling';
import { applyRotaChange } from './rota-change';

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
  /** Save despite a broken rule: only with a reason (kept in the audit trail, shown on the rota). */
  overrideReason?: string;
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
  | { kind: 'refused'; violations: Violation[]; newViolations: Violation[]; overridable: boolean }
  | { kind: 'stale'; current: RotaRecord }
  | { kind: 'notFound' };

/** A hand edit is one operation on the change path (app/rota-change.ts), on the revision it was made on. */
export async function editRotaShift(ds: DataSource, q: EditQuery): Promise<EditResult> {
  const rota = await getRota(ds, q.rotaId);
  if (!rota) return { kind: 'notFound' };
  const result = await applyRotaChange(
    { ds, zone: q.zone, intervalMinutes: q.intervalMinutes, now: q.now },
    {
      weekStart: rota.weekStart,
      operation: { kind: 'edit', edit: q.edit },
      actor: { userId: q.userId, username: q.by },
      rota: { id: rota.id, version: q.expectedVersion },
      ...(q.overrideReason?.trim() ? { override: { reason: q.overrideReason.trim() } } : {}),
      dryRun: q.dryRun,
    },
  );
  // The form shows the edited person's rules (and the week's), not the whole team's.
  const shift = q.edit.action === 'add' ? null : await getShift(ds, q.edit.shiftId);
  const staffId = String(q.edit.action === 'add' ? q.edit.staffId : (shift?.staffId ?? ''));
  const mine = (list: Violation[]) => list.filter((v) => v.staffId === staffId || v.staffId === null);
  switch (result.kind) {
    case 'checked':
      return { kind: 'checked', violations: mine(result.violations), newViolations: result.newViolations };
    case 'refused':
      return { ...result, violations: mine(result.violations) };
    case 'applied':
      return { kind: 'saved', rota: result.working, violations: result.violations, newDraft: result.newDraft };
    case 'stale':
      return { kind: 'stale', current: result.current ?? rota };
    default:
      return result;
  }
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
