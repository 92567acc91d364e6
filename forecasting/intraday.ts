/**
 * Intraday re-forecast: the rest of today from what has already arrived today.
 *
 * The day-ahead forecast (made at midnight) is scaled by a day multiplier estimated from the
 * intervals already seen. The classic WFM "ratio" method uses observed ÷ forecast so far, which
 * errs when the morning is noisy (few contacts, an odd hour). Here the ratio is shrunk towards 1
 * as in a Poisson–gamma update: with a prior weight of κ × the day's forecast volume,
 *
 *     multiplier = (κ·F_day + observed) ÷ (κ·F_day + forecast so far)
 *
 * κ = 0 is the ratio method, κ = ∞ the day-ahead forecast; κ is chosen by a backtest on the
 * previous days at the same time of day (rest-of-day WAPE), never fitted on today.
 */

/** One day on the local interval grid: the day-ahead forecast and what arrived (NaN missing). */
export interface IntradayDay {
  forecast: ArrayLike<number>;
  actual: ArrayLike<number>;
}

/** The κ values the backtest chooses from (0 = ratio method, Infinity = keep the day-ahead). */
export const KAPPA_GRID: readonly number[] = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2, 5, Infinity];

/** κ when fewer than `MIN_BACKTEST_DAYS` past days can be scored: the median choice on the bank data. */
export const DEFAULT_KAPPA = 0.3;
export const MIN_BACKTEST_DAYS = 5;
/** How many previous days the backtest looks at (those with arrivals). */
export const BACKTEST_DAYS = 20;

function sumTo(xs: ArrayLike<number>, end: number, skipMissingOf?: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < end; i++) {
    if (skipMissingOf && Number.isNaN(skipMissingOf[i])) continue;
    const x = xs[i];
    if (!Number.isNaN(x)) s += x;
  }
  return s;
}

/** The day multiplier after `observedSlots` intervals of the day (missing actuals are left out). */
export function intradayMultiplier(day: IntradayDay, observedSlots: number, kappa: number): number {
  if (kappa === Infinity) return 1;
  const forecastSoFar = sumTo(day.forecast, observedSlots, day.actual);
  const observed = sumTo(day.actual, observedSlots);
  const dayTotal = sumTo(day.forecast, day.forecast.length);
  const prior = kappa * dayTotal;
  const den = prior + forecastSoFar;
  // Nothing expected and nothing seen yet: no evidence either way.
  if (den <= 0) return observed > 0 ? 1 + observed : 1;
  return (prior + observed) / den;
}

/** Σ|error| and Σ actual over the rest of the day (scored intervals only), for one κ. */
export function restOfDayError(day: IntradayDay, observedSlots: number, kappa: number): { absError: number; actual: number } {
  const m = intradayMultiplier(day, observedSlots, kappa);
  let absError = 0;
  let actual = 0;
  for (let i = observedSlots; i < day.forecast.length; i++) {
    const a = day.actual[i];
    if (Number.isNaN(a)) continue;
    absError += Math.abs(m * day.forecast[i] - a);
    actual += a;
  }
  return { absError, actual };
}

export interface KappaChoice {
  kappa: number;
  /** 'backtest' when chosen on past days, 'default' when too few days could be scored. */
  from: 'backtest' | 'default';
  daysUsed: number;
  /** Rest-of-day WAPE of each κ on the past days (empty with 'default'). */
  candidates: { kappa: number; wape: number }[];
}

/**
 * κ with the lowest rest-of-day WAPE over `pastDays` at the same time of day; ties go to the
 * larger κ (the smaller change from the day-ahead forecast).
 */
export function chooseKappa(pastDays: IntradayDay[], observedSlots: number, grid: readonly number[] = KAPPA_GRID): KappaChoice {
  const usable = pastDays.filter((d) => restOfDayError(d, observedSlots, Infinity).actual > 0);
  if (usable.length < MIN_BACKTEST_DAYS) return { kappa: DEFAULT_KAPPA, from: 'default', daysUsed: usable.length, candidates: [] };
  const candidates = grid.map((kappa) => {
    let err = 0;
    let act = 0;
    for (const d of usable) {
      const e = restOfDayError(d, observedSlots, kappa);
      err += e.absError;
      act += e.actual;
    }
    return { kappa, wape: err / act };
  });
  let best = candidates[0];
  for (const c of candidates) if (c.wape <= best.wape + 1e-12) best = c;
  return { kappa: best.kappa, from: 'backtest', daysUsed: usable.length, candidates };
}
