/**
 * Re-planning the rest of today (issue #12): the fewest changes that answer the most contacts
 * within the target, found by scheduling/intraday-plan.ts from the candidates of
 * scheduling/intraday-actions.ts, each state measured with the one projection on the re-forecast
 * demand and checked with the labour rules as the change path checks them. At most one change per
 * person; nobody already at work has their shift moved.
 *
 * planIntradayRestOfDay shows the whole plan with its effect (rest-of-day SL and ASA per channel
 * before and after, per interval, the paid hours) before anything is applied; applyIntradayPlan
 * rebuilds every change from what the page sent (reshape on the stored shifts, in order, never
 * trusting a shift from the form) and applies them as ONE change through the change path
 * (published revision and newest draft, refused with the broken rules, one audit row, the people
 * told of their changed shifts).
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { listRotasForWeek, listShifts, newShiftUid, publishedRotaForWeek, type ShiftRecord } from '../models/repositories/rotas';
import {
  applyCandidate,
  intradayCandidates,
  planRestOfDay,
  reshape,
  type ActionSpec,
  type TodayShift,
  type Violation,
} from '../scheduling';
import { queueKey } from '../staffing';
import { mondayOf } from '../forecasting/week';
import { applyRotaChange, hardViolations, judge, weekViolations, type ChangeActor } from './rota-change';
import { contextNames, loadRotaContext, rotaRules } from './rota-problem';
import { loadTeamSettings } from './team-settings';
import { teamIdOrDefault } from './team-scope';
import { loadIntraday, projectToday, type IntradayInputs } from './intraday-today';
import {
  answeredInTime,
  callable,
  compareToday,
  firstTouched,
  nextInterval,
  outsideTeam,
  slackOf,
  type ChannelEffect,
} from './intraday-actions';

export interface PlanChange {
  spec: ActionSpec;
  name: string;
  /** The off-queue kind given back to the queue (toQueue). */
  activity: string | null;
  /** Contacts answered in time this change adds, on the state before it. */
  gain: number;
  paidHours: number;
}

export interface IntradayPlan {
  from: string;
  rota: { id: number; status: string; revision: number } | null;
  changes: PlanChange[];
  effects: ChannelEffect[];
  answeredInTimeGain: number;
  paidHours: number;
}

/** Contacts answered in time an added paid hour must bring: an hour of overtime for fewer is not proposed. */
export const PLAN_COST_PER_HOUR = 4;
const MAX_CHANGES = 8;

const ms = (iso: string) => Date.parse(iso);
const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

export async function planIntradayRestOfDay(
  ds: DataSource,
  q: { now: Date; zone: string; teamId?: number },
  loaded?: IntradayInputs,
): Promise<IntradayPlan> {
  const x = loaded ?? (await loadIntraday(ds, q));
  const w = x.week;
  const step = w.intervalMinutes * 60_000;
  const from = x.day.current + step;
  const rota = w.rota ? { id: w.rota.id, status: w.rota.status, revision: w.rota.revision } : null;
  const empty = { from: new Date(from).toISOString(), rota, changes: [], effects: [], answeredInTimeGain: 0, paidHours: 0 };
  if (!w.rota) return empty;
  const ctx = await loadRotaContext(ds, {
    teamId: x.teamId,
    weekStart: w.weekStart,
    zone: q.zone,
    intervalMinutes: w.intervalMinutes,
    now: q.now,
    withRequirement: false,
  });
  const known = weekViolations(ctx.problem, w.shifts, q.zone);
  const dayStart = x.day.dayStart.toMillis();
  const todaysOf = (ss: TodayShift[]) => ss.filter((s) => ms(s.end) > dayStart && ms(s.start) < x.day.dayEnd);
  const project = (ss: TodayShift[]) => projectToday(x, ss as ShiftRecord[], { withRisk: false });
  const channels = w.channels.map((c) => c.id);
  const plan = planRestOfDay({
    shifts: w.shifts,
    from,
    candidates: (ss) => {
      const slack = slackOf(x, project(ss));
      return intradayCandidates({
        shifts: todaysOf(ss),
        from,
        dayEnd: x.day.dayEnd,
        intervalMinutes: w.intervalMinutes,
        rules: ctx.problem.rules,
        slack: (c, t) => slack.get(queueKey(c, new Date(t).toISOString())) ?? 0,
        callable: callable(ctx.problem, ss as ShiftRecord[], todaysOf(ss) as ShiftRecord[], from, x.day.dayEnd, channels),
      });
    },
    service: (ss) => answeredInTime(x, project(ss)),
    allowed: (ss) => judge(known, weekViolations(ctx.problem, ss, q.zone)).hard.length === 0,
    costPerHour: PLAN_COST_PER_HOUR,
    maxChanges: MAX_CHANGES,
  });
  if (!plan.steps.length) return empty;
  const names = contextNames(ctx);
  const { effects, gain } = compareToday(x, project(w.shifts), project(plan.shifts), from - step);
  return {
    ...empty,
    changes: plan.steps.map((s) => ({
      spec: s.candidate.spec,
      name: names.get(s.candidate.spec.staffId) ?? String(s.candidate.spec.staffId),
      activity: s.candidate.activity ?? null,
      gain: round(s.gain, 1),
      paidHours: round(s.paidHours, 2),
    })),
    effects,
    answeredInTimeGain: round(gain, 1),
    paidHours: round(
      plan.steps.reduce((n, s) => n + s.paidHours, 0),
      2,
    ),
  };
}

