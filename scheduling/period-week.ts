/**
 * A week of a planning period as the weekly optimiser's problem: the period rules that the
 * weeks before it already constrain become this week's hard rules, so a period generated week
 * by week keeps them on the whole (checkPeriod checks the result). Pure; times in the zone.
 *
 * - weekends per four weeks: a person who has worked `max` weekends in the three weeks before
 *   (inside the period) is unavailable this Saturday and Sunday;
 * - late and night shifts: once fewer are left than days a person can work, lates (nights)
 *   are allowed only on that many days, those with the most requirement in the evening
 *   (night); a late is barred by unavailability from `eveningAfter` to midnight, a night by
 *   00:00-06:00 and after midnight (the kinds of fairness.ts);
 * - runs of working days: the weekly rule with last week's shifts (`previousShifts`: the
 *   period's week before, not yet published) at the stricter of the two maxima;
 * - forbidden successions across the week boundary: Monday's early (late, night) is barred
 *   after a late (…) on Sunday. Within the week, forbiddenSuccessions go to the model.
 *
 * - fairness: the period's weekends and evenings so far join each person's fairness history.
 *
 * A person left with no valid week by these bars (time off on the days that remain) keeps the
 * week's own rules; checkPeriod reports what that breaks.
 */
import { DateTime } from 'luxon';
import type { Period, PeriodRules, PreviousShift, Problem, ShiftKind, StaffMember } from './types';
import { shiftKind, type FairnessCalendar } from './fairness';
import { perPeriodLimit } from './rules/period-rules';
import { prepare } from './prepare';
import { bestPersonWeek } from './heuristic/person-week';

export interface PeriodWeekContext {
  rules: PeriodRules;
  weeks: number;
  /** 0 = the period's first week. */
  weekIndex: number;
  /** Shifts of the period's earlier weeks (all people). */
  earlier: PreviousShift[];
}

const EARLY_BEFORE = '10:00';

