import { DateTime } from 'luxon';
import type { Problem } from './types';

/**
 * The planning week on a minute axis: minute 0 is local Monday 00:00 in the team's zone.
 * Local midnights are computed with the zone's rules, so a day may have 23 or 25 hours
 * where the zone keeps daylight saving time (Tbilisi does not).
 */
export interface Week {
  zone: string;
  weekStartMs: number;
  /** Minutes from week start of local midnight of days 0..7 (index 7 = end of week). */
  dayStart: number[];
  minutes: number;
  step: number;
  /** Number of requirement intervals in the week. */
  intervals: number;
  channels: string[];
  /** required[c][t]: people needed on channel c in interval t. */
  required: Float64Array[];
  dates: string[];
}

export function buildWeek(problem: Problem): Week {
  const zone = problem.timeZone;
  const monday = DateTime.fromISO(problem.weekStart, { zone }).startOf('day');
  const weekStartMs = monday.toMillis();
  const dayStart: number[] = [];
  const dates: string[] = [];
  for (let d = 0; d <= 7; d++) {
    const day = monday.plus({ days: d });
    dayStart.push(Math.round((day.toMillis() - weekStartMs) / 60000));
    if (d < 7) dates.push(day.toISODate() ?? '');
  }
  const minutes = dayStart[7];
  const step = problem.intervalMinutes;
  const intervals = Math.ceil(minutes / step);
  const channels = problem.channels;
  const required = channels.map(() => new Float64Array(intervals));
  for (const r of problem.requirements) {
    const c = channels.indexOf(r.channel);
    const m = minutesFrom(weekStartMs, r.timestamp);
    if (c < 0 || m < 0 || m >= minutes) continue;
    required[c][Math.floor(m / step)] += r.required;
  }
  return { zone, weekStartMs, dayStart, minutes, step, intervals, channels, required, dates };
}

/**
 * An instant with its offset (`Z` or `±HH:MM`), seconds and up to 3 decimals optional: the form
 * every stored and computed instant has. For these `Date.parse` gives luxon's answer exactly at
 * a fraction of its cost (rule checks convert every shift's times, per candidate of a picker).
 */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function minutesFrom(weekStartMs: number, iso: string): number {
  const ms = INSTANT_WITH_OFFSET.test(iso) ? Date.parse(iso) : DateTime.fromISO(iso).toMillis();
  return (ms - weekStartMs) / 60000;
}

export function toMinute(week: Week, iso: string): number {
  return minutesFrom(week.weekStartMs, iso);
}

/** ISO timestamp with the zone's offset, without milliseconds. */
export function toIso(week: Week, minute: number): string {
  return DateTime.fromMillis(week.weekStartMs + minute * 60000, { zone: week.zone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** Day index (may be negative or >= 7) whose local midnight starts at or before `minute`. */
export function dayIndexOf(week: Week, minute: number): number {
  if (minute >= 0 && minute < week.minutes) {
    let d = 0;
    while (d < 6 && week.dayStart[d + 1] <= minute) d++;
    return d;
  }
  const dt = DateTime.fromMillis(week.weekStartMs + minute * 60000, { zone: week.zone }).startOf('day');
  const monday = DateTime.fromMillis(week.weekStartMs, { zone: week.zone });
  return Math.round(dt.diff(monday, 'days').days);
}

/** "HH:MM" → minutes after local midnight. */
export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/**
 * Minutes from week start of the local wall-clock time `clock` (minutes after midnight, may
 * pass 24:00) on day d. Not dayStart[d] + clock: on a daylight-saving change day the real
 * time from midnight to 07:00 is 6 or 8 hours. A time the clocks skip moves forward.
 */
/**
 * localMinute's answers: rule checks ask for the same few day/clock pairs of a week again and
 * again, and each costs luxon's zone arithmetic. Keyed by everything the answer depends on
 * (zone, week start, the day's date and midnight, the clock); capped, cleared when full.
 */
const localMinuteMemo = new Map<string, number>();
const LOCAL_MINUTE_MEMO_MAX = 50_000;

export function localMinute(week: Week, d: number, clock: number): number {
  const key = `${week.zone}|${week.weekStartMs}|${week.dates[d] ?? ''}|${week.dayStart[Math.max(0, Math.min(7, d))]}|${d}|${clock}`;
  const known = localMinuteMemo.get(key);
  if (known !== undefined) return known;
  const minute = localMinuteUncached(week, d, clock);
  if (localMinuteMemo.size >= LOCAL_MINUTE_MEMO_MAX) localMinuteMemo.clear();
  localMinuteMemo.set(key, minute);
  return minute;
}

function localMinuteUncached(week: Week, d: number, clock: number): number {
  const midnight = DateTime.fromISO(week.dates[d] ?? '', { zone: week.zone });
  const base = midnight.isValid
    ? midnight
    : DateTime.fromMillis(week.weekStartMs + week.dayStart[Math.max(0, Math.min(7, d))] * 60000, { zone: week.zone });
  const days = Math.floor(clock / 1440);
  const rest = clock - days * 1440;
  const dt = base.plus({ days }).set({ hour: Math.floor(rest / 60), minute: rest % 60 });
  return Math.round((dt.toMillis() - week.weekStartMs) / 60000);
}

/** Local weekday 1 (Monday) .. 7 (Sunday) of day d. */
export function weekdayOf(week: Week, d: number): number {
  return DateTime.fromISO(week.dates[d], { zone: week.zone }).weekday;
}
