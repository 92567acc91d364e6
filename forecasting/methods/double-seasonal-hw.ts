/**
 * Taylor's double-seasonal Holt-Winters (J. W. Taylor, "Short-term electricity demand
 * forecasting using double seasonal exponential smoothing", JORS 54, 2003; applied to call
 * arrivals in Taylor, "A comparison of univariate time series methods for forecasting
 * intraday arrivals at a call center", Management Science 54, 2008), in its additive form
 * with the AR(1) adjustment of the one-step error:
 *
 *   e_t = y_t − (l_{t−1} + d_{t−s1} + w_{t−s2})
 *   l_t = l_{t−1} + α e_t,  d_t = d_{t−s1} + δ e_t,  w_t = w_{t−s2} + ω e_t
 *   ŷ_{n+k} = l_n + d_{n+k−s1⌈k/s1⌉} + w_{n+k−s2⌈k/s2⌉} + φ^k e_n
 *
 * s1 = one day, s2 = one week of intervals. Additive because closed hours are zeros, which a
 * multiplicative season cannot hold. A missing value leaves the states unchanged. The smoothing
 * constants are picked from a small grid by one-step-ahead squared error on the training data
 * (parameter estimation, as Taylor does; the choice *between* methods is by backtest).
 */
import { fillGaps } from './seasonal-naive';
import type { MethodInput } from './types';

interface Params {
  alpha: number;
  delta: number;
  omega: number;
}

interface State {
  level: number;
  daily: Float64Array;
  weekly: Float64Array;
  lastError: number;
  sse: number;
  phi: number;
}

const GRID: Params[] = [];
for (const alpha of [0.01, 0.05, 0.15])
  for (const delta of [0, 0.05, 0.2]) for (const omega of [0.05, 0.15, 0.3]) GRID.push({ alpha, delta, omega });

/** Initial states from the first four weeks: level = their mean, weekly = each slot's mean deviation from it. */
function initialise(y: Float64Array, start: number, s2: number): { level: number; weekly: Float64Array } | null {
  const weeks = Math.max(1, Math.min(4, Math.floor((y.length - start) / s2)));
  const sums = new Float64Array(s2);
  const counts = new Float64Array(s2);
  let sum = 0;
  let count = 0;
  for (let i = start; i < start + weeks * s2; i++) {
    if (Number.isNaN(y[i])) continue;
    sums[(i - start) % s2] += y[i];
    counts[(i - start) % s2]++;
    sum += y[i];
    count++;
  }
  if (count < s2 / 2) return null;
  const level = sum / count;
  const weekly = Float64Array.from(sums, (s, j) => (counts[j] ? s / counts[j] : level) - level);
  return { level, weekly };
}

function run(y: Float64Array, start: number, s1: number, s2: number, p: Params): State | null {
  const init = initialise(y, start, s2);
  if (!init) return null;
  let level = init.level;
  // Seasonal arrays are circular buffers indexed by absolute position mod period.
  const daily = new Float64Array(s1);
  const weekly = new Float64Array(s2);
  for (let j = 0; j < s2; j++) weekly[(start + j) % s2] = init.weekly[j];
  let sse = 0;
  let e = 0;
  let prevE = 0;
  let sxy = 0;
  let sxx = 0;
  for (let t = start; t < y.length; t++) {
    const di = t % s1;
    const wi = t % s2;
    const fitted = level + daily[di] + weekly[wi];
    if (Number.isNaN(y[t])) {
      e = 0;
      continue;
    }
    e = y[t] - fitted;
    sse += e * e;
    sxy += e * prevE;
    sxx += prevE * prevE;
    prevE = e;
    level += p.alpha * e;
    daily[di] += p.delta * e;
    weekly[wi] += p.omega * e;
  }
  const phi = sxx > 0 ? Math.max(0, Math.min(0.95, sxy / sxx)) : 0;
  return { level, daily, weekly, lastError: e, sse, phi };
}

export function doubleSeasonalHw(input: MethodInput): Float64Array {
  const { y, slotsPerDay: s1, horizon } = input;
  const s2 = 7 * s1;
  const n = y.length;
  const out = new Float64Array(horizon).fill(NaN);
  // Fit on the last 16 weeks at most: the states forget older data anyway, and it bounds time.
  const start = Math.max(0, n - 16 * s2);
  let best: State | null = null;
  for (const p of GRID) {
    const s = run(y, start, s1, s2, p);
    if (s && (!best || s.sse < best.sse)) best = s;
  }
  if (!best) return fillGaps(out, y, s1);
  let ar = best.lastError;
  for (let k = 0; k < horizon; k++) {
    const t = n + k;
    ar *= best.phi;
    out[k] = Math.max(0, best.level + best.daily[t % s1] + best.weekly[t % s2] + ar);
  }
  return fillGaps(out, y, s1);
}
