/**
 * Test data for the forecast pages: a regular hourly history (open 09:00-22:59 local, closed
 * hours without a row, like the demo), calendar events and stored forecasts, with defaults and
 * overrides. The history is noise-free unless asked, so an exact forecast is known in advance:
 * every week repeats `expectedVolume`.
 */
import { DateTime } from 'luxon';
import { Platform, type DataSource } from '../../models';
import { DEMO_PLATFORMS } from '../../seeds/demo-team';
import { seedMinimalTeam } from './app';
import { insertHistory, type HistoryRow } from '../../models/repositories/history';
import { createCalendarEvent, type CalendarEventInput, type CalendarEventRecord } from '../../models/repositories/calendar-events';
import { createForecast, type ForecastRecord, type ForecastValueRecord, type NewForecast } from '../../models/repositories/forecasts';

export const ZONE = 'Asia/Tbilisi';
export const OPEN_HOUR = 9;
export const CLOSE_HOUR = 23;
/** Weekday multipliers, Monday first. */
const WEEKDAY = [1.2, 1.1, 1.0, 1.0, 0.95, 0.6, 0.5];

/** Contacts in the local hour `hour` of a day with ISO weekday `weekday` (1 = Monday), per channel scale. */
export function expectedVolume(
  weekday: number,
  hour: number,
  scale = 10,
  hours: { open: number; close: number } = { open: OPEN_HOUR, close: CLOSE_HOUR },
): number {
  if (hour < hours.open || hour >= hours.close) return 0;
  const shape = 1 + Math.sin((Math.PI * (hour - hours.open)) / (hours.close - hours.open));
  return Math.round(scale * WEEKDAY[weekday - 1] * shape);
}

export interface HistoryOptions {
  channelId?: string;
  /** Local Monday after the last day of history. */
  endMonday?: string;
  weeks?: number;
  scale?: number;
  ahtSeconds?: number | null;
  /** Open hours, local (default 09:00-23:00; { open: 0, close: 24 } for a 24/7 centre). */
  hours?: { open: number; close: number };
  /** Multiplies each day's volume, e.g. to put an outage into the history. */
  dayFactor?: (date: string) => number;
}

export function historyRows(o: HistoryOptions = {}): HistoryRow[] {
  const end = DateTime.fromISO(o.endMonday ?? '2026-11-16', { zone: ZONE });
  const rows: HistoryRow[] = [];
  for (let day = end.minus({ weeks: o.weeks ?? 10 }); day < end; day = day.plus({ days: 1 })) {
    const f = o.dayFactor?.(day.toISODate()!) ?? 1;
    const hours = o.hours ?? { open: OPEN_HOUR, close: CLOSE_HOUR };
    for (let hour = hours.open; hour < hours.close; hour++) {
      rows.push({
        start: day.set({ hour }).toUTC().toISO()!,
        channelId: o.channelId ?? 'voice',
        platformCode: '',
        intervalMinutes: 60,
        offered: Math.round(expectedVolume(day.weekday, hour, o.scale, hours) * f),
        answered: null,
        abandoned: null,
        ahtSeconds: o.ahtSeconds === undefined ? 300 : o.ahtSeconds,
      });
    }
  }
  return rows;
}

export async function seedHistory(ds: DataSource, o: HistoryOptions = {}): Promise<number> {
  return insertHistory(ds, historyRows(o));
}

export async function makeCalendarEvent(ds: DataSource, o: Partial<CalendarEventInput> = {}): Promise<CalendarEventRecord> {
  return createCalendarEvent(
    ds,
    {
      startDate: '2026-12-01',
      endDate: '2026-12-01',
      kind: 'campaign',
      name: 'Winter campaign',
      channelId: null,
      platformCode: null,
      effectPercent: 20,
      note: '',
      ...o,
    },
    'coordinator',
    '2026-11-20T08:00:00.000Z',
  );
}

/** A stored forecast of `weeks` weeks from `weekStart` with every hour at `volume` (bands ±10 %/±20 %). */
export async function makeForecast(
  ds: DataSource,
  o: Partial<NewForecast> & { weeks?: number; volume?: number; intervalMinutes?: number } = {},
): Promise<ForecastRecord> {
  const weekStart = o.weekStart ?? '2026-11-16';
  const from = DateTime.fromISO(weekStart, { zone: ZONE });
  const to = from.plus({ weeks: o.weeks ?? 1 });
  const step = o.intervalMinutes ?? 60;
  const volume = o.volume ?? 10;
  const values: ForecastValueRecord[] = [];
  for (let t = from; t < to; t = t.plus({ minutes: step })) {
    values.push({
      start: t.toUTC().toISO()!,
      volume,
      lower80: volume * 0.9,
      upper80: volume * 1.1,
      lower95: volume * 0.8,
      upper95: volume * 1.2,
      ahtSeconds: 300,
      adjustedVolume: null,
    });
  }
  return createForecast(
    ds,
    {
      channelId: o.channelId ?? 'voice',
      weekStart,
      horizonStart: from.toUTC().toISO()!,
      horizonEnd: to.toUTC().toISO()!,
      method: o.method ?? 'seasonal-naive',
      chosenBecause: o.chosenBecause ?? 'test',
      candidates: o.candidates ?? [],
      warnings: o.warnings ?? [],
      createdAt: o.createdAt ?? '2026-11-14T08:00:00.000Z',
      createdBy: o.createdBy ?? 'coordinator',
      status: o.status,
    },
    values,
  );
}

/**
 * The minimal team with voice split over two platforms, Bazari twice Sadili's size (scales 20
 * and 10) in every hour, ten weeks to Monday 16 November 2026; chat (not split) at `chatScale`.
 */
export async function seedTwoPlatforms(ds: DataSource, o: { chatScale?: number } = {}): Promise<void> {
  await seedMinimalTeam(ds);
  await ds.getRepository(Platform).insert(DEMO_PLATFORMS.filter((p) => ['bazari', 'sadili'].includes(p.code)));
  await insertHistory(ds, [
    ...historyRows({ weeks: 10, endMonday: '2026-11-16', scale: 20 }).map((r) => ({ ...r, platformCode: 'bazari' })),
    ...historyRows({ weeks: 10, endMonday: '2026-11-16', scale: 10 }).map((r) => ({ ...r, platformCode: 'sadili' })),
    ...(o.chatScale === undefined ? [] : historyRows({ weeks: 10, endMonday: '2026-11-16', channelId: 'chat', scale: o.chatScale })),
  ]);
}