export type PlanApplyResult =
  | { kind: 'applied'; rotaIds: number[] }
  | { kind: 'refused'; violations: Violation[]; key?: string }
  | { kind: 'notFound' }
  | { kind: 'stale' };

/** Applies a plan as one change (see the file comment); every change must still fit the stored shifts. */
export async function applyIntradayPlan(
  ds: DataSource,
  q: { now: Date; zone: string; specs: ActionSpec[]; actor: ChangeActor; teamId?: number },
): Promise<PlanApplyResult> {
  if (!q.specs.length) return { kind: 'refused', violations: [], key: 'intraday.plan.empty' };
  if (new Set(q.specs.map((s) => s.staffId)).size !== q.specs.length)
    return { kind: 'refused', violations: [], key: 'intraday.plan.onePerPerson' };
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const team = await loadTeamSettings(ds, { fallbackZone: q.zone, teamId });
  const next = nextInterval(q.now, q.zone, team.intervalMinutes);
  if (q.specs.some((spec) => !(firstTouched(spec) >= next))) return { kind: 'refused', violations: [], key: 'intraday.actions.past' };
  if (await outsideTeam(ds, teamId, q.specs)) return { kind: 'notFound' };
  const weekStart = mondayOf(DateTime.fromJSDate(q.now, { zone: q.zone }).toISODate()!, q.zone);
  const rota = (await publishedRotaForWeek(ds, teamId, weekStart)) ?? (await listRotasForWeek(ds, teamId, weekStart))[0] ?? null;
  if (!rota) return { kind: 'notFound' };
  let working: TodayShift[] = await listShifts(ds, rota.id);
  const o = { rules: rotaRules(team.rules), intervalMinutes: team.intervalMinutes };
  const changes: { action: string; uid: string | null; shift: (TodayShift & { uid?: string }) | null }[] = [];
  for (const spec of q.specs) {
    const shift = spec.uid === null ? null : (working.find((s) => s.uid === spec.uid) ?? null);
    if (spec.uid !== null && !shift) return { kind: 'stale' };
    // Someone at work keeps the start of their shift (and their shift).
    if (shift && ms(shift.start) < next && spec.kind === 'offerVto') return { kind: 'stale' };
    const c = reshape(spec, shift, o);
    if (!c) return { kind: 'stale' };
    const uid = spec.uid === null ? newShiftUid() : spec.uid;
    changes.push({ action: spec.kind, uid: spec.uid, shift: c.shift && { ...c.shift, uid } });
    working = applyCandidate(working, c, uid);
  }
  const result = await applyRotaChange(
    { ds, zone: q.zone, intervalMinutes: team.intervalMinutes, now: q.now },
    { teamId, weekStart, operation: { kind: 'intradayPlan', changes }, actor: q.actor },
  );
  switch (result.kind) {
    case 'applied':
      return { kind: 'applied', rotaIds: result.changed.map((r) => r.id) };
    case 'refused':
      return { kind: 'refused', violations: hardViolations(result.newViolations) };
    case 'checked':
      return { kind: 'refused', violations: result.newViolations };
    default:
      return result.kind === 'stale' ? { kind: 'stale' } : { kind: 'notFound' };
  }
}
