/**
 * The plan's input: the forecast of one channel for one week, one point per interval.
 *
 * Which forecast: the accepted one covering the week (newest accepted wins), else the newest
 * draft covering it, else one computed on the fly from the stored history (not stored, status
 * 'computed'). A stored forecast is used only if it has a value for every interval of the week
 * at the team's current interval length; otherwise the next choice is taken.
 *
 * Adjusted values: `volume` is the adjusted volume where the planner adjusted it, and the
 * prediction bands are scaled by the same ratio (a +20 % campaign widens them by 20 % too).
 * An accepted forecast edited since its acceptance gives the plan the volumes as accepted,
 * until it is accepted again: an edit alone never changes the plan (`pendingEdits`).
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import {
  editedSinceAcceptance,
  forecastsCovering,
  forecastValues,
  getForecast,
  type ForecastRecord,
  type ForecastValueRecord,
} from '../models/repositories/forecasts';
import { runForecast, type EngineForecast } from './forecast-engine';
import { inputsFingerprint, loadEngineInputs, ResultCache } from './forecast-inputs';
import { weekRange } from '../forecasting/week';

/** Computed weeks: the page and the staffing requirement ask for the same week in a row. */
const computed = new ResultCache<EngineForecast>(32);

export interface ForecastWeekPoint {
  /** ISO UTC start of the interval. */
  start: string;
  /** Contacts expected in the interval (adjusted if adjusted). */
  volume: number;
  ahtSeconds: number | null;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface ForecastWeek {
  forecastId: number | null;
  status: 'accepted' | 'draft' | 'computed';
  points: ForecastWeekPoint[];
  /** The accepted forecast was edited since: these points are the accepted ones, not the edits. */
  pendingEdits?: boolean;
  /** When the forecast used was accepted (null if not accepted). */
  acceptedAt?: string | null;
  /** Computed from no history at all: zeros that say nothing about the week. */
  noHistory?: boolean;
}

export interface ForecastWeekQuery {
  channelId: string;
  /** Local Monday, 'YYYY-MM-DD'. */
  weekStart: string;
  zone: string;
  intervalMinutes: number;
  now: Date;
}

/** Every interval start of [from, to) at `intervalMinutes`, ISO UTC. */
export function intervalStarts(from: string, to: string, intervalMinutes: number): string[] {
  const out: string[] = [];
  const end = Date.parse(to);
  for (let t = Date.parse(from); t < end; t += intervalMinutes * 60_000) out.push(new Date(t).toISOString());
  return out;
}

/** A stored value as a plan point: adjusted volume, bands scaled alike. */
export function storedPoint(v: ForecastValueRecord, fallbackAht: number | null): ForecastWeekPoint {
  const volume = v.adjustedVolume ?? v.volume;
  const ratio = v.adjustedVolume === null ? 1 : v.volume > 0 ? v.adjustedVolume / v.volume : NaN;
  const scale = (x: number) => (Number.isNaN(ratio) ? volume : x * ratio);
  return {
    start: v.start,
    volume,
    ahtSeconds: v.ahtSeconds ?? fallbackAht,
    lower80: Math.min(volume, scale(v.lower80)),
    upper80: Math.max(volume, scale(v.upper80)),
    lower95: Math.min(volume, scale(v.lower95)),
    upper95: Math.max(volume, scale(v.upper95)),
  };
}

/** The week's values of a stored forecast, or null if they do not cover every interval. */
async function storedWeek(ds: DataSource, forecastId: number, starts: string[]): Promise<ForecastValueRecord[] | null> {
  const values = await forecastValues(ds, forecastId, {
    from: starts[0],
    to: DateTime.fromISO(starts[starts.length - 1])
      .plus({ minutes: 1 })
      .toUTC()
      .toISO()!,
  });
  const byStart = new Map(values.map((v) => [Date.parse(v.start), v]));
  const out: ForecastValueRecord[] = [];
  for (const s of starts) {
    const v = byStart.get(Date.parse(s));
    if (!v) return null;
    out.push(v);
  }
  return out;
}

/** Mean AHT of the stored values that have one (volume-weighted), for values without. */
function typicalAht(values: ForecastValueRecord[]): number | null {
  let work = 0;
  let weight = 0;
  for (const v of values) {
    if (v.ahtSeconds === null) continue;
    const w = Math.max(v.volume, 1e-6);
    work += v.ahtSeconds * w;
    weight += w;
  }
  return weight > 0 ? work / weight : null;
}

export interface ResolvedWeek {
  status: 'accepted' | 'draft' | 'computed' | 'superseded';
  /** The stored forecast used, null when computed. */
  forecast: ForecastRecord | null;
  /** The stored values of the week (null when computed). */
  values: ForecastValueRecord[] | null;
  /** The engine's answer when computed. */
  computed: EngineForecast | null;
  /** What the plan uses. */
  points: ForecastWeekPoint[];
  /** The forecast with every edit in force: the plan's points unless `pendingEdits`. */
  currentPoints: ForecastWeekPoint[];
  /** Accepted, then edited: the plan keeps the accepted volumes until accepted again. */
  pendingEdits: boolean;
}

/**
 * The forecast of the week as the plan sees it (see the module comment), or the stored
 * forecast `forecastId` if asked for and it covers the whole week (any status).
 */
/**
 * The stored forecast the plan uses for the week (the accepted one, else the newest draft; the
 * one asked for first) with its values of the week, or null when none covers every interval.
 */
export async function storedForecastOfWeek(
  ds: DataSource,
  q: Omit<ForecastWeekQuery, 'now'> & { forecastId?: number | null },
): Promise<{ forecast: ForecastRecord; values: ForecastValueRecord[] } | null> {
  const { from, to } = weekRange(q.weekStart, q.zone);
  const starts = intervalStarts(from, to, q.intervalMinutes);
  const covering = await forecastsCovering(ds, { channelId: q.channelId, from, to, statuses: ['accepted', 'draft'] });
  const candidates: ForecastRecord[] = [
    ...covering.filter((c) => c.status === 'accepted'),
    ...covering.filter((c) => c.status === 'draft'),
  ];
  // The one asked for goes first; if it does not cover the week, the usual choice follows.
  const asked = q.forecastId ? await getForecast(ds, q.forecastId) : null;
  if (asked && asked.channelId === q.channelId) candidates.unshift(asked);
  for (const f of candidates) {
    const values = await storedWeek(ds, f.id, starts);
    if (values) return { forecast: f, values };
  }
  return null;
}

export async function resolveForecastWeek(ds: DataSource, q: ForecastWeekQuery & { forecastId?: number | null }): Promise<ResolvedWeek> {
  const { from, to } = weekRange(q.weekStart, q.zone);
  const stored = await storedForecastOfWeek(ds, q);
  if (stored) {
    const { forecast: f, values } = stored;
    const aht = typicalAht(values);
    const currentPoints = values.map((v) => storedPoint(v, aht));
    const pendingEdits = editedSinceAcceptance(f);
    // The snapshot stands in for the adjusted volume: the bands follow it as they follow an adjustment.
    const points = pendingEdits
      ? values.map((v) => storedPoint({ ...v, adjustedVolume: v.acceptedVolume ?? v.adjustedVolume }, aht))
      : currentPoints;
    return { status: f.status, forecast: f, values, computed: null, points, currentPoints, pendingEdits };
  }
  const computed = await computeWeek(ds, q, from, to);
  const points = computed.points.map((p) => ({ ...p }));
  return { status: 'computed', forecast: null, values: null, computed, points, currentPoints: points, pendingEdits: false };
}

export async function forecastForWeek(ds: DataSource, q: ForecastWeekQuery): Promise<ForecastWeek> {
  const r = await resolveForecastWeek(ds, q);
  // Without a forecastId only accepted and draft forecasts are looked at: never 'superseded'.
  return {
    forecastId: r.forecast?.id ?? null,
    status: r.status as ForecastWeek['status'],
    points: r.points,
    pendingEdits: r.pendingEdits,
    acceptedAt: r.forecast?.acceptedAt ?? null,
    ...(r.computed?.method === 'none' ? { noHistory: true } : {}),
  };
}

/**
 * A forecast of [from, to) from history only, as it would have been made at `from` (or at the
 * end of the history, if that comes first: the engine forecasts across the gap).
 */
export async function computeWeek(
  ds: DataSource,
  q: Omit<ForecastWeekQuery, 'weekStart'>,
  from: string,
  to: string,
): Promise<EngineForecast> {
  const key = JSON.stringify([q.channelId, q.zone, q.intervalMinutes, from, to, await inputsFingerprint(ds, q.channelId)]);
  return computed.get(key, async () => {
    const inputs = await loadEngineInputs(ds, { channelId: q.channelId, zone: q.zone, intervalMinutes: q.intervalMinutes, origin: from });
    return runForecast({
      history: inputs.history,
      zone: q.zone,
      intervalMinutes: q.intervalMinutes,
      start: from,
      end: to,
      events: inputs.events,
    });
  });
}
