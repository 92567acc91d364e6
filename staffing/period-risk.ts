/**
 * Risk of a day and of a week: the probability that the period's volume-weighted service
 * level (answered within the threshold ÷ offered, over all its intervals) meets the target.
 * Not the mean of the intervals' chances: a day's intervals miss together when the day is
 * busier than forecast or a person is off for the whole day.
 *
 * Seeded draws of the same assumptions as intervalRisk (projection-risk.ts), joined:
 * - Volume of interval i: forecast_i + countSd_i·(√ρ·Z_day + √(1 − ρ)·Z_i), cut at 0
 *   (countSd from volumeSpreadParts: the forecast's error on the count, from its band). The
 *   errors share a day factor Z_day with correlation ρ (`dayCorrelation`, measured on
 *   earlier forecasts' errors by `withinDayCorrelation`).
 * - Not the interval's own randomness (INTERVAL_NOISE, INTERVAL_SKEW of projection-risk.ts):
 *   that is the spread of one interval's realised service level around Erlang's, which is
 *   its mean; over a day's intervals it averages out. Drawn as extra volume it would pull
 *   every interval's service level down (Erlang's level is concave in volume near the
 *   target) and with it the day's: the first version did, and stated 5-35 % for chat days
 *   that met the target 40-70 % of the time in the backtest.
 * - Absence: each person on the day's rota (the first round(onQueue) of a day's people) off
 *   for the whole day with `absenceRate`, drawn once per day; days independent.
 * - Service level of each interval at the drawn volume and people present (Erlang-A/C,
 *   mixedMetrics); over capacity counts 0. The day's level is then moved by
 *   `serviceLevelOffset`: how far the channel's replayed days sat from Erlang's level at the
 *   counts that came (`expectedServiceLevel`; measured on earlier weeks, learned-risk.ts).
 *   A day at the target hinges on its mean level, and Erlang's chat level sits points below
 *   the queue's (concurrency): without it chat days stated 3-25 % met 40-70 %. One replayed
 *   day's level also spreads around that (`serviceLevelSd`, measured the same way): drawn per
 *   day as a normal shift of its level; the week adds its days' shifts weighted by contacts.
 * A week is its days together (days independent of each other).
 */
import type { ChannelSettings } from './channel-settings';
import { mixedMetrics } from './mixed-metrics';
import { absenceProbabilities, volumeSpreadParts } from './projection-risk';
import { createRng, mixSeed } from './simulator/rng';

export interface PeriodInterval {
  volume: number;
  lower80?: number;
  upper80?: number;
  ahtSeconds: number;
  /** People on the queue (before absence). */
  onQueue: number;
}

export interface PeriodRiskOptions {
  absenceRate: number;
  /** Correlation of the forecast's count errors between intervals of one day, in [0, 1]. */
  dayCorrelation: number;
  draws: number;
  seed: number;
  /** Added to every day's (and the week's) service level; default 0. */
  serviceLevelOffset?: number;
  /** Sd of a day's level around Erlang's + the offset, drawn per day; default 0. */
  serviceLevelSd?: number;
}

export interface PeriodRisk {
  /** Per day: probability it meets the target (null: no volume). */
  days: (number | null)[];
  /** All days together (null: no volume). */
  week: number | null;
}

const TOLERANCE = 1e-12;

