/**
 * The platforms of one channel for one week: each platform's forecast, its share of the channel,
 * its recent history and the trend between them; the platforms add up to the channel in every
 * interval. Where a stored forecast covers the week (the one the forecast page and staffing
 * use), its figures are shown with its adjustments in force, split by platform as its platform
 * adjustments were made (app/forecast-adjustments.ts): the channel total is the forecast page's,
 * and a platform adjustment shows on its platform. Without one, the reconciled platform forecast
 * is computed from the history. Read-only.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { listChannels, listPlatforms } from '../models/repositories/settings';
import { forecastPlatformValues, listForecastAdjustments } from '../models/repositories/forecasts';
import { listCalendarEvents } from '../models/repositories/calendar-events';
import type { Reconciliation, ReconciliationScore } from '../forecasting/index';
import { addWeeks, mondayOf, weekRange } from '../forecasting/week';
import { runPlatformForecast } from './forecast-engine';
import { teamClock, toEngineEvent } from './forecast-inputs';
import { storedForecastOfWeek } from './forecast-for-week';
import { alignStored, loadPlatformHistories, replayed, sharesOf } from './forecast-adjustments';

export { PLATFORM_HISTORY_WEEKS } from './forecast-adjustments';

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
  /** The stored forecast whose figures are shown (with its adjustments); null = computed here. */
  storedForecastId: number | null;
  channel: Omit<PlatformRow, 'code' | 'name' | 'method'>;
  platforms: PlatformRow[];
}

/** Null when the channel is unknown (the route answers 404). */
export async function forecastPlatformsPage(
  ds: DataSource,
  q: { channelId?: string; weekStart?: string; fallbackZone: string; now: Date; teamId?: number },
): Promise<PlatformsPageData | null> {
  const { zone, intervalMinutes } = await teamClock(ds, q.fallbackZone, q.teamId);
  const channels = await listChannels(ds, q.teamId);
  const channelId = q.channelId ?? channels[0]?.id;
  if (!channelId || !channels.some((c) => c.id === channelId)) return null;
  const weekStart = q.weekStart ? mondayOf(q.weekStart, zone) : addWeeks(mondayOf(q.now.toISOString(), zone), 1);
  const { from, to } = weekRange(weekStart, zone);
  const recentFrom = weekRange(addWeeks(weekStart, -TREND_WEEKS), zone).from;
  const names = new Map((await listPlatforms(ds)).map((p) => [p.code, p.name]));
  const histories = await loadPlatformHistories(ds, { channelId, before: from, zone, intervalMinutes });
  const events = (await listCalendarEvents(ds, { channelId })).map(toEngineEvent);
  const f = runPlatformForecast(histories, { zone, intervalMinutes, start: from, end: to, events });
  // Each platform's points of the week: the stored forecast's, adjusted, when one covers the week.
  const stored = await storedForecastOfWeek(ds, { channelId, weekStart, zone, intervalMinutes });
  let weekPoints: { platform: string; points: { start: string; volume: number }[] }[];
  if (stored) {
    // Adjustments act interval by interval: replaying the week's values alone gives the week's
    // figures. Its split is the stored one, else the shares of the platform forecast just made
    // (the split a first platform adjustment stores comes from the forecast's own start).
    const values = stored.values;
    const rows = await forecastPlatformValues(ds, stored.forecast.id, { from, to });
    const parts = rows.length > 0 ? alignStored(rows, values) : sharesOf(f, values);
    const out = replayed(values, parts, await listForecastAdjustments(ds, stored.forecast.id));
    weekPoints = out.platforms.map((p) => ({
      platform: p.platform,
      points: values.map((v, i) => ({ start: v.start, volume: p.volumes[i] })),
    }));
  } else weekPoints = f?.platforms.map((p) => ({ platform: p.platform, points: p.points })) ?? [];
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
  const recentOfCode = new Map(histories.map((h, i) => [h.platform, recent[i]]));
  const byCode = new Map((f?.platforms ?? []).map((p) => [p.platform, p]));
  const channelDays = new Array(7).fill(0);
  const rows = weekPoints.map((w) => {
    const days = new Array(7).fill(0);
    for (const p of w.points) if (dayOf(p.start) >= 0) days[dayOf(p.start)] += p.volume;
    days.forEach((v, k) => (channelDays[k] += v));
    const mine = recentOfCode.get(w.platform) ?? 0;
    return {
      code: w.platform,
      name: names.get(w.platform) ?? null,
      days,
      forecast: days.reduce((a, b) => a + b, 0),
      recentWeekly: mine,
      method: byCode.get(w.platform)?.method ?? '',
    };
  });
  const channelForecast = channelDays.reduce((a, b) => a + b, 0);
  const platformRows: PlatformRow[] = rows.map((r) => ({
    ...r,
    share: channelForecast > 0 ? r.forecast / channelForecast : 0,
    recentShare: recentTotal > 0 ? r.recentWeekly / recentTotal : 0,
    trend: r.recentWeekly > 0 ? r.forecast / r.recentWeekly - 1 : null,
  }));
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
    storedForecastId: stored?.forecast.id ?? null,
    channel: {
      days: channelDays,
      forecast: channelForecast,
      share: channelForecast > 0 ? 1 : 0,
      recentWeekly: recentTotal,
      recentShare: recentTotal > 0 ? 1 : 0,
      trend: recentTotal > 0 ? channelForecast / recentTotal - 1 : null,
    },
    platforms: platformRows.sort((a, b) => b.forecast - a.forecast),
  };
}
