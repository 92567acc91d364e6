/**
 * Rules over a planning period of one to six weeks, checked on the whole period (the weekly
 * rules in person-rules.ts see one week and last week's shifts). Each rule is a small function
 * named as the sentence it enforces, returning violations as codes and figures
 * (`rota.rule.<rule>` / `rota.ruleDetail.<code>` in the catalogue), like the weekly ones.
 *
 * Days are local calendar days of the team's zone, counted from the period's first Monday; a
 * shift belongs to the day it starts on. Runs (of working days, of days off) that touch the
 * period's first or last day are open: what lies outside is not known, so they are not too
 * short. The longest run of working days counts the days worked just before the period
 * (`previousShifts`), as the weekly rule does.
 */
import { DateTime } from 'luxon';
import type { PeriodRules, PreviousShift, Violation } from '../types';
import { shiftKind, type FairnessCalendar } from '../fairness';
import { hours } from './rule-context';

export interface PeriodPerson {
  id: string;
  /** Contracted hours of each week of the period (after leave), one entry per week. */
  contractHoursByWeek: number[];
}

export interface PeriodProblem {
  /** Local date of the Monday that starts the period, yyyy-mm-dd. */
  periodStart: string;
  weeks: number;
  timeZone: string;
  staff: PeriodPerson[];
  rules: PeriodRules;
  /** Unpaid lunch inside every shift (worked hours = length − lunch), as the weekly rules. */
  breakMinutes: number;
  /** A shift ending after this local time is late (fairness.ts's evening). */
  eveningAfter: string;
  /** Shifts just before the period, for the run of working days. */
  previousShifts?: PreviousShift[];
}

export interface PeriodShift {
  staffId: string;
  start: string;
  end: string;
}

/** One person's shift on a day of the period, with its kind. */
export interface DayShift {
  day: number;
  start: string;
  end: string;
  kind: 'early' | 'day' | 'late' | 'night';
}

export interface PeriodContext {
  problem: PeriodProblem;
  days: number;
  /** Local midnight of each day, as ISO instants (index = day of the period). */
  dayStart: string[];
}

export type PeriodRule = (ctx: PeriodContext, person: PeriodPerson, mine: DayShift[], before: number) => Violation[];

const EPS = 1e-6;

function violation(rule: string, staffId: string, time: string | null, params: Violation['params'], code = rule): Violation {
  return { rule, code, staffId, time, params };
}

/** Day index of an instant in the period (negative before it). */
function dayOf(problem: PeriodProblem, iso: string): number {
  const start = DateTime.fromISO(problem.periodStart, { zone: problem.timeZone });
  const local = DateTime.fromISO(iso, { zone: problem.timeZone }).setZone(problem.timeZone).startOf('day');
  return Math.round(local.diff(start, 'days').days);
}

/** Runs of equal values over the period: [value, first day, length]. */
function runs(worked: boolean[]): Array<[boolean, number, number]> {
  const out: Array<[boolean, number, number]> = [];
  for (let d = 0; d < worked.length; d++) {
    const last = out[out.length - 1];
    if (last && last[0] === worked[d]) last[2]++;
    else out.push([worked[d], d, 1]);
  }
  return out;
}

const workedDays = (ctx: PeriodContext, mine: DayShift[]) => {
  const worked = Array.from({ length: ctx.days }, () => false);
  for (const s of mine) if (s.day >= 0 && s.day < ctx.days) worked[s.day] = true;
  return worked;
};

/** Weekends (a shift on the Saturday or the Sunday) in any four weeks in a row; the whole period when shorter. */
export const noMoreWeekendsThanTheMaximumPerFourWeeks: PeriodRule = (ctx, person, mine) => {
  const max = ctx.problem.rules.maxWeekendsPer4Weeks;
  const weeks = ctx.problem.weeks;
  const worked = Array.from({ length: weeks }, (_, w) => mine.some((s) => s.day === w * 7 + 5 || s.day === w * 7 + 6));
  const span = Math.min(4, weeks);
  for (let first = 0; first + span <= weeks; first++) {
    const count = worked.slice(first, first + span).filter(Boolean).length;
    if (count > max)
      return [violation('weekends', person.id, ctx.dayStart[first * 7 + 5], { weekends: count, maxWeekends: max, weeks: span })];
  }
  return [];
};

export const daysOffComeInRunsOfAtLeastTheMinimum: PeriodRule = (ctx, person, mine) => {
  const min = ctx.problem.rules.minDaysOffRun;
  return runs(workedDays(ctx, mine))
    .filter(([w, first, len]) => !w && first > 0 && first + len < ctx.days && len < min)
    .map(([, first, len]) => violation('daysOffRun', person.id, ctx.dayStart[first], { days: len, minDays: min }));
};