export function periodWeekProblem(problem: Problem, ctx: PeriodWeekContext): Problem {
  const zone = problem.timeZone;
  const monday = DateTime.fromISO(problem.weekStart, { zone });
  const cal: FairnessCalendar = { zone, eveningAfter: problem.rules.eveningAfter, holidays: new Set() };
  const periodStart = monday.minus({ weeks: ctx.weekIndex });
  const weekOf = (iso: string) => Math.floor(DateTime.fromISO(iso, { zone }).setZone(zone).diff(periodStart, 'days').days / 7);
  const dayAt = (d: number, hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return monday.plus({ days: d }).set({ hour: h, minute: m }).toISO({ suppressMilliseconds: true })!;
  };
  const midnight = (d: number) => monday.plus({ days: d }).toISO({ suppressMilliseconds: true })!;
  const lastWeek = ctx.weekIndex > 0 ? ctx.earlier.filter((s) => weekOf(s.start) === ctx.weekIndex - 1) : problem.previousShifts;
  const workDays = 7 - problem.rules.daysOffPerWeek;
  const lateDays = daysByEveningNeed(problem, monday);
  // The period so far joins the fairness history (above the team's mean), so the optimiser
  // spreads weekends and evenings over the period's people before the caps have to bite.
  const counts = new Map(problem.staff.map((m) => [m.id, { weekends: 0, evenings: 0 }]));
  for (const s of ctx.earlier) {
    const c = counts.get(s.staffId);
    if (!c) continue;
    if (DateTime.fromISO(s.start, { zone }).setZone(zone).weekday >= 6) c.weekends++;
    if (shiftKind(s, cal) === 'late') c.evenings++;
  }
  const mean = (k: 'weekends' | 'evenings') => [...counts.values()].reduce((t, c) => t + c[k], 0) / Math.max(1, counts.size);
  const [meanWeekends, meanEvenings] = [mean('weekends'), mean('evenings')];
  const staff = problem.staff.map((m): StaffMember => {
    const mine = ctx.earlier.filter((s) => s.staffId === m.id);
    const extra: Period[] = [];
    // Weekends: the three weeks before this one (inside the period).
    const span = Math.min(4, ctx.weeks);
    const weekends = new Set(
      mine
        .filter((s) => DateTime.fromISO(s.start, { zone }).setZone(zone).weekday >= 6)
        .map((s) => weekOf(s.start))
        .filter((w) => w > ctx.weekIndex - span),
    ).size;
    if (weekends >= ctx.rules.maxWeekendsPer4Weeks) extra.push({ start: midnight(5), end: midnight(7) });
    // Late and night shifts left in the period.
    const kinds = mine.map((s) => shiftKind(s, cal));
    for (const kind of ['late', 'night'] as const) {
      const per4 = kind === 'late' ? ctx.rules.maxLateShiftsPer4Weeks : ctx.rules.maxNightShiftsPer4Weeks;
      const left = Math.max(0, perPeriodLimit(per4, ctx.weeks) - kinds.filter((k) => k === kind).length);
      if (left >= workDays) continue;
      const allowed = new Set((kind === 'late' ? lateDays : [0, 1, 2, 3, 4, 5, 6]).slice(0, left));
      for (let d = 0; d < 7; d++) if (!allowed.has(d)) extra.push(...barred(kind, d, dayAt, midnight, problem.rules.eveningAfter));
    }
    // Successions across the week boundary: Sunday's shift before this Monday.
    const sunday = [...lastWeek]
      .filter(
        (s) =>
          s.staffId === m.id &&
          DateTime.fromISO(s.start, { zone })
            .setZone(zone)
            .hasSame(monday.minus({ days: 1 }), 'day'),
      )
      .map((s) => shiftKind(s, cal))[0];
    if (sunday)
      for (const f of ctx.rules.forbiddenSuccessions)
        if (f.from === sunday) extra.push(...barred(f.to, 0, dayAt, midnight, problem.rules.eveningAfter));
    const c = counts.get(m.id)!;
    const history = ctx.earlier.length
      ? {
          ...m.history,
          weekends: (m.history?.weekends ?? 0) + c.weekends - meanWeekends,
          evenings: (m.history?.evenings ?? 0) + c.evenings - meanEvenings,
        }
      : m.history;
    return { ...m, unavailable: [...m.unavailable, ...extra], ...(history ? { history } : {}) };
  });
  const adjusted: Problem = {
    ...problem,
    staff,
    previousShifts: ctx.weekIndex > 0 ? lastWeek : problem.previousShifts,
    rules: { ...problem.rules, maxConsecutiveDays: Math.min(problem.rules.maxConsecutiveDays, ctx.rules.maxWorkRunDays) },
    forbiddenSuccessions: ctx.rules.forbiddenSuccessions.map((f) => ({ ...f })),
  };
  // A person whose week the period's bars leave without any valid week (time off on the days
  // left, or a run of working days from last week that the barred weekend cannot break) keeps
  // the week's own rules: the period check then reports the break, instead of the week failing.
  const prep = prepare(adjusted);
  const stuck = new Set(prep.people.filter((p) => !bestPersonWeek(adjusted, prep.patterns, p, () => 0)).map((p) => p.member.id));
  if (!stuck.size) return adjusted;
  return {
    ...adjusted,
    staff: adjusted.staff.map((m, i) => (stuck.has(m.id) ? problem.staff[i] : m)),
    successionExempt: [...stuck],
  };
}

/** Times a shift of `kind` would touch on day `d` (a day shift cannot be barred this way: none). */
function barred(
  kind: ShiftKind,
  d: number,
  dayAt: (d: number, hhmm: string) => string,
  midnight: (d: number) => string,
  eveningAfter: string,
): Period[] {
  if (kind === 'early') return [{ start: midnight(d), end: dayAt(d, EARLY_BEFORE) }];
  if (kind === 'late') return [{ start: dayAt(d, eveningAfter), end: midnight(d + 1) }];
  if (kind === 'night') return [{ start: midnight(d), end: dayAt(d, '06:00') }];
  return [];
}

/** Days of the week, most requirement after eveningAfter first (ties: earlier day first). */
function daysByEveningNeed(problem: Problem, monday: DateTime): number[] {
  const need = [0, 0, 0, 0, 0, 0, 0];
  const [h, m] = problem.rules.eveningAfter.split(':').map(Number);
  for (const r of problem.requirements) {
    const t = DateTime.fromISO(r.timestamp, { zone: problem.timeZone }).setZone(problem.timeZone);
    const d = Math.floor(t.startOf('day').diff(monday, 'days').days + 1e-9);
    if (d >= 0 && d < 7 && t.hour * 60 + t.minute >= h * 60 + m) need[d] += r.required;
  }
  return [0, 1, 2, 3, 4, 5, 6].sort((a, b) => need[b] - need[a] || a - b);
}
