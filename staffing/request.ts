/**
 * One staffing request for one interval, the single entry point for both models: Erlang-C
 * unless patienceSeconds is given (then Erlang-A), with chat concurrency as slots per agent
 * (see chat.ts). `requiredAgents` finds the smallest staffing meeting the targets;
 * `evaluate` reports what a given number of agents achieves (or, without `agents`, what
 * the required staffing achieves).
 */
import { erlangAUnchecked } from './erlang-a';
import { erlangBUnchecked } from './erlang-b';
import { erlangCFromBlocking, idleMetrics, unstableError } from './erlang-c';
import { checkInteger, checkNonNegative, checkPositive, checkShare, StaffingError } from './errors';
import { searchErlangA, searchErlangC } from './search';
import { hasTarget, missedTargets, scheduledAgents, type TargetName, type Targets } from './targets';
import { loadErlangs, type QueueMetrics, type QueueModel } from './types';

export interface StaffingRequest extends Targets {
  /** Contacts offered in the interval. */
  volume: number;
  intervalSeconds: number;
  /** Average handle time per contact, seconds (for chat: per conversation, see chat.ts). */
  ahtSeconds: number;
  /** Evaluate this many agents instead of searching for the requirement. */
  agents?: number;
  /** Share of paid time not available for contacts, in [0, 1). Default 0. */
  shrinkage?: number;
  /** Mean patience of waiting contacts, seconds: switches to Erlang-A. */
  patienceSeconds?: number;
  /** Conversations an agent handles at once (chat); default 1. */
  concurrency?: number;
}

export interface StaffingResult extends QueueMetrics {
  /** Agents on the phones / in chat at the interval (before shrinkage). */
  rawAgents: number;
  /** Agents to schedule: rawAgents ÷ (1 − shrinkage), rounded up. */
  scheduledAgents: number;
  concurrency: number;
  /** Targets missed at this staffing (empty: all met, or none given). */
  missedTargets: TargetName[];
  /**
   * For a requirement: the targets that one agent fewer would miss, i.e. the ones that
   * decide the answer. Empty when the answer is 0 agents or given by `agents`.
   */
  bindingTargets: TargetName[];
}

/** Checks every field and the rules between them; throws StaffingError naming the field. */
export function checkRequest(r: StaffingRequest): void {
  checkNonNegative('volume', r.volume);
  checkPositive('intervalSeconds', r.intervalSeconds);
  checkPositive('ahtSeconds', r.ahtSeconds);
  if (r.agents !== undefined) checkInteger('agents', r.agents, 0);
  if (r.thresholdSeconds !== undefined) checkNonNegative('thresholdSeconds', r.thresholdSeconds);
  if (r.targetServiceLevel !== undefined) checkShare('targetServiceLevel', r.targetServiceLevel, false, false);
  if (r.targetAsaSeconds !== undefined) checkPositive('targetAsaSeconds', r.targetAsaSeconds);
  if (r.maxOccupancy !== undefined) checkShare('maxOccupancy', r.maxOccupancy, false, true);
  if (r.shrinkage !== undefined) checkShare('shrinkage', r.shrinkage, true, false);
  if (r.patienceSeconds !== undefined) checkPositive('patienceSeconds', r.patienceSeconds);
  if (r.maxAbandonRate !== undefined) checkShare('maxAbandonRate', r.maxAbandonRate, false, false);
  if (r.concurrency !== undefined) checkInteger('concurrency', r.concurrency, 1);
  if (r.targetServiceLevel !== undefined && r.thresholdSeconds === undefined) {
    throw new StaffingError('thresholdSeconds', 'is required with targetServiceLevel ("answered within how many seconds?")');
  }
  if (r.maxAbandonRate !== undefined && r.patienceSeconds === undefined) {
    throw new StaffingError('maxAbandonRate', 'needs patienceSeconds (Erlang-A): Erlang-C assumes nobody abandons');
  }
}

export function modelOf(r: StaffingRequest): QueueModel {
  return r.patienceSeconds === undefined ? 'erlang-c' : 'erlang-a';
}

/** Metrics for a given number of servers (agents × concurrency); valid request assumed. */
export function metricsAtServers(r: StaffingRequest, servers: number): QueueMetrics {
  const erlangs = loadErlangs(r);
  const model = modelOf(r);
  if (erlangs === 0) return idleMetrics(model, servers, r.thresholdSeconds);
  if (r.patienceSeconds !== undefined) {
    return erlangAUnchecked(servers, erlangs, r.ahtSeconds, r.patienceSeconds, r.thresholdSeconds);
  }
  if (servers <= erlangs) throw unstableError(servers, erlangs);
  return erlangCFromBlocking(servers, erlangs, erlangBUnchecked(servers, erlangs), r.ahtSeconds, r.thresholdSeconds);
}

function result(r: StaffingRequest, rawAgents: number, binding: TargetName[]): StaffingResult {
  const concurrency = r.concurrency ?? 1;
  const m = metricsAtServers(r, rawAgents * concurrency);
  return {
    ...m,
    rawAgents,
    scheduledAgents: scheduledAgents(rawAgents, r.shrinkage),
    concurrency,
    missedTargets: missedTargets(m, r),
    bindingTargets: binding,
  };
}

/** Smallest servers meeting the targets (0 for zero volume); valid request assumed. */
function requiredServers(r: StaffingRequest): number {
  const erlangs = loadErlangs(r);
  if (erlangs === 0) return 0;
  const m =
    r.patienceSeconds === undefined ? searchErlangC(erlangs, r.ahtSeconds, r) : searchErlangA(erlangs, r.ahtSeconds, r.patienceSeconds, r);
  return m.servers;
}

/**
 * The smallest number of agents meeting every target given (service level, ASA, maximum
 * occupancy, maximum abandonment), with metrics at that staffing. Needs at least one target.
 */
export function requiredAgents(r: StaffingRequest): StaffingResult {
  checkRequest(r);
  if (!hasTarget(r)) {
    throw new StaffingError(
      'targetServiceLevel',
      'no target given: give targetServiceLevel (with thresholdSeconds), targetAsaSeconds, maxOccupancy or maxAbandonRate, or give agents to evaluate',
    );
  }
  const concurrency = r.concurrency ?? 1;
  const rawAgents = Math.ceil(requiredServers(r) / concurrency);
  const fewer = rawAgents > 0 ? missedAtServers(r, (rawAgents - 1) * concurrency) : [];
  return result(r, rawAgents, fewer);
}

/** Targets missed with this many servers, including Erlang-C staffings too small to be stable. */
export function missedAtServers(r: StaffingRequest, servers: number): TargetName[] {
  const erlangs = loadErlangs(r);
  if (modelOf(r) === 'erlang-a' || servers > erlangs) return missedTargets(metricsAtServers(r, servers), r);
  // Below Erlang-C stability the wait is unbounded: every waiting target given is missed.
  const missed: TargetName[] = [];
  if (r.targetServiceLevel !== undefined) missed.push('serviceLevel');
  if (r.targetAsaSeconds !== undefined) missed.push('asa');
  if (r.maxOccupancy !== undefined && erlangs / servers > r.maxOccupancy) missed.push('occupancy');
  return missed;
}

/**
 * One entry point for both uses: with `agents`, what that staffing achieves (Erlang-C throws
 * for agents × concurrency ≤ load); without, the requirement (see requiredAgents).
 */
export function evaluate(r: StaffingRequest): StaffingResult {
  checkRequest(r);
  if (r.agents === undefined) return requiredAgents(r);
  return result(r, r.agents, []);
}
