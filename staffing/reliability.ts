/**
 * A reliability table of probabilities against what happened: per band of stated
 * probability, how many intervals, their mean stated probability and the share that met the
 * target; and the Brier score against a constant forecast (the base rate, "climatology").
 *
 * An outcome may be a frequency in [0, 1] (the share of replications of one interval that met
 * the target) rather than 0 or 1: the mean of (p − outcome)² over its replications is
 * f(1 − p)² + (1 − f)p², so the Brier score is exact for it.
 */

export interface Forecasted {
  /** Stated probability of meeting the target. */
  p: number;
  /** What happened: 1 met, 0 missed, or the share of replications that met it. */
  outcome: number;
}

export interface ReliabilityRow {
  /** Stated probability in [from, to) (the last band includes 1). */
  from: number;
  to: number;
  intervals: number;
  meanPredicted: number;
  observed: number;
  /** observed − meanPredicted: positive = the target was met more often than stated. */
  difference: number;
  /** Enough intervals (≥ `minIntervals`) and off by more than `tolerance`. */
  flagged: boolean;
}

export interface ReliabilityTable {
  rows: ReliabilityRow[];
  intervals: number;
  brier: number;
  /** Brier score of the constant forecast: every interval given the base rate. */
  brierConstant: number;
  baseRate: number;
  /** Bands with at least `minIntervals` intervals off by more than `tolerance`. */
  flagged: number;
}

/**
 * Bands of at least 30 intervals count: their observed share then has a standard error of at
 * most 0.5 ÷ √30 ≈ 9 points for 0/1 outcomes, and less with replicated outcomes.
 */
export const MIN_BAND_INTERVALS = 30;
export const BAND_TOLERANCE = 0.1;

function brierOf(items: Forecasted[], constant?: number): number {
  let s = 0;
  for (const { p, outcome: f } of items) {
    const q = constant ?? p;
    s += f * (1 - q) ** 2 + (1 - f) * q ** 2;
  }
  return items.length ? s / items.length : NaN;
}

export function reliabilityTable(
  items: Forecasted[],
  o: { bands?: number; minIntervals?: number; tolerance?: number } = {},
): ReliabilityTable {
  const bands = o.bands ?? 10;
  const minIntervals = o.minIntervals ?? MIN_BAND_INTERVALS;
  const tolerance = o.tolerance ?? BAND_TOLERANCE;
  const rows: ReliabilityRow[] = [];
  for (let b = 0; b < bands; b++) {
    const from = b / bands;
    const to = (b + 1) / bands;
    const mine = items.filter((x) => x.p >= from && (x.p < to || (b === bands - 1 && x.p <= 1)));
    if (!mine.length) continue;
    const meanPredicted = mine.reduce((s, x) => s + x.p, 0) / mine.length;
    const observed = mine.reduce((s, x) => s + x.outcome, 0) / mine.length;
    const difference = observed - meanPredicted;
    rows.push({
      from,
      to,
      intervals: mine.length,
      meanPredicted,
      observed,
      difference,
      flagged: mine.length >= minIntervals && Math.abs(difference) > tolerance,
    });
  }
  const baseRate = items.length ? items.reduce((s, x) => s + x.outcome, 0) / items.length : NaN;
  return {
    rows,
    intervals: items.length,
    brier: brierOf(items),
    brierConstant: brierOf(items, baseRate),
    baseRate,
    flagged: rows.filter((r) => r.flagged).length,
  };
}
