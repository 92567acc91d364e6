import type { Problem } from '../types';
import type { Pattern, PersonPlan } from '../candidates';
import type { Week } from '../week';
import type { LpBuilder } from './lp-builder';
import { successionConflict } from '../successions';

/**
 * One person's hard rules as rows over their x columns. Shift candidates already exclude
 * unavailability, night limits and rest against last week's shifts (see candidates.ts).
 */
export function addPersonRules(
  lp: LpBuilder,
  problem: Problem,
  week: Week,
  patterns: Pattern[],
  p: PersonPlan,
  x: Map<number, number>,
): void {
  const byDay: number[][] = Array.from({ length: 7 }, () => []);
  for (const id of x.keys()) byDay[patterns[id].day].push(id);
  for (const ids of byDay)
    if (ids.length > 1)
      lp.addRow(
        ids.map((id) => x.get(id)!),
        1,
        -Infinity,
        1,
      );
  const all = [...x.keys()];
  // Contracted hours ± tolerance, never above the weekly maximum (hours keep coefficients small).
  lp.addRow(
    all.map((id) => x.get(id)!),
    all.map((id) => patterns[id].workedMinutes / 60),
    p.minMinutes / 60,
    p.maxMinutes / 60,
  );
  const fixedInWeek = p.previousWorkedDays.filter((d) => d >= 0).length;
  lp.addRow(
    all.map((id) => x.get(id)!),
    1,
    -Infinity,
    7 - problem.rules.daysOffPerWeek - fixedInWeek,
  );
  addRestCliques(lp, problem, byDay, patterns, x);
  addConsecutiveWindows(lp, problem, byDay, p, x);
  addForbiddenSuccessions(lp, problem, week, byDay, patterns, x, p.member.id);
}

/**
 * A planning period's forbidden successions: for each kind pair (a, b) and day d, at most one
 * of {a-shifts on d} ∪ {b-shifts on d+1} (one shift a day makes this exact). Nothing without
 * forbidden successions (a week on its own).
 */
function addForbiddenSuccessions(
  lp: LpBuilder,
  problem: Problem,
  week: Week,
  byDay: number[][],
  patterns: Pattern[],
  x: Map<number, number>,
  staffId: string,
): void {
  const conflict = successionConflict(problem, week, patterns, staffId);
  if (!conflict) return;
  for (let d = 0; d < 6; d++) {
    const firsts = byDay[d].filter((a) => byDay[d + 1].some((b) => conflict(patterns[a], patterns[b])));
    // Group the first day's shifts by the set of next-day shifts they conflict with.
    const groups = new Map<string, { mine: number[]; later: number[] }>();
    for (const a of firsts) {
      const later = byDay[d + 1].filter((b) => conflict(patterns[a], patterns[b]));
      const key = later.join(',');
      (groups.get(key) ?? groups.set(key, { mine: [], later }).get(key)!).mine.push(a);
    }
    for (const g of groups.values())
      lp.addRow(
        [...g.mine, ...g.later].map((id) => x.get(id)!),
        1,
        -Infinity,
        1,
      );
  }
}

/**
 * Rest between day d and a later day d2 as clique rows: for an end time e, no two of
 * {shifts on d ending at e or later} ∪ {shifts on d2 starting before e + rest} fit together,
 * so at most one is worked. Stronger than one row per conflicting pair, and fewer rows.
 */
function addRestCliques(lp: LpBuilder, problem: Problem, byDay: number[][], patterns: Pattern[], x: Map<number, number>): void {
  const rest = problem.rules.minRestHours * 60;
  for (let d = 0; d < 7; d++) {
    const today = byDay[d];
    if (!today.length) continue;
    for (let d2 = d + 1; d2 < 7; d2++) {
      const later = byDay[d2];
      const ends = [...new Set(today.map((id) => patterns[id].end))].sort((a, b) => a - b);
      let prevCount = 0;
      for (const e of ends) {
        const conflict = later.filter((id) => patterns[id].start < e + rest);
        if (conflict.length === 0 || conflict.length === prevCount) continue;
        prevCount = conflict.length;
        const mine = today.filter((id) => patterns[id].end >= e);
        lp.addRow(
          [...mine, ...conflict].map((id) => x.get(id)!),
          1,
          -Infinity,
          1,
        );
      }
    }
  }
}

/** No run longer than maxConsecutiveDays: every window of max+1 days has a day off. */
function addConsecutiveWindows(lp: LpBuilder, problem: Problem, byDay: number[][], p: PersonPlan, x: Map<number, number>): void {
  const max = problem.rules.maxConsecutiveDays;
  const fixed = new Set(p.previousWorkedDays);
  for (let first = -max; first + max < 7 + max; first++) {
    const days = Array.from({ length: max + 1 }, (_, i) => first + i);
    if (days[days.length - 1] < 0 || days[0] > 6) continue;
    const free = days.filter((d) => d >= 0 && d < 7 && !fixed.has(d));
    const worked = days.filter((d) => fixed.has(d)).length;
    const cols = free.flatMap((d) => byDay[d].map((id) => x.get(id)!));
    if (free.length + worked <= max || !cols.length) continue;
    lp.addRow(cols, 1, -Infinity, max - worked);
  }
}
