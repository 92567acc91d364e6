/**
 * What every forecast use case reads before calling the engine: the channel's stored history
 * before the origin and the coordinator's calendar events, plus week arithmetic in the team zone.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { historyBounds, historyRange, listHistoryImports, platformTotals } from '../models/repositories/history';
import { loadTeamSettings } from './team-settings';
import { listCalendarEvents, type CalendarEventRecord } from '../models/repositories/calendar-events';
import type { EngineEventInput, EngineHistoryPoint } from './forecast-engine';

/** Two years: enough for the engine to learn each public holiday's effect from a past one. */
export const HISTORY_WEEKS = 104;

/** Days off: the holiday effect is learned from history unless the coordinator gave one (0 = not given). */
export function toEngineEvent(e: CalendarEventRecord): EngineEventInput {
  const dayOff = e.kind === 'holiday' || e.kind === 'government_day_off';
  return {
    from: e.startDate,
    to: e.endDate,
    dayOff,
    effectPercent: dayOff && e.effectPercent === 0 ? null : e.effectPercent,
    name: e.name,
    platform: e.platformCode,
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * History stored at a coarser interval than the team plans in (hourly rows imported before the
 * team switched to 30 minutes) spread evenly over the finer intervals: an hour of 10 contacts
 * becomes two half-hours of 5. Rows already at the team's interval (or finer: the engine sums
 * those) come back unchanged. The stored interval is read off the rows' local minutes.
 */
export function spreadToInterval<T extends { start: string; volume: number }>(points: T[], zone: string, intervalMinutes: number): T[] {
  let stored = 60;
  for (const p of points) {
    const minute = DateTime.fromISO(p.start, { zone }).minute;
    stored = gcd(stored, minute);
    if (stored <= intervalMinutes) return points;
  }
  if (points.length === 0 || stored % intervalMinutes !== 0) return points;
  const parts = stored / intervalMinutes;
  const out: T[] = [];
  for (const p of points) {
    const t0 = Date.parse(p.start);
    for (let k = 0; k < parts; k++)
      out.push({ ...p, start: new Date(t0 + k * intervalMinutes * 60_000).toISOString(), volume: p.volume / parts });
  }
  return out;
}

export interface EngineInputs {
  history: EngineHistoryPoint[];
  events: EngineEventInput[];
  /** End of the last stored interval (ISO UTC), null without history. */
  historyEnd: string | null;
}

/** History of `channelId` in [origin − HISTORY_WEEKS weeks, origin) and the events touching the channel. */
export async function loadEngineInputs(
  ds: DataSource,
  q: { channelId: string; zone: string; intervalMinutes: number; origin: string; weeksBack?: number },
): Promise<EngineInputs> {
  const from = DateTime.fromISO(q.origin)
    .minus({ weeks: q.weeksBack ?? HISTORY_WEEKS })
    .toUTC()
    .toISO()!;
  const points = await historyRange(ds, { channelId: q.channelId, from, to: q.origin });
  const events = await listCalendarEvents(ds, { channelId: q.channelId });
  const bounds = await historyBounds(ds, q.channelId);
  const historyEnd = bounds.last ? DateTime.fromISO(bounds.last).plus({ minutes: q.intervalMinutes }).toUTC().toISO()! : null;
  return {
    history: spreadToInterval(
      points.map((p) => ({ start: p.start, volume: p.volume, ahtSeconds: p.ahtSeconds })),
      q.zone,
      q.intervalMinutes,
    ),
    events: await channelEvents(ds, events, q.channelId, q.origin),
    historyEnd,
  };
}

/** Weeks whose platform shares turn an event on one platform into the channel's change. */
export const PLATFORM_SHARE_WEEKS = 4;

/**
 * The channel's events for its own forecast (the one staffing uses): an event on one platform
 * moves the channel by that platform's share of it, its share of the channel's contacts over
 * the PLATFORM_SHARE_WEEKS weeks before the origin (+50 % on a platform with a fifth of the
 * contacts = +10 % on the channel); the platforms page applies it to the platform itself.
 */
async function channelEvents(
  ds: DataSource,
  events: CalendarEventRecord[],
  channelId: string,
  origin: string,
): Promise<EngineEventInput[]> {
  const shares = new Map<string, number>();
  if (events.some((e) => e.platformCode !== null)) {
    const from = DateTime.fromISO(origin).minus({ weeks: PLATFORM_SHARE_WEEKS }).toUTC().toISO()!;
    const totals = (await platformTotals(ds, { from, to: origin })).filter((t) => t.channelId === channelId);
    const sum = totals.reduce((a, t) => a + t.volume, 0);
    for (const t of totals) if (sum > 0) shares.set(t.platformCode, t.volume / sum);
  }
  return events.map((e) => {
    const base = toEngineEvent(e);
    if (e.platformCode === null) return base;
    return { ...base, platform: null, effectPercent: e.effectPercent * (shares.get(e.platformCode) ?? 0) };
  });
}

/** The team's zone and interval length (settings row; `fallbackZone` and 60 before setup). */
export async function teamClock(ds: DataSource, fallbackZone: string, teamId?: number): Promise<{ zone: string; intervalMinutes: number }> {
  const settings = await loadTeamSettings(ds, { fallbackZone, teamId });
  return { zone: settings.timeZone, intervalMinutes: settings.intervalMinutes };
}

/** Which database a fingerprint belongs to (tests open many in one process). */
const sourceIds = new WeakMap<DataSource, number>();
let sourceCount = 0;

/**
 * A cheap fingerprint of everything a computed forecast of `channelId` depends on besides the
 * request itself: the history's size, ends and latest import (a replacing import keeps the size
 * but adds an import), and the channel's events with their versions. Equal fingerprints, equal
 * forecasts: computed results are cached under it.
 */
export async function inputsFingerprint(ds: DataSource, channelId: string): Promise<string> {
  if (!sourceIds.has(ds)) sourceIds.set(ds, ++sourceCount);
  const bounds = await historyBounds(ds, channelId);
  const [latest] = await listHistoryImports(ds, { limit: 1 });
  const events = await listCalendarEvents(ds, { channelId });
  return JSON.stringify([
    sourceIds.get(ds),
    bounds.count,
    bounds.first,
    bounds.last,
    latest?.id ?? null,
    events.map((e) => [e.id, e.version]),
  ]);
}

/** A small least-recently-used cache for computed forecasts and backtests (per process). */
export class ResultCache<T> {
  // Promises, not values: a second caller while the first computes waits for the same result
  // (the page and a background warm-up never compute one forecast twice). A failure is forgotten.
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly size: number) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    return value;
  }
}
