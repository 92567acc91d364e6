import type { Problem } from './types';
import { buildPatterns, buildPersonPlans, type Pattern, type PersonPlan } from './candidates';
import { buildWeek, type Week } from './week';

export interface Prepared {
  /**
   * The week on the coverage grid the model and heuristics measure: the requirement grid,
   * split finer when lunches or shift lengths end inside a requirement interval.
   */
  week: Week;
  /** The week on the requirement grid (REQ.csv's intervals): shift starts, published coverage rows. */
  reportWeek: Week;
  patterns: Pattern[];
  people: PersonPlan[];
}

/** The week on a minute axis, every candidate shift, and each person's allowed shifts. */
export function prepare(problem: Problem): Prepared {
  const reportWeek = buildWeek(problem);
  const patterns = buildPatterns(problem, reportWeek);
  const people = buildPersonPlans(problem, reportWeek, patterns);
  return { week: coverageWeek(problem, reportWeek), reportWeek, patterns, people };
}

/**
 * The requirement week on a grid of gcd(interval, lunch, shift lengths) minutes. Coverage is
 * averaged per grid step in the model, but a 30-minute lunch inside a 60-minute interval
 * leaves the person on duty for only half of it: averaged, staggered half-hour lunches
 * "cancel out" while per minute (as the published coverage and rota_check.py count) they
 * leave a gap. On the finer grid every break and shift boundary falls on a step, on-duty
 * counts are constant within a step, and the model's shortfall equals the per-minute one.
 */
export function coverageWeek(problem: Problem, week: Week): Week {
  const lengths = problem.rules.shiftLengthsHours.map((h) => Math.round(h * 60));
  const sub = [problem.rules.breakMinutes, ...lengths].reduce((g, v) => (v > 0 ? gcd(g, v) : g), week.step);
  if (sub >= week.step || sub < 1) return week;
  // Below 5 minutes the model would grow 12×+; such odd lengths are rejected by the rules check.
  if (sub < 5) return week;
  const intervals = Math.ceil(week.minutes / sub);
  const required = week.required.map((r) => Float64Array.from({ length: intervals }, (_, t) => r[Math.floor((t * sub) / week.step)] ?? 0));
  return { ...week, step: sub, intervals, required };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
