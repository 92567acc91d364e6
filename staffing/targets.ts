/**
 * Targets a staffing level must meet, and how a metric is compared with them. Every target
 * is inclusive ("at least 80 %", "at most 85 % occupancy") and compared with a tolerance of
 * 1e-12 (relative for seconds), so that a value that equals the target in exact arithmetic
 * but lands one rounding error on the wrong side (8.5/10 vs 0.85) still counts as met.
 */
import type { QueueMetrics } from './types';

export interface Targets {
  /** Threshold T of the service level, seconds. Required with targetServiceLevel. */
  thresholdSeconds?: number;
  /** Share of offered contacts to answer within thresholdSeconds, in (0, 1). */
  targetServiceLevel?: number;
  /** Maximum average speed of answer (of answered contacts), seconds. */
  targetAsaSeconds?: number;
  /** Maximum occupancy, in (0, 1], inclusive. */
  maxOccupancy?: number;
  /** Maximum share of offered contacts abandoning, in (0, 1); Erlang-A only. */
  maxAbandonRate?: number;
}

export type TargetName = 'serviceLevel' | 'asa' | 'occupancy' | 'abandonRate';

const TOLERANCE = 1e-12;

/** The targets this metrics object misses (empty when all are met). */
export function missedTargets(m: QueueMetrics, t: Targets): TargetName[] {
  if (m.servers === 0 && m.loadErlangs > 0) return allGiven(t); // nobody answers anybody
  const missed: TargetName[] = [];
  if (t.targetServiceLevel !== undefined && (m.serviceLevel ?? 0) < t.targetServiceLevel - TOLERANCE) {
    missed.push('serviceLevel');
  }
  if (t.targetAsaSeconds !== undefined && m.asaSeconds > t.targetAsaSeconds * (1 + TOLERANCE)) missed.push('asa');
  if (t.maxOccupancy !== undefined && m.occupancy > t.maxOccupancy + TOLERANCE) missed.push('occupancy');
  if (t.maxAbandonRate !== undefined && m.abandonRate > t.maxAbandonRate + TOLERANCE) missed.push('abandonRate');
  return missed;
}

function allGiven(t: Targets): TargetName[] {
  const given: [TargetName, number | undefined][] = [
    ['serviceLevel', t.targetServiceLevel],
    ['asa', t.targetAsaSeconds],
    ['occupancy', t.maxOccupancy],
    ['abandonRate', t.maxAbandonRate],
  ];
  return given.filter(([, v]) => v !== undefined).map(([name]) => name);
}

export function meetsTargets(m: QueueMetrics, t: Targets): boolean {
  return missedTargets(m, t).length === 0;
}

export function hasTarget(t: Targets): boolean {
  return (
    t.targetServiceLevel !== undefined || t.targetAsaSeconds !== undefined || t.maxOccupancy !== undefined || t.maxAbandonRate !== undefined
  );
}

/**
 * Smallest whole number ≥ x, ignoring floating-point error: 14 / (1 − 0.3) evaluates to
 * 20.000000000000004 and must give 20, not 21. A value within 1e-9 (relative, at least
 * absolute 1e-9) of a whole number is taken as that number; real staffing quotients are
 * never that close to a whole number without being one.
 */
export function guardedCeil(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= 1e-9 * Math.max(1, Math.abs(x))) return nearest;
  return Math.ceil(x);
}

/** Scheduled agents = raw ÷ (1 − shrinkage), rounded up with guardedCeil. */
export function scheduledAgents(rawAgents: number, shrinkage = 0): number {
  return guardedCeil(rawAgents / (1 - shrinkage));
}
