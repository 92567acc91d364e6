/**
 * What the risk model learns from a channel's own earlier weeks: the `RiskCalibration` that
 * `intervalRisk` and `periodRisk` take. `wfm risk backtest` learns it for each backtest week
 * from the weeks before it, and the pages for their week from the weeks before theirs
 * (app/risk-backtest.ts, app/risk-calibration-for-week.ts): one way, so the chance a page
 * shows is the one the command checks.
 *
 * From replays of the contacts that came (risk-backtest.ts), three things, in this order:
 * 1. The interval's own randomness (projection-risk.ts, INTERVAL_NOISE and INTERVAL_SKEW):
 *    with the count known, the only spread left between Erlang's level and the replayed
 *    interval's is the interval's own. So the noise and its centre are the pair whose chance
 *    *at the count that came* best matches the share of replays that met the target (lowest
 *    Brier score over the earlier intervals, on the grid NOISE_CANDIDATES × SKEW_CANDIDATES).
 *    Measured once, on voice queues at fixed rates, they were 2 and 0.25; chat (ten-minute
 *    conversations, two at once, a three-minute threshold) is not a voice queue.
 * 2. The recalibration of the stated chances at that noise (recalibration.ts: fitted on the
 *    earlier weeks, applied only when it lowered the Brier score of the weeks after those it
 *    was fitted on).
 * 3. The day service-level offset and spread (period-risk.ts): each replayed day's level −
 *    Erlang's expected level at the counts that came with the same people
 *    (`expectedServiceLevel`): the offset is the mean (weighted by the day's contacts), the
 *    spread the sd of one replay around it.
 * Too little to learn from (fewer than MIN_RECALIBRATION_TRAINING intervals, MIN_DAYS days):
 * the defaults (INTERVAL_NOISE and INTERVAL_SKEW, identity, 0 and 0).
 */
import type { ChannelSettings } from './channel-settings';
import { capacityTerms, INTERVAL_NOISE, INTERVAL_SKEW, volumeCdf, type RiskCalibration } from './projection-risk';
import { IDENTITY, MIN_TRAINING, recalibrateFolds } from './recalibration';

/** The interval noises tried (× volume) and their centres (sds below the count). */
export const NOISE_CANDIDATES = [0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4];
export const SKEW_CANDIDATES = [-0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5];
/** Fewer earlier days than this: no service-level offset. */
export const MIN_DAYS = 7;

export const DEFAULT_CALIBRATION: RiskCalibration = {
  intervalNoise: INTERVAL_NOISE,
  intervalSkew: INTERVAL_SKEW,
  recalibration: IDENTITY,
  serviceLevelOffset: 0,
  serviceLevelSd: 0,
  intervals: 0,
  days: 0,
};

export interface LearningInterval {
  /** Contacts that came (0: nothing to learn from). */
  count: number;
  /** The interval's chance as weights on capacities (capacityTerms in projection-risk.ts). */
  capacities: { weight: number; capacity: number }[];
  /** Share of replays that met the target. */
  observed: number;
}

export interface LearningDay {
  /** Contacts that came. */
  offered: number;
  /** Erlang's expected day service level at those counts (expectedServiceLevel). */
  modelled: number;
  /** Each replay's day service level. */
  replays: number[];
}

export interface LearningWeek {
  intervals: LearningInterval[];
  days: LearningDay[];
}

/** What an interval keeps for learning (see LearningInterval). */
export function learningInterval(
  c: ChannelSettings,
  intervalMinutes: number,
  ahtSeconds: number,
  count: number,
  onQueue: number,
  absenceRate: number,
  observed: number,
): LearningInterval {
  if (count <= 0 || ahtSeconds <= 0 || c.targetServiceLevel === null) return { count: 0, capacities: [], observed };
  const ceiling = 4 * count + 20 * Math.sqrt(count) + 10;
  return { count, capacities: capacityTerms(c, intervalMinutes, ahtSeconds, onQueue, absenceRate, ceiling), observed };
}

/** The interval's chance at the count that came, with this noise and centre. */
export function chanceAtCount(x: LearningInterval, noise: number, skew: number): number {
  const sd = Math.sqrt(noise * x.count);
  const mean = x.count - skew * sd;
  return Math.min(
    1,
    Math.max(
      0,
      x.capacities.reduce((p, t) => p + t.weight * volumeCdf(t.capacity, mean, sd), 0),
    ),
  );
}

const brier = (p: number, f: number) => f * (1 - p) ** 2 + (1 - f) * p * p;

/** The noise and centre whose chances at the counts that came score best (the defaults with too few). */
export function fitIntervalSpread(intervals: LearningInterval[]): { noise: number; skew: number } {
  const known = intervals.filter((x) => x.count > 0);
  if (known.length < MIN_TRAINING) return { noise: INTERVAL_NOISE, skew: INTERVAL_SKEW };
  let best = { noise: INTERVAL_NOISE, skew: INTERVAL_SKEW };
  let bestScore = known.reduce((s, x) => s + brier(chanceAtCount(x, best.noise, best.skew), x.observed), 0);
  for (const noise of NOISE_CANDIDATES)
    for (const skew of SKEW_CANDIDATES) {
      const score = known.reduce((s, x) => s + brier(chanceAtCount(x, noise, skew), x.observed), 0);
      if (score < bestScore - 1e-9) {
        bestScore = score;
        best = { noise, skew };
      }
    }
  return best;
}

/**
 * Replayed − modelled day service level: the contact-weighted mean (`offset`) and one replay's
 * sd around it (`sd`); 0 and 0 with fewer than MIN_DAYS days.
 */
export function serviceLevelOffset(days: LearningDay[]): { offset: number; sd: number } {
  const usable = days.filter((d) => d.offered > 0 && Number.isFinite(d.modelled) && d.replays.length > 0);
  if (usable.length < MIN_DAYS) return { offset: 0, sd: 0 };
  const mean = (d: LearningDay) => d.replays.reduce((s, r) => s + r, 0) / d.replays.length;
  const w = usable.reduce((s, d) => s + d.offered, 0);
  const offset = usable.reduce((s, d) => s + d.offered * (mean(d) - d.modelled), 0) / w;
  let sq = 0;
  let n = 0;
  for (const d of usable)
    for (const r of d.replays) {
      sq += (r - d.modelled - offset) ** 2;
      n++;
    }
  return { offset, sd: Math.sqrt(sq / Math.max(1, n - 1)) };
}

/**
 * The calibration for the week after `past` (in time order). `statedAt(week, noise)` gives
 * that earlier week's stated chances (as the forecast stood at its origin) at a noise and centre, in the
 * order of its `intervals`.
 */
export function learnRisk(past: LearningWeek[], statedAt: (week: number, noise: number, skew: number) => number[]): RiskCalibration {
  const intervals = past.flatMap((w) => w.intervals);
  const days = past.flatMap((w) => w.days);
  const spread = fitIntervalSpread(intervals);
  const folds = past.map((w, i) => {
    const p = statedAt(i, spread.noise, spread.skew);
    return w.intervals.map((x, j) => ({ p: p[j]!, outcome: x.observed }));
  });
  // An empty fold after the past: its map is the one learned on all of it, if it has earned it.
  const { maps } = recalibrateFolds([...folds, []]);
  const level = serviceLevelOffset(days);
  return {
    intervalNoise: spread.noise,
    intervalSkew: spread.skew,
    recalibration: maps[maps.length - 1] ?? IDENTITY,
    serviceLevelOffset: level.offset,
    serviceLevelSd: level.sd,
    intervals: intervals.length,
    days: days.length,
  };
}
