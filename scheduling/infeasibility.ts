import type { Explanation, Problem } from './types';
import type { Pattern, PersonPlan } from './candidates';
import { prepare } from './prepare';
import type { Week } from './week';

/**
 * Why no rota can keep the hard rules, as codes per person (the catalogue's
 * `rota.infeasible.<code>`). People only interact through coverage, which is a soft goal, so
 * the week is infeasible exactly when some person's own rules cannot all be kept; each person
 * is checked exactly by a small search over their days. Returns [] when every person can be
 * rostered.
 */
export function explainInfeasibility(problem: Problem): Explanation[] {
  const { week, patterns, people } = prepare(problem);
  return people.flatMap((p) => explainPerson(problem, week, patterns, p));
}

export function explainPerson(problem: Problem, week: Week, patterns: Pattern[], p: PersonPlan): Explanation[] {
  const r = problem.rules;
  const who = { staffId: p.member.id, name: p.member.name || p.member.id, contractHours: p.member.contractHoursPerWeek };
  if (p.minMinutes > p.maxMinutes) return [{ code: 'contractAboveMaximum', params: { ...who, maxHours: r.maxHoursPerWeek } }];
  const days = [...new Set(p.allowed.map((id) => patterns[id].day))].sort((a, b) => a - b);
  const maxDays = Math.min(days.length, 7 - r.daysOffPerWeek - p.previousWorkedDays.filter((d) => d >= 0).length);
  const longest = Math.max(0, ...p.allowed.map((id) => patterns[id].workedMinutes));
  if (maxDays * longest < p.minMinutes) {
    const blocked = [0, 1, 2, 3, 4, 5, 6].filter((d) => !days.includes(d));
    const reach = { ...who, maxDays, longestHours: longest / 60 };
    return blocked.length
      ? [{ code: 'notEnoughDays', params: { ...reach, blockedDates: blocked.map((d) => week.dates[d]) } }]
      : [{ code: 'notEnoughDaysOff', params: { ...reach, daysOff: r.daysOffPerWeek } }];
  }
  if (!bestWeek(problem, patterns, p)) {
    const rules = {
      toleranceHours: r.contractToleranceHours,
      restHours: r.minRestHours,
      daysOff: r.daysOffPerWeek,
      maxConsecutiveDays: r.maxConsecutiveDays,
    };
    return [{ code: 'noWeekFits', params: { ...who, ...rules } }];
  }
  return [];
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
