import type { CodeParams, Problem, Shift, StaffMember, Violation } from '../types';
import { buildWeek, dayIndexOf, toIso, toMinute, type Week } from '../week';

/** A shift with its times on the week's minute axis. */
export interface TimedShift {
  shift: Shift;
  index: number;
  start: number;
  end: number;
  /** Local day index of the start (0 = Monday). */
  day: number;
  breaks: Array<[number, number]>;
}

export interface RuleContext {
  problem: Problem;
  week: Week;
  staff: Map<string, StaffMember>;
  /** Last week's shifts per person, as minutes from this week's start. */
  previous: Map<string, Array<[number, number]>>;
}

/**
 * The context of a problem, built once: a picker checks one problem's week hundreds of times
 * (once per candidate), and the week's axis costs more than the check of two people. Kept while
 * the problem keeps the same inputs (a problem is not edited in place, but a changed field, a
 * new array, is noticed all the same and builds afresh).
 */
const CONTEXTS = new WeakMap<Problem, { inputs: unknown[]; ctx: RuleContext }>();
const contextInputs = (p: Problem): unknown[] => [
  p.weekStart,
  p.timeZone,
  p.intervalMinutes,
  p.channels,
  p.requirements,
  p.staff,
  p.previousShifts,
];

export function makeContext(problem: Problem): RuleContext {
  const inputs = contextInputs(problem);
  const known = CONTEXTS.get(problem);
  if (known && known.inputs.every((x, i) => x === inputs[i])) return known.ctx;
  const ctx = buildContext(problem);
  CONTEXTS.set(problem, { inputs, ctx });
  return ctx;
}

function buildContext(problem: Problem): RuleContext {
  const week = buildWeek(problem);
  const previous = new Map<string, Array<[number, number]>>();
  for (const s of problem.previousShifts) {
    const list = previous.get(s.staffId) ?? [];
    list.push([toMinute(week, s.start), toMinute(week, s.end)]);
    previous.set(s.staffId, list);
  }
  return { problem, week, staff: new Map(problem.staff.map((s) => [s.id, s])), previous };
}

export function timed(ctx: RuleContext, shift: Shift, index: number): TimedShift {
  const start = toMinute(ctx.week, shift.start);
  return {
    shift,
    index,
    start,
    end: toMinute(ctx.week, shift.end),
    day: dayIndexOf(ctx.week, start),
    breaks: (shift.breaks ?? []).map((b) => [toMinute(ctx.week, b.start), toMinute(ctx.week, b.end)]),
  };
}

/** `code` defaults to the rule's name when a rule can break in only one way. */
export function violation(
  ctx: RuleContext,
  rule: string,
  staffId: string | null,
  minute: number | null,
  params: CodeParams = {},
  code: string = rule,
): Violation {
  return { rule, code, staffId, time: minute === null ? null : toIso(ctx.week, minute), params };
}

export const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
