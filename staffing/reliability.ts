/**
 * A reliability table of probabilities against what happened: per band of stated
 * probability, how many intervals, their mean stated probability and the share that met the
 * target; and the Brier score against a constant forecast (the base rate, "climatology").
 *
 * An outcome may be a frequency in [0, 1] (the share of replications of one interval that met
 * the target) rather than 0 or 1: the mean of (p − outcome)² over its replications is
 * f(1 − p)² + (1 − f)p², so the Brier score is exact for it.
 *
 * Noise or bias: each band carries the 95 % Wilson interval of its observed share, as if its
 * intervals were that many independent trials (intervals of one day share a rota and
 * absences, so the true interval is somewhat wider). A band is off when its observed share is
 * more than `tolerance` from its mean stated chance AND that mean lies outside the interval:
 * a small band far off by chance is shown, with its interval, but not counted.
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
  /** 95 % Wilson interval of `observed` with `intervals` trials. */
  ciLow: number;
  ciHigh: number;
  /** Off by more than `tolerance`, and the mean stated chance outside [ciLow, ciHigh]. */
  flagged: boolean;
}

export interface ReliabilityTable {
  rows: ReliabilityRow[];
  intervals: number;
  brier: number;
  /** Brier score of the constant forecast: every interval given the base rate. */
  brierConstant: number;
  baseRate: number;
  /** Bands off (see `flagged`). */
  flagged: number;
}

export const BAND_TOLERANCE = 0.1;
const Z95 = 1.959963984540054;

/** 95 % Wilson score interval of a share `p` observed over `n` trials (Wilson 1927). */
export function wilsonInterval(p: number, n: number, z = Z95): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function brierOf(items: Forecasted[], constant?: number): number {
  let s = 0;
  for (const { p, outcome: f } of items) {
    const q = constant ?? p;
    s += f * (1 - q) ** 2 + (1 - f) * q ** 2;
  }
  return items.length ? s / items.length : NaN;
}

export function reliabilityTable(items: Forecasted[], o: { bands?: number; tolerance?: number } = {}): ReliabilityTable {
  const bands = o.bands ?? 10;
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
    const ci = wilsonInterval(observed, mine.length);
    rows.push({
      from,
      to,
      intervals: mine.length,
      meanPredicted,
      observed,
      difference,
      ciLow: ci.low,
      ciHigh: ci.high,
      flagged: Math.abs(difference) > tolerance && (meanPredicted < ci.low || meanPredicted > ci.high),
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
