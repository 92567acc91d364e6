/**
 * Daily total × intraday profile: the structure Weinberg, Brown & Stroud (JASA 2007) and
 * Ibrahim & L'Ecuyer (MSOM 2013) find dominant in bank call-centre arrivals: the day's volume
 * moves from day to day, while the share of it falling in each interval is stable per weekday.
 *
 * - Daily total of a future day: mean of the same weekday's totals over the last `totalWeeks`
 *   observed weeks (a weekday-seasonal random walk smoothed over a month).
 * - Profile: the mean proportion of the day in each interval over the last `profileWeeks`
 *   same weekdays; more weeks than for the total, because proportions are noisier per interval
 *   but drift slower.
 * Days with any missing interval are left out of both (their total is unknown).
 */
import { weekdayOf } from '../grid';
import { fillGaps } from './seasonal-naive';
import type { MethodInput } from './types';

export interface DailyProfileOptions {
  totalWeeks: number;
  profileWeeks: number;
}

export const DAILY_PROFILE_DEFAULT: DailyProfileOptions = { totalWeeks: 4, profileWeeks: 8 };

/** Totals of whole days; NaN for a day with a missing interval. */
export function dayTotals(y: Float64Array, spd: number): Float64Array {
  const nd = Math.floor(y.length / spd);
  const totals = new Float64Array(nd);
  for (let d = 0; d < nd; d++) {
    let s = 0;
    for (let j = 0; j < spd; j++) s += y[d * spd + j];
    totals[d] = s;
  }
  return totals;
}

/** Mean intraday proportions per weekday (7 × spd), from the last `weeks` weeks of whole days. */
export function weekdayProfiles(y: Float64Array, totals: Float64Array, spd: number, firstDay: number, weeks: number): Float64Array[] {
  const profiles = Array.from({ length: 7 }, () => new Float64Array(spd));
  const counts = new Array<number>(7).fill(0);
  for (let d = totals.length - 1; d >= 0 && d >= totals.length - 7 * (weeks + 4); d--) {
    const w = weekdayOf(firstDay + d);
    if (!(totals[d] > 0) || counts[w] >= weeks) continue;
    for (let j = 0; j < spd; j++) profiles[w][j] += y[d * spd + j] / totals[d];
    counts[w]++;
  }
  for (let w = 0; w < 7; w++) if (counts[w]) for (let j = 0; j < spd; j++) profiles[w][j] /= counts[w];
  return profiles;
}

/** Mean total of the same weekday as day `d` over the `weeks` most recent observed weeks before `limit`. */
function weekdayTotal(totals: Float64Array, d: number, limit: number, weeks: number): number {
  let sum = 0;
  let count = 0;
  for (let k = 1; count < weeks && k <= weeks + 8; k++) {
    const dd = d - 7 * k;
    if (dd < 0) break;
    if (dd >= limit || Number.isNaN(totals[dd])) continue;
    sum += totals[dd];
    count++;
  }
  return count ? sum / count : NaN;
}

export function dailyProfile(input: MethodInput, options: Partial<DailyProfileOptions> = {}): Float64Array {
  const o = { ...DAILY_PROFILE_DEFAULT, ...options };
  const { y, slotsPerDay: spd, firstDay, horizon } = input;
  const n = y.length;
  const totals = dayTotals(y, spd);
  const profiles = weekdayProfiles(y, totals, spd, firstDay, o.profileWeeks);
  const out = new Float64Array(horizon);
  let day = -1;
  let total = NaN;
  for (let h = 0; h < horizon; h++) {
    const t = n + h;
    const d = Math.floor(t / spd);
    if (d !== day) {
      day = d;
      total = weekdayTotal(totals, d, totals.length, o.totalWeeks);
    }
    const p = profiles[weekdayOf(firstDay + d)][t % spd];
    out[h] = total * p;
  }
  return fillGaps(out, y, spd);
}
