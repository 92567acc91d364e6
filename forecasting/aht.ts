/**
 * Handle-time forecast per interval: the volume-weighted mean handle time of the same interval
 * of the week over the last `weeks` weeks (AHT is a ratio: total handling seconds ÷ contacts,
 * so busy weeks weigh more). Where those weeks had no contacts in that interval, fall back to
 * the same time of day over the last four weeks, then to the overall volume-weighted mean.
 */

export interface AhtInput {
  aht: Float64Array;
  volume: Float64Array;
  slotsPerDay: number;
  horizon: number;
}

function weighted(aht: Float64Array, volume: Float64Array, indices: Iterable<number>): number {
  let num = 0;
  let den = 0;
  for (const i of indices) {
    const a = aht[i];
    const v = volume[i];
    if (Number.isNaN(a) || !(v > 0)) continue;
    num += a * v;
    den += v;
  }
  return den > 0 ? num / den : NaN;
}

function* sameSlotOfWeek(t: number, n: number, week: number, weeks: number): Generator<number> {
  for (let k = Math.floor((t - n) / week) + 1, used = 0; used < weeks; k++, used++) {
    const i = t - k * week;
    if (i < 0) return;
    yield i;
  }
}

function* sameTimeOfDay(t: number, n: number, spd: number, days: number): Generator<number> {
  for (let k = Math.floor((t - n) / spd) + 1, used = 0; used < days; k++, used++) {
    const i = t - k * spd;
    if (i < 0) return;
    yield i;
  }
}

function* range(from: number, to: number): Generator<number> {
  for (let i = Math.max(0, from); i < to; i++) yield i;
}

/** AHT seconds for indices n … n + horizon − 1, n = aht.length; NaN only when the history has none at all. */
export function forecastAht({ aht, volume, slotsPerDay, horizon }: AhtInput, weeks = 8): Float64Array {
  const n = aht.length;
  const week = 7 * slotsPerDay;
  const overall = weighted(aht, volume, range(n - 13 * week, n));
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    const t = n + h;
    let a = weighted(aht, volume, sameSlotOfWeek(t, n, week, weeks));
    if (Number.isNaN(a)) a = weighted(aht, volume, sameTimeOfDay(t, n, slotsPerDay, 28));
    out[h] = Number.isNaN(a) ? overall : a;
  }
  return out;
}
