import type { ActivityPlacement, PlannedActivity, Problem } from './types';
import type { Pattern, PersonPlan } from './candidates';
import type { Assignment } from './extract';
import { dutyFraction } from './model/rota-model';
import { groupDuty, plannedSteps, stepShortfall } from './off-queue';
import { toIso, toMinute, type Week } from './week';

/**
 * Places the week's off-queue activities into a rota, one after another (earliest window
 * first): each at the start inside its window where every attendee is on shift and not at
 * lunch for the whole length, choosing the one that adds the least shortfall (people already
 * off the queue cost nothing), then the quietest (least required), then the earliest. Shifts
 * are not moved for an activity, so no rule breaks for it; one that fits nowhere is reported
 * (`activityUnplaced`, or `activityNoAttendee` when an attendee has no shift in the window).
 */
export function placeActivities(
  problem: Problem,
  week: Week,
  patterns: Pattern[],
  people: PersonPlan[],
  list: Assignment[],
): { list: Assignment[]; placements: ActivityPlacement[] } {
  const activities = [...(problem.activities ?? [])].sort(
    (a, b) => toMinute(week, a.window.start) - toMinute(week, b.window.start) || a.id.localeCompare(b.id),
  );
  if (!activities.length) return { list, placements: [] };
  const out = list.map((a) => ({ ...a, planned: [...(a.planned ?? [])], offQueue: a.offQueue && [...a.offQueue] }));
  const { groups, groupOf, duty } = groupDuty(problem, week, patterns, people, out);
  const byId = new Map(people.map((p) => [p.member.id, p.index]));
  const placements = activities.map((act) => {
    const who = act.attendees.map((id) => byId.get(id));
    const none = { activityId: act.id, start: null, end: null, shortfallAgentHours: 0 };
    if (!who.length || who.some((i) => i === undefined)) return { ...none, code: 'activityNoAttendee' };
    const best = bestStart(problem, week, patterns, out, act, who as number[], (t, away) => {
      const before = stepShortfall(week, groups, duty, t);
      for (const i of away) duty[groupOf[i]][t] -= 1;
      const after = stepShortfall(week, groups, duty, t);
      for (const i of away) duty[groupOf[i]][t] += 1;
      return after - before;
    });
    if (!best)
      return { ...none, code: attendeesOnShift(week, patterns, out, act, who as number[]) ? 'activityUnplaced' : 'activityNoAttendee' };
    for (const a of best.shifts) {
      const off = new Set(a.offQueue ?? []);
      for (const t of best.steps) if (!off.has(t) && !plannedSteps(a).includes(t)) duty[groupOf[a.person]][t] -= 1;
      // Off-queue time the meeting falls on becomes the meeting (the person's share is kept).
      if (a.offQueue) a.offQueue = a.offQueue.filter((t) => !best.steps.includes(t));
      a.planned!.push({ activityId: act.id, kind: act.kind, steps: best.steps });
    }
    const start = best.steps[0] * week.step;
    return {
      activityId: act.id,
      start: toIso(week, start),
      end: toIso(week, start + act.minutes),
      shortfallAgentHours: Math.round(best.cost * (week.step / 60) * 1e4) / 1e4,
    };
  });
  return { list: out, placements };
}

interface Candidate {
  steps: number[];
  shifts: Assignment[];
  cost: number;
  quiet: number;
}

function bestStart(
  problem: Problem,
  week: Week,
  patterns: Pattern[],
  list: Assignment[],
  act: PlannedActivity,
  who: number[],
  costAt: (t: number, away: number[]) => number,
): Candidate | null {
  const len = Math.ceil(act.minutes / week.step);
  const from = Math.ceil(Math.max(0, toMinute(week, act.window.start)) / week.step);
  const until = Math.min(week.minutes, toMinute(week, act.window.end));
  let best: Candidate | null = null;
  for (let t0 = from; (t0 + len) * week.step <= until; t0++) {
    const steps = Array.from({ length: len }, (_, k) => t0 + k);
    const shifts = who.map((i) => list.find((a) => a.person === i && steps.every((t) => free(problem, week, patterns, a, t))));
    if (shifts.some((a) => !a)) continue;
    let cost = 0;
    for (const t of steps)
      cost += costAt(
        t,
        shifts.filter((a) => !a!.offQueue?.includes(t)).map((a) => a!.person),
      );
    const quiet = steps.reduce((s, t) => s + week.required.reduce((r, c) => r + c[t], 0), 0);
    if (!best || cost < best.cost - 1e-9 || (Math.abs(cost - best.cost) <= 1e-9 && quiet < best.quiet - 1e-9))
      best = { steps, shifts: shifts as Assignment[], cost, quiet };
  }
  return best;
}

/** On shift, not at lunch and not in another activity during step t. */
function free(problem: Problem, week: Week, patterns: Pattern[], a: Assignment, t: number): boolean {
  return dutyFraction(week, patterns[a.pattern], a.breakStart, problem.rules.breakMinutes, t) > 1 - 1e-9 && !plannedSteps(a).includes(t);
}

/** Does every attendee have a shift overlapping the window at all? */
function attendeesOnShift(week: Week, patterns: Pattern[], list: Assignment[], act: PlannedActivity, who: number[]): boolean {
  const a0 = toMinute(week, act.window.start);
  const b0 = toMinute(week, act.window.end);
  return who.every((i) => list.some((a) => a.person === i && patterns[a.pattern].start < b0 && patterns[a.pattern].end > a0));
}
