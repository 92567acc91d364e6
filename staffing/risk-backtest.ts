/**
 * The risk on backtest weeks: does "a 70 % chance of meeting the target", stated from the
 * forecast made at the week's origin, come true about 70 % of the time with the contacts that
 * actually came?
 *
 * Per interval of the week (the caller gives the forecast made at the origin with its 80 %
 * band, and the actual contacts):
 * - Staffing as a rota gives it: the requirement at the forecast (the fewest people meeting
 *   the service-level target at the forecast volume), moved by a fixed pattern of
 *   0, −1, +1, −2, +2 steps (a step = 3 % of the requirement, at least one person), each held
 *   for four hours of the day (half a shift), because whole shifts over- and under-cover
 *   stretches of the day; the pattern also fills every band. Never fewer servers than the
 *   forecast load (a queue nobody plans: without abandonment it only grows). (Moving it every interval would
 *   test a rota nobody works: a queue built in a short hour emptied by a long one.)
 * - Stated: `intervalRisk` (projection-risk.ts), the function the pages use, with the
 *   forecast's band and the absence rate: `predicted` as the model stands (INTERVAL_NOISE, no
 *   recalibration) and `calibrated` with the channel's `calibration` learned on earlier weeks
 *   (learned-risk.ts), the chance the pages show. For the next weeks' learning, each interval
 *   also carries what learning its chance at the count that came needs (`learning`).
 * - What happened: the day replayed in the seeded queue simulator with exactly the actual
 *   contacts of each interval (`arrivals: 'counts'`: at uniform times within the interval,
 *   no Poisson noise added to what came), exponential handle times of the given AHT, the
 *   channel's patience; each person on the day's rota absent for the whole day with the
 *   absence rate (drawn afresh per replication); the queue carried from interval to interval
 *   from the opening (empty) to a last interval without arrivals that lets the queue drain.
 *   An interval meets its target when its contacts answered within the threshold are at least
 *   the target share of its contacts (none offered: met). The outcome is the share of
 *   `replications` replays that met it.
 * - Days and the week: the stated chance that the day's (the week's) volume-weighted service
 *   level meets the target (period-risk.ts, with the same rota and the calibration's
 *   service-level offset), against the share of replays whose contacts answered within the
 *   threshold over the day (week) were the target's share. Each day also carries Erlang's
 *   expected level at the counts that came and the replays' mean level (for the offset).
 * Not replayed: the actual handle times (one AHT per channel), who was actually absent.
 *
 * Pure and seeded.
 */
import type { ChannelSettings } from './channel-settings';
import { intervalMetrics } from './scenario-model';
import { intervalRisk, type RiskCalibration } from './projection-risk';
import { learningInterval, type LearningInterval } from './learned-risk';
import { reliabilityTable, type ReliabilityTable } from './reliability';
import { expectedServiceLevel, periodRisk } from './period-risk';
import { simulate } from './simulator/simulate';
import { createRng, mixSeed } from './simulator/rng';

export interface BacktestInterval {
  /** Forecast contacts made at the origin, and its 80 % band. */
  volume: number;
  lower80?: number;
  upper80?: number;
  /** Contacts that came (NaN: not known; the day is left out). */
  actual: number;
}

export interface RiskBacktestInput {
  channel: ChannelSettings;
  intervalMinutes: number;
  ahtSeconds: number;
  /** Each day's consecutive intervals, from its opening to its close. */
  days: BacktestInterval[][];
  absenceRate: number;
  replications: number;
  seed: number;
  /** For the day and week chances (period-risk.ts): within-day correlation of count errors, draws. */
  dayCorrelation?: number;
  periodDraws?: number;
  /** The channel's calibration learned on earlier weeks (learned-risk.ts); none: the defaults. */
  calibration?: RiskCalibration;
}

export interface RiskBacktestInterval {
  day: number;
  index: number;
  volume: number;
  actual: number;
  requirement: number;
  onQueue: number;
  lower80?: number;
  upper80?: number;
  /** The model's chance as it stands (INTERVAL_NOISE, no recalibration). */
  predicted: number;
  /** With the week's calibration (the chance the pages show); = predicted without one. */
  calibrated: number;
  /** For the next weeks' learning (learned-risk.ts): its chance at the count that came. */
  learning: LearningInterval;
  /** Share of replays meeting the target. */
  observed: number;
}

