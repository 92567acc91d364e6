/**
 * Rota optimiser: turns the requirement per interval and channel into named shifts that keep
 * the hard rules, cover the requirement as well as the team can, and spread unpopular
 * shifts fairly. Pure (no clock, no I/O) except solveRotaInWorker, which starts a thread.
 */
export type {
  Activity,
  Channel,
  CoverageRow,
  CodeParam,
  CodeParams,
  Explanation,
  FairnessHistory,
  ActivityPlacement,
  OffQueueKind,
  OffQueuePeriod,
  Period,
  PeriodRules,
  ShiftKind,
  PlannedActivity,
  PreviousShift,
  Problem,
  IntervalRequirement,
  RotaRules,
  RotaSolution,
  Shift,
  ShiftPreferences,
  SoftWeights,
  SolveOptions,
  SolveProgress,
  StaffMember,
  Violation,
} from './types';
export { parseRequirementsCsv, type ParsedRequirements } from './parse/requirements-csv';
export { parseStaffJson, KNOWN_CHANNELS, type ParsedStaff } from './parse/staff-json';
export { formatInputError, type InputError, type Parsed } from './parse/parse-error';
export { problemFromFiles } from './problem';
export { DEFAULT_PERIOD_RULES, DEFAULT_RULES, DEFAULT_WEIGHTS, withDefaultRules } from './rules/defaults';
export { checkPeriod, perPeriodLimit, type PeriodProblem, type PeriodPerson, type PeriodShift } from './rules/period-rules';
export { solveRota } from './solve-rota';
export { solveRotaInWorker, type WorkerSolveOptions } from './solve-in-worker';
export {
  fewestExtraShifts,
  coverPatterns,
  type CoverShape,
  type CoverPattern,
  type ExtraCoverDay,
  type ExtraCoverResult,
} from './extra-cover';
export { checkRota } from './rules/check-rota';
export { coverageOf, type CoverageReport } from './coverage';
export { explainInfeasibility } from './infeasibility';
export { generateWeek, type GenerateOptions } from './generate-week';
export { localTimeOf, localHhmm, type LocalTime } from './local-time';
export {
  FAIRNESS_KINDS,
  countFairness,
  fairnessCost,
  fairnessFacts,
  gini,
  shiftKind,
  spread,
  zeroCounts,
  type FairnessCalendar,
  type FairnessCounts,
  type FairnessKind,
} from './fairness';
export { preferencesOnDay } from './preferences';
export {
  INTRADAY_ACTION_KINDS,
  channelsOfShift,
  intradayCandidates,
  reshape,
  type ActionSpec,
  type CandidateInput,
  type IntradayActionKind,
  type IntradayCandidate,
  type ShapedShift,
  type TodayShift,
} from './intraday-actions';
export { applyCandidate, planRestOfDay, type Plan, type PlanInput, type PlanStep } from './intraday-plan';
