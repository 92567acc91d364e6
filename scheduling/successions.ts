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

/** `(a, b)` true when b the day after a is forbidden; null when the problem forbids nothing. */
export function successionConflict(problem: Problem, week: Week): ((a: Pattern, b: Pattern) => boolean) | null {
  const pairs = new Set((problem.forbiddenSuccessions ?? []).map((f) => `${f.from}>${f.to}`));
  if (!pairs.size) return null;
  return (a, b) => b.day === a.day + 1 && pairs.has(`${patternKind(week, a)}>${patternKind(week, b)}`);
}