/** A day's (or the week's) stated chance that its volume-weighted service level meets the target, and the share of replays that did. */
export interface RiskBacktestPeriod {
  day: number;
  predicted: number;
  observed: number;
  /** Contacts that came; Erlang's expected level at them; each replay's level. */
  offered: number;
  modelledServiceLevel: number;
  replayServiceLevels: number[];
}

export interface RiskBacktest {
  intervals: RiskBacktestInterval[];
  table: ReliabilityTable;
  days: RiskBacktestPeriod[];
  /** The week's days together (null: no day with volume). */
  week: { predicted: number; observed: number } | null;
}

/** The pattern of staffing around the requirement, in steps. */
export const STAFFING_OFFSETS = [0, -1, 1, -2, 2];
const STEP_SHARE = 0.03;
const BLOCK_MINUTES = 240;

/** The fewest whole people meeting the target at `volume` (0 without volume or target). */
export function requirementAt(c: ChannelSettings, intervalMinutes: number, volume: number, ahtSeconds: number): number {
  const target = c.targetServiceLevel;
  if (target === null || volume <= 0) return 0;
  const k = Math.max(1, c.concurrency);
  let n = Math.max(1, Math.floor((volume * ahtSeconds) / (intervalMinutes * 60) / k));
  while (n < 10_000 && (intervalMetrics(c, intervalMinutes, volume, ahtSeconds, n).serviceLevel ?? 0) < target - 1e-12) n++;
  return n;
}

/** People on the queue per interval: the requirement moved by the offset pattern. */
function rotaOf(input: RiskBacktestInput, day: BacktestInterval[], dayIndex: number): { requirement: number; onQueue: number }[] {
  const perBlock = Math.max(1, Math.round(BLOCK_MINUTES / input.intervalMinutes));
  return day.map((d, i) => {
    const requirement = requirementAt(input.channel, input.intervalMinutes, d.volume, input.ahtSeconds);
    if (requirement === 0) return { requirement, onQueue: 0 };
    const step = Math.max(1, Math.round(STEP_SHARE * requirement));
    const offset = STAFFING_OFFSETS[(dayIndex + Math.floor(i / perBlock)) % STAFFING_OFFSETS.length]! * step;
    // Never fewer servers than the load: no rota plans a queue that only grows (Erlang-C).
    const stable = Math.floor((d.volume * input.ahtSeconds) / (input.intervalMinutes * 60) / Math.max(1, input.channel.concurrency)) + 1;
    return { requirement, onQueue: Math.max(stable, requirement + offset) };
  });
}

/**
 * Per interval, the share of replays of the day that met the target; per replay, the day's
 * contacts answered within the threshold and offered.
 */
function replayDay(
  input: RiskBacktestInput,
  day: BacktestInterval[],
  onQueue: number[],
  dayIndex: number,
): { met: number[]; replays: { within: number; offered: number }[] } {
  const c = input.channel;
  const ch = c.kind === 'chat' ? 'chat' : 'voice';
  const target = c.targetServiceLevel ?? 0;
  const met = new Array<number>(day.length).fill(0);
  const most = Math.max(0, ...onQueue);
  const replays: { within: number; offered: number }[] = [];
  for (let r = 0; r < input.replications; r++) {
    const rng = createRng(mixSeed(input.seed) ^ mixSeed(dayIndex * 10_007 + r + 1));
    const absent = Array.from({ length: most }, () => rng.uniform() < input.absenceRate);
    const present = onQueue.map((n) => n - absent.slice(0, n).filter(Boolean).length);
    // A last interval without arrivals: the queue at the close is answered, not cut off.
    const volumes = [...day.map((d) => ({ [ch]: d.actual })), { [ch]: 0 }];
    const result = simulate({
      startMs: 0,
      intervalSeconds: input.intervalMinutes * 60,
      volumes,
      arrivals: 'counts',
      channels: {
        [ch]: {
          ahtSeconds: input.ahtSeconds,
          thresholdSeconds: c.thresholdSeconds ?? 0,
          ...(c.patienceSeconds ? { patienceSeconds: c.patienceSeconds } : {}),
        },
      },
      staffing: {
        plan: {
          agents: [...present, present[present.length - 1] ?? 0].map((n) => ({ [ch]: n })),
          chatConcurrency: Math.max(1, c.concurrency),
        },
      },
      replications: 1,
      seed: (Math.imul(input.seed, 7919) + dayIndex * 1009 + r) | 0,
    });
    let within = 0;
    let offered = 0;
    result.intervals[ch]!.slice(0, day.length).forEach((m, i) => {
      const sl = m.serviceLevel.mean;
      if (!m.offered.mean || sl === null || sl >= target - 1e-12) met[i]!++;
      offered += m.offered.mean ?? 0;
      within += (m.offered.mean ?? 0) * (sl ?? 0);
    });
    replays.push({ within, offered });
  }
  return { met: met.map((m) => m / input.replications), replays };
}

