import type { Problem } from './types';
import { buildPatterns, buildPersonPlans, type Pattern, type PersonPlan } from './candidates';
import { buildWeek, type Week } from './week';

export interface Prepared {
  week: Week;
  patterns: Pattern[];
  people: PersonPlan[];
}

/** The week on a minute axis, every candidate shift, and each person's allowed shifts. */
export function prepare(problem: Problem): Prepared {
  const week = buildWeek(problem);
  const patterns = buildPatterns(problem, week);
  const people = buildPersonPlans(problem, week, patterns);
  return { week, patterns, people };
}
