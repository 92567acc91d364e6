/**
 * Week arithmetic in the team's zone, the one set of helpers for every folder: a planning week
 * is seven local days from a Monday (yyyy-mm-dd); its interval starts follow the wall clock,
 * so a daylight-saving week has 167 or 169 hourly slots.
 */
import { DateTime } from 'luxon';

/**
 * The Monday (yyyy-mm-dd) of the local week holding `date` (a date or an instant). Without a
 * zone, an instant's own offset decides the local day.
 */
export function mondayOf(date: string, zone?: string): string {
  const at = zone ? DateTime.fromISO(date, { zone }) : DateTime.fromISO(date, { setZone: true });
  return at.startOf('week').toISODate()!;
}

/** The Monday of the week holding the instant `now` in `zone`, plus `weeks` weeks (next week: 1). */
export function weekOf(now: Date, zone: string, weeks = 0): string {
  return DateTime.fromJSDate(now, { zone }).startOf('week').plus({ weeks }).toISODate()!;
}

/** [from, to) of `weeks` weeks from local Monday `weekStart`, ISO UTC. */
export function weekRange(weekStart: string, zone: string, weeks = 1): { from: string; to: string } {
  const monday = DateTime.fromISO(weekStart, { zone }).startOf('day');
  return { from: monday.toUTC().toISO()!, to: monday.plus({ weeks }).toUTC().toISO()! };
}

/** The Monday `weeks` weeks after `weekStart` (calendar dates: no zone needed). */
export function addWeeks(weekStart: string, weeks: number): string {
  return DateTime.fromISO(weekStart, { zone: 'utc' }).plus({ weeks }).toISODate()!;
}

/** The week's interval starts, local Monday 00:00 up to the next Monday. */
export function weekSlots(weekStart: string, zone: string, intervalMinutes: number): DateTime[] {
  const monday = DateTime.fromISO(weekStart, { zone }).startOf('week');
  const end = monday.plus({ weeks: 1 });
  const out: DateTime[] = [];
  for (let t = monday; t < end; t = t.plus({ minutes: intervalMinutes })) out.push(t);
  return out;
}
