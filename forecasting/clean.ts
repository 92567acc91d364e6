/**
 * Training-data cleaning: special days and gross outlier days become NaN (missing), so the
 * methods, which all skip missing values, learn from ordinary days only.
 *
 * An outlier day is one whose total is far from the median of the same weekday in the four
 * weeks either side: |log ratio| above `k` robust standard deviations (1.4826 × MAD of all
 * days' log ratios, at least 2%). k = 3.5 catches outages, one-off surges and the days
 * around an unknown holiday, not ordinary day-to-day noise. Measured over 16 rolling weeks:
 * bank data WAPE 0.0594 without cleaning, 0.0579 at k = 5, 0.0562 at k = 3.5; synthetic
 * series unchanged within ±0.5%.
 */
import type { DayMarks } from './calendar/day-marks';
import { dayTotals } from './methods/daily-profile';

/** Median of the first `n` values of `xs`, sorted in place (no NaN among them). */
function medianInPlace(xs: Float64Array, n: number): number {
  // Insertion sort: n is at most 8 a day, and a cleaning runs it for every day of every fold.
  for (let i = 1; i < n; i++) {
    const v = xs[i];
    let j = i - 1;
    for (; j >= 0 && xs[j] > v; j--) xs[j + 1] = xs[j];
    xs[j + 1] = v;
  }
  const m = n >> 1;
  return n % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

export interface CleanResult {
  y: Float64Array;
  /** Local epoch days blanked as outliers. */
  outlierDays: number[];
}

/** The values with every special day (holiday, calendar event) NaN. */
export function withoutSpecialDays(y: Float64Array, spd: number, firstDay: number, marks: DayMarks): Float64Array {
  const out = y.slice();
  for (let d = 0; d * spd < y.length; d++) {
    if (marks.has(firstDay + d)) out.fill(NaN, d * spd, Math.min(y.length, (d + 1) * spd));
  }
  return out;
}

export function cleanTraining(y: Float64Array, spd: number, firstDay: number, marks: DayMarks, k = 3.5): CleanResult {
  const out = withoutSpecialDays(y, spd, firstDay, marks);
  const nd = Math.floor(y.length / spd);
  const totals = dayTotals(out, spd);
  const logRatio = new Float64Array(nd).fill(NaN);
  const near = new Float64Array(8);
  for (let d = 0; d < nd; d++) {
    if (Number.isNaN(totals[d])) continue;
    let count = 0;
    for (let j = -4; j <= 4; j++) {
      const dd = d + 7 * j;
      if (j !== 0 && dd >= 0 && dd < nd && !Number.isNaN(totals[dd])) near[count++] = totals[dd];
    }
    if (count < 3) continue;
    const m = medianInPlace(near, count);
    // A closed day among closed days says nothing about spread (and would shrink the MAD).
    if (m === 0 && totals[d] === 0) continue;
    // +1 keeps closed days (0 / 0) at ratio 1 and damps tiny series.
    logRatio[d] = Math.log((totals[d] + 1) / (m + 1));
  }
  const absValid = new Float64Array(nd);
  let valid = 0;
  for (let d = 0; d < nd; d++) if (!Number.isNaN(logRatio[d])) absValid[valid++] = Math.abs(logRatio[d]);
  const outlierDays: number[] = [];
  if (valid < 14) return { y: out, outlierDays };
  // A typed array sorts numerically, as the comparator a - b did.
  const sorted = absValid.subarray(0, valid).sort();
  const sigma = Math.max(0.02, 1.4826 * medianInPlace(sorted, valid));
  for (let d = 0; d < nd; d++) {
    if (Math.abs(logRatio[d]) > k * sigma) {
      out.fill(NaN, d * spd, (d + 1) * spd);
      outlierDays.push(firstDay + d);
    }
  }
  return { y: out, outlierDays };
}
