/**
 * "Generate": the coordinator's forecast of the next GENERATE_WEEKS weeks per channel from the
 * stored history (method auto, Georgian holidays and the calendar events), stored as a draft
 * with one value per interval. Values go in in chunks inside one transaction per channel.
 */
import type { DataSource } from '../models';
import { withTransaction } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { listChannels } from '../models/repositories/settings';
import { createForecast, type ForecastRecord } from '../models/repositories/forecasts';
import { runForecast } from './forecast-engine';
import { GENERATE_WEEKS } from './forecast-page';
import { loadEngineInputs, teamClock } from './forecast-inputs';
import { addWeeks, mondayOf, weekRange } from '../forecasting/week';

export interface GenerateRequest {
  /** One channel id, or null for every channel. */
  channelId: string | null;
  /** First week (any date in it); the coming week when null. */
  weekStart: string | null;
  weeks?: number;
  fallbackZone: string;
  now: Date;
  user: { id: number; username: string };
  /** The team whose channels are forecast; absent, every channel of the install. */
  teamId?: number;
}

export interface GenerateResult {
  forecasts: ForecastRecord[];
  /** Channels with no history before the horizon: nothing to forecast from, so nothing stored. */
  withoutHistory: { id: string; nameKey: string }[];
  weekStart: string;
  /** Milliseconds the engine took per channel (history to points). */
  engineMs: Record<string, number>;
}

export async function generateForecasts(ds: DataSource, r: GenerateRequest): Promise<GenerateResult | null> {
  const { zone, intervalMinutes } = await teamClock(ds, r.fallbackZone, r.teamId);
  const channels = (await listChannels(ds, r.teamId)).filter((c) => r.channelId === null || c.id === r.channelId);
  if (channels.length === 0) return null;
  const thisWeek = mondayOf(r.now.toISOString(), zone);
  const weekStart = r.weekStart ? mondayOf(r.weekStart, zone) : addWeeks(thisWeek, 1);
  const weeks = r.weeks ?? GENERATE_WEEKS;
  const { from, to } = weekRange(weekStart, zone, weeks);
  const createdAt = r.now.toISOString();
  const forecasts: ForecastRecord[] = [];
  const engineMs: Record<string, number> = {};
  const withoutHistory: GenerateResult['withoutHistory'] = [];
  for (const channel of channels) {
    const inputs = await loadEngineInputs(ds, { channelId: channel.id, zone, intervalMinutes, origin: from });
    const t0 = performance.now();
    const f = runForecast({ history: inputs.history, zone, intervalMinutes, start: from, end: to, events: inputs.events });
    engineMs[channel.id] = Math.round(performance.now() - t0);
    // A forecast of zeros would plan a week with no one on the queue: store none, and say why.
    if (f.method === 'none') {
      withoutHistory.push({ id: channel.id, nameKey: channel.nameKey });
      continue;
    }
    const saved = await withTransaction(ds, async (tx) => {
      const record = await createForecast(
        tx,
        {
          channelId: channel.id,
          weekStart,
          horizonStart: from,
          horizonEnd: to,
          method: f.method,
          chosenBecause: f.chosenBecause,
          candidates: f.candidates,
          warnings: f.warnings,
          createdAt,
          createdBy: r.user.username,
        },
        f.points.map((p) => ({ ...p, adjustedVolume: null })),
      );
      await appendAudit(tx, {
        at: createdAt,
        userId: r.user.id,
        action: 'forecast.generate',
        entity: 'forecast',
        entityId: record.id,
        detail: { channelId: channel.id, weekStart, weeks, method: f.method },
      });
      return record;
    });
    forecasts.push(saved);
  }
  return { forecasts, withoutHistory, weekStart, engineMs };
}
