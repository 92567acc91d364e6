/**
 * The staffing requirement of one planning week, per interval and channel: the stored rows if
 * the coordinator stored them ("Recompute and store"), else computed now from each channel's
 * forecast (forecastForWeek: accepted, else draft, else computed on the fly), the channel's
 * targets and its opening hours (closed intervals need 0 agents).
 *
 * rawAgents = agents taking contacts in the interval (the Erlang answer); scheduledAgents =
 * rawAgents ÷ (1 − shrinkage), rounded up: people to have on shift when absence and breaks
 * are not planned individually. The rota (rota-problem.ts) takes REQ = rawAgents, because it
 * removes approved absence and places lunch breaks itself (counting shrinkage again would
 * double it). For chat both numbers are already agents: conversation slots ÷ concurrency,
 * rounded up.
 */
import { DateTime } from 'luxon';
import { mondayOf } from '../forecasting/week';
import type { DataSource } from '../models';
import { withTransaction } from '../models/repositories/db';
import { forecastsCovering } from '../models/repositories/forecasts';
import { forecastStatuses, listRequirements, replaceRequirements, type RequirementRecord } from '../models/repositories/requirements';
import { teamIdOrDefault } from './team-scope';
import { listChannels, listOpeningHours, type ChannelConfig } from '../models/repositories/settings';
import { loadTeamSettings } from './team-settings';
import { listStaff } from '../models/repositories/staff';
import { appendAudit } from '../models/repositories/audit';
import { forecastForWeek as defaultForecastForWeek } from './forecast-for-week';
import { weekProjection, type WeekProjectionView } from './week-projection';
import {
  channelForecastInput,
  defaultWeekStart,
  teamCapacity,
  weekRequirement,
  weekSlots,
  type RequirementRow as EngineRow,
  type TeamCapacity,
} from '../staffing';

export type ForecastStatus = 'accepted' | 'draft' | 'computed';

export interface WeekForecastPoint {
  start: string;
  volume: number;
  ahtSeconds: number | null;
  lower80?: number;
  upper80?: number;
  lower95?: number;
  upper95?: number;
}

export interface WeekForecast {
  forecastId: number | null;
  status: ForecastStatus;
  points: WeekForecastPoint[];
  /** Computed from no history at all (forecast-for-week.ts). */
  noHistory?: boolean;
}

/** The signature of forecastForWeek (app/forecast-for-week.ts). */
export type ForecastForWeek = (
  ds: DataSource,
  q: { channelId: string; weekStart: string; zone: string; intervalMinutes: number; now: Date },
) => Promise<WeekForecast>;

/**
 * A stored requirement row: staffing's RequirementRow (the one definition) as the database
 * keeps it, with an Erlang-A/C service level always present and without the waiting details.
 */
export type RequirementRow = Omit<EngineRow, 'serviceLevel' | 'averageWaitSeconds' | 'probabilityOfWait'> & { serviceLevel: number };

export interface WeekRequirement {
  rows: RequirementRow[];
  source: 'stored' | 'computed';
  forecastStatus: Record<string, ForecastStatus>;
  weekStart: string;
  intervalMinutes: number;
  /** When the stored rows were computed (null for computed ones). */
  storedAt: string | null;
  /** Channels whose stored rows are out of date: their forecast was superseded or deleted, or another was accepted since. */
  staleChannels: string[];
  /** Channels with neither a stored forecast of the week nor any history: their zeros mean "unknown". */
  noHistory?: string[];
}

export interface RequirementQuery {
  /** Monday of the week, local 'YYYY-MM-DD' (another day is taken to its Monday). */
  weekStart: string;
  zone: string;
  intervalMinutes: number;
  now: Date;
  /** Recompute and replace the week's stored rows (one transaction). */
  store?: boolean;
  /** Who stored, for the audit trail. */
  userId?: number | null;
  /** The team whose channels are planned; undefined: every channel of the install (the CLI). */
  teamId?: number;
}

function fromEngine(r: EngineRow): RequirementRow {
  return {
    start: r.start,
    channel: r.channel,
    volume: r.volume,
    ahtSeconds: r.ahtSeconds,
    rawAgents: r.rawAgents,
    scheduledAgents: r.scheduledAgents,
    serviceLevel: r.serviceLevel ?? 0,
    asaSeconds: r.asaSeconds,
    occupancy: r.occupancy,
    abandonRate: r.abandonRate,
  };
}

function fromStored(r: RequirementRecord): RequirementRow {
  const { weekStart: _w, channelId, forecastId: _f, createdAt: _c, ...rest } = r;
  return { ...rest, channel: channelId };
}

