/**
 * A stored forecast's adjustments on its values and, once one targets a platform, on its split
 * by platform (issue #13): replayed in order by the domain's `applyAdjustmentsByPlatform`, so
 * that in every interval the channel stays the sum of its platforms.
 *
 * The split is made at a forecast's first platform adjustment and stored with it
 * (`forecast_platform_values`): each platform's share of the interval in the reconciled platform
 * forecast (the one the platforms page shows) times the channel's model volume there. Undo and
 * restore replay on that same split, whatever history is imported later.
 */
import { DateTime } from 'luxon';
import type { Db } from '../models/repositories/db';
import {
  forecastPlatformValues,
  forecastValues,
  insertForecastPlatformValues,
  listForecastAdjustments,
  storeAdjustedVolumes,
  type ForecastAdjustmentRecord,
  type ForecastRecord,
  type ForecastValueRecord,
} from '../models/repositories/forecasts';
import { historyRange, platformTotals } from '../models/repositories/history';
import { listCalendarEvents } from '../models/repositories/calendar-events';
import { applyAdjustmentsByPlatform, type PlatformAdjustment, type PlatformPart, type SplitAdjusted } from '../forecasting/index';
import { runPlatformForecast, type EnginePlatformHistory } from './forecast-engine';
import type { HierarchyForecast } from '../forecasting/index';
import { spreadToInterval, toEngineEvent } from './forecast-inputs';

/**
 * Weeks of history behind the platform forecasts: half a year holds the recent shares and
 * enough weeks to back-test the reconciliation, at a tenth of the two years the channel's own
 * forecast reads (ten platforms, each forecast four times).
 */
export const PLATFORM_HISTORY_WEEKS = 26;

/** Each platform's history of `channelId` in the PLATFORM_HISTORY_WEEKS weeks before `before` (those with contacts). */
export async function loadPlatformHistories(
  ds: Db,
  q: { channelId: string; before: string; zone: string; intervalMinutes: number },
): Promise<EnginePlatformHistory[]> {
  const from = DateTime.fromISO(q.before).minus({ weeks: PLATFORM_HISTORY_WEEKS }).toUTC().toISO()!;
  const codes = (await platformTotals(ds, { from, to: q.before }))
    .filter((t) => t.channelId === q.channelId && t.volume > 0)
    .map((t) => t.platformCode);
  const out: EnginePlatformHistory[] = [];
  for (const code of codes) {
    const points = await historyRange(ds, { channelId: q.channelId, from, to: q.before, platformCode: code });
    out.push({
      platform: code,
      history: spreadToInterval(
        points.map((p) => ({ start: p.start, volume: p.volume, ahtSeconds: p.ahtSeconds })),
        q.zone,
        q.intervalMinutes,
      ),
    });
  }
  return out;
}

/**
 * Each platform's share of the channel in each interval of [from, to) (aligned with `starts`), from
 * the reconciled platform forecast; an interval where it forecasts 0 takes the platforms' shares
 * of the whole range. Without platform history: one part, '' (contacts not split), share 1.
 */
export async function platformShares(
  ds: Db,
  q: { channelId: string; zone: string; intervalMinutes: number; from: string; to: string; starts: string[] },
): Promise<{ platform: string; shares: number[] }[]> {
  const histories = await loadPlatformHistories(ds, {
    channelId: q.channelId,
    before: q.from,
    zone: q.zone,
    intervalMinutes: q.intervalMinutes,
  });
  const events = (await listCalendarEvents(ds, { channelId: q.channelId })).map(toEngineEvent);
  const f = runPlatformForecast(histories, { zone: q.zone, intervalMinutes: q.intervalMinutes, start: q.from, end: q.to, events });
  return shareRows(f, q.starts);
}

/** Each platform's share of `f`'s channel at each of `starts` (its share of the whole where the channel is 0). */
function shareRows(f: HierarchyForecast | null, starts: string[]): { platform: string; shares: number[] }[] {
  if (!f) return [{ platform: '', shares: starts.map(() => 1) }];
  const at = new Map(f.channel.points.map((p, i) => [Date.parse(p.start), i]));
  return f.platforms.map((p) => ({
    platform: p.platform,
    shares: starts.map((s) => {
      const i = at.get(Date.parse(s));
      const total = i === undefined ? 0 : f.channel.points[i].volume;
      return i !== undefined && total > 0 ? p.points[i].volume / total : p.share;
    }),
  }));
}

/** A split of `values`' model volumes by the shares of the platform forecast `f` (not stored). */
export function sharesOf(f: HierarchyForecast | null, values: ForecastValueRecord[]): PlatformPart[] {
  return shareRows(
    f,
    values.map((v) => v.start),
  ).map((s) => ({ platform: s.platform, volumes: values.map((v, i) => s.shares[i] * v.volume) }));
}

/** A forecast's split: its stored parts, else made from the platform shares (not stored here). */
export interface ForecastSplit {
  stored: boolean;
  parts: PlatformPart[];
}