export const workingDaysComeInRunsWithinTheLimits: PeriodRule = (ctx, person, mine, before) => {
  const { minWorkRunDays: min, maxWorkRunDays: max } = ctx.problem.rules;
  const out: Violation[] = [];
  for (const [w, first, len] of runs(workedDays(ctx, mine))) {
    if (!w) continue;
    const total = first === 0 ? len + before : len;
    if (total > max) out.push(violation('workRun', person.id, ctx.dayStart[first], { days: total, maxDays: max }, 'workRunTooLong'));
    else if (len < min && first > 0 && first + len < ctx.days)
      out.push(violation('workRun', person.id, ctx.dayStart[first], { days: len, minDays: min }, 'workRunTooShort'));
  }
  return out;
};

/** The limit is per four weeks, pro rata for a shorter or longer period (rounded up). */
export function perPeriodLimit(per4Weeks: number, weeks: number): number {
  return Math.ceil((per4Weeks * weeks) / 4 - EPS);
}

export const noMoreLateOrNightShiftsThanTheLimit: PeriodRule = (ctx, person, mine) => {
  const r = ctx.problem.rules;
  const out: Violation[] = [];
  for (const [kind, per4] of [
    ['late', r.maxLateShiftsPer4Weeks],
    ['night', r.maxNightShiftsPer4Weeks],
  ] as const) {
    const count = mine.filter((s) => s.kind === kind).length;
    const max = perPeriodLimit(per4, ctx.problem.weeks);
    if (count > max) out.push(violation('kindCount', person.id, null, { kind, shifts: count, maxShifts: max, weeks: ctx.problem.weeks }));
  }
  return out;
};

export const periodHoursMatchTheContract: PeriodRule = (ctx, person, mine) => {
  const worked = mine.reduce((t, s) => t + (Date.parse(s.end) - Date.parse(s.start)) / 60000 - ctx.problem.breakMinutes, 0) / 60;
  const contract = person.contractHoursByWeek.reduce((a, b) => a + b, 0);
  const tol = ctx.problem.rules.periodHoursToleranceHours;
  return Math.abs(worked - contract) > tol + EPS
    ? [violation('periodHours', person.id, null, { workedHours: hours(worked * 60), contractHours: contract, toleranceHours: tol })]
    : [];
};

/** "No early after a late": a shift of kind `to` the day after one of kind `from`. */
export const noForbiddenSuccessionOfShiftKinds: PeriodRule = (ctx, person, mine) => {
  const byDay = new Map(mine.map((s) => [s.day, s]));
  const out: Violation[] = [];
  for (const s of mine) {
    const next = byDay.get(s.day + 1);
    if (!next) continue;
    if (ctx.problem.rules.forbiddenSuccessions.some((f) => f.from === s.kind && f.to === next.kind))
      out.push(violation('succession', person.id, next.start, { from: s.kind, to: next.kind }));
  }
  return out;
};

export const PERIOD_RULES: PeriodRule[] = [
  noMoreWeekendsThanTheMaximumPerFourWeeks,
  daysOffComeInRunsOfAtLeastTheMinimum,
  workingDaysComeInRunsWithinTheLimits,
  noMoreLateOrNightShiftsThanTheLimit,
  periodHoursMatchTheContract,
  noForbiddenSuccessionOfShiftKinds,
];

/** Days worked in a row just before the period (from previousShifts). */
function daysWorkedBefore(problem: PeriodProblem, staffId: string): number {
  const days = new Set((problem.previousShifts ?? []).filter((s) => s.staffId === staffId).map((s) => dayOf(problem, s.start)));
  let n = 0;
  while (days.has(-1 - n)) n++;
  return n;
}

/**
 * Every period-rule violation of a period's shifts (all its weeks together). Empty means the
 * period keeps the period rules; the weekly rules are checked per week by checkRota.
 */
export function checkPeriod(problem: PeriodProblem, shifts: PeriodShift[]): Violation[] {
  const start = DateTime.fromISO(problem.periodStart, { zone: problem.timeZone });
  const days = problem.weeks * 7;
  const ctx: PeriodContext = {
    problem,
    days,
    dayStart: Array.from({ length: days }, (_, d) => start.plus({ days: d }).toISO({ suppressMilliseconds: true })!),
  };
  const cal: FairnessCalendar = { zone: problem.timeZone, eveningAfter: problem.eveningAfter, holidays: new Set() };
  const out: Violation[] = [];
  for (const person of problem.staff) {
    const mine = shifts
      .filter((s) => s.staffId === person.id)
      .map((s): DayShift => ({ day: dayOf(problem, s.start), start: s.start, end: s.end, kind: shiftKind(s, cal) }))
      .filter((s) => s.day >= 0 && s.day < days)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const before = daysWorkedBefore(problem, person.id);
    for (const rule of PERIOD_RULES) out.push(...rule(ctx, person, mine, before));
  }
  return out;
}
