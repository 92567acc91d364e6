import { DateTime } from 'luxon';
import type { IntervalRequirement, RotaRules } from '../types';
import { clockMinutes } from '../week';

/**
 * Checks that need more than one input file: the week against the requirement rows and the
 * rules against the requirement grid. Pure; the CLI turns errors into exit code 2.
 */

/** Why `week` cannot start a planning week (not a real date, or not a Monday), or null. */
export function weekStartError(week: string, timeZone: string): string | null {
  const day = DateTime.fromISO(week, { zone: timeZone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(week) || !day.isValid) return `"${week}" is not a date yyyy-mm-dd`;
  if (day.weekday !== 1) {
    const monday = day.minus({ days: day.weekday - 1 }).toISODate();
    return `${week} is a ${day.toFormat('cccc')}; the week starts on a Monday (did you mean ${monday}?)`;
  }
  return null;
}

/** Requirement rows inside and outside the seven local days from weekStart. */
export function rowsInWeek(rows: IntervalRequirement[], weekStart: string, timeZone: string): { inside: number; outside: number } {
  const start = DateTime.fromISO(weekStart, { zone: timeZone }).startOf('day');
  const from = start.toMillis();
  const to = start.plus({ days: 7 }).toMillis();
  let inside = 0;
  for (const r of rows) {
    const ms = DateTime.fromISO(r.timestamp).toMillis();
    if (ms >= from && ms < to) inside++;
  }
  return { inside, outside: rows.length - inside };
}

/**
 * Rules that contradict each other or the requirement grid. Without this every person is
 * reported as unable to work their contract, which hides the one setting to change.
 */
export function rulesConflicts(rules: RotaRules, intervalMinutes: number): string[] {
  const out: string[] = [];
  const open = clockMinutes(rules.earliestStart);
  const close = clockMinutes(rules.latestEnd);
  const lengths = rules.shiftLengthsHours.map((h) => h * 60);
  if (close <= open)
    out.push(`earliestStart ${rules.earliestStart} is not before latestEnd ${rules.latestEnd} (shifts over midnight are not supported)`);
  const offGrid = rules.shiftLengthsHours.filter(
    (h) => Math.abs((h * 60) / intervalMinutes - Math.round((h * 60) / intervalMinutes)) > 1e-9,
  );
  if (offGrid.length)
    out.push(
      `shiftLengthsHours ${offGrid.join(', ')} h do not fit the ${intervalMinutes}-minute requirement grid (starts and ends sit on it)`,
    );
  if (close > open) {
    const fits = lengths.filter((m) => m <= close - open);
    if (!fits.length)
      out.push(
        `no shift length (${rules.shiftLengthsHours.join(', ')} h) fits between earliestStart ${rules.earliestStart} and latestEnd ${rules.latestEnd}`,
      );
  }
  const tooShort = rules.shiftLengthsHours.filter((h) => h * 60 <= rules.breakMinutes);
  if (tooShort.length) out.push(`breakMinutes ${rules.breakMinutes} leaves no working time in ${tooShort.join(', ')} h shifts`);
  return out;
}
