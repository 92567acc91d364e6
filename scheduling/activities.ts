import type { Problem, Shift } from './types';
import { coverageOf } from './coverage';
import { toIso, toMinute, type Week } from './week';

/**
 * People with skills other than exactly voice+chat (e.g. chat+email) cannot be published as
 * "both": they get one channel per interval ("activities"). Greedy per interval: after the
 * single-channel and voice+chat people are counted, each such person takes the channel with
 * the largest deficit left among their skills. Not optimal in general, exact when one such
 * group serves channels nobody else flexes on.
 */
export function assignActivities(problem: Problem, week: Week, shifts: Shift[]): Shift[] {
  const open = shifts.filter((s) => s.channel === undefined);
  if (!open.length) return shifts;
  const base = coverageOf(problem, shifts.filter((s) => s.channel !== undefined), week);
  const C = week.channels.length;
  const deficit = Array.from({ length: week.intervals }, (_, t) =>
    Array.from({ length: C }, (_, c) => base.rows[t * C + c].shortfall));
  const skillsOf = new Map(problem.staff.map((s) => [s.id, s.skills]));
  for (const sh of open) {
    const skills = (skillsOf.get(sh.staffId) ?? []).map((k) => week.channels.indexOf(k)).filter((c) => c >= 0);
    const s = toMinute(week, sh.start);
    const e = toMinute(week, sh.end);
    const onBreak = (t: number) => sh.breaks.some((b) => toMinute(week, b.start) <= t * week.step && toMinute(week, b.end) >= (t + 1) * week.step);
    const pieces: Array<{ a: number; b: number; c: number }> = [];
    for (let t = Math.floor(s / week.step); t * week.step < e; t++) {
      let c = skills[0];
      for (const k of skills) if (deficit[t]?.[k] > deficit[t]?.[c]) c = k;
      if (!onBreak(t) && deficit[t]) deficit[t][c] = Math.max(0, deficit[t][c] - 1);
      const a = Math.max(s, t * week.step);
      const b = Math.min(e, (t + 1) * week.step);
      const last = pieces[pieces.length - 1];
      if (last && last.c === c && last.b === a) last.b = b;
      else pieces.push({ a, b, c });
    }
    sh.activities = pieces.map((p) => ({ start: toIso(week, p.a), end: toIso(week, p.b), channel: week.channels[p.c] }));
  }
  return shifts;
}
