/**
 * Risk: the probability that an interval meets its service-level target, from the forecast's
 * uncertainty and unplanned absence. Pure and deterministic (no sampling for an interval).
 *
 * Assumptions (stated on the pages):
 * - Volume: normal around the forecast with the spread of its 80 % interval
 *   (sd = (upper80 − lower80) ÷ 2.563, the 10 %/90 % normal quantiles), cut at 0; without an
 *   interval, Poisson noise only (sd = √volume). The band is calibrated on counts that came,
 *   so it already holds their Poisson noise: nothing is added for it.
 * - The interval's own randomness (handle times, arrivals bunched within it), which Erlang's
 *   steady state leaves out, as noise × volume more variance: INTERVAL_NOISE (see below), or
 *   the channel's own measured on its earlier weeks (`RiskCalibration`, learned-risk.ts).
 * - Absence: each whole person on the queue is absent, independently, with `absenceRate`
 *   (a team setting, default 4 %); k absent out of round(n) is binomial.
 * - Service level falls as volume rises, so the target is met exactly when volume is at most
 *   V*(people): P = Σₖ P(k absent) × P(volume ≤ V*(n − k)), V* found by bisection for whole
 *   head counts; a fractional count's probability is interpolated between its neighbours.
 * Not modelled: handle-time error, and correlation between intervals (see dayRisk).
 */
import type { ChannelSettings } from './channel-settings';
import { mixedMetrics } from './mixed-metrics';
import { applyRecalibration, type Recalibration } from './recalibration';

/**
 * What the risk model learns from a channel's own earlier weeks (learned-risk.ts, measured on
 * backtest replays of its history): the interval noise of that channel, the map from stated
 * to met, and how far the queue's day service level sits from Erlang's.
 */
export interface RiskCalibration {
  /** The channel's interval noise (× volume, see INTERVAL_NOISE) and its centre (see INTERVAL_SKEW). */
  intervalNoise: number;
  intervalSkew: number;
  /** Applied to the interval chance last. */
  recalibration: Recalibration;
  /** Replayed day service level − Erlang's at the same counts (fraction; period-risk.ts). */
  serviceLevelOffset: number;
  /** Spread (sd) of one replayed day's level around Erlang's + the offset (fraction). */
  serviceLevelSd: number;
  /** Intervals and days it was learned from (0: the defaults). */
  intervals: number;
  days: number;
}

export interface RiskOptions {
  /** Share of rostered people unexpectedly absent, in [0, 1). Default 4 %. */
  absenceRate: number;
  /** The channel's learned calibration; without it, INTERVAL_NOISE and no recalibration. */
  calibration?: RiskCalibration;
}

export const DEFAULT_ABSENCE_RATE = 0.04;
const Z90 = 1.2815515655446004;
const TOLERANCE = 1e-12;

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf; error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/**
 * The interval's own randomness, as extra variance of the volume: INTERVAL_NOISE × volume.
 * Erlang gives the service level of a steady queue at a rate; one interval's measured service
 * level also moves with how long each of its contacts takes (the work of N exponential
 * contacts has the variance of N more contacts) and with when within the interval they come
 * (bunched or spread), about as much again. Measured: with 0 the queue simulator meets the
 * target 6-15 points more often than stated in the bands below 80 % and the voice backtest
 * weeks of the demo history up to 25; with 2 both are within 10 points in every band of 30
 * intervals or more (`wfm risk calibration`, `wfm risk backtest`; see risk-calibration.ts).
 */
export const INTERVAL_NOISE = 2;
/**
 * Erlang's service level is the mean over many intervals, but one interval's is skewed: most
 * do a little better than the mean, a few (a burst, a run of long contacts) much worse. So
 * an interval whose Erlang level at the forecast is just the target meets it more often than
 * not (the simulator: 57-62 % of the time). The interval's randomness is centred this many of
 * its sds below the forecast: its median, not its mean. Measured with the two checks above
 * (0.2-0.35 all within 10 points on the voice grid and backtests).
 */
export const INTERVAL_SKEW = 0.25;

/**
 * The two parts of the volume's spread: `countSd`, the forecast's error on the count (from
 * its 80 % interval, else Poisson), and `noiseSd`, the interval's own randomness; `mean` is
 * the centre the interval behaves as (see the file comment).
 */
