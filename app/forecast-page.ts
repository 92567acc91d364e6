/**
 * The forecast page of one channel and week: the forecast the plan uses (or the stored one
 * asked for), the history of the weeks before it, which model was chosen and why, the daily
 * and weekly shape, special days, adjustments and the forecasts stored for the week.
 */
import type { DataSource } from '../models';
import type { ForecastWarning } from '../forecasting/warnings';
import type { ForecastNote } from '../forecasting/notes';
import { listChannels, listPlatforms } from '../models/repositories/settings';
import { historyBounds, historyRange, type HistoryPoint } from '../models/repositories/history';
import {
  forecastsCovering,
  forecastValues,
  getForecast,
  listForecastAdjustments,
  type ForecastAdjustmentRecord,
  type ForecastRecord,
} from '../models/repositories/forecasts';
import { listCalendarEvents } from '../models/repositories/calendar-events';
import { georgianHolidaysBetween } from '../forecasting/index';
import { runShapes, type EngineCandidate, type EngineShapes } from './forecast-engine';
import { resolveForecastWeek, storedPoint, type ForecastWeekPoint, type ResolvedWeek } from './forecast-for-week';
import { loadEngineInputs, spreadToInterval, teamClock } from './forecast-inputs';
import { addWeeks, mondayOf, weekRange } from '../forecasting/week';

/** Weeks of history drawn before the forecast week on the chart. */
export const CHART_HISTORY_WEEKS = 3;
/** Weeks a generated forecast covers. */
export const GENERATE_WEEKS = 6;

export interface SpecialDayInfo {
  date: string;
  /** Public holiday key (holiday.<key>) or null for a coordinator event. */
  holidayKey: string | null;
  eventName: string | null;
  effectPercent: number | null;
  /** The engine's multiplier when the forecast was computed here. */
  factor: number | null;
}

export interface ForecastPageData {
  zone: string;
  intervalMinutes: number;
  channels: { id: string; nameKey: string }[];
  channelId: string;
  weekStart: string;
  /** Forecast weeks on the chart. */
  span: number;
  prevWeek: string;
  nextWeek: string;
  /** Monday of the week after this one: where "generate" starts by default. */
  planningWeek: string;
  resolved: ResolvedWeek;
  method: string;
  /** Codes; a plain string was stored before they were codes. */
  chosenBecause: ForecastNote[] | string;
  candidates: EngineCandidate[];
  /** Codes and figures; a plain string was stored before warnings were codes. */
  warnings: (ForecastWarning | string)[];
  specialDays: SpecialDayInfo[];
  /**
   * The forecast drawn on the chart: the shown stored forecast wherever it covers
   * [chartFrom, chartTo) (earlier weeks to compare with the actuals, later weeks of its horizon),
   * else the week's computed points.
   */
  chartForecast: ForecastWeekPoint[];
  /** End of the chart: the end of the week plus `span − 1` weeks. */
  chartTo: string;
  /** History from CHART_HISTORY_WEEKS weeks before the week to its end. */
  actuals: HistoryPoint[];
  chartFrom: string;
  weekFrom: string;
  weekTo: string;
  shapes: EngineShapes | null;
  adjustments: ForecastAdjustmentRecord[];
  /** The team's platforms: an adjustment's choices, and the names in the list of adjustments. */
  platforms: { code: string; name: string }[];
  forecasts: ForecastRecord[];
  historyFirst: string | null;
  historyLast: string | null;
}

export interface ForecastPageQuery {
  channelId?: string;
  weekStart?: string;
  forecastId?: number;
  /** Forecast weeks on the chart, from the shown week on (1-6). */
  span?: number;
  fallbackZone: string;
  now: Date;
  /** The team whose channels the page offers; absent, every channel of the install. */
  teamId?: number;
}