const meets = (target: number, x: { within: number; offered: number }) => x.offered <= 0 || x.within >= target * x.offered - 1e-9;

/** Stated chances against replays of what came (see the file comment). */
export function backtestRisk(input: RiskBacktestInput): RiskBacktest {
  const out: RiskBacktestInterval[] = [];
  const target = input.channel.targetServiceLevel ?? 0;
  const kept: { dayIndex: number; day: BacktestInterval[]; onQueue: number[]; replays: { within: number; offered: number }[] }[] = [];
  input.days.forEach((day, dayIndex) => {
    if (!day.length || day.some((d) => !Number.isFinite(d.actual) || d.actual < 0)) return;
    const rota = rotaOf(input, day, dayIndex);
    const onQueue = rota.map((x) => x.onQueue);
    const { met: observed, replays } = replayDay(input, day, onQueue, dayIndex);
    kept.push({ dayIndex, day, onQueue, replays });
    day.forEach((d, index) => {
      const { requirement, onQueue } = rota[index]!;
      const at = { ...d, ahtSeconds: input.ahtSeconds };
      const predicted = intervalRisk(input.channel, input.intervalMinutes, at, onQueue, { absenceRate: input.absenceRate });
      if (predicted === null) return;
      const calibrated = input.calibration
        ? intervalRisk(input.channel, input.intervalMinutes, at, onQueue, {
            absenceRate: input.absenceRate,
            calibration: input.calibration,
          })!
        : predicted;
      const learning = learningInterval(
        input.channel,
        input.intervalMinutes,
        input.ahtSeconds,
        d.actual,
        onQueue,
        input.absenceRate,
        observed[index]!,
      );
      out.push({
        day: dayIndex,
        index,
        volume: d.volume,
        actual: d.actual,
        requirement,
        onQueue,
        ...(d.lower80 !== undefined ? { lower80: d.lower80 } : {}),
        ...(d.upper80 !== undefined ? { upper80: d.upper80 } : {}),
        predicted,
        calibrated,
        learning,
        observed: observed[index]!,
      });
    });
  });
  const stated = periodRisk(
    input.channel,
    input.intervalMinutes,
    kept.map((k) => k.day.map((d, i) => ({ ...d, ahtSeconds: input.ahtSeconds, onQueue: k.onQueue[i]! }))),
    {
      absenceRate: input.absenceRate,
      dayCorrelation: input.dayCorrelation ?? 0,
      draws: input.periodDraws ?? 200,
      seed: input.seed,
      serviceLevelOffset: input.calibration?.serviceLevelOffset ?? 0,
      serviceLevelSd: input.calibration?.serviceLevelSd ?? 0,
    },
  );
  const days: RiskBacktestPeriod[] = [];
  kept.forEach((k, i) => {
    const p = stated.days[i];
    if (p === null || p === undefined) return;
    const atCounts = k.day.map((d, j) => ({ volume: d.actual, ahtSeconds: input.ahtSeconds, onQueue: k.onQueue[j]! }));
    const offered = k.replays[0]?.offered ?? 0;
    days.push({
      day: k.dayIndex,
      predicted: p,
      observed: k.replays.filter((x) => meets(target, x)).length / input.replications,
      offered,
      modelledServiceLevel: expectedServiceLevel(input.channel, input.intervalMinutes, atCounts, input.absenceRate) ?? NaN,
      replayServiceLevels: k.replays.map((x) => (x.offered > 0 ? x.within / x.offered : 1)),
    });
  });
  let week: RiskBacktest['week'] = null;
  if (stated.week !== null && kept.length) {
    let met = 0;
    for (let r = 0; r < input.replications; r++) {
      const all = kept.reduce((s, k) => ({ within: s.within + k.replays[r]!.within, offered: s.offered + k.replays[r]!.offered }), {
        within: 0,
        offered: 0,
      });
      if (meets(target, all)) met++;
    }
    week = { predicted: stated.week, observed: met / input.replications };
  }
  return { intervals: out, table: reliabilityTable(out.map((x) => ({ p: x.predicted, outcome: x.observed }))), days, week };
}
