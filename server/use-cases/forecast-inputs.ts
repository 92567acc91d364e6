/**
 * What every forecast use case reads before calling the engine: the channel's stored history
 * before the origin and the coordinator's calendar events, plus week arithmetic in the team zone.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../../models';
import { historyBounds, historyRange } from '../../models/repositories/history';
import { getTeamSettings } from '../../models/repositories/settings';
import { listCalendarEvents, type CalendarEventRecord } from '../../models/repositories/calendar-events';
import type { EngineEventInput, EngineHistoryPoint } from './forecast-engine';

/** Two years: enough for the engine to learn each public holiday's effect from a past one. */
export const HISTORY_WEEKS = 104;

/** Monday 00:00 local of the week holding `date` ('YYYY-MM-DD' or an instant), as 'YYYY-MM-DD'. */
export function mondayOf(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).startOf('week').toISODate()!;
}

/** [from, to) of `weeks` weeks from local Monday `weekStart`, ISO UTC. */
export function weekRange(weekStart: string, zone: string, weeks = 1): { from: string; to: string } {
  const monday = DateTime.fromISO(weekStart, { zone }).startOf('day');
  return { from: monday.toUTC().toISO()!, to: monday.plus({ weeks }).toUTC().toISO()! };
}

export function addWeeks(weekStart: string, weeks: number): string {
  return DateTime.fromISO(weekStart, { zone: 'utc' }).plus({ weeks }).toISODate()!;
}

/** Days off: the holiday effect is learned from history unless the coordinator gave one (0 = not given). */
export function toEngineEvent(e: CalendarEventRecord): EngineEventInput {
  const dayOff = e.kind === 'holiday' || e.kind === 'government_day_off';
  return { from: e.startDate, to: e.endDate, dayOff, effectPercent: dayOff && e.effectPercent === 0 ? null : e.effectPercent, name: e.name };
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
  const from = DateTime.fromISO(q.origin).minus({ weeks: q.weeksBack ?? HISTORY_WEEKS }).toUTC().toISO()!;
  const points = await historyRange(ds, { channelId: q.channelId, from, to: q.origin });
  const events = await listCalendarEvents(ds, { channelId: q.channelId });
  const bounds = await historyBounds(ds, q.channelId);
  const historyEnd = bounds.last ? DateTime.fromISO(bounds.last).plus({ minutes: q.intervalMinutes }).toUTC().toISO()! : null;
  return {
    history: points.map((p) => ({ start: p.start, volume: p.volume, ahtSeconds: p.ahtSeconds })),
    events: events.map(toEngineEvent),
    historyEnd,
  };
}

/** The team's zone and interval length (settings row; `fallbackZone` and 60 before setup). */
export async function teamClock(ds: DataSource, fallbackZone: string): Promise<{ zone: string; intervalMinutes: number }> {
  const settings = await getTeamSettings(ds);
  return { zone: settings?.timeZone ?? fallbackZone, intervalMinutes: settings?.intervalMinutes ?? 60 };
}
