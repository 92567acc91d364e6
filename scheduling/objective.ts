import type { Problem } from './types';
import type { Prepared } from './prepare';
import type { Assignment } from './extract';
import { softCost } from './model/soft-goals';
import { addFacts, fairnessCost, zeroCounts } from './fairness';

/**
 * The model's objective for a given rota, computed directly (not by the MIP): service weight
 * × shortfall + preference/stability costs + the convex fairness cost (fairness.ts: the n-th
 * evening, night, weekend day or holiday of a person costs n + history units) + the stability
 * constant.
 */
export function objectiveOf(problem: Problem, prep: Prepared, assignments: Assignment[], shortfallAgentHours: number): number {
  const { week, patterns, people } = prep;
  let total = problem.weights.service * shortfallAgentHours;
  if (problem.weights.stability && problem.previousVersion) total += problem.weights.stability * problem.previousVersion.length;
  const counts = people.map(() => zeroCounts());
  for (const a of assignments) {
    const pat = patterns[a.pattern];
    total += softCost(problem, week, pat, people[a.person]);
    addFacts(counts[a.person], pat);
  }
  const w = problem.weights.fairness;
  if (w > 0) people.forEach((p, i) => (total += w * fairnessCost(counts[i], p.member.history)));
  return total;
}