/** Null when the channel or the forecast asked for is unknown or another team's (the route answers 404). */
export async function forecastPage(ds: DataSource, q: ForecastPageQuery): Promise<ForecastPageData | null> {
  const { zone, intervalMinutes } = await teamClock(ds, q.fallbackZone, q.teamId);
  const channels = await listChannels(ds, q.teamId);
  const asked = q.forecastId ? await getForecast(ds, q.forecastId) : null;
  if (q.forecastId && (!asked || !channels.some((c) => c.id === asked.channelId))) return null;
  const channelId = q.channelId ?? asked?.channelId ?? channels[0]?.id;
  if (!channelId || !channels.some((c) => c.id === channelId)) return null;
  const planningWeek = addWeeks(mondayOf(q.now.toISOString(), zone), 1);
  const weekStart = q.weekStart ? mondayOf(q.weekStart, zone) : (asked?.weekStart ?? planningWeek);
  const { from, to } = weekRange(weekStart, zone);
  const chartFrom = weekRange(addWeeks(weekStart, -CHART_HISTORY_WEEKS), zone).from;
  const span = Math.min(GENERATE_WEEKS, Math.max(1, q.span ?? 1));
  const chartTo = weekRange(weekStart, zone, span).to;

  const resolved = await resolveForecastWeek(ds, {
    channelId,
    weekStart,
    zone,
    intervalMinutes,
    now: q.now,
    forecastId: q.forecastId ?? null,
  });
  const inputs = await loadEngineInputs(ds, { channelId, zone, intervalMinutes, origin: from, weeksBack: 9 });
  const bounds = await historyBounds(ds, channelId);
  const f = resolved.forecast;
  return {
    zone,
    intervalMinutes,
    channels: channels.map((c) => ({ id: c.id, nameKey: c.nameKey })),
    channelId,
    weekStart,
    span,
    prevWeek: addWeeks(weekStart, -1),
    nextWeek: addWeeks(weekStart, 1),
    planningWeek,
    resolved,
    method: f?.method ?? resolved.computed?.method ?? '',
    chosenBecause: f?.chosenBecause ?? resolved.computed?.chosenBecause ?? [],
    candidates: (f?.candidates ?? resolved.computed?.candidates ?? []).map((c) => ({
      method: c.method,
      wape: c.wape ?? NaN,
      mase: c.mase ?? NaN,
      bias: c.bias ?? NaN,
    })),
    warnings: f?.warnings ?? resolved.computed?.warnings ?? [],
    specialDays: await specialDays(ds, channelId, weekStart, addWeeks(weekStart, 1), resolved),
    chartForecast: f
      ? (await forecastValues(ds, f.id, { from: chartFrom, to: chartTo })).map((v) => storedPoint(v, null))
      : resolved.points,
    chartTo,
    actuals: spreadToInterval(await historyRange(ds, { channelId, from: chartFrom, to }), zone, intervalMinutes),
    chartFrom,
    weekFrom: from,
    weekTo: to,
    shapes: runShapes(inputs.history, zone, intervalMinutes, inputs.events),
    adjustments: f ? await listForecastAdjustments(ds, f.id) : [],
    platforms: (await listPlatforms(ds)).map((p) => ({ code: p.code, name: p.name })),
    forecasts: await forecastsCovering(ds, { channelId, from, to }),
    historyFirst: bounds.first,
    historyLast: bounds.last,
  };
}

/** Public holidays and coordinator events on the days of [weekStart, nextWeek). */
async function specialDays(
  ds: DataSource,
  channelId: string,
  weekStart: string,
  nextWeek: string,
  resolved: ResolvedWeek,
): Promise<SpecialDayInfo[]> {
  const lastDay = dayBefore(nextWeek);
  const factorOf = new Map((resolved.computed?.specialDays ?? []).map((d) => [d.date, d.factor]));
  const out: SpecialDayInfo[] = georgianHolidaysBetween(weekStart, lastDay).map((h) => ({
    date: h.date,
    holidayKey: `holiday.${h.key}`,
    eventName: null,
    effectPercent: null,
    factor: factorOf.get(h.date) ?? null,
  }));
  for (const e of await listCalendarEvents(ds, { fromDate: weekStart, toDate: lastDay, channelId })) {
    out.push({
      date: e.startDate < weekStart ? weekStart : e.startDate,
      holidayKey: null,
      eventName: e.name,
      effectPercent: e.effectPercent,
      factor: factorOf.get(e.startDate) ?? null,
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
