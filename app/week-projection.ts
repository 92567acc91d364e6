/**
 * The week's service projection as every page shows it: the rota page, "simulate", the what-if
 * page, /staffing, the request inbox and the home page all call this module, so the same week
 * shows the same figures everywhere (staffing/projection.ts holds the rules).
 *
 * API (also for other pages, e.g. intraday):
 * - `weekProjection(ds, { weekStart, zone, now, rotaId?, withRisk? })` → `WeekProjectionView`:
 *   loads the week (requirement, channels, the rota: the one asked for, else published, else
 *   newest draft; without one, the plan) and projects it.
 * - `loadWeekInputs(ds, q)` + `projectInputs(inputs, changes?)`: the same in two steps, for
 *   callers that project one week several times (what-if levers, the cost of a request).
 */
import { ContentMemo } from './content-memo';
import type { DataSource } from '../models';
import { getRota, listRotasForWeek, listShifts, type RotaRecord, type ShiftRecord } from '../models/repositories/rotas';
import type { ChannelConfig } from '../models/repositories/settings';
import { DateTime } from 'luxon';
import { mondayOf } from '../forecasting/week';
import {
  DEFAULT_ABSENCE_RATE,
  keepShare,
  projectWeek,
  queueKey,
  type ProjectionStaffing,
  summariseProjection,
  type ChannelSummary,
  type ProjectionDemand,
  type WeekProjection,
  type RiskCalibration,
} from '../staffing';
import { riskCalibrationsForWeek } from './risk-calibration-for-week';
import { loadRotaContext, type RotaContext } from './rota-problem';
import { loadTeamSettings } from './team-settings';
import { teamIdOrDefault } from './team-scope';

export interface WeekInputs {
  weekStart: string;
  zone: string;
  intervalMinutes: number;
  channels: ChannelConfig[];
  demand: ProjectionDemand[];
  requirementSource: string;
  rota: RotaRecord | null;
  shifts: ShiftRecord[];
  /** Skills (this week's channels only) of the people the rota may name. */
  skills: Map<number, string[]>;
  absenceRate: number;
  /** Per channel id, the risk calibration learned on the history before the week (risk-calibration-for-week.ts). */
  riskCalibrations: Readonly<Record<string, RiskCalibration>>;
}

/** What-if changes to a week before it is projected. */
export interface WeekChanges {
  /** Volume factor of an interval (1 = as forecast). */
  volumeFactor?: (channel: string, start: string) => number;
  ahtFactor?: (channel: string) => number;
  /** Shifts to keep (people absent on chosen days are left out). */
  keepShift?: (s: ShiftRecord) => boolean;
  /** Extra shifts (new hires), with the skills of the people they name. */
  extraShifts?: ShiftRecord[];
  extraSkills?: Map<number, string[]>;
  /** Without a rota: the share of the plan's people kept (people off a plan, see keepShare). */
  planKeep?: number;
  /** Without a rota: the share kept on each ISO weekday of the team's zone (people named off on those days), after planKeep. */
  planKeepByWeekday?: ReadonlyMap<number, number>;
  /** People from the shifts even when there are none (a revision being compared), never the plan. */
  onlyShifts?: boolean;
  /**
   * Without a rota: people added on the queue per `queueKey(channel, start)` (extra shifts or
   * new hires counted into the plan). With a rota, extra people come as `extraShifts`.
   */
  extraOnQueue?: ReadonlyMap<string, number>;
  /** People on the queue of a channel scaled (a shrinkage lever: (1 − new) ÷ (1 − as set)); before extraOnQueue. */
  onQueueFactor?: (channel: string) => number;
  /** The demand reshaped after the factors (opening hours changed: closed intervals' contacts moved). */
  reshapeDemand?: (demand: ProjectionDemand[]) => ProjectionDemand[];
  /** The channels' settings in the scenario (targets changed). */
  channels?: ChannelConfig[];
}

export interface WeekProjectionView {
  weekStart: string;
  zone: string;
  intervalMinutes: number;
  channels: ChannelConfig[];
  rota: RotaRecord | null;
  /** 'rota': people from the rota's shifts; 'plan': no rota yet, exactly what is needed. */
  staffingSource: 'rota' | 'plan';
  requirementSource: string;
  absenceRate: number;
  projection: WeekProjection;
  summary: ChannelSummary[];
}

export interface WeekProjectionQuery {
  weekStart: string;
  zone: string;
  now: Date;
  /** A revision of the week; default its published one, else its newest draft. */
  rotaId?: number | null;
  /** Compute the probabilities of meeting the target (slower). Default true. */
  withRisk?: boolean;
  /** The team: its rota, people, channels and rules (default: the default team). */
  teamId?: number;
}