export function volumeSpreadParts(
  d: { volume: number; lower80?: number; upper80?: number },
  intervalNoise: number = INTERVAL_NOISE,
  intervalSkew: number = INTERVAL_SKEW,
): {
  mean: number;
  countSd: number;
  noiseSd: number;
} {
  const fromInterval =
    d.lower80 !== undefined && d.upper80 !== undefined && d.upper80 > d.lower80 ? (d.upper80 - d.lower80) / (2 * Z90) : 0;
  const countSd = fromInterval > 0 ? fromInterval : Math.sqrt(Math.max(0, d.volume));
  const noiseSd = Math.sqrt(Math.max(0, intervalNoise) * Math.max(0, d.volume));
  return { mean: d.volume - intervalSkew * noiseSd, countSd, noiseSd };
}

/** Centre and sd of the volume the interval behaves as (see the file comment). */
export function volumeSpread(
  d: { volume: number; lower80?: number; upper80?: number },
  intervalNoise: number = INTERVAL_NOISE,
  intervalSkew: number = INTERVAL_SKEW,
): { mean: number; sd: number } {
  const { mean, countSd, noiseSd } = volumeSpreadParts(d, intervalNoise, intervalSkew);
  return { mean, sd: Math.sqrt(countSd * countSd + noiseSd * noiseSd) };
}

/** P(volume ≤ v) for the normal cut at 0 (the mass below 0 sits at 0). */
export function volumeCdf(v: number, mean: number, sd: number): number {
  if (v < 0) return 0;
  if (sd <= 0) return v >= mean ? 1 : 0;
  return normalCdf((v - mean) / sd);
}

/** Binomial probabilities of 0..N absent, cut where the tail is below 1e-4 (rest on the last). */
export function absenceProbabilities(people: number, rate: number): number[] {
  if (rate <= 0 || people <= 0) return [1];
  const out: number[] = [];
  let p = Math.pow(1 - rate, people);
  let sum = 0;
  for (let k = 0; k <= people; k++) {
    out.push(p);
    sum += p;
    if (1 - sum < 1e-4) break;
    p = (p * (people - k) * rate) / ((k + 1) * (1 - rate));
  }
  out[out.length - 1]! += Math.max(0, 1 - sum);
  return out;
}

/**
 * P(volume ≤ V*(agents)) for a whole head count, where V* is the largest volume at which they
 * meet the target. Only V* within ±4 sd of the mean matters to the probability: outside that
 * window the answer is 0 or 1 after one evaluation; inside, V* is found by regula falsi
 * (Illinois) on the smooth service level, to 0.05 sd (at most 1 point of probability).
 */
export function meetProbability(
  c: ChannelSettings,
  intervalMinutes: number,
  aht: number,
  agents: number,
  target: number,
  spread: { mean: number; sd: number },
): number {
  if (agents <= 0) return 0;
  const gap = (v: number) => (mixedMetrics(c, intervalMinutes, v, aht, agents).serviceLevel ?? 0) - target + TOLERANCE;
  const { mean, sd } = spread;
  let hi = mean + 4 * sd;
  let fHi = gap(hi);
  if (fHi >= 0) return 1;
  let lo = Math.max(0, mean - 4 * sd);
  let fLo = gap(lo);
  if (fLo < 0) return 0;
  let side = 0;
  for (let i = 0; i < 30 && hi - lo > Math.max(0.05 * sd, 1e-6); i++) {
    const mid = Math.min(hi - (hi - lo) * 0.01, Math.max(lo + (hi - lo) * 0.01, (lo * fHi - hi * fLo) / (fHi - fLo)));
    const f = gap(mid);
    if (f >= 0) {
      lo = mid;
      fLo = f;
      if (side === 1) fHi /= 2;
      side = 1;
    } else {
      hi = mid;
      fHi = f;
      if (side === -1) fLo /= 2;
      side = -1;
    }
  }
  return volumeCdf((lo + hi) / 2, mean, sd);
}

/**
 * Probability that one interval meets its service-level target; null without a target or
 * volume. With `o.calibration`: at the channel's learned interval noise, then recalibrated
 * (the chance the pages show and `wfm risk backtest` checks).
 */
