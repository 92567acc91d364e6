/**
 * Forecast accuracy per channel and past week:
 * - stored: the accepted forecast of each past week against the actual history (WAPE, bias);
 * - backtest: what the automatic method would have scored on each of the last N whole weeks,
 *   each forecast from the history before its Monday (useful before any forecast was accepted).
 *
 * The backtest runs the engine once per week and method; its result is kept in memory under
 * the inputs' fingerprint, so reloading the page is instant and any new history or event
 * recomputes it.
 */
import { DateTime } from 'luxon';
import type { ForecastWarning } from '../forecasting/warnings';
import type { DataSource } from '../models';
import { listChannels } from '../models/repositories/settings';
import { teamHistoryBounds } from './history-week';
import { historyRange } from '../models/repositories/history';
import { forecastsCovering, forecastValues } from '../models/repositories/forecasts';
import { accuracyByWeek, type BacktestResult } from '../forecasting/index';
import { runWeeklyBacktest } from './forecast-engine';
import { storedPoint } from './forecast-for-week';
import { inputsFingerprint, loadEngineInputs, ResultCache, spreadToInterval, teamClock } from './forecast-inputs';
import { addWeeks, mondayOf, weekRange } from '../forecasting/week';

export interface StoredWeekAccuracy {
  weekStart: string;
  forecastId: number;
  method: string;
  forecast: number;
  actual: number;
  wape: number;
  bias: number;
}

export interface BacktestWeek {
  weekStart: string;
  chosen: string;
  wape: number;
}

export interface ChannelAccuracy {
  channelId: string;
  nameKey: string;
  stored: StoredWeekAccuracy[];
  backtest: { weeks: BacktestWeek[]; methods: BacktestResult['methods']; warnings: ForecastWarning[] } | null;
}

export interface AccuracyPageData {
  zone: string;
  weeks: number;
  /** Monday after the last whole week of history (null without history). */
  before: string | null;
  channels: ChannelAccuracy[];
}

const cache = new ResultCache<BacktestResult | null>(16);

/** Monday after the last local day of history: a history ending on a Sunday includes that week. */
function mondayAfterLastDay(last: string, zone: string): string {
  return mondayOf(DateTime.fromISO(last, { zone }).plus({ days: 1 }).toISODate()!, zone);
}

export async function forecastAccuracy(
  ds: DataSource,
  q: { fallbackZone: string; weeks: number; teamId?: number },
): Promise<AccuracyPageData> {
  const { zone, intervalMinutes } = await teamClock(ds, q.fallbackZone, q.teamId);
  const teamChannels = await listChannels(ds, q.teamId);
  const { last } = await teamHistoryBounds(ds, q.teamId === undefined ? null : teamChannels.map((c) => c.id));
  const before = last ? mondayAfterLastDay(last, zone) : null;
  const channels: ChannelAccuracy[] = [];
  for (const c of teamChannels) {
    if (!before) {
      channels.push({ channelId: c.id, nameKey: c.nameKey, stored: [], backtest: null });
      continue;
    }
    channels.push({
      channelId: c.id,
      nameKey: c.nameKey,
      stored: await storedAccuracy(ds, c.id, zone, intervalMinutes, before, q.weeks),
      backtest: await backtestWeeks(ds, c.id, zone, intervalMinutes, before, q.weeks),
    });
  }
  return { zone, weeks: q.weeks, before, channels };
}

/** Accepted forecasts (still accepted or since superseded) of the past weeks against the actuals. */
async function storedAccuracy(
  ds: DataSource,
  channelId: string,
  zone: string,
  intervalMinutes: number,
  before: string,
  weeks: number,
): Promise<StoredWeekAccuracy[]> {
  const out: StoredWeekAccuracy[] = [];
  for (let k = weeks; k >= 1; k--) {
    const weekStart = addWeeks(before, -k);
    const { from, to } = weekRange(weekStart, zone);
    const accepted = (await forecastsCovering(ds, { channelId, from, to, statuses: ['accepted', 'superseded'] })).filter(
      (f) => f.acceptedAt !== null,
    );
    if (accepted.length === 0) continue;
    const f = accepted[0];
    const values = await forecastValues(ds, f.id, { from, to });
    const actuals = spreadToInterval(await historyRange(ds, { channelId, from, to }), zone, intervalMinutes);
    if (values.length === 0 || actuals.length === 0) continue;
    // accuracyByWeek groups by the local date written in the start: give it local times with offset.
    const local = (iso: string) => DateTime.fromISO(iso, { zone }).toISO()!;
    const [week] = accuracyByWeek(
      values.map((v) => ({ start: local(v.start), volume: storedPoint(v, null).volume })),
      actuals.map((a) => ({ start: local(a.start), volume: a.volume })),
    );
    if (week)
      out.push({
        weekStart,
        forecastId: f.id,
        method: f.method,
        forecast: week.forecast,
        actual: week.actual,
        wape: week.wape,
        bias: week.bias,
      });
  }
  return out;
}

async function backtestWeeks(ds: DataSource, channelId: string, zone: string, intervalMinutes: number, before: string, weeks: number) {
  const origin = weekRange(before, zone).from;
  const key = JSON.stringify([channelId, zone, intervalMinutes, before, weeks, await inputsFingerprint(ds, channelId)]);
  const result = await cache.get(key, async () => {
    const inputs = await loadEngineInputs(ds, { channelId, zone, intervalMinutes, origin });
    return runWeeklyBacktest(inputs.history, zone, intervalMinutes, inputs.events, origin, weeks);
  });
  if (!result) return null;
  return {
    weeks: result.folds.map((f) => ({ weekStart: f.from.slice(0, 10), chosen: f.chosen, wape: f.wape })),
    methods: result.methods,
    warnings: result.warnings,
  };
}
