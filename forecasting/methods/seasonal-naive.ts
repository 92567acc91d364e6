/**
 * Benchmarks: the weekly seasonal naive (same interval last week) and the average of the same
 * interval over the last K weeks. Both are what every accuracy claim must beat.
 */
import type { MethodInput } from './types';

/**
 * Same interval one week before; for horizons past a week, the last observed week repeats.
 * A missing value falls back to the same interval one more week back (up to 8 weeks).
 */
export function seasonalNaive({ y, slotsPerDay, horizon }: MethodInput): Float64Array {
  const week = 7 * slotsPerDay;
  const n = y.length;
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let v = NaN;
    for (let k = Math.floor(h / week) + 1; k <= Math.floor(h / week) + 8 && Number.isNaN(v); k++) {
      const i = n + h - k * week;
      if (i < 0) break;
      v = y[i];
    }
    out[h] = v;
  }
  return fillGaps(out, y, slotsPerDay);
}

/** Mean of the same interval over the last `weeks` observed weeks (missing weeks skipped). */
export function weekAverage({ y, slotsPerDay, horizon }: MethodInput, weeks = 4): Float64Array {
  const week = 7 * slotsPerDay;
  const n = y.length;
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let sum = 0;
    let count = 0;
    const first = Math.floor(h / week) + 1;
    for (let k = first; count < weeks && k < first + weeks + 8; k++) {
      const i = n + h - k * week;
      if (i < 0) break;
      if (!Number.isNaN(y[i])) {
        sum += y[i];
        count++;
      }
    }
    out[h] = count ? sum / count : NaN;
  }
  return fillGaps(out, y, slotsPerDay);
}

/**
 * Where no week had a value (a short history), use the same time of day on any day, then the
 * overall mean, then 0: a forecast must always be a number.
 */
export function fillGaps(out: Float64Array, y: Float64Array, slotsPerDay: number): Float64Array {
  let missing = false;
  for (const v of out) if (Number.isNaN(v)) missing = true;
  if (!missing) return out;
  const slotSum = new Float64Array(slotsPerDay);
  const slotCount = new Float64Array(slotsPerDay);
  let total = 0;
  let count = 0;
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) continue;
    slotSum[i % slotsPerDay] += y[i];
    slotCount[i % slotsPerDay]++;
    total += y[i];
    count++;
  }
  const mean = count ? total / count : 0;
  for (let h = 0; h < out.length; h++) {
    if (!Number.isNaN(out[h])) continue;
    const s = (y.length + h) % slotsPerDay;
    out[h] = slotCount[s] ? slotSum[s] / slotCount[s] : mean;
  }
  return out;
}
