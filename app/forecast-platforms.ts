/**
 * The platforms of one channel for one week: each platform's forecast (reconciled, so the
 * platforms add up to the channel in every interval), its share of the channel, its recent
 * history and the trend between them. Read-only: staffing and the rota keep using the
 * channel's own forecast (the forecast page), never these.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { listChannels, listPlatforms } from '../models/repositories/settings';
import { historyRange, platformTotals } from '../models/repositories/history';
import { listCalendarEvents } from '../models/repositories/calendar-events';
import type { Reconciliation, ReconciliationScore } from '../forecasting/index';
import { addWeeks, mondayOf, weekRange } from '../forecasting/week';
import { runPlatformForecast } from './forecast-engine';
import { spreadToInterval, teamClock, toEngineEvent } from './forecast-inputs';

/**
 * Weeks of history behind the platform forecasts: half a year holds the recent shares and
 * enough weeks to back-test the reconciliation, at a tenth of the two years the channel's own
 * forecast reads (ten platforms, each forecast four times, on every page view).
 */
export const PLATFORM_HISTORY_WEEKS = 26;
/** Weeks of actuals the trend compares the forecast week with. */
export const TREND_WEEKS = 4;

export interface PlatformRow {
  /** '' = contacts not split by platform. */
  code: string;
  name: string | null;
  /** Forecast contacts in the week, per local day (Monday first). */
  days: number[];
  forecast: number;
  /** Share of the channel's forecast week. */
  share: number;
  /** Mean weekly contacts over the TREND_WEEKS weeks before the week (those with history). */
  recentWeekly: number;
  /** Share of the channel over those weeks. */
  recentShare: number;
  /** forecast ÷ recentWeekly − 1; null without recent contacts. */
  trend: number | null;
  method: string;
}

export interface PlatformsPageData {
  zone: string;
  channels: { id: string; nameKey: string }[];
  channelId: string;
  weekStart: string;
  prevWeek: string;
  nextWeek: string;
  /** Local dates of the week. */
  dates: string[];
  reconciliation: Reconciliation | null;
  scores: ReconciliationScore[];
  channel: Omit<PlatformRow, 'code' | 'name' | 'method'>;
  platforms: PlatformRow[];
}

/** Null when the channel is unknown (the route answers 404). */
export async function forecastPlatformsPage(
  ds: DataSource,
  q: { channelId?: string; weekStart?: string; fallbackZone: string; now: Date },
): Promise<PlatformsPageData | null> {
  const { zone, intervalMinutes } = await teamClock(ds, q.fallbackZone);
  const channels = await listChannels(ds);
  const channelId = q.channelId ?? channels[0]?.id;
  if (!channelId || !channels.some((c) => c.id === channelId)) return null;
  const weekStart = q.weekStart ? mondayOf(q.weekStart, zone) : addWeeks(mondayOf(q.now.toISOString(), zone), 1);
  const { from, to } = weekRange(weekStart, zone);
  const historyFrom = weekRange(addWeeks(weekStart, -PLATFORM_HISTORY_WEEKS), zone).from;
  const recentFrom = weekRange(addWeeks(weekStart, -TREND_WEEKS), zone).from;
  const names = new Map((await listPlatforms(ds)).map((p) => [p.code, p.name]));
  const codes = (await platformTotals(ds, { from: historyFrom, to: from }))
    .filter((t) => t.channelId === channelId && t.volume > 0)
    .map((t) => t.platformCode);
  const histories = [];
  for (const code of codes) {
    const points = await historyRange(ds, { channelId, from: historyFrom, to: from, platformCode: code });
    histories.push({
      platform: code,
      history: spreadToInterval(
        points.map((p) => ({ start: p.start, volume: p.volume, ahtSeconds: p.ahtSeconds })),
        zone,
        intervalMinutes,
      ),
    });
  }
  const events = (await listCalendarEvents(ds, { channelId })).map(toEngineEvent);
  const f = runPlatformForecast(histories, { zone, intervalMinutes, start: from, end: to, events });
  const dates = Array.from({ length: 7 }, (_, d) => DateTime.fromISO(weekStart, { zone }).plus({ days: d }).toISODate()!);
  const dayOf = (iso: string) => dates.indexOf(DateTime.fromISO(iso, { zone }).toISODate()!);
  // Weeks of the window with any history (a forecast weeks ahead has empty weeks before it).
  const weeksWithData = new Set<number>();
  const weekIndex = (iso: string) => Math.floor((Date.parse(iso) - Date.parse(recentFrom)) / (7 * 86_400_000));
  for (const h of histories) for (const p of h.history) if (p.start >= recentFrom && p.start < from) weeksWithData.add(weekIndex(p.start));
  const recentOf = (h: { start: string; volume: number }[]) =>
    h.filter((p) => p.start >= recentFrom && p.start < from).reduce((a, p) => a + p.volume, 0) / Math.max(1, weeksWithData.size);
  const recent = histories.map((h) => recentOf(h.history));
  const recentTotal = recent.reduce((a, b) => a + b, 0);
  const rows: PlatformRow[] = histories.map((h, i) => {
    const days = new Array(7).fill(0);
    for (const p of f?.platforms[i].points ?? []) if (dayOf(p.start) >= 0) days[dayOf(p.start)] += p.volume;
    const forecast = days.reduce((a, b) => a + b, 0);
    return {
      code: h.platform,
      name: names.get(h.platform) ?? null,
      days,
      forecast,
      share: f?.platforms[i].share ?? 0,
      recentWeekly: recent[i],
      recentShare: recentTotal > 0 ? recent[i] / recentTotal : 0,
      trend: recent[i] > 0 ? forecast / recent[i] - 1 : null,
      method: f?.platforms[i].method ?? '',
    };
  });
  const channelDays = new Array(7).fill(0);
  for (const p of f?.channel.points ?? []) if (dayOf(p.start) >= 0) channelDays[dayOf(p.start)] += p.volume;
  const channelForecast = channelDays.reduce((a, b) => a + b, 0);
  return {
    zone,
    channels: channels.map((c) => ({ id: c.id, nameKey: c.nameKey })),
    channelId,
    weekStart,
    prevWeek: addWeeks(weekStart, -1),
    nextWeek: addWeeks(weekStart, 1),
    dates,
    reconciliation: f?.reconciliation ?? null,
    scores: f?.scores ?? [],
    channel: {
      days: channelDays,
      forecast: channelForecast,
      share: channelForecast > 0 ? 1 : 0,
      recentWeekly: recentTotal,
      recentShare: recentTotal > 0 ? 1 : 0,
      trend: recentTotal > 0 ? channelForecast / recentTotal - 1 : null,
    },
    platforms: rows.sort((a, b) => b.forecast - a.forecast),
  };
}
