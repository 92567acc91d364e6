/**
 * Public API of the staffing engine: from forecast volume to agents per interval, and what
 * a given staffing achieves. Pure TypeScript (no HTTP, database, clock or Math.random).
 *
 * Models (see each file for assumptions and sources):
 * - erlangB(agents, erlangs): blocking of the loss system M/M/N/N.
 * - erlangC(input): M/M/N, nobody abandons.
 * - erlangA(input): M/M/N+M, waiting contacts abandon after an exponential patience.
 * Conventions: serviceLevel = answered within thresholdSeconds ÷ all offered; asaSeconds =
 * mean wait of answered contacts; averageWaitSeconds = mean wait of all offered contacts;
 * occupancy = carried load ÷ servers; shares are fractions (0.8), times are seconds.
 *
 * Entry points for the pages and the CLI:
 * - evaluate(request): with `agents`, what that staffing achieves; without, the requirement.
 * - requiredAgents(request): the smallest staffing meeting every target given.
 * - staffingTable(request, { around, rows }): rows of agents vs metrics, flags, binding targets.
 * - weekRequirement(channels, options): rows per interval and channel, raw and scheduled.
 * - simulate(input): seeded discrete-event simulation with confidence intervals.
 * - describeChatMethod(), describeConventions(): the methods and definitions as data to show.
 * - staffingRequestSchema / parseStaffingRequest: the zod schema of a request.
 * Bad input throws StaffingError (with `field`), never returns NaN.
 */
export { StaffingError } from './errors';
export type { QueueInput, ErlangAInput, QueueMetrics, QueueModel } from './types';
export { loadErlangs } from './types';
export { erlangB } from './erlang-b';
export { erlangC } from './erlang-c';
export { erlangA } from './erlang-a';
export type { Targets, TargetName } from './targets';
export { meetsTargets, missedTargets, scheduledAgents, guardedCeil } from './targets';
export type { StaffingRequest, StaffingResult } from './request';
export { evaluate, requiredAgents, checkRequest } from './request';
export type { StaffingTable, StaffingTableRow, StaffingTableOptions } from './staffing-table';
export { staffingTable } from './staffing-table';
export type { ChannelForecast, ForecastPoint, RequirementRow, WeekRequirementOptions } from './week-requirement';
export { weekRequirement } from './week-requirement';
export type { ConventionsDescription, ModelDescription } from './conventions';
export { describeConventions } from './conventions';
export type { ChatMethodDescription } from './chat';
export { describeChatMethod } from './chat';
export type { StaffingRequestInput } from './schema';
export { staffingRequestSchema, agentSegmentSchema, channelForecastSchema, parseStaffingRequest, describeZodError } from './schema';
export type {
  AgentSegment, Channel, HandleTimeDistribution, SimChannelConfig, SimulationInput, SimulationResult,
  IntervalEstimates, StaffingPlan,
} from './simulator/types';
export type { Estimate } from './simulator/stats';
export { simulate } from './simulator/simulate';
export { planToSegments } from './simulator/segments';
export { simulationFromRequirement, type FromRequirementOptions } from './simulator/from-requirement';
export { createRng, type Rng } from './simulator/rng';
