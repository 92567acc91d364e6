/**
 * Rows of "N agents → metrics" around the requirement (or around a given staffing), for the
 * page's what-if table: each row says which targets it misses, and the result names the
 * targets that bind (the ones one agent fewer than the requirement would miss).
 */
import { checkRequest, metricsAtServers, missedAtServers, modelOf, requiredAgents, type StaffingRequest } from './request';
import { StaffingError } from './errors';
import { hasTarget, missedTargets, scheduledAgents, type TargetName } from './targets';
import { loadErlangs, type QueueMetrics, type QueueModel } from './types';

export interface StaffingTableRow {
  agents: number;
  scheduledAgents: number;
  /** False for Erlang-C rows with agents ≤ load: the queue grows without bound. */
  stable: boolean;
  /** Metrics at this staffing; null when not stable. */
  metrics: QueueMetrics | null;
  missedTargets: TargetName[];
  meetsTargets: boolean;
  /** This row is the requirement (smallest staffing meeting every target). */
  isRequired: boolean;
  /** This row is the `agents` given in the request. */
  isGiven: boolean;
}

export interface StaffingTable {
  model: QueueModel;
  loadErlangs: number;
  /** Required agents, or null when the request has no target. */
  requiredAgents: number | null;
  bindingTargets: TargetName[];
  rows: StaffingTableRow[];
}

export interface StaffingTableOptions {
  /** Centre row (agents); default: the requirement, else the request's agents. */
  around?: number;
  /** Number of rows; default 9. */
  rows?: number;
}

function row(r: StaffingRequest, agents: number, required: number | null): StaffingTableRow {
  const k = r.concurrency ?? 1;
  const stable = modelOf(r) === 'erlang-a' || loadErlangs(r) === 0 || agents * k > loadErlangs(r);
  const metrics = stable ? metricsAtServers(r, agents * k) : null;
  const missed = metrics ? missedTargets(metrics, r) : missedAtServers(r, agents * k);
  return {
    agents,
    scheduledAgents: scheduledAgents(agents, r.shrinkage),
    stable,
    metrics,
    missedTargets: missed,
    meetsTargets: missed.length === 0,
    isRequired: agents === required,
    isGiven: agents === r.agents,
  };
}

export function staffingTable(r: StaffingRequest, options: StaffingTableOptions = {}): StaffingTable {
  const withoutAgents = { ...r, agents: undefined };
  checkRequest(withoutAgents);
  const count = options.rows ?? 9;
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new StaffingError('rows', 'must be a whole number in 1..1000');
  const req = hasTarget(r) ? requiredAgents(withoutAgents) : null;
  const centre = options.around ?? req?.rawAgents ?? r.agents;
  if (centre === undefined) throw new StaffingError('around', 'give a target, agents or around to centre the table on');
  if (!Number.isInteger(centre) || centre < 0) throw new StaffingError('around', `must be a whole number ≥ 0, got ${centre}`);
  const first = Math.max(0, centre - Math.floor(count / 2));
  const rows: StaffingTableRow[] = [];
  for (let n = first; n < first + count; n++) rows.push(row(r, n, req?.rawAgents ?? null));
  return {
    model: modelOf(r),
    loadErlangs: loadErlangs(r),
    requiredAgents: req?.rawAgents ?? null,
    bindingTargets: req?.bindingTargets ?? [],
    rows,
  };
}
