/**
 * Actions on the rest of today, each with its cost shown before it is taken (issue #12).
 *
 * listIntradayActions: the candidates of scheduling/intraday-actions.ts for today's rota (the
 * published revision, else the newest draft), each measured with the one projection
 * (projectToday: the re-forecast demand, staffing/projection.ts) before and after, per channel
 * and remaining interval, and checked against the labour rules the way the change path will
 * check it (weekViolations + judge of app/rota-change.ts, last week as context).
 *
 * applyIntradayAction: rebuilds the action from what the page sent (reshape, never trusting a
 * shift from the form) and hands it to the one change path (applyRotaChange): published
 * revision and newest draft, refused with the broken rules (no override here), audit log,
 * the person told of their changed shift.
 *
 * Slack (who can be spared, who is short) is measured against the people needed for the
 * RE-FORECAST volume to meet the target (staffing/needed-for-target.ts), not the plan's.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { listRotasForWeek, listShifts, newShiftUid, publishedRotaForWeek } from '../models/repositories/rotas';
import {
  intradayCandidates,
  reshape,
  type ActionSpec,
  type IntradayCandidate,
  type Problem,
  type ShapedShift,
  type TodayShift,
  type Violation,
} from '../scheduling';
import { neededForTarget, queueKey, type ProjectedInterval } from '../staffing';
import { mondayOf } from '../forecasting/week';
import { applyRotaChange, hardViolations, judge, weekViolations, type ChangeActor } from './rota-change';
import { contextNames, loadRotaContext, rotaRules } from './rota-problem';
import { loadTeamSettings } from './team-settings';
import { teamIdOrDefault } from './team-scope';
import { loadIntraday, projectToday, restOfDay, type IntradayChannel, type IntradayInputs } from './intraday-today';
import type { ShiftRecord } from '../models/repositories/rotas';
import { listChannels } from '../models/repositories/settings';
import { getStaff } from '../models/repositories/staff';

type RestOfDay = IntradayChannel['restOfDay'];

export interface EffectRow {
  start: string;
  onQueueBefore: number;
  onQueueAfter: number;
  serviceLevelBefore: number | null;
  serviceLevelAfter: number | null;
  asaBefore: number | null;
  asaAfter: number | null;
}

export interface ChannelEffect {
  channel: string;
  before: RestOfDay;
  after: RestOfDay;
  /** The remaining intervals whose people on the queue change. */
  rows: EffectRow[];
}

export interface IntradayAction {
  spec: ActionSpec;
  /** The off-queue kind given back to the queue (toQueue). */
  activity: string | null;
  name: string;
  effects: ChannelEffect[];
  /** Contacts answered within the threshold over the rest of the day, after − before (all channels). */
  answeredInTimeGain: number;
  /** Paid hours the action adds (negative: saves). */
  paidHours: number;
  /** Hard rules the change would break (it is refused), and soft ones it only warns of. */
  violations: Violation[];
  warnings: Violation[];
}

export interface IntradayActions {
  /** Start of the first interval an action may change, ISO. */
  from: string;
  rota: { id: number; status: string; revision: number } | null;
  actions: IntradayAction[];
}

/** Most actions shown per kind, and in all. */
const PER_KIND = 3;
const MAX_ACTIONS = 12;

const ms = (iso: string) => Date.parse(iso);
const hours = (s: { start: string; end: string; breaks: { start: string; end: string }[] } | null) =>
  s ? (ms(s.end) - ms(s.start) - s.breaks.reduce((t, b) => t + ms(b.end) - ms(b.start), 0)) / 3_600_000 : 0;

export async function listIntradayActions(
  ds: DataSource,
  q: { now: Date; zone: string; teamId?: number },
  loaded?: IntradayInputs,
): Promise<IntradayActions> {
  const x = loaded ?? (await loadIntraday(ds, q));
  const w = x.week;
  const step = w.intervalMinutes * 60_000;
  const from = x.day.current + step;
  const rota = w.rota ? { id: w.rota.id, status: w.rota.status, revision: w.rota.revision } : null;
  if (!w.rota) return { from: new Date(from).toISOString(), rota, actions: [] };
  const ctx = await loadRotaContext(ds, {
    teamId: x.teamId,
    weekStart: w.weekStart,
    zone: q.zone,
    intervalMinutes: w.intervalMinutes,
    now: q.now,
    withRequirement: false,
  });
  const before = projectToday(x, w.shifts, { withRisk: false });
  const slack = slackOf(x, before);
  const todays = w.shifts.filter((s) => ms(s.end) > x.day.dayStart.toMillis() && ms(s.start) < x.day.dayEnd);
  const candidates = intradayCandidates({
    shifts: todays,
    from,
    dayEnd: x.day.dayEnd,
    intervalMinutes: w.intervalMinutes,
    rules: ctx.problem.rules,
    slack: (c, t) => slack.get(queueKey(c, new Date(t).toISOString())) ?? 0,
    callable: callable(
      ctx.problem,
      w.shifts,
      todays,
      from,
      x.day.dayEnd,
      w.channels.map((c) => c.id),
    ),
  });
  const names = contextNames(ctx);
  const known = weekViolations(ctx.problem, w.shifts, q.zone);
  const measured = candidates.map((c) =>
    measure(x, w.shifts, before, c, from, names, (after) => judge(known, weekViolations(ctx.problem, after, q.zone))),
  );
  return { from: new Date(from).toISOString(), rota, actions: pick(measured) };
}

