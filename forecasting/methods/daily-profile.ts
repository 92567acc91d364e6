/**
 * Daily total × intraday profile: the structure Weinberg, Brown & Stroud (JASA 2007) and
 * Ibrahim & L'Ecuyer (MSOM 2013) find dominant in bank call-centre arrivals: the day's volume
 * moves from day to day, while the share of it falling in each interval is stable per weekday.
 *
 * - Daily total of a future day: its weekday factor (the weekday's mean share of the week over
 *   the last `factorWeeks` weeks) × the recent level (median of the last `levelWeeks` weeks of
 *   totals, each divided by its weekday factor). Pooling all weekdays into one level halves the noise
 *   of a same-weekday mean (measured over 16 rolling weeks: bank data 0.0598 → 0.0577 WAPE).
 * - Profile: the proportion of the day in each interval over the last `profileWeeks` same
 *   weekdays, older weeks weighted `profileDecay` per week: more weeks than for the level,
 *   because proportions are noisier per interval but drift slower (measured over 16 rolling
 *   weeks: 20 weeks at 0.95 against a plain 12-week mean, bank data 0.0552 → 0.0545 WAPE, the
 *   demo and synthetic series 0-2% better).
 * Days with any missing interval are left out of both (their total is unknown).
 */
import { weekdayOf } from '../grid';
import { fillGaps } from './seasonal-naive';
import type { MethodInput } from './types';

export interface DailyProfileOptions {
  levelWeeks: number;
  factorWeeks: number;
  profileWeeks: number;
  /** Weight of each older week in the profile (geometric). */
  profileDecay: number;
}

export const DAILY_PROFILE_DEFAULT: DailyProfileOptions = { levelWeeks: 4, factorWeeks: 20, profileWeeks: 20, profileDecay: 0.95 };

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

/**
 * Intraday proportions per weekday (7 × spd), from the last `weeks` whole days of each weekday,
 * the k-th most recent weighted `decay`^k (1 = a plain mean).
 */
export function weekdayProfiles(
  y: Float64Array,
  totals: Float64Array,
  spd: number,
  firstDay: number,
  weeks: number,
  decay = 1,
): Float64Array[] {
  const profiles = Array.from({ length: 7 }, () => new Float64Array(spd));
  const counts = new Array<number>(7).fill(0);
  const weights = new Array<number>(7).fill(0);
  for (let d = totals.length - 1; d >= 0 && d >= totals.length - 7 * (weeks + 4); d--) {
    const w = weekdayOf(firstDay + d);
    if (!(totals[d] > 0) || counts[w] >= weeks) continue;
    const weight = Math.pow(decay, counts[w]);
    for (let j = 0; j < spd; j++) profiles[w][j] += (weight * y[d * spd + j]) / totals[d];
    counts[w]++;
    weights[w] += weight;
  }
  for (let w = 0; w < 7; w++) if (weights[w]) for (let j = 0; j < spd; j++) profiles[w][j] /= weights[w];
  return profiles;
}

/** Weekday factors: each weekday's mean total ÷ the mean over weekdays, over the last `weeks` weeks (NaN if never seen). */
export function weekdayFactors(totals: Float64Array, firstDay: number, weeks: number): number[] {
  const nd = totals.length;
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  for (let d = Math.max(0, nd - 7 * weeks); d < nd; d++) {
    if (Number.isNaN(totals[d])) continue;
    sums[weekdayOf(firstDay + d)] += totals[d];
    counts[weekdayOf(firstDay + d)]++;
  }
  const means = sums.map((s, w) => (counts[w] ? s / counts[w] : NaN));
  const known = means.filter((m) => !Number.isNaN(m));
  const overall = known.reduce((a, b) => a + b, 0) / Math.max(1, known.length);
  return means.map((m) => (overall > 0 ? m / overall : NaN));
}

/**
 * Level of a mean day: the median over the last `weeks` weeks of each day's total divided by
 * its weekday factor (closed weekdays skipped). The median, not the mean, so that a surge the
 * cleaning let through (a day after an unknown holiday) does not lift a whole week: measured
 * over 16 rolling weeks, bank data 0.0562 → 0.0552 WAPE, synthetic series within ±0.5%.
 */
