import type { Problem } from '../types';
import type { Pattern, PersonPlan } from '../candidates';
import { toMinute, weekdayOf, type Week } from '../week';
import { preferencesOnDay } from '../preferences';
import type { LpBuilder } from './lp-builder';

/**
 * Objective coefficient of x[p,s] for preferences and stability (agent-hour units, small by
 * default so that they only break ties between rotas of equal service).
 */
export function softCost(problem: Problem, week: Week, pat: Pattern, p: PersonPlan): number {
  return problem.weights.preference * preferencePenalty(week, pat, p) + problem.weights.stability * stabilityPenalty(problem, week, pat, p);
}

/** One unit per preference the pattern breaks (preferences.ts: what the ledger counts as not honoured). */
function preferencePenalty(week: Week, pat: Pattern, p: PersonPlan): number {
  const t = preferencesOnDay(
    p.member.preferences,
    { date: week.dates[pat.day], weekday: weekdayOf(week, pat.day) },
    { startClock: pat.start - week.dayStart[pat.day], evening: pat.evening, night: pat.night },
  );
  return t.asked - t.honoured;
}

/** Days that change against the previous version: working a different shift, or working a day that was off. */
function stabilityPenalty(problem: Problem, week: Week, pat: Pattern, p: PersonPlan): number {
  const before = (problem.previousVersion ?? []).filter((s) => s.staffId === p.member.id);
  if (!before.length) return 0;
  const same = before.find((s) => toMinute(week, s.start) === pat.start && toMinute(week, s.end) === pat.end);
  if (same) return -1;
  const sameDay = before.some((s) => Math.abs(toMinute(week, s.start) - week.dayStart[pat.day] - 720) < 720);
  return sameDay ? 0 : 1;
}

/**
 * Fairness: a convex cost on each person's evenings, nights, weekend days and holidays (the
 * kinds and the cost of fairness.ts, fairnessCost), so the
 * n-th one costs n + (count from previous weeks) units: unpopular shifts go to whoever has
 * had fewest. Written as s_j >= count - j (no max-minus-min spreads, which solve far slower).
 * Also adds the stability constant for days that were worked in the previous version.
 */
export function addFairnessRows(
  lp: LpBuilder,
  problem: Problem,
  patterns: Pattern[],
  people: PersonPlan[],
  x: Array<Map<number, number>>,
): void {
  const w = problem.weights.fairness;
  if (problem.weights.stability && problem.previousVersion) lp.offset += problem.weights.stability * problem.previousVersion.length;
  if (w <= 0) return;
  const kinds = [
    { key: 'evenings' as const, has: (p: Pattern) => p.evening },
    { key: 'nights' as const, has: (p: Pattern) => p.night },
    { key: 'weekends' as const, has: (p: Pattern) => p.weekend },
    { key: 'holidays' as const, has: (p: Pattern) => p.holiday },
  ];
  for (const person of people) {
    for (const kind of kinds) {
      const ids = [...x[person.index].keys()].filter((id) => kind.has(patterns[id]));
      if (!ids.length) continue;
      const history = person.member.history?.[kind.key] ?? 0;
      const cols = ids.map((id) => x[person.index].get(id)!);
      // Linear part (first unit + history) goes straight onto the x costs.
      for (const c of cols) lp.cost[c] += w * (1 + history);
      const maxCount = Math.min(ids.length, 7 - problem.rules.daysOffPerWeek);
      if (maxCount < 2) continue;
      // count = Σ x once; then s_j >= count - j with two entries each (keeps the rows sparse).
      const count = lp.addCol(`n_${person.index}_${kind.key}`, 0, 0, maxCount, false);
      lp.addRow([count, ...cols], [1, ...cols.map(() => -1)], 0, 0);
      for (let j = 1; j < maxCount; j++) {
        const s = lp.addCol(`f_${person.index}_${kind.key}_${j}`, w, 0, Infinity, false);
        lp.addRow([s, count], [1, -1], -j, Infinity);
      }
    }
  }
}
