/**
 * The seeded queue simulator: runs independent replications of a day or a week (see
 * engine.ts for the assumptions) and reports per interval and channel the service level,
 * ASA, abandonment and occupancy with 95 % confidence intervals across replications. Used in
 * the tests to confirm the formulas where they apply, and by the app for rotas, breaks,
 * blended agents and lognormal handle times, where they don't.
 */
import { checkNonNegative, checkPositive, StaffingError } from '../errors';
import { emptyCounts, Replication } from './engine';
import { createRng, mixSeed } from './rng';
import { checkSegments, planToSegments } from './segments';
import { estimate } from './stats';
import { CHANNELS, type Channel, type IntervalCounts, type IntervalEstimates, type SimulationInput, type SimulationResult } from './types';

function checkInput(input: SimulationInput): void {
  checkPositive('intervalSeconds', input.intervalSeconds);
  if (!Number.isFinite(input.startMs)) throw new StaffingError('startMs', 'must be a time in epoch milliseconds');
  if (!Number.isInteger(input.seed)) throw new StaffingError('seed', `must be a whole number, got ${input.seed}`);
  const reps = input.replications ?? 20;
  if (!Number.isInteger(reps) || reps < 1 || reps > 10_000) throw new StaffingError('replications', 'must be a whole number in 1..10000');
  for (const ch of CHANNELS) {
    const cfg = input.channels[ch];
    if (!cfg) continue;
    checkPositive(`channels.${ch}.ahtSeconds`, cfg.ahtSeconds);
    checkNonNegative(`channels.${ch}.thresholdSeconds`, cfg.thresholdSeconds);
    if (cfg.patienceSeconds !== undefined) checkPositive(`channels.${ch}.patienceSeconds`, cfg.patienceSeconds);
    if (cfg.handleTime?.distribution === 'lognormal') checkPositive(`channels.${ch}.handleTime.cv`, cfg.handleTime.cv);
  }
  input.volumes.forEach((v, i) => {
    for (const ch of CHANNELS) if (v[ch] !== undefined) checkNonNegative(`volumes[${i}].${ch}`, v[ch]);
  });
}

/** Ratios of sums of one replication's counts; null where the denominator is 0. */
function ratios(c: IntervalCounts): Record<keyof IntervalEstimates, number | null> {
  return {
    offered: c.offered,
    serviceLevel: c.offered > 0 ? c.answeredWithinThreshold / c.offered : null,
    asaSeconds: c.answered > 0 ? c.waitAnsweredSeconds / c.answered : null,
    abandonRate: c.offered > 0 ? c.abandoned / c.offered : null,
    occupancy: c.dutySeconds > 0 ? c.busySeconds / c.dutySeconds : null,
  };
}

function add(into: IntervalCounts, c: IntervalCounts): IntervalCounts {
  for (const key of Object.keys(into) as (keyof IntervalCounts)[]) into[key] += c[key];
  return into;
}

function estimates(perReplication: IntervalCounts[]): IntervalEstimates {
  const r = perReplication.map(ratios);
  const pick = (key: keyof IntervalEstimates) => estimate(r.map((x) => x[key]).filter((v): v is number => v !== null));
  return {
    offered: pick('offered'),
    serviceLevel: pick('serviceLevel'),
    asaSeconds: pick('asaSeconds'),
    abandonRate: pick('abandonRate'),
    occupancy: pick('occupancy'),
  };
}

export function simulate(input: SimulationInput): SimulationResult {
  checkInput(input);
  const segments =
    'plan' in input.staffing ? planToSegments(input.staffing.plan, input.startMs, input.intervalSeconds) : input.staffing.segments;
  checkSegments(segments);
  const reps = input.replications ?? 20;
  const runs: Record<Channel, IntervalCounts[]>[] = [];
  for (let r = 0; r < reps; r++) {
    const rep = new Replication(input, segments, createRng(mixSeed(input.seed) + r));
    rep.run();
    runs.push(rep.counts);
  }
  const [from, to] = input.pooledIntervals ?? [0, input.volumes.length];
  const result: SimulationResult = { replications: reps, intervals: {}, pooled: {} };
  for (const ch of CHANNELS) {
    if (!input.channels[ch]) continue;
    result.intervals[ch] = input.volumes.map((_, i) => ({
      startMs: input.startMs + i * input.intervalSeconds * 1000,
      ...estimates(runs.map((run) => run[ch][i]!)),
    }));
    result.pooled[ch] = estimates(runs.map((run) => run[ch].slice(from, to).reduce(add, emptyCounts())));
  }
  return result;
}
