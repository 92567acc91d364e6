/**
 * Public API of the staffing engine: from forecast volume to agents per interval, and what
 * a given staffing achieves. Pure TypeScript (no HTTP, database, clock or Math.random).
 *
 * Models (see each file for assumptions and sources):
 * - erlangB(agents: number, erlangs: number): number — blocking of the loss system M/M/N/N.
 * - erlangC(input: QueueInput): QueueMetrics — M/M/N, nobody abandons; throws if agents ≤ load.
 * - erlangA(input: ErlangAInput): QueueMetrics — M/M/N+M, exponential patience; always stable.
 * Conventions: serviceLevel = answered within thresholdSeconds ÷ all offered; asaSeconds =
 * mean wait of answered contacts; averageWaitSeconds = mean wait of all offered contacts;
 * occupancy = carried load ÷ servers; shares are fractions (0.8), times are seconds.
 *
 * Entry points for the pages and the CLI:
 * - evaluate(request: StaffingRequest): StaffingResult — with `agents`, what that staffing
 *   achieves; without, the requirement. Erlang-A when patienceSeconds is given.
 * - requiredAgents(request: StaffingRequest): StaffingResult — smallest staffing meeting every
 *   target given, with bindingTargets.
 * - staffingTable(request, { around?, rows? }): StaffingTable — agents vs metrics, flags.
 * - weekRequirement(channels: ChannelForecast[], { minAgentsWhenOpen? }): RequirementRow[].
 * - simulate(input: SimulationInput): SimulationResult — seeded discrete-event simulation
 *   (plan or rota segments, breaks, blended agents, chat concurrency) with 95 % intervals;
 *   simulationFromRequirement(rows, options): SimulationInput turns a requirement into one.
 * - describeChatMethod(), describeConventions(): the methods and definitions as data to show.
 * - staffingRequestSchema, agentSegmentSchema, channelForecastSchema (zod);
 *   parseStaffingRequest(input: unknown): StaffingRequest.
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
  AgentSegment,
  Channel,
  HandleTimeDistribution,
  SimChannelConfig,
  SimulationInput,
  SimulationResult,
  IntervalEstimates,
  StaffingPlan,
} from './simulator/types';
export type { Estimate } from './simulator/stats';
export { simulate } from './simulator/simulate';
export { planToSegments } from './simulator/segments';
export { simulationFromRequirement, type FromRequirementOptions } from './simulator/from-requirement';
export { createRng, type Rng } from './simulator/rng';
export type { ChannelSettings } from './channel-settings';
export { weekSlots, isOpen, defaultWeekStart, type OpeningSpan } from './week-grid';
export { channelTargets, channelForecastInput, type ForecastVolume } from './channel-input';
export { extraToTarget, meetsChannelTargets } from './extra-to-target';
export {
  volumeFactorOf,
  withTargets,
  shrinkageFactor,
  moveClosedContacts,
  hiresOnQueue,
  type TargetLever,
  type HiresLever,
  type VolumeLevers,
} from './scenario-levers';
export { teamCapacity, type ChannelCapacity, type TeamCapacity } from './team-capacity';
export {
  sickPeople,
  agentsFromShifts,
  agentsFromPlan,
  keepShare,
  intervalMetrics,
  weekFigures,
  simulateWeek,
  SIM_REPLICATIONS,
  SIM_SEED,
  type DutyShift,
  type IntervalMetrics,
  type WeekFigures,
  type SimFigures,
} from './scenario-model';
export { splitBlended, describeQueueSplit, BLENDED_CHANNELS } from './queue-split';
export { mixedMetrics } from './mixed-metrics';
export {
  projectWeek,
  onQueueFromShifts,
  queueKey,
  type ProjectionInput,
  type ProjectionDemand,
  type ProjectionStaffing,
  type ProjectedInterval,
  type WeekProjection,
} from './projection';
export {
  intervalRisk,
  riskAtSpread,
  capacityTerms,
  normalCdf,
  volumeSpread,
  volumeSpreadParts,
  absenceProbabilities,
  DEFAULT_ABSENCE_RATE,
  INTERVAL_NOISE,
  INTERVAL_SKEW,
  type RiskOptions,
  type RiskCalibration,
} from './projection-risk';
export {
  learnRisk,
  fitIntervalSpread,
  serviceLevelOffset,
  learningInterval,
  chanceAtCount,
  DEFAULT_CALIBRATION,
  NOISE_CANDIDATES,
  SKEW_CANDIDATES,
  MIN_DAYS as MIN_OFFSET_DAYS,
  type LearningInterval,
  type LearningDay,
  type LearningWeek,
} from './learned-risk';
export { summariseProjection, periodFigures, localDate, type ChannelSummary, type PeriodFigures } from './projection-summary';
export { dayHeadroom, type DayHeadroom, type HeadroomInput } from './headroom';
export { neededForTarget } from './needed-for-target';
export {
  calibrateRisk,
  calibrationGrid,
  bandFor,
  type CalibrationCase,
  type CalibrationOptions,
  type CalibrationReport,
  type ReliabilityBand,
} from './risk-calibration';
export {
  backtestRisk,
  requirementAt,
  STAFFING_OFFSETS,
  type BacktestInterval,
  type RiskBacktestInput,
  type RiskBacktestInterval,
  type RiskBacktest,
  type RiskBacktestPeriod,
} from './risk-backtest';
export {
  applyRecalibration,
  fitRecalibration,
  recalibrateFolds,
  IDENTITY as IDENTITY_RECALIBRATION,
  MIN_TRAINING as MIN_RECALIBRATION_TRAINING,
  type Recalibration,
} from './recalibration';
export {
  periodRisk,
  expectedServiceLevel,
  withinDayCorrelation,
  type PeriodInterval,
  type PeriodRiskOptions,
  type PeriodRisk,
} from './period-risk';
export {
  reliabilityTable,
  wilsonInterval,
  BAND_TOLERANCE,
  type Forecasted,
  type ReliabilityRow,
  type ReliabilityTable,
} from './reliability';
export { routedSegments, type SimRouting, type RoutingInput } from './sim-routing';
