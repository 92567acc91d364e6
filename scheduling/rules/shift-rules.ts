import type { Violation } from '../types';
import { clockMinutes, localMinute } from '../week';
import { nightMinutesOf } from '../candidates';
import { hours, violation, type RuleContext, type TimedShift } from './rule-context';

/**
 * Rules about one shift on its own. Each is named as the sentence it enforces and returns
 * the violations it finds (empty when kept). `rule` codes match rota_check.py's names.
 */
export type ShiftRule = (ctx: RuleContext, s: TimedShift) => Violation[];

const EPS = 1e-6;
const who = (s: TimedShift) => s.shift.staffId;

export const everyShiftHasATemplateLength: ShiftRule = (ctx, s) => {
  const ok = ctx.problem.rules.shiftLengthsHours.some((h) => Math.abs(h * 60 - (s.end - s.start)) < EPS);
  return ok
    ? []
    : [
        violation(ctx, 'shiftLength', who(s), s.start, {
          lengthHours: hours(s.end - s.start),
          allowedHours: [...ctx.problem.rules.shiftLengthsHours],
        }),
      ];
};

export const shiftsStayInsideOpeningHours: ShiftRule = (ctx, s) => {
  const r = ctx.problem.rules;
  // Wall-clock times of the start's day (not midnight + minutes: DST days are 23 or 25 h).
  const day = Math.max(0, Math.min(6, s.day));
  const out: Violation[] = [];
  if (s.start < localMinute(ctx.week, day, clockMinutes(r.earliestStart)) - EPS)
    out.push(violation(ctx, 'window', who(s), s.start, { earliest: r.earliestStart }, 'startsBefore'));
  if (s.end > localMinute(ctx.week, day, clockMinutes(r.latestEnd)) + EPS)
    out.push(violation(ctx, 'window', who(s), s.start, { latest: r.latestEnd }, 'endsAfter'));
  return out;
};

export const shiftsStartInsideTheWeek: ShiftRule = (ctx, s) => (s.day >= 0 && s.day < 7 ? [] : [violation(ctx, 'week', who(s), s.start)]);

export const shiftsStartAndEndOnTheIntervalGrid: ShiftRule = (ctx, s) => {
  const off = (m: number) => Math.abs(m / ctx.week.step - Math.round(m / ctx.week.step)) > EPS;
  return off(s.start) || off(s.end) ? [violation(ctx, 'grid', who(s), s.start, { stepMinutes: ctx.week.step })] : [];
};

export const noShiftDuringUnavailability: ShiftRule = (ctx, s) => {
  const member = ctx.staff.get(who(s));
  return (member?.unavailable ?? [])
    .filter((u) => Date.parse(s.shift.start) < Date.parse(u.end) && Date.parse(s.shift.end) > Date.parse(u.start))
    .map((u) => violation(ctx, 'unavailable', who(s), s.start, { from: u.start, to: u.end }));
};

export const onlySkilledChannelsAreWorked: ShiftRule = (ctx, s) => {
  const skills = new Set(ctx.staff.get(who(s))?.skills ?? []);
  const worked = s.shift.activities?.length ? s.shift.activities.map((a) => a.channel) : [s.shift.channel ?? ''];
  const needed = worked.flatMap((c) => (c === 'both' ? ['voice', 'chat'] : [c]));
  return [...new Set(needed)].filter((c) => !skills.has(c)).map((c) => violation(ctx, 'skill', who(s), s.start, { channel: c }));
};

export const breaksAreInsideTheShiftAndLongEnough: ShiftRule = (ctx, s) => {
  const out: Violation[] = [];
  const list = [...s.breaks].sort((a, b) => a[0] - b[0]);
  for (const [a, b] of list)
    if (a < s.start - EPS || b > s.end + EPS || b <= a) out.push(violation(ctx, 'break', who(s), s.start, {}, 'breakOutside'));
  for (let i = 1; i < list.length; i++)
    if (list[i][0] < list[i - 1][1] - EPS) out.push(violation(ctx, 'break', who(s), s.start, {}, 'breaksOverlap'));
  const total = list.reduce((t, [a, b]) => t + Math.max(0, Math.min(b, s.end) - Math.max(a, s.start)), 0);
  if (total < ctx.problem.rules.breakMinutes - EPS)
    out.push(
      violation(ctx, 'break', who(s), s.start, { totalMinutes: total, needMinutes: ctx.problem.rules.breakMinutes }, 'breakTooShort'),
    );
  return out;
};

export const nightHoursStayWithinTheLimit: ShiftRule = (ctx, s) => {
  const night = nightMinutesOf(ctx.week, Math.max(0, Math.min(6, s.day)), s.start, s.end);
  const max = ctx.problem.rules.maxNightHoursPerShift * 60;
  return night > max + EPS ? [violation(ctx, 'nightHours', who(s), s.start, { nightHours: hours(night), maxHours: hours(max) })] : [];
};

export const staffIdIsKnown: ShiftRule = (ctx, s) =>
  ctx.staff.has(who(s)) ? [] : [violation(ctx, 'unknownStaff', who(s), s.start, { staffId: who(s) })];

export const SHIFT_RULES: ShiftRule[] = [
  everyShiftHasATemplateLength,
  shiftsStayInsideOpeningHours,
  shiftsStartInsideTheWeek,
  shiftsStartAndEndOnTheIntervalGrid,
  noShiftDuringUnavailability,
  onlySkilledChannelsAreWorked,
  breaksAreInsideTheShiftAndLongEnough,
  nightHoursStayWithinTheLimit,
];
