import type { Problem } from './types';
import type { Prepared } from './prepare';
import type { Assignment } from './extract';
import { softCost } from './model/soft-goals';

/**
 * The model's objective for a given rota, computed directly (not by the MIP): service weight
 * × shortfall + preference/stability costs + the convex fairness cost (the n-th evening,
 * weekend day or holiday of a person costs n + history units) + the stability constant.
 */
export function objectiveOf(problem: Problem, prep: Prepared, assignments: Assignment[], shortfallAgentHours: number): number {
  const { week, patterns, people } = prep;
  let total = problem.weights.service * shortfallAgentHours;
  if (problem.weights.stability && problem.previousVersion) total += problem.weights.stability * problem.previousVersion.length;
  const counts = people.map(() => ({ evenings: 0, weekends: 0, holidays: 0 }));
  for (const a of assignments) {
    const pat = patterns[a.pattern];
    total += softCost(problem, week, pat, people[a.person]);
    if (pat.evening) counts[a.person].evenings++;
    if (pat.weekend) counts[a.person].weekends++;
    if (pat.holiday) counts[a.person].holidays++;
  }
  const w = problem.weights.fairness;
  if (w > 0) {
    people.forEach((p, i) => {
      for (const key of ['evenings', 'weekends', 'holidays'] as const) {
        const n = counts[i][key];
        const history = p.member.history?.[key] ?? 0;
        total += w * ((n * (n + 1)) / 2 + history * n);
      }
    });
  }
  return total;
}