/** The rota a page shows by default: published, else the newest draft. */
export function defaultRota(revisions: RotaRecord[]): RotaRecord | null {
  return revisions.find((r) => r.status === 'published') ?? revisions.find((r) => r.status === 'draft') ?? null;
}

/** The team's absence rate and each channel's risk calibration for a week. */
export interface TeamRisk {
  absenceRate: number;
  riskCalibrations: Readonly<Record<string, RiskCalibration>>;
}

/** Everything the projection needs, from a rota context already loaded (the rota page's). */
export function inputsFromContext(ctx: RotaContext, rota: RotaRecord | null, shifts: ShiftRecord[], risk: TeamRisk): WeekInputs {
  return {
    weekStart: ctx.weekStart,
    zone: ctx.zone,
    intervalMinutes: ctx.intervalMinutes,
    channels: ctx.channels,
    demand: ctx.requirement.map((r) => ({
      start: r.start,
      channel: r.channel,
      volume: r.volume,
      ahtSeconds: r.ahtSeconds,
      neededOnQueue: r.required,
      neededOnRota: r.scheduled,
    })),
    requirementSource: ctx.requirementSource,
    rota,
    shifts,
    // Someone moved to another team keeps this week's shifts here: counted on the channel each
    // shift names (any of the team's channels), as those shifts will be worked.
    skills: new Map([
      ...[...ctx.movedAway.keys()].map((id): [number, string[]] => [id, ctx.channels.map((c) => c.id)]),
      ...ctx.problem.staff.map((m): [number, string[]] => [Number(m.id), m.skills]),
    ]),
    absenceRate: risk.absenceRate,
    riskCalibrations: risk.riskCalibrations,
  };
}

/** The team's unplanned absence rate (team rules `absenceRate`, default 4 %). */
export async function teamAbsenceRate(ds: DataSource, teamId?: number): Promise<number> {
  const rules = (await loadTeamSettings(ds, { teamId })).rules as { absenceRate?: unknown };
  const r = rules.absenceRate;
  return typeof r === 'number' && r >= 0 && r < 1 ? r : DEFAULT_ABSENCE_RATE;
}

/**
 * The team's absence rate and, unless `withRisk` is false, each channel's risk calibration
 * learned on the stored history before the week (cached: see risk-calibration-for-week.ts).
 */
export async function teamRisk(
  ds: DataSource,
  q: {
    weekStart: string;
    zone: string;
    channels: ChannelConfig[];
    intervalMinutes: number;
    now: Date;
    withRisk?: boolean;
    teamId?: number;
  },
): Promise<TeamRisk> {
  const absenceRate = await teamAbsenceRate(ds, q.teamId);
  if (q.withRisk === false) return { absenceRate, riskCalibrations: {} };
  const weekStart = DateTime.fromISO(q.weekStart, { zone: q.zone }).startOf('day').toISO()!;
  return { absenceRate, riskCalibrations: await riskCalibrationsForWeek(ds, { ...q, weekStart, absenceRate }) };
}

/** The risk of a loaded rota context's week (teamRisk with its week, zone, channels and interval). */
export function contextRisk(ds: DataSource, ctx: RotaContext, now: Date): Promise<TeamRisk> {
  return teamRisk(ds, {
    weekStart: ctx.weekStart,
    zone: ctx.zone,
    channels: ctx.channels,
    intervalMinutes: ctx.intervalMinutes,
    now,
    teamId: ctx.teamId,
  });
}

export async function loadWeekInputs(ds: DataSource, q: WeekProjectionQuery): Promise<WeekInputs> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const settings = await loadTeamSettings(ds, { teamId });
  const weekStart = mondayOf(q.weekStart, q.zone);
  const ctx = await loadRotaContext(ds, {
    weekStart,
    zone: q.zone,
    intervalMinutes: settings.intervalMinutes,
    now: q.now,
    tolerateMissingRequirement: true,
    teamId,
  });
  const asked = q.rotaId ? await getRota(ds, q.rotaId) : null;
  const rota =
    asked && asked.weekStart === weekStart && asked.teamId === teamId ? asked : defaultRota(await listRotasForWeek(ds, teamId, weekStart));
  const shifts = rota ? await listShifts(ds, rota.id) : [];
  const risk = await teamRisk(ds, {
    weekStart,
    now: q.now,
    zone: q.zone,
    channels: ctx.channels,
    intervalMinutes: ctx.intervalMinutes,
    teamId,
    ...(q.withRisk !== undefined ? { withRisk: q.withRisk } : {}),
  });
  return inputsFromContext(ctx, rota, shifts, risk);
}