/** Stored parts aligned with `values` (a part without a row at an interval is 0 there). */
export function alignStored(rows: Awaited<ReturnType<typeof forecastPlatformValues>>, values: ForecastValueRecord[]): PlatformPart[] {
  const index = new Map(values.map((v, i) => [v.start, i]));
  const parts = new Map<string, number[]>();
  for (const r of rows) {
    let volumes = parts.get(r.platformCode);
    if (!volumes) parts.set(r.platformCode, (volumes = values.map(() => 0)));
    const i = index.get(r.start);
    if (i !== undefined) volumes[i] = r.volume;
  }
  return [...parts].map(([platform, volumes]) => ({ platform, volumes }));
}

/** Interval length of a stored forecast, from its values (60 with fewer than two). */
function stepMinutes(values: ForecastValueRecord[]): number {
  return values.length > 1 ? Math.round((Date.parse(values[1].start) - Date.parse(values[0].start)) / 60_000) : 60;
}

/** The split of `forecast`: stored, or made now from the platform shares over its horizon. */
export async function forecastSplit(
  ds: Db,
  forecast: ForecastRecord,
  zone: string,
  values?: ForecastValueRecord[],
): Promise<ForecastSplit> {
  const all = values ?? (await forecastValues(ds, forecast.id));
  const rows = await forecastPlatformValues(ds, forecast.id);
  if (rows.length > 0) return { stored: true, parts: alignStored(rows, all) };
  const shares = await platformShares(ds, {
    channelId: forecast.channelId,
    zone,
    intervalMinutes: stepMinutes(all),
    from: forecast.horizonStart,
    to: forecast.horizonEnd,
    starts: all.map((v) => v.start),
  });
  return { stored: false, parts: shares.map((s) => ({ platform: s.platform, volumes: all.map((v, i) => s.shares[i] * v.volume) })) };
}

/** `parts` with a part of zeros for `platform` if it has none (a platform without history here: its launch). */
export function withPlatform(parts: PlatformPart[], platform: string | null, n: number): PlatformPart[] {
  if (platform === null || parts.some((p) => p.platform === platform)) return parts;
  return [...parts, { platform, volumes: new Array(n).fill(0) }];
}

export function toPlatformAdjustment(
  a: Pick<ForecastAdjustmentRecord, 'fromStart' | 'toStart' | 'kind' | 'value' | 'platformCode'>,
): PlatformAdjustment {
  return { from: a.fromStart, to: a.toStart, kind: a.kind, value: a.value, platform: a.platformCode };
}

/** The adjustments in force applied to the model values and the split (pure; nothing stored). */
export function replayed(
  values: ForecastValueRecord[],
  parts: PlatformPart[],
  adjustments: Pick<ForecastAdjustmentRecord, 'fromStart' | 'toStart' | 'kind' | 'value' | 'platformCode' | 'undoneAt'>[],
): SplitAdjusted {
  const points = values.map((v) => ({
    start: v.start,
    volume: v.volume,
    lower80: v.lower80,
    upper80: v.upper80,
    lower95: v.lower95,
    upper95: v.upper95,
  }));
  return applyAdjustmentsByPlatform(points, parts, adjustments.filter((a) => a.undoneAt === null).map(toPlatformAdjustment));
}

/**
 * Replays the adjustments in force of forecast `forecastId` on its values and stored split and
 * writes the adjusted volumes that changed. `newSplit`: a split to store first (the forecast's
 * first platform adjustment), or a part to add to the stored one. Run inside the edit's transaction.
 */
export async function replayAdjustments(db: Db, forecastId: number, newSplit: PlatformPart[] = []): Promise<void> {
  const values = await forecastValues(db, forecastId);
  if (newSplit.length > 0)
    await insertForecastPlatformValues(
      db,
      forecastId,
      newSplit.flatMap((p) => values.map((v, i) => ({ platformCode: p.platform, start: v.start, volume: p.volumes[i] }))),
    );
  const rows = await forecastPlatformValues(db, forecastId);
  const parts = alignStored(rows, values);
  const out = replayed(values, parts, await listForecastAdjustments(db, forecastId));
  const storedPart = new Map(rows.map((r) => [`${r.platformCode} ${r.start}`, r.adjustedVolume]));
  const channel = out.channel
    .map((c, i) => ({ start: c.start, adjustedVolume: c.adjusted ? c.volume : null, before: values[i].adjustedVolume }))
    .filter((c) => c.adjustedVolume !== c.before);
  const platforms = out.platforms.flatMap((p) =>
    p.volumes
      .map((v, i) => ({ platformCode: p.platform, start: values[i].start, adjustedVolume: p.adjusted[i] ? v : null }))
      .filter((r) => storedPart.has(`${r.platformCode} ${r.start}`) && storedPart.get(`${r.platformCode} ${r.start}`) !== r.adjustedVolume),
  );
  await storeAdjustedVolumes(db, forecastId, { channel, platforms });
}
