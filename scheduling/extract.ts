import type { Pattern, PersonPlan } from './candidates';
import type { RotaModel } from './model/rota-model';
import type { ActivityPlacement, OffQueueKind, OffQueuePeriod, Problem, Shift } from './types';
import { toIso, toMinute, type Week } from './week';
import { dutyFraction } from './model/skill-group';
import { placeActivities } from './plan-activities';
import { assignActivities } from './activities';
import { offQueuePeriods, placeOffQueue, withoutOffQueue } from './off-queue';

/** A person's shift in solver terms: pattern and lunch start (minutes from week start). */
export interface Assignment {
  person: number;
  pattern: number;
  breakStart: number;
  /**
   * Coverage-grid steps of this shift spent off the queue (people with a queue share below 1);
   * undefined until placed (off-queue.ts places them where the queue can spare the person).
   */
  offQueue?: number[];
  /** Coverage-grid steps of this shift in planned activities (plan-activities.ts). */
  planned?: Array<{ activityId: string; kind: OffQueueKind; steps: number[] }>;
}

/** Reads x and b from a MIP solution; lunches go to the group's members in order. */
export function assignmentsFromSolution(model: RotaModel, patterns: Pattern[], values: Float64Array): Assignment[] {
  const out: Assignment[] = [];
  model.groups.forEach((g) => {
    const byPattern = new Map<number, number[]>();
    for (const m of g.members) {
      for (const [id, col] of model.x[m]) if (values[col] > 0.5) (byPattern.get(id) ?? byPattern.set(id, []).get(id)!).push(m);
    }
    for (const [id, members] of byPattern) {
      const slots: number[] = [];
      for (const o of g.breakCols.get(id) ?? []) for (let k = 0; k < Math.round(values[o.col]); k++) slots.push(o.breakStart);
      const fallback = patterns[id].breakStarts[0] ?? -1;
      members.forEach((m, i) =>
        out.push({ person: m, pattern: id, breakStart: slots[i] ?? fallback, ...offQueueOf(model, m, patterns[id], values) }),
      );
    }
  });
  return out.sort((a, b) => a.person - b.person || patterns[a.pattern].start - patterns[b.pattern].start);
}

/** The person's o steps inside the shift, when the model has o columns for them. */
function offQueueOf(model: RotaModel, person: number, pat: Pattern, values: Float64Array): { offQueue?: number[] } {
  const cols = model.offQueue[person];
  if (!cols?.size) return {};
  const step = model.hoursPerUnit * 60;
  const steps = [...cols].filter(([t, col]) => values[col] > 0.5 && t * step >= pat.start && t * step < pat.end).map(([t]) => t);
  return { offQueue: steps.sort((a, b) => a - b) };
}

/** Turns assignments into the published shape, with ISO times in the team's zone. */
export function shiftsFromAssignments(
  problem: Problem,
  week: Week,
  patterns: Pattern[],
  people: PersonPlan[],
  list: Assignment[],
): Shift[] {
  return planShifts(problem, week, patterns, people, list).shifts;
}

/**
 * The published shifts with their time off the queue: planned activities first (they count
 * toward a person's off-queue share), then the rest of each share, then back office where
 * none of the person's channels needs anyone. Also says where each activity landed.
 */
export function planShifts(
  problem: Problem,
  week: Week,
  patterns: Pattern[],
  people: PersonPlan[],
  list: Assignment[],
): { shifts: Shift[]; placements: ActivityPlacement[] } {
  const flexOn = week.channels.includes('voice') && week.channels.includes('chat');
  const planned = placeActivities(problem, week, patterns, people, list);
  const placed = placeOffQueue(problem, week, patterns, people, planned.list);
  const shifts: Shift[] = placed.map((a) => {
    const pat = patterns[a.pattern];
    const person = people[a.person];
    const skills = person.skills.map((c) => week.channels[c]);
    const shift: Shift = {
      staffId: person.member.id,
      start: toIso(week, pat.start),
      end: toIso(week, pat.end),
      breaks: a.breakStart >= 0 ? [{ start: toIso(week, a.breakStart), end: toIso(week, a.breakStart + problem.rules.breakMinutes) }] : [],
    };
    if (skills.length === 1) shift.channel = skills[0];
    else if (skills.length === 2 && flexOn && skills.includes('voice') && skills.includes('chat')) shift.channel = 'both';
    else if (skills.length === 0) shift.channel = person.member.skills[0] ?? week.channels[0];
    const off = offQueueOfShift(problem, week, patterns, people, a);
    if (off.length) shift.offQueue = off;
    return shift;
  });
  return { shifts: assignActivities(problem, week, shifts).map((s) => withoutOffQueue(week, s)), placements: planned.placements };
}

/** Off-queue share, planned activities and back office of one shift, in time order. */
function offQueueOfShift(problem: Problem, week: Week, patterns: Pattern[], people: PersonPlan[], a: Assignment): OffQueuePeriod[] {
  const pat = patterns[a.pattern];
  const taken = new Set([...(a.offQueue ?? []), ...(a.planned ?? []).flatMap((p) => p.steps)]);
  const skills = people[a.person].skills;
  // On shift while none of the person's channels needs anyone: back office, not idle queue time.
  const idle: number[] = [];
  for (let t = Math.floor(pat.start / week.step); t * week.step < pat.end && t < week.intervals; t++) {
    if (taken.has(t) || dutyFraction(week, pat, a.breakStart, problem.rules.breakMinutes, t) < 1 - 1e-9) continue;
    if (skills.every((c) => week.required[c][t] <= 1e-9)) idle.push(t);
  }
  const acts = (a.planned ?? []).map((p) => {
    const act = problem.activities?.find((x) => x.id === p.activityId);
    const start = p.steps[0] * week.step;
    const end = Math.min(start + (act?.minutes ?? p.steps.length * week.step), pat.end);
    return { start: toIso(week, start), end: toIso(week, end), kind: p.kind, activityId: p.activityId };
  });
  return [...offQueuePeriods(week, a.offQueue ?? []), ...offQueuePeriods(week, idle, 'backOffice'), ...acts].sort(
    (x, y) => toMinute(week, x.start) - toMinute(week, y.start),
  );
}

/** The integer columns (x and b) of a rota, as a sparse MIP start. */
export function startFromAssignments(model: RotaModel, list: Assignment[]): { indices: Int32Array; values: Float64Array } {
  const value = new Map<number, number>();
  for (const cols of model.x) for (const col of cols.values()) value.set(col, 0);
  for (const g of model.groups) for (const opts of g.breakCols.values()) for (const o of opts) value.set(o.col, 0);
  for (const cols of model.offQueue) for (const col of cols.values()) value.set(col, 0);
  for (const a of list) {
    value.set(model.x[a.person].get(a.pattern)!, 1);
    const g = model.groups[model.groupOf[a.person]];
    const opt = g.breakCols.get(a.pattern)?.find((o) => o.breakStart === a.breakStart);
    if (opt) value.set(opt.col, (value.get(opt.col) ?? 0) + 1);
    for (const t of a.offQueue ?? []) {
      const col = model.offQueue[a.person]?.get(t);
      if (col !== undefined) value.set(col, 1);
    }
  }
  const indices = Int32Array.from(value.keys());
  return { indices, values: Float64Array.from(indices, (i) => value.get(i)!) };
}