/** Stored rows usable only if they cover this grid exactly (the interval length may have changed since). */
function storedMatchesGrid(stored: RequirementRecord[], channels: ChannelConfig[], slots: DateTime[]): boolean {
  if (stored.length !== channels.length * slots.length) return false;
  const starts = new Set(slots.map((s) => s.toMillis()));
  return stored.every((r) => starts.has(DateTime.fromISO(r.start).toMillis()) && channels.some((c) => c.id === r.channelId));
}

/**
 * Stored rows with the status of the forecast they came from. A channel is stale when that
 * forecast was superseded or deleted, or another forecast of the week has been accepted since.
 */
async function storedWeek(
  ds: DataSource,
  stored: RequirementRecord[],
  base: Pick<WeekRequirement, 'weekStart' | 'intervalMinutes'>,
  zone: string,
): Promise<WeekRequirement> {
  const ids = [...new Set(stored.map((r) => r.forecastId).filter((id): id is number => id !== null))];
  const statuses = await forecastStatuses(ds, ids);
  const forecastStatus: Record<string, ForecastStatus> = {};
  const usedId = new Map<string, number | null>();
  const stale = new Set<string>();
  for (const r of stored) {
    usedId.set(r.channelId, r.forecastId);
    const status = r.forecastId === null ? 'computed' : statuses.get(r.forecastId);
    if (status === 'accepted' || status === 'draft' || status === 'computed') forecastStatus[r.channelId] = status;
    else {
      forecastStatus[r.channelId] = 'draft';
      stale.add(r.channelId);
    }
  }
  const monday = DateTime.fromISO(base.weekStart, { zone });
  const range = { from: monday.toUTC().toISO()!, to: monday.plus({ weeks: 1 }).toUTC().toISO()! };
  for (const [channelId, id] of usedId) {
    const accepted = (await forecastsCovering(ds, { channelId, ...range, statuses: ['accepted'] }))[0];
    if (accepted && accepted.id !== id) stale.add(channelId);
  }
  return {
    ...base,
    rows: stored.map(fromStored),
    source: 'stored',
    forecastStatus,
    storedAt: stored[0]?.createdAt ?? null,
    staleChannels: [...stale],
  };
}

export async function requirementForWeek(
  ds: DataSource,
  q: RequirementQuery,
  deps: { forecastForWeek?: ForecastForWeek } = {},
): Promise<WeekRequirement> {
  const monday = DateTime.fromISO(q.weekStart, { zone: q.zone });
  if (!monday.isValid) throw new RangeError(`weekStart: not a date: '${q.weekStart}'`);
  const weekStart = monday.startOf('week').toISODate()!;
  const slots = weekSlots(weekStart, q.zone, q.intervalMinutes);
  const channels = await listChannels(ds, q.teamId);
  const channelIds = q.teamId === undefined ? undefined : channels.map((c) => c.id);
  const base = { weekStart, intervalMinutes: q.intervalMinutes };
  if (!q.store) {
    const stored = await listRequirements(ds, weekStart, channelIds);
    if (stored.length > 0 && storedMatchesGrid(stored, channels, slots)) {
      const order = new Map(channels.map((c, i) => [c.id, i]));
      stored.sort((a, b) => order.get(a.channelId)! - order.get(b.channelId)! || a.start.localeCompare(b.start));
      return storedWeek(ds, stored, base, q.zone);
    }
  }
  const forecastFor = deps.forecastForWeek ?? defaultForecastForWeek;
  const hours = await listOpeningHours(ds);
  const rows: RequirementRow[] = [];
  const forecastStatus: Record<string, ForecastStatus> = {};
  const forecastIds = new Map<string, number | null>();
  const noHistory: string[] = [];
  for (const channel of channels) {
    const forecast = await forecastFor(ds, {
      channelId: channel.id,
      weekStart,
      zone: q.zone,
      intervalMinutes: q.intervalMinutes,
      now: q.now,
    });
    forecastStatus[channel.id] = forecast.status;
    if (forecast.noHistory) noHistory.push(channel.id);
    forecastIds.set(channel.id, forecast.forecastId);
    const input = channelForecastInput(
      channel,
      forecast,
      slots,
      q.intervalMinutes,
      hours.filter((h) => h.channelId === channel.id),
    );
    rows.push(...weekRequirement([input]).map(fromEngine));
  }
  // Zeros from no history are not a requirement: never stored (the caller says which channels).
  if (!q.store || noHistory.length)
    return { ...base, rows, source: 'computed', forecastStatus, storedAt: null, staleChannels: [], noHistory };
  const at = q.now.toISOString();
  await withTransaction(ds, async (tx) => {
    await replaceRequirements(
      tx,
      weekStart,
      rows.map(({ channel, ...r }) => ({ ...r, channelId: channel, forecastId: forecastIds.get(channel) ?? null, createdAt: at })),
      channelIds,
    );
    await appendAudit(tx, {
      at,
      userId: q.userId ?? null,
      action: 'staffing.requirement.store',
      entity: 'staffing_requirements',
      entityId: weekStart,
      detail: { rows: rows.length, forecastStatus, ...(q.teamId === undefined ? {} : { teamId: q.teamId }) },
    });
  });
  return { ...base, rows, source: 'stored', forecastStatus, storedAt: at, staleChannels: [] };
}

