import type { Problem, Shift, Violation } from '../types';
import { makeContext, timed, type TimedShift } from './rule-context';
import { SHIFT_RULES, staffIdIsKnown } from './shift-rules';
import { PERSON_RULES } from './person-rules';

/**
 * Every hard-rule violation in a rota, independently of the solver (the page re-checks a
 * hand edit with this). Empty means the rota keeps every rule.
 */
export function checkRota(problem: Problem, shifts: Shift[]): Violation[] {
  const ctx = makeContext(problem);
  const list = shifts.map((s, i) => timed(ctx, s, i));
  const out: Violation[] = [];
  for (const s of list) {
    const unknown = staffIdIsKnown(ctx, s);
    out.push(...unknown);
    if (!unknown.length) for (const rule of SHIFT_RULES) out.push(...rule(ctx, s));
  }
  const byPerson = new Map<string, TimedShift[]>();
  for (const s of list) (byPerson.get(s.shift.staffId) ?? byPerson.set(s.shift.staffId, []).get(s.shift.staffId)!).push(s);
  for (const member of problem.staff) {
    const mine = (byPerson.get(member.id) ?? []).sort((a, b) => a.start - b.start);
    for (const rule of PERSON_RULES) out.push(...rule(ctx, member, mine));
  }
  return out;
}
