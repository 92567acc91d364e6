/**
 * Everything the rota page shows for one week: the revisions, the chosen one's shifts, the
 * rule violations (the optimiser's checker), coverage against the requirement and the
 * projected service per interval, and the generation running in the background if any.
 */
import type { DataSource } from '../models';
import {
  getRota,
  listRotasForWeek,
  listShifts,
  publishedRotaForWeek,
  type RotaRecord,
  type ShiftRecord,
  type ShiftCancellationRecord,
} from '../models/repositories/rotas';
import { getStaff, type StaffMember as StaffRecord } from '../models/repositories/staff';
import type { ChannelConfig } from '../models/repositories/settings';

export type { RotaRecord, ShiftRecord, ShiftCancellationRecord };
import type { Violation } from '../scheduling';
import { listAudit } from '../models/repositories/audit';
import { weekViolations } from './rota-change';
import { loadRotaContext } from './rota-problem';
import { teamIdOrDefault, withoutMovedAway, type MovedAway } from './team-scope';
import { mondayOf } from '../forecasting/week';
import type { ProjectedInterval } from '../staffing';
import { contextRisk, inputsFromContext, projectInputs, type WeekProjectionView } from './week-projection';
import { rotaJob, type RotaJob } from './rota-jobs';
import { ContentMemo } from './content-memo';

/**
 * The week's rule check and projection, by their inputs: a view of an unchanged week reuses
 * them (a few weeks × a few revisions are looked at; each entry is some hundred kilobytes).
 */
const violationsMemo = new ContentMemo<Violation[]>(32);
const projectionMemo = new ContentMemo<WeekProjectionView>(32);

export interface RotaWeekData {
  weekStart: string;
  zone: string;
  intervalMinutes: number;
  channels: ChannelConfig[];
  revisions: RotaRecord[];
  rota: RotaRecord | null;
  published: RotaRecord | null;
  people: StaffRecord[];
  /** Hours owed this week per person (contract less approved leave). */
  contracts: Map<number, number>;
  shifts: ShiftRecord[];
  violations: Violation[];
  /** The week's projection (app/week-projection.ts) of this revision; null without service. */
  projection: WeekProjectionView | null;
  service: ProjectedInterval[];
  shortfallAgentHours: number;
  requirementSource: string;
  job: RotaJob | null;
  /** Rules broken on purpose in this revision: who, when and why (from the audit trail). */
  overrides: RotaOverride[];
  /** People this revision names who have moved to another team since (they keep these shifts). */
  movedAway: MovedAway[];
  /** Channels with no forecast of the week and no history: the coverage says nothing for them. */
  noHistoryChannels: string[];
}

export interface RotaOverride {
  at: string;
  by: string | null;
  reason: string;
  violations: Violation[];
}

/** Overrides recorded by the change path and publishing for this revision, oldest first. */
export async function rotaOverrides(ds: DataSource, rotaId: number): Promise<RotaOverride[]> {
  // Only the overrides: every view read (and parsed) the last thousand rota entries of any kind,
  // and missed older overrides once a thousand newer entries had been written.
  const entries = await listAudit(ds, { entity: 'rota', withOverride: true, limit: 10_000 });
  return entries
    .filter((e) => {
      const d = e.detail as { rotaIds?: number[]; override?: unknown };
      return d.override && (Number(e.entityId) === rotaId || d.rotaIds?.includes(rotaId));
    })
    .map((e) => {
      const d = e.detail as { by?: string | null; override: { reason: string; violations?: Violation[] } };
      return { at: e.at, by: d.by ?? null, reason: d.override.reason, violations: d.override.violations ?? [] };
    })
    .reverse();
}

export interface RotaWeekQuery {
  weekStart: string;
  zone: string;
  intervalMinutes: number;
  now: Date;
  /** A revision to show; default the week's newest. */
  rotaId?: number | null;
  /** Skip coverage and service (print view, CSV). */
  withService?: boolean;
  /** The team whose rota it is: its revisions, people, requirement and service (default: the default team). */
  teamId?: number;
}

export async function rotaWeek(ds: DataSource, q: RotaWeekQuery): Promise<RotaWeekData> {
  const weekStart = mondayOf(q.weekStart, q.zone);
  const withService = q.withService !== false;
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const ctx = await loadRotaContext(ds, {
    teamId,
    weekStart,
    zone: q.zone,
    intervalMinutes: q.intervalMinutes,
    now: q.now,
    withRequirement: withService,
    tolerateMissingRequirement: true,
  });
  const revisions = await listRotasForWeek(ds, teamId, weekStart);
  const chosen = q.rotaId ? await getRota(ds, q.rotaId) : null;
  const rota = chosen && chosen.weekStart === weekStart && chosen.teamId === teamId ? chosen : (revisions[0] ?? null);
  const shifts = rota ? await listShifts(ds, rota.id) : [];
  // Only this week's: a short rest between two of last week's shifts is not this rota's fault.
  const known = new Set(ctx.people.map((p) => p.id));
  const moved = ctx.movedAway;
  const violations = rota
    ? withoutMovedAway(
        violationsMemo.get({ problem: ctx.problem, shifts, zone: q.zone }, () => weekViolations(ctx.problem, shifts, q.zone)),
        moved,
      )
    : [];
  // The one projection every page shows (only a revision with shifts; else the page shows none).
  const inputs = withService && rota ? inputsFromContext(ctx, rota, shifts, await contextRisk(ds, ctx, q.now)) : null;
  const projection = inputs ? projectionMemo.get(inputs, () => projectInputs(inputs)) : null;
  // People who left or lost their skills still appear if the rota names them.
  const missing = [...new Set(shifts.map((s) => s.staffId))].filter((id) => !known.has(id));
  const others = (await Promise.all(missing.map((id) => getStaff(ds, id)))).filter((p): p is StaffRecord => p !== null);
  // Someone moved to another team since still appears on a revision that names them.
  const people = [...ctx.people, ...others];
  return {
    weekStart,
    zone: q.zone,
    intervalMinutes: q.intervalMinutes,
    channels: ctx.channels,
    revisions,
    rota,
    published: await publishedRotaForWeek(ds, teamId, weekStart),
    people,
    contracts: new Map(ctx.problem.staff.map((m) => [Number(m.id), m.contractHoursPerWeek])),
    shifts,
    violations,
    projection,
    service: projection?.projection.rows ?? [],
    shortfallAgentHours: projection?.summary.reduce((s, c) => s + c.week.shortHours, 0) ?? 0,
    requirementSource: ctx.requirementSource,
    job: await rotaJob(ds, teamId, weekStart),
    overrides: rota ? await rotaOverrides(ds, rota.id) : [],
    movedAway: [...moved.values()].filter((m) => shifts.some((s) => s.staffId === m.staffId)),
    noHistoryChannels: ctx.noHistoryChannels,
  };
}
