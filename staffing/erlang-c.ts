/**
 * Erlang-C (M/M/N): Poisson arrivals, exponential handle times, N identical agents, an
 * infinite FCFS queue and nobody abandoning (see erlang-a.ts for impatient callers).
 * Formulas (e.g. Gans, Koole & Mandelbaum 2003, "Telephone call centers: tutorial,
 * review, and research prospects", §4.1), with A = offered load in Erlangs, N > A:
 *   C   = N·B / (N − A·(1 − B))            probability of waiting, B = Erlang-B
 *   SL  = 1 − C·exp(−(N − A)·T / AHT)      answered within T seconds
 *   ASA = C·AHT / (N − A)                  mean wait (over all contacts = over answered)
 *   occupancy = A / N
 * The queue is only stable for N > A; for N ≤ A the wait grows without bound, which is
 * reported as an error for the field `agents`, never as a number.
 */
import { erlangBUnchecked } from './erlang-b';
import { checkInteger, checkNonNegative, checkPositive, StaffingError } from './errors';
import { loadErlangs, type QueueInput, type QueueMetrics } from './types';

/** Metrics with nobody to serve: nothing waits, nothing is late. */
export function idleMetrics(model: QueueMetrics['model'], servers: number, threshold?: number): QueueMetrics {
  return {
    model,
    servers,
    loadErlangs: 0,
    probabilityOfWait: 0,
    serviceLevel: threshold === undefined ? null : 1,
    asaSeconds: 0,
    averageWaitSeconds: 0,
    occupancy: 0,
    abandonRate: 0,
  };
}

/**
 * Erlang-C metrics from an already computed Erlang-B value (the requirement search steps
 * B along N itself). Assumes N > A > 0.
 */
export function erlangCFromBlocking(
  servers: number,
  erlangs: number,
  blocking: number,
  ahtSeconds: number,
  thresholdSeconds?: number,
): QueueMetrics {
  const spare = servers - erlangs;
  const wait = Math.min(1, (servers * blocking) / (spare + erlangs * blocking));
  const asa = (wait * ahtSeconds) / spare;
  const sl = thresholdSeconds === undefined ? null : Math.max(0, 1 - wait * Math.exp((-spare * thresholdSeconds) / ahtSeconds));
  return {
    model: 'erlang-c',
    servers,
    loadErlangs: erlangs,
    probabilityOfWait: wait,
    serviceLevel: sl,
    asaSeconds: asa,
    averageWaitSeconds: asa,
    occupancy: erlangs / servers,
    abandonRate: 0,
  };
}

/** Checks the fields every model shares; returns the load in Erlangs. */
export function checkQueueInput(input: QueueInput): number {
  checkNonNegative('volume', input.volume);
  checkPositive('intervalSeconds', input.intervalSeconds);
  checkPositive('ahtSeconds', input.ahtSeconds);
  checkInteger('agents', input.agents, 0);
  if (input.thresholdSeconds !== undefined) checkNonNegative('thresholdSeconds', input.thresholdSeconds);
  return loadErlangs(input);
}

export function unstableError(servers: number, erlangs: number): StaffingError {
  return new StaffingError(
    'agents',
    `${servers} agents (or chat slots) cannot carry a load of ${Number(erlangs.toPrecision(6))} Erlangs: Erlang-C (no abandonment) ` +
      'needs more agents than Erlangs, otherwise the queue grows without bound; add agents, ' +
      'or give patienceSeconds to use Erlang-A',
  );
}

/** Erlang-C metrics for a given number of agents; throws StaffingError on bad or unstable input. */
export function erlangC(input: QueueInput): QueueMetrics {
  const erlangs = checkQueueInput(input);
  if (erlangs === 0) return idleMetrics('erlang-c', input.agents, input.thresholdSeconds);
  if (input.agents <= erlangs) throw unstableError(input.agents, erlangs);
  const blocking = erlangBUnchecked(input.agents, erlangs);
  return erlangCFromBlocking(input.agents, erlangs, blocking, input.ahtSeconds, input.thresholdSeconds);
}
