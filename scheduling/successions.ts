/**
 * Shift kinds that may not follow each other on consecutive days (a period rule, "no early
 * after a late"), as the optimiser sees them: a pattern's kind is shiftKind's (fairness.ts),
 * night and late from the pattern's fairness facts, early a start before 10:00 local. Only a
 * planning period sets `problem.forbiddenSuccessions`; a week on its own has none, so the
 * weekly model and search are exactly as before.
 */
import type { Problem, ShiftKind } from './types';
import type { Pattern } from './candidates';
import { localMinute, type Week } from './week';

const EARLY_BEFORE_MINUTES = 10 * 60;

export function patternKind(week: Week, p: Pattern): ShiftKind {
  if (p.night) return 'night';
  if (p.evening) return 'late';
  return p.start < localMinute(week, p.day, EARLY_BEFORE_MINUTES) ? 'early' : 'day';
}

/** Each pattern's kind, computed once per pattern list (the search asks for them again and again). */
const KINDS = new WeakMap<Pattern[], ShiftKind[]>();

export function patternKinds(week: Week, patterns: Pattern[]): ShiftKind[] {
  let kinds = KINDS.get(patterns);
  if (!kinds || kinds.length !== patterns.length) {
    kinds = patterns.map((p) => patternKind(week, p));
    KINDS.set(patterns, kinds);
  }
  return kinds;
}

/** `(a, b)` true when b the day after a is forbidden; null when the problem forbids nothing. */
export function successionConflict(
  problem: Problem,
  week: Week,
  patterns: Pattern[],
  staffId: string,
): ((a: Pattern, b: Pattern) => boolean) | null {
  const pairs = new Set((problem.forbiddenSuccessions ?? []).map((f) => `${f.from}>${f.to}`));
  if (!pairs.size || problem.successionExempt?.includes(staffId)) return null;
  const kinds = patternKinds(week, patterns);
  return (a, b) => b.day === a.day + 1 && pairs.has(`${kinds[a.id]}>${kinds[b.id]}`);
}
