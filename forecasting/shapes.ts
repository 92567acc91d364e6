/**
 * View-friendly summaries of a history: the weekly shape (mean day total per weekday) and the
 * daily shape (mean share of the day per interval, per weekday), over the last `weeks` weeks,
 * holidays and other special days left out, closed hours the file left out taken as 0.
 */
import { dayMarks, holidaysShowInHistory, withoutPublicHolidays, type CalendarOptions } from './calendar/day-marks';
import { cleanTraining } from './clean';
import { fillClosedSlots } from './closed-slots';
import { weekdayOf } from './grid';
import { dayTotals, weekdayProfiles } from './methods/daily-profile';
import { prepareSeries, type HistoryPoint } from './series';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface ShapeOptions {
  zone: string;
  intervalMinutes?: number;
  /** Weeks back from the end of the history (default 8). */
  weeks?: number;
  calendar?: CalendarOptions;
}

export interface WeekdayTotal {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  label: (typeof WEEKDAYS)[number];
  /** Mean contacts of that weekday's whole days. */
  meanTotal: number;
  /** Share of an average week's contacts. */
  share: number;
  days: number;
}

export interface DailyShape {
  weekday: number;
  label: (typeof WEEKDAYS)[number];
  /** One per interval of the day: local time `HH:mm` and the mean share of the day's contacts. */
  slots: { time: string; share: number }[];
}

function cleaned(history: HistoryPoint[], o: ShapeOptions) {
  const s = prepareSeries(history, o.zone, o.intervalMinutes);
  const { grid } = s;
  let marks = dayMarks(grid.firstDay, grid.firstDay + Math.ceil(grid.values.length / grid.slotsPerDay), o.calendar);
  const filled = fillClosedSlots(grid.values.subarray(0, s.dataEnd), grid.slotsPerDay);
  if ((o.calendar?.publicHolidays ?? 'auto') === 'auto' && !holidaysShowInHistory(filled, grid.slotsPerDay, grid.firstDay, marks).show)
    marks = withoutPublicHolidays(marks);
  const y = cleanTraining(filled, grid.slotsPerDay, grid.firstDay, marks).y;
  return { y, grid };
}

/** Mean day total per weekday over the last `weeks` weeks. */
export function weeklyShape(history: HistoryPoint[], options: ShapeOptions): WeekdayTotal[] {
  const { y, grid } = cleaned(history, options);
  const totals = dayTotals(y, grid.slotsPerDay);
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  for (let d = Math.max(0, totals.length - 7 * (options.weeks ?? 8)); d < totals.length; d++) {
    if (Number.isNaN(totals[d])) continue;
    const w = weekdayOf(grid.firstDay + d);
    sums[w] += totals[d];
    counts[w]++;
  }
  const means = sums.map((s, w) => (counts[w] ? s / counts[w] : 0));
  const week = means.reduce((a, b) => a + b, 0);
  return means.map((m, w) => ({ weekday: w, label: WEEKDAYS[w], meanTotal: m, share: week > 0 ? m / week : 0, days: counts[w] }));
}

/** Mean intraday profile per weekday over the last `weeks` weeks (shares sum to 1 on open weekdays). */
export function dailyShape(history: HistoryPoint[], options: ShapeOptions): DailyShape[] {
  const { y, grid } = cleaned(history, options);
  const spd = grid.slotsPerDay;
  const profiles = weekdayProfiles(y, dayTotals(y, spd), spd, grid.firstDay, options.weeks ?? 8);
  return profiles.map((p, w) => ({
    weekday: w,
    label: WEEKDAYS[w],
    slots: Array.from(p, (share, j) => {
      const minutes = j * grid.intervalMinutes;
      return { time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, share };
    }),
  }));
}