/** Projects loaded inputs, with what-if changes if any. */
export function projectInputs(w: WeekInputs, changes: WeekChanges = {}, o: { withRisk?: boolean } = {}): WeekProjectionView {
  const factored = w.demand.map((d) => {
    const v = changes.volumeFactor?.(d.channel, d.start) ?? 1;
    const a = changes.ahtFactor?.(d.channel) ?? 1;
    if (v === 1 && a === 1) return d;
    return {
      ...d,
      volume: d.volume * v,
      ahtSeconds: d.ahtSeconds * a,
      ...(d.lower80 !== undefined ? { lower80: d.lower80 * v } : {}),
      ...(d.upper80 !== undefined ? { upper80: d.upper80 * v } : {}),
    };
  });
  const demand = changes.reshapeDemand ? changes.reshapeDemand(factored) : factored;
  const channels = changes.channels ?? w.channels;
  const fromRota = w.rota !== null && (w.shifts.length > 0 || changes.onlyShifts === true);
  const shifts = [...w.shifts.filter((s) => changes.keepShift?.(s) ?? true), ...(changes.extraShifts ?? [])];
  const skills = changes.extraSkills ? new Map([...w.skills, ...changes.extraSkills]) : w.skills;
  let staffing: ProjectionStaffing =
    fromRota || changes.onlyShifts || changes.extraShifts?.length
      ? { kind: 'shifts', shifts, skills }
      : planStaffing(w, changes.planKeep ?? 1, changes.planKeepByWeekday);
  if (changes.onQueueFactor || changes.extraOnQueue?.size) {
    // People counted as the projection counts them, then scaled and added to.
    const counted = projectWeek({ intervalMinutes: w.intervalMinutes, channels, demand, staffing });
    const onQueue = new Map<string, number>();
    for (const r of counted.rows) {
      const k = queueKey(r.channel, r.start);
      onQueue.set(k, r.onQueue * (changes.onQueueFactor?.(r.channel) ?? 1) + (changes.extraOnQueue?.get(k) ?? 0));
    }
    staffing = { kind: 'counts', onQueue };
  }
  const projection = projectWeek({
    intervalMinutes: w.intervalMinutes,
    channels,
    demand,
    staffing,
    ...(o.withRisk !== false ? { risk: { absenceRate: w.absenceRate, calibrations: w.riskCalibrations } } : {}),
  });
  return {
    weekStart: w.weekStart,
    zone: w.zone,
    intervalMinutes: w.intervalMinutes,
    channels,
    rota: w.rota,
    staffingSource: fromRota ? 'rota' : 'plan',
    requirementSource: w.requirementSource,
    absenceRate: w.absenceRate,
    projection,
    summary: summariseProjection(
      projection.rows,
      channels.map((c) => c.id),
      { zone: w.zone, intervalMinutes: w.intervalMinutes },
    ),
  };
}

/** Without a rota: the plan, or the plan with only `keep` of its people per channel (in time order). */
function planStaffing(w: WeekInputs, keep: number, byWeekday?: ReadonlyMap<number, number>): ProjectionStaffing {
  const perDay = byWeekday !== undefined && [...byWeekday.values()].some((k) => k < 1);
  if (keep >= 1 && !perDay) return { kind: 'plan' };
  const onQueue = new Map<string, number>();
  for (const c of w.channels) {
    const own = w.demand.filter((d) => d.channel === c.id).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    // Each weekday its own share (named people off on chosen days), else the week as one.
    const groups = new Map<number, typeof own>();
    for (const d of own) {
      const key = perDay ? DateTime.fromISO(d.start, { zone: w.zone }).weekday : 0;
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    for (const [weekday, rows] of groups) {
      const kept = keepShare(
        rows.map((d) => d.neededOnQueue),
        keep * (byWeekday?.get(weekday) ?? 1),
      );
      rows.forEach((d, i) => onQueue.set(queueKey(d.channel, d.start), kept[i]!));
    }
  }
  return { kind: 'counts', onQueue };
}

/** The week's projection, loaded and computed (see the file comment). */
/** Home and the week pages look at the same few weeks again and again: reuse by inputs. */
const weekProjectionMemo = new ContentMemo<WeekProjectionView>(16);

export async function weekProjection(ds: DataSource, q: WeekProjectionQuery): Promise<WeekProjectionView> {
  const inputs = await loadWeekInputs(ds, q);
  return weekProjectionMemo.get({ inputs, withRisk: q.withRisk }, () => projectInputs(inputs, {}, { withRisk: q.withRisk }));
}
