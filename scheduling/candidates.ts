import type { Problem, StaffMember } from './types';
import { clockMinutes, dayIndexOf, localMinute, toIso, toMinute, type Week } from './week';
import { fairnessFacts } from './fairness';

/** One shift a person could work: a day, a start on the interval grid and a length. */
export interface Pattern {
  id: number;
  day: number;
  /** Minutes from week start. */
  start: number;
  end: number;
  /** Paid minutes: length minus the lunch break. */
  workedMinutes: number;
  /** Allowed lunch starts (minutes from week start); [] when breakMinutes is 0. */
  breakStarts: number[];
  /** Fairness kinds (fairness.ts, the same counts as the ledger). */
  evening: boolean;
  night: boolean;
  weekend: boolean;
  holiday: boolean;
  nightMinutes: number;
  /** Made for a locked shift that is not on the templates' grid. */
  custom: boolean;
}

export interface PersonPlan {
  index: number;
  member: StaffMember;
  /** The person's skills among this week's channels (indices into week.channels). */
  skills: number[];
  /** Shifts the person may work, as pattern ids. */
  allowed: number[];
  /** Pattern ids the coordinator locked (exactly these are worked). */
  locked: number[];
  unavailable: Array<[number, number]>;
  previous: Array<[number, number]>;
  /** Day indices last week's shifts touched (negative = before the week; 0.. = spilling in). */
  previousWorkedDays: number[];
  minMinutes: number;
  maxMinutes: number;
}

const NIGHT_START = 22 * 60;
const NIGHT_END = 6 * 60;

/** Every template × grid start inside opening hours, per day of the week. */
export function buildPatterns(problem: Problem, week: Week): Pattern[] {
  const r = problem.rules;
  const out: Pattern[] = [];
  const first = clockMinutes(r.earliestStart);
  const last = clockMinutes(r.latestEnd);
  for (let d = 0; d < 7; d++) {
    // Opening hours are local wall-clock times; shift lengths are real durations. On a
    // daylight-saving change day the window is 1 h longer or shorter in real time.
    const open = localMinute(week, d, first);
    const close = localMinute(week, d, last);
    const firstStart = Math.ceil(open / week.step) * week.step;
    for (const hours of r.shiftLengthsHours) {
      const len = Math.round(hours * 60);
      for (let start = firstStart; start + len <= close; start += week.step) {
        const p = makePattern(problem, week, out.length, d, start, start + len, false);
        if (p.nightMinutes <= r.maxNightHoursPerShift * 60) out.push(p);
      }
    }
  }
  return out;
}

export function makePattern(problem: Problem, week: Week, id: number, day: number, start: number, end: number, custom: boolean): Pattern {
  const r = problem.rules;
  const holidays = new Set(problem.holidays ?? []);
  const facts = fairnessFacts(
    { start: toIso(week, start), end: toIso(week, end) },
    { zone: week.zone, eveningAfter: r.eveningAfter, holidays },
  );
  return {
    id,
    day,
    start,
    end,
    custom,
    workedMinutes: end - start - r.breakMinutes,
    breakStarts: breakStarts(problem, week.step, start, end),
    ...facts,
    nightMinutes: nightMinutesOf(week, day, start, end),
  };
}

/**
 * Real minutes of [start, end) between 22:00 and 06:00 local time (day = the start's local
 * day): night boundaries are wall-clock times, so a DST night is 7 or 9 hours long.
 */
export function nightMinutesOf(week: Week, day: number, start: number, end: number): number {
  let total = 0;
  for (let k = -1; k <= 1; k++) {
    const ns = localMinute(week, day, k * 1440 + NIGHT_START);
    const ne = localMinute(week, day, (k + 1) * 1440 + NIGHT_END);
    total += Math.max(0, Math.min(end, ne) - Math.max(start, ns));
  }
  return total;
}

