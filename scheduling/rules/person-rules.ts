import type { StaffMember, Violation } from '../types';
import { dayIndexOf, toMinute } from '../week';
import { hours, violation, type RuleContext, type TimedShift } from './rule-context';

/** Rules about one person's week. `shifts` are that person's shifts, sorted by start. */
export type PersonRule = (ctx: RuleContext, member: StaffMember, shifts: TimedShift[]) => Violation[];

const EPS = 1e-6;

export function workedMinutes(ctx: RuleContext, shifts: TimedShift[]): number {
  return shifts.reduce((t, s) => t + (s.end - s.start) - ctx.problem.rules.breakMinutes, 0);
}

export const atMostOneShiftPerDay: PersonRule = (ctx, member, shifts) => {
  const seen = new Set<number>();
  const out: Violation[] = [];
  for (const s of shifts) {
    if (seen.has(s.day)) out.push(violation(ctx, 'oneShiftPerDay', member.id, s.start));
    seen.add(s.day);
  }
  return out;
};

export const workedHoursMatchTheContract: PersonRule = (ctx, member, shifts) => {
  const worked = workedMinutes(ctx, shifts) / 60;
  const tol = ctx.problem.rules.contractToleranceHours;
  return Math.abs(worked - member.contractHoursPerWeek) > tol + EPS
    ? [
        violation(ctx, 'contractHours', member.id, null, {
          workedHours: hours(worked * 60),
          contractHours: member.contractHoursPerWeek,
          toleranceHours: tol,
        }),
      ]
    : [];
};

export const noMoreThanTheWeeklyMaximum: PersonRule = (ctx, member, shifts) => {
  const worked = workedMinutes(ctx, shifts) / 60;
  const max = ctx.problem.rules.maxHoursPerWeek;
  return worked > max + EPS && !member.overtimeAllowed
    ? [violation(ctx, 'maxHours', member.id, null, { workedHours: hours(worked * 60), maxHours: max })]
    : [];
};

/** Also across the week boundary, against last week's shifts (previousShifts). */
export const atLeastTwelveHoursBetweenShifts: PersonRule = (ctx, member, shifts) => {
  const rest = ctx.problem.rules.minRestHours * 60;
  const all = [...(ctx.previous.get(member.id) ?? []), ...shifts.map((s) => [s.start, s.end] as [number, number])].sort(
    (a, b) => a[0] - b[0],
  );
  const out: Violation[] = [];
  for (let i = 1; i < all.length; i++) {
    const gap = all[i][0] - all[i - 1][1];
    if (gap < 0) out.push(violation(ctx, 'overlap', member.id, all[i][0]));
    else if (gap < rest - EPS)
      out.push(violation(ctx, 'rest', member.id, all[i][0], { restHours: hours(gap), needHours: ctx.problem.rules.minRestHours }));
  }
  return out;
};

function workedDays(ctx: RuleContext, member: StaffMember, shifts: TimedShift[]): Set<number> {
  const days = new Set<number>();
  const spans = [...(ctx.previous.get(member.id) ?? []), ...shifts.map((s) => [s.start, s.end] as [number, number])];
  for (const [a, b] of spans) for (let d = dayIndexOf(ctx.week, a); d <= dayIndexOf(ctx.week, b - 1); d++) days.add(d);
  return days;
}

export const enoughFullDaysOff: PersonRule = (ctx, member, shifts) => {
  const worked = [...workedDays(ctx, member, shifts)].filter((d) => d >= 0 && d < 7).length;
  const need = ctx.problem.rules.daysOffPerWeek;
  return 7 - worked < need ? [violation(ctx, 'daysOff', member.id, null, { daysOff: 7 - worked, needDays: need })] : [];
};

/** Counting last week's worked days (previousShifts). */
export const noMoreThanMaxConsecutiveDays: PersonRule = (ctx, member, shifts) => {
  const days = [...workedDays(ctx, member, shifts)].sort((a, b) => a - b);
  const max = ctx.problem.rules.maxConsecutiveDays;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i - 1] === days[i] - 1 ? run + 1 : 1;
    if (run > max && days[i] >= 0)
      return [violation(ctx, 'consecutiveDays', member.id, ctx.week.dayStart[Math.min(days[i], 7)], { days: run, maxDays: max })];
  }
  return [];
};

export const lockedShiftsStayAsTheyAre: PersonRule = (ctx, member, shifts) =>
  (member.locked ?? [])
    .filter((l) => !shifts.some((s) => s.start === toMinute(ctx.week, l.start) && s.end === toMinute(ctx.week, l.end)))
    .map((l) => violation(ctx, 'locked', member.id, toMinute(ctx.week, l.start), { start: l.start, end: l.end }));

export const PERSON_RULES: PersonRule[] = [
  atMostOneShiftPerDay,
  workedHoursMatchTheContract,
  noMoreThanTheWeeklyMaximum,
  atLeastTwelveHoursBetweenShifts,
  enoughFullDaysOff,
  noMoreThanMaxConsecutiveDays,
  lockedShiftsStayAsTheyAre,
];