export function intervalRisk(
  c: ChannelSettings,
  intervalMinutes: number,
  d: { volume: number; ahtSeconds: number; lower80?: number; upper80?: number },
  onQueue: number,
  o: RiskOptions,
): number | null {
  if (c.targetServiceLevel === null || d.volume <= 0 || d.ahtSeconds <= 0) return null;
  const cal = o.calibration;
  const spread = volumeSpread(d, cal?.intervalNoise, cal?.intervalSkew);
  const p = riskAtSpread(c, intervalMinutes, d.ahtSeconds, onQueue, spread, o.absenceRate);
  return cal ? applyRecalibration(cal.recalibration, p) : p;
}

/**
 * Probability that `onQueue` people (each absent with `absenceRate`) meet the target when the
 * volume the interval behaves as is normal with `spread` (cut at 0).
 */
export function riskAtSpread(
  c: ChannelSettings,
  intervalMinutes: number,
  ahtSeconds: number,
  onQueue: number,
  spread: { mean: number; sd: number },
  absenceRate: number,
): number {
  if (c.targetServiceLevel === null) return 1;
  const absent = absenceProbabilities(Math.round(onQueue), absenceRate);
  // Whole head counts from the most present down; each searched once, shared by the k's that
  // fall between them. Fewer people never meet the target more often, so a 0 ends the search.
  const top = Math.ceil(onQueue - 1e-9);
  const atCount = new Map<number, number>();
  const pAt = (m: number): number => {
    if (m < 0) return 0;
    let v = atCount.get(m);
    if (v === undefined) {
      v = atCount.get(m + 1) === 0 ? 0 : meetProbability(c, intervalMinutes, ahtSeconds, m, c.targetServiceLevel!, spread);
      atCount.set(m, v);
    }
    return v;
  };
  for (let m = top; m >= Math.floor(onQueue - absent.length + 1 + 1e-9) - 1 && m >= 0; m--) pAt(m);
  let p = 0;
  for (let k = 0; k < absent.length; k++) {
    const n = Math.max(0, onQueue - k);
    const lo = Math.floor(n + 1e-9);
    const w = n - lo;
    p += absent[k]! * (w < 1e-6 ? pAt(lo) : pAt(lo) * (1 - w) + pAt(lo + 1) * w);
  }
  return Math.min(1, Math.max(0, p));
}

/**
 * The largest volume `agents` whole people handle within the target (V* of the file comment),
 * to 0.01 contacts; -1 for nobody, Infinity above `ceiling`.
 */
export function capacityAt(c: ChannelSettings, intervalMinutes: number, ahtSeconds: number, agents: number, ceiling: number): number {
  const target = c.targetServiceLevel;
  if (agents <= 0 || target === null) return -1;
  const meets = (v: number) => (mixedMetrics(c, intervalMinutes, v, ahtSeconds, agents).serviceLevel ?? 0) >= target - TOLERANCE;
  if (meets(ceiling)) return Infinity;
  let lo = 0;
  let hi = ceiling;
  if (!meets(lo)) return -1;
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (meets(mid)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * An interval's chance as weights on capacities: Σ weight × P(volume ≤ capacity) is its
 * chance for any spread of the volume (absence and a fractional count as in riskAtSpread).
 * What learned-risk.ts keeps per interval to try many spreads cheaply.
 */
export function capacityTerms(
  c: ChannelSettings,
  intervalMinutes: number,
  ahtSeconds: number,
  onQueue: number,
  absenceRate: number,
  ceiling: number,
): { weight: number; capacity: number }[] {
  const absent = absenceProbabilities(Math.round(onQueue), absenceRate);
  const at = new Map<number, number>();
  const cap = (m: number) => {
    let v = at.get(m);
    if (v === undefined) {
      v = capacityAt(c, intervalMinutes, ahtSeconds, m, ceiling);
      at.set(m, v);
    }
    return v;
  };
  const out: { weight: number; capacity: number }[] = [];
  absent.forEach((pk, k) => {
    const n = Math.max(0, onQueue - k);
    const lo = Math.floor(n + 1e-9);
    const w = n - lo;
    out.push({ weight: pk * (w < 1e-6 ? 1 : 1 - w), capacity: cap(lo) });
    if (w >= 1e-6) out.push({ weight: pk * w, capacity: cap(lo + 1) });
  });
  return out;
}
