/**
 * Shapes of the rota problem and its answer. Timestamps are ISO 8601 strings with the
 * team's offset (e.g. "2026-12-07T08:00:00+04:00"); inside the solver every time is a
 * whole number of minutes from the start of the planning week (local Monday 00:00).
 */

/** A channel name as it appears in the requirement file, e.g. "voice", "chat", "email". */
export type Channel = string;

export interface Period {
  start: string;
  end: string;
}

/**
 * People who must be on duty and taking contacts of `channel` during the interval starting at
 * `timestamp` (a REQ.csv row). staffing's RequirementRow is the full row it comes from.
 */
export interface IntervalRequirement {
  timestamp: string;
  channel: Channel;
  required: number;
}

export interface ShiftPreferences {
  /** Local dates (yyyy-mm-dd) or weekday names ("saturday") the person would like off. */
  daysOff?: string[];
  /** "early" (starts before 11:00), "late" (an evening) or local start times "09:00". */
  shifts?: string[];
  /** Kinds of shift the person would rather not work: on one weekday (1 = Monday … 7) or, without one, on any day. */
  avoid?: Array<{ time: 'early' | 'evening' | 'night'; weekday?: number }>;
}

/**
 * Per-person counts from previous weeks (above the team's mean), for spreading unpopular
 * shifts evenly; the kinds are fairness.ts's, counted the same way.
 */
export interface FairnessHistory {
  evenings?: number;
  nights?: number;
  weekends?: number;
  holidays?: number;
}

export interface StaffMember {
  id: string;
  name: string;
  skills: Channel[];
  contractHoursPerWeek: number;
  /** Availability gaps, approved time off and public holidays the person has off. */
  unavailable: Period[];
  preferences?: ShiftPreferences;
  /** Shifts the coordinator has fixed; they stay exactly as they are. */
  locked?: Period[];
  history?: FairnessHistory;
  /** Overtime allowed: contract above maxHoursPerWeek is not an error for this person. */
  overtimeAllowed?: boolean;
  /**
   * Share of each shift's worked time the person spends taking contacts (0..1, default 1): a
   * team lead at 0.5 takes contacts about half of each day, the rest is planned off-queue time.
   */
  queueShare?: number;
}

export interface PreviousShift {
  staffId: string;
  start: string;
  end: string;
}

/** Hard rules (settings with the team's defaults) and soft-goal weights. */
export interface RotaRules {
  shiftLengthsHours: number[];
  /** Unpaid lunch inside every shift; shift length includes it. */
  breakMinutes: number;
  minRestHours: number;
  /** Labour Code of Georgia, Art. 24: 40 hours a week unless overtime is agreed. */
  maxHoursPerWeek: number;
  daysOffPerWeek: number;
  /** Local "HH:MM": no shift starts earlier. */
  earliestStart: string;
  /** Local "HH:MM" of the start day: no shift ends later. */
  latestEnd: string;
  maxConsecutiveDays: number;
  /** Hours between 22:00 and 06:00 allowed in one shift. */
  maxNightHoursPerShift: number;
  contractToleranceHours: number;
  /** The lunch starts at least this long after the shift starts... */
  breakMinOffsetMinutes: number;
  /** ...and ends at least this long before the shift ends. */
  breakMinTailMinutes: number;
  /** A shift ending after this local time counts as an evening (fairness). */
  eveningAfter: string;
}

/** A shift's kind: night (part before 06:00), late (ends after eveningAfter), early (starts before 10:00), else day (fairness.ts). */
export type ShiftKind = 'early' | 'day' | 'late' | 'night';

/**
 * Rules over a planning period of one to six weeks (rules/period-rules.ts), settings with the
 * team's defaults (rules/defaults.ts). A value of 1 for a minimum run means no minimum.
 */
export interface PeriodRules {
  /** Weekends worked (a shift on the Saturday or Sunday) in any four weeks in a row. */
  maxWeekendsPer4Weeks: number;
  /** Days off in a row, at least (1 = any). */
  minDaysOffRun: number;
  /** Working days in a row, at least (1 = any) and at most (days before the period counted). */
  minWorkRunDays: number;
  maxWorkRunDays: number;
  /** Late and night shifts per four weeks, pro rata for the period (rounded up). */
  maxLateShiftsPer4Weeks: number;
  maxNightShiftsPer4Weeks: number;
  /** Worked hours over the period within this many hours of the contract's. */
  periodHoursToleranceHours: number;
  /** A shift of kind `to` may not be worked the day after one of kind `from`. */
  forbiddenSuccessions: Array<{ from: ShiftKind; to: ShiftKind }>;
}

/** Weights of the soft goals, in agent-hours of shortfall that one unit is worth. */
export interface SoftWeights {
  /** Multiplies the shortfall in agent-hours. */
  service: number;
  /** Per evening/weekend/holiday shift above the fair share. */
  fairness: number;
  /** Per shift against a stated preference. */
  preference: number;
  /** Per day whose shift differs from the previous version of the rota. */
  stability: number;
}