function recentLevel(totals: Float64Array, factors: number[], firstDay: number, weeks: number): number {
  const levels: number[] = [];
  for (let d = Math.max(0, totals.length - 7 * weeks); d < totals.length; d++) {
    const f = factors[weekdayOf(firstDay + d)];
    if (!Number.isNaN(totals[d]) && f > 0.05) levels.push(totals[d] / f);
  }
  if (!levels.length) return NaN;
  levels.sort((a, b) => a - b);
  const m = levels.length >> 1;
  return levels.length % 2 ? levels[m] : (levels[m - 1] + levels[m]) / 2;
}

export function dailyProfile(input: MethodInput, options: Partial<DailyProfileOptions> = {}): Float64Array {
  const o = { ...DAILY_PROFILE_DEFAULT, ...options };
  const { y, slotsPerDay: spd, firstDay, horizon } = input;
  const n = y.length;
  const totals = dayTotals(y, spd);
  const profiles = weekdayProfiles(y, totals, spd, firstDay, o.profileWeeks, o.profileDecay);
  const factors = weekdayFactors(totals, firstDay, o.factorWeeks);
  const level = recentLevel(totals, factors, firstDay, o.levelWeeks);
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    const t = n + h;
    const w = weekdayOf(firstDay + Math.floor(t / spd));
    // A weekday never seen (a short history) stays NaN and is filled below.
    out[h] = (Number.isNaN(factors[w]) ? NaN : factors[w] * level) * profiles[w][t % spd];
  }
  return fillGaps(out, y, spd);
}

/**
 * Day totals divided by their weekday factor (mean share of a week's day over the last 12
 * weeks), so days of different weekdays can be averaged into a level. NaN on closed weekdays.
 */
export function deseasonalisedDays(totals: Float64Array, firstDay: number): Float64Array {
  const factors = weekdayFactors(totals, firstDay, 12);
  const out = new Float64Array(totals.length);
  for (let d = 0; d < totals.length; d++) {
    const f = factors[weekdayOf(firstDay + d)];
    out[d] = f > 0.05 ? totals[d] / f : NaN;
  }
  return out;
}

function windowMean(a: Float64Array, from: number, to: number): number {
  let s = 0;
  let c = 0;
  for (let d = Math.max(0, from); d < Math.min(a.length, to); d++) {
    if (!Number.isNaN(a[d])) {
      s += a[d];
      c++;
    }
  }
  return c >= 3 ? s / c : NaN;
}

/**
 * Level change from the base window (the last four weeks) to a target day.
 * - With a year of history behind the target: last year's change over the same span (ratio of
 *   the 15 days around the target a year earlier to the base window a year earlier). This
 *   carries both the yearly season and the growth, the way Weinberg et al. carry the level.
 * - Otherwise: the recent trend (last 6 weeks against the 6 before, per week), halved and capped
 *   at ±2% a week, applied over the weeks between the base window's middle and the target.
 */
export function levelChange(level: Float64Array, nDays: number, target: number): number {
  const YEAR = 364;
  const baseFrom = nDays - 28;
  if (target - YEAR + 7 < nDays && baseFrom - YEAR >= 0) {
    const ly = windowMean(level, target - YEAR - 7, target - YEAR + 8) / windowMean(level, baseFrom - YEAR, nDays - YEAR);
    if (Number.isFinite(ly) && ly > 0) return Math.min(2, Math.max(0.5, ly));
  }
  const recent = windowMean(level, nDays - 42, nDays);
  const before = windowMean(level, nDays - 84, nDays - 42);
  if (!(recent > 0 && before > 0)) return 1;
  const weekly = Math.min(0.02, Math.max(-0.02, 0.5 * (Math.pow(recent / before, 1 / 6) - 1)));
  return Math.pow(1 + weekly, (target - (nDays - 14)) / 7);
}

/** Daily total × profile, with the total moved by the level change (growth, yearly season). */
export function dailyProfileTrend(input: MethodInput, options: Partial<DailyProfileOptions> = {}): Float64Array {
  const base = dailyProfile(input, options);
  const { y, slotsPerDay: spd, firstDay } = input;
  const totals = dayTotals(y, spd);
  const level = deseasonalisedDays(totals, firstDay);
  const n = y.length;
  let day = -1;
  let change = 1;
  for (let h = 0; h < base.length; h++) {
    const d = Math.floor((n + h) / spd);
    if (d !== day) {
      day = d;
      change = levelChange(level, totals.length, d);
    }
    base[h] *= change;
  }
  return base;
}
