import type { OffQueueKind, Problem, Shift, OffQueuePeriod } from './types';
import type { Pattern, PersonPlan } from './candidates';
import type { Assignment } from './extract';
import { buildGroups, dutyFraction, type SkillGroup } from './model/rota-model';
import { offQueueStepsNeeded, queueShareOf } from './model/off-queue-rows';
import { maxFlow } from './activities';
import { toIso, toMinute, type Week } from './week';

/**
 * Gives every shift of a person with a queue share below 1 its off-queue steps, where they
 * cost the least coverage given everyone else (the MIP places its own; this serves the greedy
 * rota, neighbourhood search and hand-made lists). For one person the steps' costs do not
 * depend on each other, so taking the cheapest is that person's best placement.
 */
export function placeOffQueue(problem: Problem, week: Week, patterns: Pattern[], people: PersonPlan[], list: Assignment[]): Assignment[] {
  const open = (a: Assignment) => a.offQueue === undefined && queueShareOf(people[a.person]) < 1;
  if (!list.some(open)) return list;
  const { groups, groupOf, duty } = groupDuty(problem, week, patterns, people, list);
  const dutyAt = (a: Assignment, t: number) => dutyFraction(week, patterns[a.pattern], a.breakStart, problem.rules.breakMinutes, t);
  return list.map((a) => {
    if (!open(a)) return a;
    const g = groupOf[a.person];
    const planned = new Set(plannedSteps(a));
    // Time in planned activities (a meeting, training) is off the queue already.
    const need = offQueueStepsNeeded(queueShareOf(people[a.person]), patterns[a.pattern].workedMinutes, week.step) - planned.size;
    const cost = (t: number) => {
      const before = stepShortfall(week, groups, duty, t);
      duty[g][t] -= 1;
      const after = stepShortfall(week, groups, duty, t);
      duty[g][t] += 1;
      return after - before;
    };
    const chosen = stepsOf(week, patterns[a.pattern])
      .filter((t) => dutyAt(a, t) > 1 - 1e-9 && !planned.has(t))
      .map((t) => ({ t, c: cost(t) }))
      .sort((x, y) => x.c - y.c || x.t - y.t)
      .slice(0, Math.max(0, need))
      .map((x) => x.t)
      .sort((x, y) => x - y);
    for (const t of chosen) duty[g][t] -= 1;
    return { ...a, offQueue: chosen };
  });
}

/** Steps of the assignment inside planned activities. */
export function plannedSteps(a: Assignment): number[] {
  return (a.planned ?? []).flatMap((p) => p.steps);
}

/**
 * On-duty people per skill group and coverage step (fractions), with every step already off
 * the queue (off-queue time, planned activities) taken out.
 */
export function groupDuty(
  problem: Problem,
  week: Week,
  patterns: Pattern[],
  people: PersonPlan[],
  list: Assignment[],
): { groups: SkillGroup[]; groupOf: number[]; duty: Float64Array[] } {
  const { groups, groupOf } = buildGroups(people);
  const duty = groups.map(() => new Float64Array(week.intervals));
  for (const a of list) {
    const pat = patterns[a.pattern];
    for (const t of stepsOf(week, pat)) duty[groupOf[a.person]][t] += dutyFraction(week, pat, a.breakStart, problem.rules.breakMinutes, t);
    for (const t of new Set([...(a.offQueue ?? []), ...plannedSteps(a)])) duty[groupOf[a.person]][t] -= 1;
  }
  return { groups, groupOf, duty };
}

export function stepsOf(week: Week, pat: Pattern): number[] {
  const out: number[] = [];
  for (let t = Math.floor(pat.start / week.step); t * week.step < pat.end && t < week.intervals; t++) out.push(t);
  return out;
}

/** Shortfall (people) of step t with the groups' on-duty counts; multi-skilled groups split by max-flow. */
export function stepShortfall(week: Week, groups: SkillGroup[], duty: Float64Array[], t: number): number {
  const deficit = week.channels.map((_, c) => week.required[c][t]);
  const people: number[] = [];
  const skills: number[][] = [];
  groups.forEach((g, gi) => {
    const d = duty[gi][t];
    if (d <= 1e-9 || !g.skills.length) return;
    if (g.skills.length === 1) deficit[g.skills[0]] -= d;
    else {
      people.push(d);
      skills.push(g.skills);
    }
  });
  const open = deficit.map((v) => Math.max(0, v));
  const flow = maxFlow(people, skills, open);
  return open.reduce((s, v) => s + v, 0) - flow.flat().reduce((s, v) => s + v, 0);
}

/** Coverage-grid steps as off-queue stretches (consecutive steps merged). */
export function offQueuePeriods(week: Week, steps: number[], kind: OffQueueKind = 'offQueue'): OffQueuePeriod[] {
  const out: OffQueuePeriod[] = [];
  for (const t of [...steps].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.end === toIso(week, t * week.step)) last.end = toIso(week, (t + 1) * week.step);
    else out.push({ start: toIso(week, t * week.step), end: toIso(week, (t + 1) * week.step), kind });
  }
  return out;
}

/**
 * The shift's channel stretches (`activities`) without its off-queue time: the published
 * shape that rota_check.py and coverage.ts count (only inside activities).
 */
export function withoutOffQueue(week: Week, shift: Shift): Shift {
  if (!shift.offQueue?.length) return shift;
  const base = shift.activities?.length
    ? shift.activities.map((a) => ({ a: toMinute(week, a.start), b: toMinute(week, a.end), channel: a.channel }))
    : [{ a: toMinute(week, shift.start), b: toMinute(week, shift.end), channel: shift.channel ?? '' }];
  let pieces = base;
  for (const off of shift.offQueue) {
    const oa = toMinute(week, off.start);
    const ob = toMinute(week, off.end);
    pieces = pieces.flatMap((p) =>
      ob <= p.a || oa >= p.b ? [p] : [...(oa > p.a ? [{ ...p, b: oa }] : []), ...(ob < p.b ? [{ ...p, a: ob }] : [])],
    );
  }
  return { ...shift, activities: pieces.map((p) => ({ start: toIso(week, p.a), end: toIso(week, p.b), channel: p.channel })) };
}
