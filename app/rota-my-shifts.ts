/**
 * An agent's own published shifts: from the start of today (team zone) for `weeks` weeks.
 * Only published rotas count; a draft is the coordinator's work in progress.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import {
  publishedShiftsForStaff,
  shiftCancellationsForStaff,
  type ShiftCancellationRecord,
  type ShiftRecord,
} from '../models/repositories/rotas';

export interface MyShiftsQuery {
  staffId: number | null;
  now: Date;
  zone: string;
  weeks?: number;
  /** Include shifts that already ended today or earlier in the window (the calendar feed). */
  fromDaysAgo?: number;
}

export async function myShifts(ds: DataSource, q: MyShiftsQuery): Promise<ShiftRecord[]> {
  if (q.staffId === null) return [];
  const today = DateTime.fromJSDate(q.now, { zone: q.zone }).startOf('day');
  const from = today.minus({ days: q.fromDaysAgo ?? 0 });
  const to = today.plus({ weeks: q.weeks ?? 4 });
  return publishedShiftsForStaff(ds, q.staffId, from.toUTC().toISO()!, to.toUTC().toISO()!);
}

/** How long a shift taken from someone stays in their calendar feed as cancelled. */
export const CANCELLED_FEED_DAYS = 28;

/** Shifts taken from the person (time off, swaps, republishing) in the last four weeks, newest first. */
export async function myCancelledShifts(
  ds: DataSource,
  q: Pick<MyShiftsQuery, 'staffId' | 'now' | 'zone'>,
): Promise<ShiftCancellationRecord[]> {
  if (q.staffId === null) return [];
  const since = DateTime.fromJSDate(q.now, { zone: q.zone }).minus({ days: CANCELLED_FEED_DAYS });
  return shiftCancellationsForStaff(ds, q.staffId, since.toUTC().toISO()!);
}