/** Helpful actions first (most contacts answered in time gained), then the ones that save hours at the least cost. */
function pick(list: IntradayAction[]): IntradayAction[] {
  const sorted = [...list].sort((a, b) => {
    const ha = a.paidHours >= 0 ? 0 : 1;
    const hb = b.paidHours >= 0 ? 0 : 1;
    return ha - hb || b.answeredInTimeGain - a.answeredInTimeGain;
  });
  const per = new Map<string, number>();
  const out: IntradayAction[] = [];
  for (const a of sorted) {
    const n = per.get(a.spec.kind) ?? 0;
    // An action that adds hours and helps nobody is no action.
    if (n >= PER_KIND || (a.paidHours >= 0 && a.answeredInTimeGain <= 0.05)) continue;
    per.set(a.spec.kind, n + 1);
    out.push(a);
    if (out.length >= MAX_ACTIONS) break;
  }
  return out;
}

/** People on the queue minus the people the re-forecast volume needs to meet the target, per channel and interval. */
export function slackOf(x: IntradayInputs, rows: ProjectedInterval[]): Map<string, number> {
  const config = new Map(x.week.channels.map((c) => [c.id, c]));
  const out = new Map<string, number>();
  for (const r of rows) {
    const c = config.get(r.channel);
    if (!c) continue;
    out.set(queueKey(r.channel, r.start), r.onQueue - neededForTarget(c, x.week.intervalMinutes, r.volume, r.ahtSeconds));
  }
  return out;
}

/** People off today, free from `from` for a shortest shift, fewest hours this week first. */
export function callable(problem: Problem, week: ShiftRecord[], todays: ShiftRecord[], from: number, dayEnd: number, channels: string[]) {
  const len = Math.min(...problem.rules.shiftLengthsHours) * 3_600_000;
  const worked = new Map<number, number>();
  for (const s of week) worked.set(s.staffId, (worked.get(s.staffId) ?? 0) + hours(s));
  const busy = new Set(todays.map((s) => s.staffId));
  return problem.staff
    .map((m) => ({ staffId: Number(m.id), skills: m.skills.filter((k) => channels.includes(k)), unavailable: m.unavailable }))
    .filter((m) => !busy.has(m.staffId) && m.skills.length > 0)
    .filter((m) => !m.unavailable.some((u) => ms(u.start) < Math.min(from + len, dayEnd) && ms(u.end) > from))
    .sort((a, b) => (worked.get(a.staffId) ?? 0) - (worked.get(b.staffId) ?? 0) || a.staffId - b.staffId)
    .map(({ staffId, skills }) => ({ staffId, skills }));
}

/** The shifts after an action (the shift with its uid kept; a call-in with a placeholder uid). */
export function shiftsAfter(shifts: ShiftRecord[], c: IntradayCandidate): ShiftRecord[] {
  if (c.spec.uid === null) {
    if (!c.shift) return shifts;
    const added = { ...c.shift, id: -1, rotaId: -1, note: null, uid: 'call-in', sequence: 0, version: 0, updatedAt: '', updatedBy: null };
    return [...shifts, added];
  }
  return shifts.flatMap((s) => (s.uid !== c.spec.uid ? [s] : c.shift ? [{ ...s, ...c.shift }] : []));
}

function measure(
  x: IntradayInputs,
  shifts: ShiftRecord[],
  before: ProjectedInterval[],
  c: IntradayCandidate,
  from: number,
  names: Map<number, string>,
  check: (after: ShiftRecord[]) => ReturnType<typeof judge>,
): IntradayAction {
  const afterShifts = shiftsAfter(shifts, c);
  const { effects, gain } = compareToday(x, before, projectToday(x, afterShifts, { withRisk: false }), from);
  const verdict = check(afterShifts);
  const old = c.spec.uid === null ? null : (shifts.find((s) => s.uid === c.spec.uid) ?? null);
  return {
    spec: c.spec,
    activity: c.activity ?? null,
    name: names.get(c.spec.staffId) ?? String(c.spec.staffId),
    effects,
    answeredInTimeGain: Math.round(gain * 10) / 10,
    paidHours: Math.round((hours(c.shift) - hours(old)) * 100) / 100,
    violations: verdict.hard,
    warnings: verdict.fresh.filter((v) => !verdict.hard.includes(v)),
  };
}

/**
 * Two projections of today compared over the rest of the day: per channel the intervals whose
 * people on the queue differ (from the interval before `from`), and the contacts answered within
 * the target gained, after − before (all channels, unrounded).
 */
