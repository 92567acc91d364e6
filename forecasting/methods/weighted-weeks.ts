/**
 * Exponentially weighted average of the same interval over recent weeks, with a level
 * correction.
 *
 * The plain K-week average is a strong call-centre benchmark (it is the 0.056 line on the bank
 * data), but it lags a level that moves. Weighting recent weeks more (decay `lambda` per week)
 * reduces the lag; the level correction multiplies by how the last `levelDays` days came out
 * against what the same average, made a week earlier, said of them (Σ actual ÷ Σ estimate),
 * shrunk towards 1 by the exponent `shrink` because one week's ratio is noisy.
 */
import { fillGaps } from './seasonal-naive';
import type { MethodInput } from './types';

export interface WeightedWeeksOptions {
  weeks: number;
  lambda: number;
  levelDays: number;
  shrink: number;
}

export const WEIGHTED_WEEKS_DEFAULT: WeightedWeeksOptions = { weeks: 8, lambda: 0.7, levelDays: 7, shrink: 0.5 };

/** EW mean of y[t − k·week] for k = kFirst, kFirst+1, … (skipping missing), using values before `n`. */
function ewSlot(y: Float64Array, t: number, week: number, kFirst: number, o: WeightedWeeksOptions): number {
  let sum = 0;
  let weight = 0;
  let w = 1;
  let used = 0;
  for (let k = kFirst; used < o.weeks && k < kFirst + o.weeks + 6; k++) {
    const i = t - k * week;
    if (i < 0) break;
    const v = y[i];
    if (!Number.isNaN(v)) {
      sum += w * v;
      weight += w;
      used++;
    }
    w *= o.lambda;
  }
  return weight > 0 ? sum / weight : NaN;
}

/** Σ actual ÷ Σ estimate over the last `levelDays` days, each estimated from the weeks before it. */
function levelRatio(y: Float64Array, week: number, spd: number, o: WeightedWeeksOptions): number {
  const n = y.length;
  let actual = 0;
  let estimate = 0;
  for (let i = Math.max(0, n - o.levelDays * spd); i < n; i++) {
    if (Number.isNaN(y[i])) continue;
    const e = ewSlot(y, i, week, 1, o);
    if (Number.isNaN(e)) continue;
    actual += y[i];
    estimate += e;
  }
  if (estimate <= 0 || actual <= 0) return 1;
  const r = Math.pow(actual / estimate, o.shrink);
  // A ratio beyond ±50% is an outage or a data problem more often than a new level.
  return Math.min(1.5, Math.max(0.67, r));
}

export function weightedWeeks(input: MethodInput, options: Partial<WeightedWeeksOptions> = {}): Float64Array {
  const o = { ...WEIGHTED_WEEKS_DEFAULT, ...options };
  const { y, slotsPerDay, horizon } = input;
  const week = 7 * slotsPerDay;
  const n = y.length;
  const ratio = o.shrink > 0 ? levelRatio(y, week, slotsPerDay, o) : 1;
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    out[h] = ewSlot(y, n + h, week, Math.floor(h / week) + 1, o) * ratio;
  }
  return fillGaps(out, y, slotsPerDay);
}
