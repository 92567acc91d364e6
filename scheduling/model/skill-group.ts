/**
 * People with the same skills, interchangeable for coverage, and the on-duty share of a shift
 * in an interval: shared by the model's coverage rows and the heuristics (kept apart from
 * rota-model.ts so that coverage-rows.ts does not import the module that imports it).
 */
import type { Pattern } from '../candidates';
import type { Week } from '../week';

export interface SkillGroup {
  skills: number[];
  members: number[];
  /** pattern id → lunch options (start minute, column). */
  breakCols: Map<number, Array<{ breakStart: number; col: number }>>;
}

/** Fraction of interval t that a shift with lunch at breakStart is on duty. */
export function dutyFraction(week: Week, pat: Pattern, breakStart: number, breakMinutes: number, t: number): number {
  const a = t * week.step;
  const b = a + week.step;
  const overlap = (s: number, e: number) => Math.max(0, Math.min(b, e) - Math.max(a, s));
  const off = breakStart >= 0 ? overlap(breakStart, breakStart + breakMinutes) : 0;
  return (overlap(pat.start, pat.end) - off) / week.step;
}
