/**
 * Does the risk band say what happens? A check of projection-risk.ts's chance of meeting the
 * service-level target against two independent ways of drawing what "happens":
 *
 * - "sampled": the risk model's own assumptions drawn at random (volume normal around the
 *   forecast with the band's spread, cut at 0; each person absent with the absence rate) and
 *   the Erlang service level of each draw. It checks the arithmetic (the search for the volume
 *   at which the target is just met, the absence mixture): frequencies must match the stated
 *   probabilities within sampling error.
 * - "queue": the seeded queue simulator. The interval's true rate is the forecast times
 *   (1 + forecastCv × z); contacts arrive as a Poisson process at that rate, handle times are
 *   exponential, callers abandon with the channel's patience; each person is absent with the
 *   absence rate. The interval is simulated after two hours at the same rate (WARM_UP_MINUTES:
 *   a real interval follows others, and one 30-minute warm-up left a chat queue of 10-minute
 *   conversations far from settled, meeting the target up to 25 points more often than the
 *   steady state), then an interval without arrivals lets the queue drain; it meets the target
 *   when the contacts it answered within the threshold are at least the target share of those
 *   offered. The band given to the model is the spread of the count a forecast of this
 *   accuracy sees: sd = √((cv × volume)² + volume).
 *
 * What the queue column shows (`wfm risk calibration`, 69 intervals × 200 draws, seed 1):
 * before the interval's own randomness was modelled (projection-risk.ts, INTERVAL_NOISE and
 * INTERVAL_SKEW), bands below 80 % were 6 to 15 points pessimistic (the queue met the target
 * more often than stated); now every band is within 9 points (Brier 0.140 against 0.237 for a
 * constant). On real history, see risk-backtest.ts (`wfm risk backtest`).
 *
 * Pure and seeded: the same cases, options and seed give the same table.
 */
import type { ChannelSettings } from './channel-settings';
import { intervalMetrics } from './scenario-model';
import { intervalRisk, volumeSpread } from './projection-risk';
import { simulate } from './simulator/simulate';
import { createRng, mixSeed, type Rng } from './simulator/rng';

export interface CalibrationCase {
  channel: ChannelSettings;
  intervalMinutes: number;
  /** Forecast contacts in the interval. */
  volume: number;
  ahtSeconds: number;
  /** People on the queue (whole). */
  onQueue: number;
}

export interface CalibrationOptions {
  /** Draws per case. */
  trials: number;
  seed: number;
  absenceRate: number;
  /** Forecast error as a share of the forecast (sd of the true rate ÷ forecast). */
  forecastCv: number;
  /** Also run the queue simulator (slower); default true. */
  queue?: boolean;
}

export interface CaseResult {
  case: CalibrationCase;
  predicted: number;
  /** Share of draws meeting the target under the model's own assumptions. */
  sampled: number;
  /** Share of simulated intervals meeting it (null when not run). */
  queue: number | null;
}

export interface ReliabilityBand {
  /** Predicted probability in [from, to). */
  from: number;
  to: number;
  cases: number;
  draws: number;
  meanPredicted: number;
  sampled: number;
  queue: number | null;
}

export interface CalibrationReport {
  cases: CaseResult[];
  bands: ReliabilityBand[];
  /** Brier scores over every draw: the model's probabilities, and a constant (the base rate). */
  brier: { sampled: number; sampledConstant: number; queue: number | null; queueConstant: number | null };
}

const Z90 = 1.2815515655446004;

/** The band a forecast of `cv` accuracy gives a volume (see the file comment). */
export function bandFor(volume: number, cv: number): { lower80: number; upper80: number } {
  const sd = Math.sqrt((cv * volume) ** 2 + volume);
  return { lower80: Math.max(0, volume - Z90 * sd), upper80: volume + Z90 * sd };
}

function absentOf(rng: Rng, people: number, rate: number): number {
  let k = 0;
  for (let i = 0; i < people; i++) if (rng.uniform() < rate) k++;
  return k;
}

function meetsSampled(c: CalibrationCase, band: { lower80: number; upper80: number }, rng: Rng, rate: number): boolean {
  const { mean, sd } = volumeSpread({ volume: c.volume, ...band });
  const v = Math.max(0, mean + sd * rng.normal());
  const people = c.onQueue - absentOf(rng, c.onQueue, rate);
  if (v <= 0) return true;
  const sl = intervalMetrics(c.channel, c.intervalMinutes, v, c.ahtSeconds, people).serviceLevel ?? 0;
  return sl >= (c.channel.targetServiceLevel ?? 0) - 1e-12;
}

/** Warm-up before the measured interval: two hours at its rate (at least one interval). */
export const WARM_UP_MINUTES = 120;