export interface StaffingWeekPage {
  requirement: WeekRequirement;
  zone: string;
  channels: { id: string; nameKey: string; kind: string; shrinkage: number; concurrency: number }[];
  capacity: TeamCapacity;
  prevWeek: string;
  nextWeek: string;
  /** createdAt of the week's stored rows (even ones no longer on the current grid), for the stale check. */
  storedAtOnFile: string | null;
  /** The week's projected service (the rota page's figures: its published rota, else the plan). */
  service: WeekProjectionView;
}

/** Everything the /staffing page shows for one week. */
export async function staffingWeekPage(
  ds: DataSource,
  q: { weekStart: string | null; zone: string; now: Date; teamId?: number },
): Promise<StaffingWeekPage> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const intervalMinutes = (await loadTeamSettings(ds, { teamId })).intervalMinutes;
  const asked = q.weekStart ? DateTime.fromISO(q.weekStart, { zone: q.zone }) : null;
  const weekStart = asked?.isValid ? asked.startOf('week').toISODate()! : defaultWeekStart(q.now, q.zone);
  const requirement = await requirementForWeek(ds, { weekStart, zone: q.zone, intervalMinutes, now: q.now, teamId });
  const channels = await listChannels(ds, teamId);
  const staff = (await listStaff(ds, { activeOn: weekStart })).filter((p) => p.teamId === teamId);
  const monday = DateTime.fromISO(weekStart, { zone: q.zone });
  return {
    requirement,
    zone: q.zone,
    channels: channels.map((c) => ({ id: c.id, nameKey: c.nameKey, kind: c.kind, shrinkage: c.shrinkage, concurrency: c.concurrency })),
    capacity: teamCapacity(requirement, channels, staff),
    prevWeek: monday.minus({ weeks: 1 }).toISODate()!,
    nextWeek: monday.plus({ weeks: 1 }).toISODate()!,
    storedAtOnFile:
      requirement.storedAt ??
      (
        await listRequirements(
          ds,
          weekStart,
          channels.map((c) => c.id),
        )
      )[0]?.createdAt ??
      null,
    service: await weekProjection(ds, { weekStart, zone: q.zone, now: q.now, teamId }),
  };
}

/**
 * "Recompute and store": refused (stale) when the week's stored rows changed since the page
 * was shown (`expectedStoredAt`: the storedAt the coordinator saw, null for none).
 */
export async function storeWeekRequirement(
  ds: DataSource,
  q: { weekStart: string; expectedStoredAt: string | null; zone: string; now: Date; userId: number | null; teamId?: number },
): Promise<
  | { kind: 'ok'; weekStart: string; rows: number }
  | { kind: 'stale'; weekStart: string }
  | { kind: 'noHistory'; weekStart: string; channels: { id: string; nameKey: string }[] }
> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const intervalMinutes = (await loadTeamSettings(ds, { teamId })).intervalMinutes;
  const weekStart = mondayOf(q.weekStart, q.zone);
  const channels = await listChannels(ds, teamId);
  const channelIds = channels.map((c) => c.id);
  const current = (await listRequirements(ds, weekStart, channelIds))[0]?.createdAt ?? null;
  if (current !== q.expectedStoredAt) return { kind: 'stale', weekStart };
  const r = await requirementForWeek(ds, { weekStart, zone: q.zone, intervalMinutes, now: q.now, store: true, userId: q.userId, teamId });
  if (r.noHistory?.length) {
    const none = new Set(r.noHistory);
    return {
      kind: 'noHistory',
      weekStart,
      channels: channels.filter((c) => none.has(c.id)).map((c) => ({ id: c.id, nameKey: c.nameKey })),
    };
  }
  return { kind: 'ok', weekStart, rows: r.rows.length };
}
