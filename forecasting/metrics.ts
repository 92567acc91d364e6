/**
 * Accuracy measures. Missing actuals (NaN) are not scored.
 *
 * - WAPE = Σ|forecast − actual| ÷ Σ actual: errors in contacts, weighted by volume, so busy
 *   hours count more (what staffing feels).
 * - MASE = mean |error| ÷ mean |y_t − y_{t−week}| in the training data (Hyndman & Koehler,
 *   IJF 2006, with the weekly seasonal naive as the scale): below 1 beats last week's copy.
 * - bias = Σ(forecast − actual) ÷ Σ actual: positive = over-forecast.
 * - coverage = share of actuals inside the interval; `open` variants leave out intervals where
 *   both forecast and actual are 0 (closed hours), which any interval covers trivially.
 */

export interface Accuracy {
  wape: number;
  mase: number;
  bias: number;
  /** Scored intervals (actual not missing). */
  n: number;
  sumActual: number;
  sumAbsError: number;
  sumError: number;
}

/** Mean absolute weekly seasonal difference of the training values (the MASE scale). */
export function weeklyNaiveScale(y: ArrayLike<number>, week: number): number {
  let sum = 0;
  let count = 0;
  for (let i = week; i < y.length; i++) {
    const d = y[i] - y[i - week];
    if (Number.isNaN(d)) continue;
    sum += Math.abs(d);
    count++;
  }
  return count ? sum / count : NaN;
}

export function accuracy(forecast: ArrayLike<number>, actual: ArrayLike<number>, scale: number): Accuracy {
  let sumActual = 0;
  let sumAbsError = 0;
  let sumError = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    if (Number.isNaN(a)) continue;
    const e = forecast[i] - a;
    sumActual += a;
    sumAbsError += Math.abs(e);
    sumError += e;
    n++;
  }
  return summarise({ n, sumActual, sumAbsError, sumError }, scale);
}

/** Pools the sums of several folds (WAPE of the pool, not the mean of WAPEs). */
export function poolAccuracy(parts: Accuracy[], scales: number[]): Accuracy {
  const t = { n: 0, sumActual: 0, sumAbsError: 0, sumError: 0 };
  let scaledError = 0;
  parts.forEach((p, k) => {
    t.n += p.n;
    t.sumActual += p.sumActual;
    t.sumAbsError += p.sumAbsError;
    t.sumError += p.sumError;
    scaledError += p.sumAbsError / scales[k];
  });
  const out = summarise(t, 1);
  out.mase = t.n ? scaledError / t.n : NaN;
  return out;
}

function summarise(t: { n: number; sumActual: number; sumAbsError: number; sumError: number }, scale: number): Accuracy {
  return {
    ...t,
    wape: t.sumActual > 0 ? t.sumAbsError / t.sumActual : NaN,
    mase: t.n && scale > 0 ? t.sumAbsError / t.n / scale : NaN,
    bias: t.sumActual > 0 ? t.sumError / t.sumActual : NaN,
  };
}

export interface CoverageCount {
  inside: number;
  n: number;
  openInside: number;
  openN: number;
}

export function coverageCount(
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
): CoverageCount {
  const c = { inside: 0, n: 0, openInside: 0, openN: 0 };
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    if (Number.isNaN(a)) continue;
    const inside = a >= lower[i] - 1e-9 && a <= upper[i] + 1e-9 ? 1 : 0;
    c.inside += inside;
    c.n++;
    if (a === 0 && forecast[i] === 0) continue;
    c.openInside += inside;
    c.openN++;
  }
  return c;
}

export function addCoverage(a: CoverageCount, b: CoverageCount): CoverageCount {
  return { inside: a.inside + b.inside, n: a.n + b.n, openInside: a.openInside + b.openInside, openN: a.openN + b.openN };
}

/**
 * Pinball (quantile) loss of forecasts `q` of the τ-quantile (Koenker & Bassett 1978; the
 * proper score of a quantile, Gneiting & Raftery, JASA 2007): τ(y − q) when the actual is
 * above, (1 − τ)(q − y) when below. Summed over scored intervals, with Σ actual beside it so
 * that pools of folds divide once: Σ loss ÷ Σ actual is scale-free like WAPE (at τ = 0.5 it is
 * half the WAPE of `q`).
 */
export interface PinballSum {
  loss: number;
  sumActual: number;
}

export function pinballSum(q: ArrayLike<number>, actual: ArrayLike<number>, tau: number): PinballSum {
  let loss = 0;
  let sumActual = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    if (Number.isNaN(a)) continue;
    const d = a - q[i];
    loss += d >= 0 ? tau * d : (tau - 1) * d;
    sumActual += a;
  }
  return { loss, sumActual };
}