/** Day and week chances of meeting the target (see the file comment). */
export function periodRisk(c: ChannelSettings, intervalMinutes: number, days: PeriodInterval[][], o: PeriodRiskOptions): PeriodRisk {
  const target = c.targetServiceLevel;
  const hasVolume = days.map((d) => d.some((x) => x.volume > 0 && x.ahtSeconds > 0));
  if (target === null || !hasVolume.some(Boolean)) return { days: days.map(() => null), week: null };
  const rho = Math.min(1, Math.max(0, o.dayCorrelation));
  const offset = o.serviceLevelOffset ?? 0;
  const levelSd = Math.max(0, o.serviceLevelSd ?? 0);
  const parts = days.map((d) => d.map((x) => volumeSpreadParts(x)));
  const rng = createRng(mixSeed(o.seed) ^ 0x5bd1e995);
  const dayMet = days.map(() => 0);
  let weekMet = 0;
  for (let k = 0; k < o.draws; k++) {
    let weekNum = 0;
    let weekDen = 0;
    days.forEach((day, di) => {
      const zDay = rng.normal();
      const most = Math.max(0, ...day.map((x) => Math.round(x.onQueue)));
      const absent = Array.from({ length: most }, () => rng.uniform() < o.absenceRate);
      let num = 0;
      let den = 0;
      day.forEach((x, i) => {
        const z = rng.normal();
        if (x.volume <= 0 || x.ahtSeconds <= 0) return;
        const { countSd } = parts[di]![i]!;
        const v = Math.max(0, x.volume + countSd * (Math.sqrt(rho) * zDay + Math.sqrt(1 - rho) * z));
        if (v <= 0) return;
        const n = Math.round(x.onQueue);
        const present = n - absent.slice(0, n).filter(Boolean).length;
        const sl = present > 0 ? (mixedMetrics(c, intervalMinutes, v, x.ahtSeconds, present).serviceLevel ?? 0) : 0;
        num += v * sl;
        den += v;
      });
      // The day's own randomness around Erlang's level (drawn always, so seeds stay aligned).
      const shift = offset + levelSd * rng.normal();
      if (den <= 0 || num + shift * den >= target * den - TOLERANCE) dayMet[di]!++;
      weekNum += num + shift * den;
      weekDen += den;
    });
    if (weekDen <= 0 || weekNum >= target * weekDen - TOLERANCE) weekMet++;
  }
  return { days: dayMet.map((m, i) => (hasVolume[i] ? m / o.draws : null)), week: weekMet / o.draws };
}

/**
 * Erlang's volume-weighted service level of a day at known counts (`volume`: the contacts that
 * came), each interval's people absent binomially with `absenceRate` (its expectation, exact:
 * a mean over the day is linear in the intervals). The yardstick the replays are measured
 * against for `serviceLevelOffset`; null without volume or target.
 */
export function expectedServiceLevel(
  c: ChannelSettings,
  intervalMinutes: number,
  day: PeriodInterval[],
  absenceRate: number,
): number | null {
  if (c.targetServiceLevel === null) return null;
  let num = 0;
  let den = 0;
  for (const x of day) {
    if (x.volume <= 0 || x.ahtSeconds <= 0) continue;
    const n = Math.round(x.onQueue);
    const absent = absenceProbabilities(n, absenceRate);
    let sl = 0;
    absent.forEach((pk, k) => {
      if (n - k > 0) sl += pk * (mixedMetrics(c, intervalMinutes, x.volume, x.ahtSeconds, n - k).serviceLevel ?? 0);
    });
    num += x.volume * sl;
    den += x.volume;
  }
  return den > 0 ? num / den : null;
}

/**
 * Correlation between the standardised count errors z = (actual − forecast) ÷ sd80 of two
 * intervals of one day, pooled over days: Σ_days[(Σz)² − Σz²] ÷ Σ_days[n(n − 1)] ÷ mean z²,
 * cut to [0, 1]; 0 without pairs. sd80 is the forecast's 80 % interval ÷ 2.563.
 */
export function withinDayCorrelation(days: { volume: number; lower80?: number; upper80?: number; actual: number }[][]): number {
  let cross = 0;
  let pairs = 0;
  let squares = 0;
  let count = 0;
  for (const day of days) {
    const zs: number[] = [];
    for (const x of day) {
      if (x.lower80 === undefined || x.upper80 === undefined || !(x.upper80 > x.lower80) || !Number.isFinite(x.actual)) continue;
      zs.push((x.actual - x.volume) / ((x.upper80 - x.lower80) / 2.5631031310892007));
    }
    const sum = zs.reduce((s, z) => s + z, 0);
    const sq = zs.reduce((s, z) => s + z * z, 0);
    cross += sum * sum - sq;
    pairs += zs.length * (zs.length - 1);
    squares += sq;
    count += zs.length;
  }
  if (pairs === 0 || squares === 0) return 0;
  return Math.min(1, Math.max(0, cross / pairs / (squares / count)));
}