/** Lunch starts on the grid, leaving breakMinOffsetMinutes before and breakMinTailMinutes after. */
function breakStarts(problem: Problem, step: number, start: number, end: number): number[] {
  const { breakMinutes, breakMinOffsetMinutes, breakMinTailMinutes } = problem.rules;
  if (breakMinutes <= 0) return [];
  const grid = (lo: number, hi: number) => {
    const out: number[] = [];
    for (let b = start + Math.ceil((lo - start) / step) * step; b <= hi; b += step) out.push(b);
    return out;
  };
  const preferred = grid(start + breakMinOffsetMinutes, end - breakMinTailMinutes - breakMinutes);
  // Short (part-time) shifts cannot keep both margins: any grid position inside the shift.
  return preferred.length ? preferred : grid(start, end - breakMinutes);
}

/** Minutes of [a, b) (minutes after local midnight, b may pass 24:00) inside 22:00-06:00. */
export function nightMinutes(a: number, b: number): number {
  let total = 0;
  for (let day = -1440; day <= 1440; day += 1440) {
    const ns = day + NIGHT_START;
    const ne = day + 1440 + NIGHT_END;
    total += Math.max(0, Math.min(b, ne) - Math.max(a, ns));
  }
  return total;
}

export function buildPersonPlans(problem: Problem, week: Week, patterns: Pattern[]): PersonPlan[] {
  const prevBy = new Map<string, Array<[number, number]>>();
  for (const s of problem.previousShifts) {
    const list = prevBy.get(s.staffId) ?? [];
    list.push([toMinute(week, s.start), toMinute(week, s.end)]);
    prevBy.set(s.staffId, list);
  }
  return problem.staff.map((member, index) => {
    const previous = prevBy.get(member.id) ?? [];
    const unavailable = member.unavailable.map((u) => [toMinute(week, u.start), toMinute(week, u.end)] as [number, number]);
    const locked = lockedPatterns(problem, week, patterns, member);
    const allowed = patterns.filter((p) => !p.custom && fits(problem, p, unavailable, previous)).map((p) => p.id);
    for (const id of locked) if (!allowed.includes(id)) allowed.push(id);
    const tol = problem.rules.contractToleranceHours * 60;
    const contract = member.contractHoursPerWeek * 60;
    const cap = member.overtimeAllowed ? Infinity : problem.rules.maxHoursPerWeek * 60;
    return {
      index,
      member,
      previous,
      unavailable,
      allowed,
      locked,
      skills: member.skills.map((s) => week.channels.indexOf(s)).filter((c) => c >= 0),
      previousWorkedDays: workedDaysBefore(week, previous),
      minMinutes: Math.max(0, contract - tol),
      maxMinutes: Math.min(contract + tol, cap),
    };
  });
}

function fits(problem: Problem, p: Pattern, unavailable: Array<[number, number]>, previous: Array<[number, number]>): boolean {
  if (unavailable.some(([a, b]) => p.start < b && p.end > a)) return false;
  const rest = problem.rules.minRestHours * 60;
  return previous.every(([a, b]) => p.start >= b + rest || p.end + rest <= a);
}

/** Locked shifts become patterns (new custom ones when off the template grid). */
function lockedPatterns(problem: Problem, week: Week, patterns: Pattern[], member: StaffMember): number[] {
  return (member.locked ?? []).map((l) => {
    const start = toMinute(week, l.start);
    const end = toMinute(week, l.end);
    const hit = patterns.find((p) => p.start === start && p.end === end);
    if (hit) return hit.id;
    const p = makePattern(problem, week, patterns.length, Math.max(0, Math.min(6, dayIndexOf(week, start))), start, end, true);
    patterns.push(p);
    return p.id;
  });
}

function workedDaysBefore(week: Week, previous: Array<[number, number]>): number[] {
  const days = new Set<number>();
  for (const [a, b] of previous) {
    for (let d = dayIndexOf(week, a); d <= dayIndexOf(week, b - 1); d++) if (d < 7) days.add(d);
  }
  return [...days].sort((x, y) => x - y);
}
