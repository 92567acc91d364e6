import type { Explanation, Problem } from './types';
import type { Pattern, PersonPlan } from './candidates';
import { prepare } from './prepare';
import { weekdayOf, type Week } from './week';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Why no rota can keep the hard rules, in words, per person. People only interact through
 * coverage, which is a soft goal, so the week is infeasible exactly when some person's own
 * rules cannot all be kept; each person is checked exactly by a small search over their days.
 * Returns [] when every person can be rostered.
 */
export function explainInfeasibility(problem: Problem): Explanation[] {
  const { week, patterns, people } = prepare(problem);
  return people.flatMap((p) => explainPerson(problem, week, patterns, p));
}

export function explainPerson(problem: Problem, week: Week, patterns: Pattern[], p: PersonPlan): Explanation[] {
  const r = problem.rules;
  const name = p.member.name || p.member.id;
  const contract = p.member.contractHoursPerWeek;
  const out: Explanation[] = [];
  const say = (key: string, params: Record<string, string | number>, text: string) => out.push({ key, params: { name, ...params }, text });
  if (p.minMinutes > p.maxMinutes) {
    say(
      'rota.infeasible.contractAboveMaximum',
      { contract, max: r.maxHoursPerWeek },
      `${name} has ${contract} contracted hours, more than the ${r.maxHoursPerWeek}-hour weekly maximum (no overtime allowed)`,
    );
    return out;
  }
  const days = [...new Set(p.allowed.map((id) => patterns[id].day))].sort((a, b) => a - b);
  const maxDays = Math.min(days.length, 7 - r.daysOffPerWeek - p.previousWorkedDays.filter((d) => d >= 0).length);
  const longest = Math.max(0, ...p.allowed.map((id) => patterns[id].workedMinutes));
  if (maxDays * longest < p.minMinutes) {
    const blocked = [0, 1, 2, 3, 4, 5, 6].filter((d) => !days.includes(d));
    const dayList = describeDays(week, blocked);
    say(
      'rota.infeasible.notEnoughDays',
      { contract, days: maxDays, blocked: dayList },
      `${name} has ${contract} contracted hours but can work at most ${maxDays} day(s) of at most ${longest / 60} h` +
        (blocked.length
          ? ` (time off, unavailability or rest after last week block ${dayList})`
          : ` (${r.daysOffPerWeek} days off a week)`),
    );
    return out;
  }
  if (!bestWeek(problem, patterns, p)) {
    say(
      'rota.infeasible.noWeekFits',
      { contract },
      `${name}: no set of shifts reaches ${contract} ± ${r.contractToleranceHours} h while keeping ${r.minRestHours} h rest, ` +
        `${r.daysOffPerWeek} days off, at most ${r.maxConsecutiveDays} days in a row (counting last week) and the locked shifts`,
    );
  }
  return out;
}

function describeDays(week: Week, days: number[]): string {
  return days.map((d) => DAY_NAMES[weekdayOf(week, d) - 1]).join(', ');
}

/**
 * Depth-first search over the person's days (none, or one allowed shift a day) checking
 * hours, rest, days off, consecutive days and locked shifts: exact, and tiny per person
 * (at most ~30 options a day, pruned by hours).
 */
export function bestWeek(problem: Problem, patterns: Pattern[], p: PersonPlan): number[] | null {
  const r = problem.rules;
  const byDay: number[][] = Array.from({ length: 7 }, () => []);
  for (const id of p.allowed) byDay[patterns[id].day].push(id);
  for (const ids of byDay) ids.sort((a, b) => patterns[b].workedMinutes - patterns[a].workedMinutes);
  const lockedDay = new Map(p.locked.map((id) => [patterns[id].day, id]));
  const fixed = new Set(p.previousWorkedDays);
  const maxWorked = 7 - r.daysOffPerWeek - [...fixed].filter((d) => d >= 0).length;
  const longest = Math.max(0, ...p.allowed.map((id) => patterns[id].workedMinutes));
  const chosen: number[] = [];
  let run = 0;
  for (let d = -1; fixed.has(d); d--) run++;
  let budget = 200000;
  const go = (d: number, minutes: number, worked: number, run: number, lastEnd: number): boolean => {
    if (--budget < 0) return true; // give up proving: assume feasible rather than block the solve
    if (minutes > p.maxMinutes) return false;
    if (minutes + (7 - d) * longest < p.minMinutes) return false;
    if (d === 7) return minutes >= p.minMinutes;
    const options = lockedDay.has(d) ? [lockedDay.get(d)!] : [...byDay[d], -1];
    for (const id of options) {
      if (id < 0) {
        if (go(d + 1, minutes, worked, fixed.has(d) ? run + 1 : 0, lastEnd)) return true;
        continue;
      }
      const pat = patterns[id];
      if (worked + 1 > maxWorked || run + 1 > r.maxConsecutiveDays) continue;
      if (pat.start < lastEnd + r.minRestHours * 60) continue;
      chosen.push(id);
      if (go(d + 1, minutes + pat.workedMinutes, worked + 1, run + 1, pat.end)) return true;
      chosen.pop();
    }
    return false;
  };
  const lastPrev = Math.max(-Infinity, ...p.previous.map(([, b]) => b));
  return go(0, 0, 0, run, lastPrev) ? [...chosen] : null;
}