function meetsInQueue(c: CalibrationCase, o: CalibrationOptions, rng: Rng, seed: number): boolean {
  const rateVolume = Math.max(0, c.volume * (1 + o.forecastCv * rng.normal()));
  const people = c.onQueue - absentOf(rng, c.onQueue, o.absenceRate);
  const ch = c.channel.kind === 'chat' ? 'chat' : 'voice';
  const warm = Math.max(1, Math.round(WARM_UP_MINUTES / c.intervalMinutes));
  const result = simulate({
    startMs: 0,
    intervalSeconds: c.intervalMinutes * 60,
    // Then an interval without arrivals, so contacts queued at the end are answered, not cut off.
    volumes: [...Array.from({ length: warm + 1 }, () => ({ [ch]: rateVolume })), { [ch]: 0 }],
    channels: {
      [ch]: {
        ahtSeconds: c.ahtSeconds,
        thresholdSeconds: c.channel.thresholdSeconds ?? 0,
        ...(c.channel.patienceSeconds ? { patienceSeconds: c.channel.patienceSeconds } : {}),
      },
    },
    staffing: {
      plan: { agents: Array.from({ length: warm + 2 }, () => ({ [ch]: people })), chatConcurrency: Math.max(1, c.channel.concurrency) },
    },
    replications: 1,
    seed,
  });
  const measured = result.intervals[ch]![warm]!;
  const sl = measured.serviceLevel.mean;
  if (!measured.offered.mean || sl === null) return true; // nobody called: nothing missed
  return sl >= (c.channel.targetServiceLevel ?? 0) - 1e-12;
}

/** Runs the check over `cases` (see the file comment) and groups it in ten bands of predicted probability. */
export function calibrateRisk(cases: CalibrationCase[], o: CalibrationOptions): CalibrationReport {
  const results: CaseResult[] = cases.map((c, i) => {
    const band = bandFor(c.volume, o.forecastCv);
    const predicted = intervalRisk(c.channel, c.intervalMinutes, { volume: c.volume, ahtSeconds: c.ahtSeconds, ...band }, c.onQueue, {
      absenceRate: o.absenceRate,
    })!;
    const rng = createRng(mixSeed(o.seed) ^ mixSeed(i + 1));
    let sampled = 0;
    let queue = 0;
    for (let t = 0; t < o.trials; t++) {
      if (meetsSampled(c, band, rng, o.absenceRate)) sampled++;
      if (o.queue !== false && meetsInQueue(c, o, rng, (o.seed * 7919 + i * 104_729 + t) | 0)) queue++;
    }
    return { case: c, predicted, sampled: sampled / o.trials, queue: o.queue === false ? null : queue / o.trials };
  });
  return { cases: results, bands: bandsOf(results, o.trials), brier: brier(results) };
}

function bandsOf(results: CaseResult[], trials: number): ReliabilityBand[] {
  const out: ReliabilityBand[] = [];
  for (let b = 0; b < 10; b++) {
    const from = b / 10;
    const to = (b + 1) / 10;
    const mine = results.filter((r) => r.predicted >= from && (r.predicted < to || (b === 9 && r.predicted <= 1)));
    if (!mine.length) continue;
    const mean = (pick: (r: CaseResult) => number) => mine.reduce((s, r) => s + pick(r), 0) / mine.length;
    out.push({
      from,
      to,
      cases: mine.length,
      draws: mine.length * trials,
      meanPredicted: mean((r) => r.predicted),
      sampled: mean((r) => r.sampled),
      queue: mine[0]!.queue === null ? null : mean((r) => r.queue!),
    });
  }
  return out;
}

/**
 * Brier score from per-case frequencies: for a case with probability p and frequency f over
 * its draws, the mean of (p − outcome)² is f(1 − p)² + (1 − f)p².
 */
function brier(results: CaseResult[]): CalibrationReport['brier'] {
  const score = (pick: (r: CaseResult) => number | null, constant?: number) => {
    let s = 0;
    for (const r of results) {
      const f = pick(r)!;
      const p = constant ?? r.predicted;
      s += f * (1 - p) ** 2 + (1 - f) * p ** 2;
    }
    return s / results.length;
  };
  const base = (pick: (r: CaseResult) => number | null) => results.reduce((s, r) => s + pick(r)!, 0) / results.length;
  const hasQueue = results.length > 0 && results[0]!.queue !== null;
  return {
    sampled: score((r) => r.sampled),
    sampledConstant: score(
      (r) => r.sampled,
      base((r) => r.sampled),
    ),
    queue: hasQueue ? score((r) => r.queue) : null,
    queueConstant: hasQueue
      ? score(
          (r) => r.queue,
          base((r) => r.queue),
        )
      : null,
  };
}

/**
 * A grid of cases around what each channel needs: for each volume, the people the target
 * needs at the forecast (the requirement) and `spread` fewer to `spread` more.
 */
export function calibrationGrid(
  channels: { channel: ChannelSettings; ahtSeconds: number; volumes: number[] }[],
  intervalMinutes: number[],
  spread = 2,
): CalibrationCase[] {
  const out: CalibrationCase[] = [];
  for (const { channel, ahtSeconds, volumes } of channels)
    for (const minutes of intervalMinutes)
      for (const volume of volumes) {
        let need = 1;
        const target = channel.targetServiceLevel ?? 0.8;
        while (need < 500 && (intervalMetrics(channel, minutes, volume, ahtSeconds, need).serviceLevel ?? 0) < target) need++;
        for (let d = -spread; d <= spread; d++)
          if (need + d >= 1) out.push({ channel, intervalMinutes: minutes, volume, ahtSeconds, onQueue: need + d });
      }
  return out;
}