export function compareToday(
  x: IntradayInputs,
  before: ProjectedInterval[],
  after: ProjectedInterval[],
  from: number,
): { effects: ChannelEffect[]; gain: number } {
  const effects: ChannelEffect[] = [];
  let gain = 0;
  for (const ch of x.week.channels) {
    const b = before.filter((r) => r.channel === ch.id && ms(r.start) >= x.day.current);
    const a = after.filter((r) => r.channel === ch.id && ms(r.start) >= x.day.current);
    const rows: EffectRow[] = [];
    b.forEach((r, i) => {
      const n = a[i]!;
      gain += n.volume * slOf(n) - r.volume * slOf(r);
      if (Math.abs(n.onQueue - r.onQueue) < 1e-6 || ms(r.start) < from - x.week.intervalMinutes * 60_000) return;
      rows.push({
        start: r.start,
        onQueueBefore: r.onQueue,
        onQueueAfter: n.onQueue,
        serviceLevelBefore: r.volume > 0 ? slOf(r) : null,
        serviceLevelAfter: n.volume > 0 ? slOf(n) : null,
        asaBefore: r.volume > 0 && !r.overloaded ? r.asaSeconds : null,
        asaAfter: n.volume > 0 && !n.overloaded ? n.asaSeconds : null,
      });
    });
    if (rows.length) effects.push({ channel: ch.id, before: restOfDay(b), after: restOfDay(a), rows });
  }
  return { effects, gain };
}

/** Contacts answered within the target over the rest of today (from the interval now running). */
export function answeredInTime(x: IntradayInputs, rows: ProjectedInterval[]): number {
  return rows.filter((r) => ms(r.start) >= x.day.current).reduce((n, r) => n + r.volume * slOf(r), 0);
}

const slOf = (r: ProjectedInterval) => (r.overloaded ? 0 : (r.serviceLevel ?? 0));

export type ApplyResult =
  | { kind: 'applied'; rotaIds: number[] }
  /** Breaks a hard rule (the rules in `violations`), or `key` says why not (the past, no such shift). */
  | { kind: 'refused'; violations: Violation[]; key?: string }
  | { kind: 'notFound' }
  | { kind: 'stale' };

/** Start of the interval after the one running at `now` (ms): the first instant an action may change. */
export function nextInterval(now: Date, zone: string, intervalMinutes: number): number {
  const step = intervalMinutes * 60_000;
  const dayStart = DateTime.fromJSDate(now, { zone }).startOf('day').toMillis();
  return dayStart + (Math.floor((now.getTime() - dayStart) / step) + 1) * step;
}

/** The first instant an action changes (a break moved earlier: where it goes). */
export const firstTouched = (spec: ActionSpec) => (spec.kind === 'moveBreak' ? Math.min(ms(spec.from), ms(spec.to)) : ms(spec.from));

/**
 * Whether an action names what is not the team's: another team's person, or a call-in on a
 * channel the team does not answer (another team's shift is not found in the team's rota).
 */
export async function outsideTeam(ds: DataSource, teamId: number, specs: ActionSpec[]): Promise<boolean> {
  const channels = new Set((await listChannels(ds, teamId)).map((c) => c.id));
  for (const spec of specs) {
    if ((await getStaff(ds, spec.staffId))?.teamId !== teamId) return true;
    if (spec.channel !== undefined && !channels.has(spec.channel)) return true;
  }
  return false;
}

/** Applies one action through the change path (see the file comment). */
export async function applyIntradayAction(
  ds: DataSource,
  q: { now: Date; zone: string; spec: ActionSpec; actor: ChangeActor; teamId?: number },
): Promise<ApplyResult> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const team = await loadTeamSettings(ds, { fallbackZone: q.zone, teamId });
  // Nothing in the past changes: the action's first instant is the next interval at the earliest.
  if (!(firstTouched(q.spec) >= nextInterval(q.now, q.zone, team.intervalMinutes)))
    return { kind: 'refused', violations: [], key: 'intraday.actions.past' };
  if (await outsideTeam(ds, teamId, [q.spec])) return { kind: 'notFound' };
  const weekStart = mondayOf(DateTime.fromJSDate(q.now, { zone: q.zone }).toISODate()!, q.zone);
  const rota = (await publishedRotaForWeek(ds, teamId, weekStart)) ?? (await listRotasForWeek(ds, teamId, weekStart))[0] ?? null;
  if (!rota) return { kind: 'notFound' };
  const shift = q.spec.uid === null ? null : ((await listShifts(ds, rota.id)).find((s) => s.uid === q.spec.uid) ?? null);
  if (q.spec.uid !== null && !shift) return { kind: 'notFound' };
  const c = reshape(q.spec, shift as TodayShift | null, { rules: rotaRules(team.rules), intervalMinutes: team.intervalMinutes });
  if (!c) return { kind: 'stale' };
  const shape: (ShapedShift & { uid?: string }) | null = c.shift
    ? { ...c.shift, ...(q.spec.uid === null ? { uid: newShiftUid() } : {}) }
    : null;
  const result = await applyRotaChange(
    { ds, zone: q.zone, intervalMinutes: team.intervalMinutes, now: q.now },
    { teamId, weekStart, operation: { kind: 'intraday', action: q.spec.kind, uid: q.spec.uid, shift: shape }, actor: q.actor },
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