export interface Problem {
  /** Local date of the Monday that starts the week, yyyy-mm-dd. */
  weekStart: string;
  timeZone: string;
  intervalMinutes: number;
  channels: Channel[];
  requirements: IntervalRequirement[];
  staff: StaffMember[];
  rules: RotaRules;
  weights: SoftWeights;
  previousShifts: PreviousShift[];
  /** Public holidays (local dates) inside the week, for fairness. */
  holidays?: string[];
  /** The published version being re-optimised (stability goal). */
  previousVersion?: Shift[];
  /** Off-queue activities to place into the week (meetings, training…), after the shifts. */
  activities?: PlannedActivity[];
  /** A planning period's forbidden successions of shift kinds, kept inside the week (period-week.ts). */
  forbiddenSuccessions?: PeriodRules['forbiddenSuccessions'];
  /** People for whom no week keeps forbiddenSuccessions (their time off leaves no other way): exempt, and reported by the period check. */
  successionExempt?: string[];
}

/**
 * An off-queue activity to plan: every attendee away from the queue together for `minutes`,
 * starting and ending inside `window`, while all of them are on shift and not at lunch.
 */
export interface PlannedActivity {
  id: string;
  kind: Exclude<OffQueueKind, 'offQueue'>;
  minutes: number;
  /** Staff ids; all must attend at once. */
  attendees: string[];
  window: Period;
}

/** Where an activity landed, or why it could not (code `activityUnplaced`, `activityNoAttendee`). */
export interface ActivityPlacement {
  activityId: string;
  start: string | null;
  end: string | null;
  /** Agent-hours of shortfall it adds (people away from the queue while needed). */
  shortfallAgentHours: number;
  code?: string;
}

export interface Activity {
  start: string;
  end: string;
  channel: Channel;
}

/**
 * What a person does off the queue: `offQueue` (time their queue share leaves free),
 * `backOffice` (on shift where no contacts are expected), or a planned activity's kind.
 */
export type OffQueueKind = 'offQueue' | 'backOffice' | 'training' | 'meeting' | 'coaching' | 'teamMeeting';

/** A stretch of a shift away from the queue; it does not count toward coverage. */
export interface OffQueuePeriod {
  start: string;
  end: string;
  kind: OffQueueKind;
  /** The planned activity this stretch belongs to. */
  activityId?: string;
}

export interface Shift {
  staffId: string;
  start: string;
  end: string;
  breaks: Period[];
  /** A single channel, or "both" for a voice+chat person who takes whichever is busier. */
  channel?: Channel | 'both';
  /** Channel per stretch of the shift, for people who switch between more channels. */
  activities?: Activity[];
  /** Stretches away from the queue; `activities` then list only the time on the queue. */
  offQueue?: OffQueuePeriod[];
}

export interface CoverageRow {
  timestamp: string;
  channel: Channel;
  required: number;
  /** Average people taking this channel in the interval (flexible people split optimally). */
  onDuty: number;
  shortfall: number;
}

export interface RotaSolution {
  shifts: Shift[];
  objective: number;
  bound: number;
  gap: number;
  shortfallAgentHours: number;
  coverage: CoverageRow[];
  status: 'optimal' | 'feasible' | 'infeasible';
  /** Why no rota exists, when status is infeasible. */
  explanation: Explanation[];
  /** The week's off-queue activities: where each was placed, or why not. */
  activities?: ActivityPlacement[];
  stats: { seconds: number; columns: number; rows: number; nodes: number };
}

/**
 * A parameter of a coded message: a number (hours, minutes, counts), an ISO instant, a local
 * date (yyyy-mm-dd) or clock time ("HH:MM"), a staff id or channel name, or a list of these.
 * Never prose: the message catalogue words it in the reader's language.
 */
export type CodeParam = string | number | readonly number[] | readonly string[];
export type CodeParams = Record<string, CodeParam>;

/**
 * Why no rota can keep the hard rules: `code` is the catalogue's `rota.infeasible.<code>`
 * (notEnoughDays, contractAboveMaximum, noWeekFits, solver).
 */
export interface Explanation {
  code: string;
  params: CodeParams;
}

/**
 * One broken hard rule. `rule` is rota_check.py's rule name (catalogue `rota.rule.<rule>`),
 * `code` says how it is broken (catalogue `rota.ruleDetail.<code>`), `params` its figures.
 */
export interface Violation {
  rule: string;
  code: string;
  staffId: string | null;
  /** ISO instant the violation is at (a shift's start), or null for the whole week. */
  time: string | null;
  params: CodeParams;
}

export interface SolveProgress {
  phase: 'prepare' | 'warm-start' | 'solve' | 'polish' | 'done';
  seconds: number;
  objective?: number;
  bound?: number;
  gap?: number;
}

export interface SolveOptions {
  timeLimitSeconds: number;
  seed: number;
  onProgress?: (p: SolveProgress) => void;
  /** HiGHS's log lines (development). */
  onLog?: (line: string) => void;
  /** Extra native HiGHS options (experiments). */
  highsOptions?: Record<string, string | number | boolean>;
  /** Monotonic milliseconds (e.g. performance.now) so preparation time counts against the budget. */
  now?: () => number;
  /** Every better rota found along the way (the worker keeps the latest in case it is killed). */
  onIncumbent?: (s: RotaSolution) => void;
}
