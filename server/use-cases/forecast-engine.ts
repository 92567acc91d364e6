/**
 * The thin adapter between stored history (UTC instants, closed hours without a row) and the
 * forecasting engine (a local wall-clock grid). Everything the pages need from forecasting/
 * goes through here, so a change in the engine's API touches one file.
 *
 * Assumptions:
 * - A local day with at least one stored interval is a day the centre reported: its intervals
 *   without a row are closed hours (0 contacts). A day without any row is missing (NaN).
 * - Handle time is forecast per slot of the week as the volume-weighted mean of the same slot
 *   over the last AHT_WEEKS weeks before the origin, falling back to the mean over those weeks
 *   (the channel's typical AHT), else null (the caller decides).
 */
import { DateTime } from 'luxon';
import { buildGrid, epochDay, isoOfDay, localOfIndex, indexOfLocal, sliceGrid, type LocalPoint } from '../../forecasting/grid';
import { dayMarks, type CalendarEvent as EngineEvent } from '../../forecasting/calendar/day-marks';
import { forecastGrid } from '../../forecasting/engine';

export interface EngineHistoryPoint {
  /** ISO UTC start of the interval. */
  start: string;
  volume: number;
  ahtSeconds: number | null;
}

export interface EngineEventInput {
  /** Local dates, inclusive. */
  from: string;
  to: string;
  /** A day off (holiday effect learned unless effectPercent) or an event (campaign, outage). */
  dayOff: boolean;
  /** Expected change of volume, percent; null = learn it (days off only). */
  effectPercent: number | null;
  name: string;
}

export interface EnginePoint {
  start: string;
  volume: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
  ahtSeconds: number | null;
}

export interface EngineCandidate {
  method: string;
  wape: number;
  mase: number;
  bias: number;
}

export interface EngineForecast {
  method: string;
  chosenBecause: string;
  candidates: EngineCandidate[];
  warnings: string[];
  specialDays: { date: string; key: string; factor: number; basis: string }[];
  points: EnginePoint[];
}

export interface EngineRequest {
  history: EngineHistoryPoint[];
  zone: string;
  intervalMinutes: number;
  /** Start of the first forecast interval (ISO UTC); only history before it is used. */
  origin: string;
  /** End of the last forecast interval (ISO UTC, exclusive). */
  end: string;
  events: EngineEventInput[];
  method?: string;
}

const AHT_WEEKS = 8;

function localKey(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** History as local points, closed hours of reported days filled with 0 (see the module comment). */
export function toLocalPoints(history: EngineHistoryPoint[], zone: string, intervalMinutes: number): LocalPoint[] {
  const points = history.map((h) => ({ local: localKey(h.start, zone), volume: h.volume, ahtSeconds: h.ahtSeconds }));
  const seen = new Set(points.map((p) => p.local));
  const days = new Set(points.map((p) => p.local.slice(0, 10)));
  const spd = 1440 / intervalMinutes;
  for (const day of days) {
    const d = epochDay(day);
    for (let s = 0; s < spd; s++) {
      const local = localOfIndex(s, d, intervalMinutes);
      if (!seen.has(local)) points.push({ local, volume: 0, ahtSeconds: null });
    }
  }
  return points;
}

function toEngineEvents(events: EngineEventInput[]): EngineEvent[] {
  return events.map((e) => ({
    from: e.from,
    to: e.to,
    kind: e.dayOff ? 'holiday' : 'event',
    effectPct: e.effectPercent === null ? undefined : e.effectPercent,
    note: e.name,
  }));
}

/** Volume-weighted AHT per slot of the week over the last AHT_WEEKS weeks before `origin`. */
function ahtBySlot(aht: Float64Array | undefined, values: Float64Array, origin: number, spd: number, firstDay: number): { slot: Float64Array; overall: number } {
  const week = 7 * spd;
  const work = new Float64Array(week);
  const weight = new Float64Array(week);
  let allWork = 0;
  let allWeight = 0;
  if (aht) {
    for (let i = Math.max(0, origin - AHT_WEEKS * week); i < Math.min(origin, aht.length); i++) {
      const a = aht[i];
      const v = values[i];
      if (!(a > 0) || !(v > 0)) continue;
      const k = (((firstDay + Math.floor(i / spd) + 3) % 7) * spd + (i % spd)) % week;
      work[k] += a * v;
      weight[k] += v;
      allWork += a * v;
      allWeight += v;
    }
  }
  const slot = new Float64Array(week);
  for (let k = 0; k < week; k++) slot[k] = weight[k] > 0 ? work[k] / weight[k] : NaN;
  return { slot, overall: allWeight > 0 ? allWork / allWeight : NaN };
}

/** Forecasts [origin, end) from the history before `origin`. */
export function runForecast(req: EngineRequest): EngineForecast {
  const { zone, intervalMinutes } = req;
  const spd = 1440 / intervalMinutes;
  const local = toLocalPoints(req.history, zone, intervalMinutes);
  const originLocal = localKey(req.origin, zone);
  const grid = buildGrid(local, intervalMinutes);
  // History starting after the origin is of no use: forecast as if there were none.
  const firstDay = local.length && grid.firstDay <= epochDay(originLocal) ? grid.firstDay : epochDay(originLocal);
  const origin = indexOfLocal(originLocal, firstDay, intervalMinutes);
  const endIndex = indexOfLocal(localKey(req.end, zone), firstDay, intervalMinutes);
  const horizon = Math.max(0, endIndex - origin);
  const g = firstDay === grid.firstDay ? sliceGrid(grid, origin) : sliceGrid({ ...grid, values: new Float64Array(0), aht: undefined, firstDay }, origin);
  const lastDay = firstDay + Math.ceil(endIndex / spd) + 1;
  const marks = dayMarks(firstDay, lastDay, { publicHolidays: 'GE', events: toEngineEvents(req.events) });
  const f = forecastGrid(g, origin, horizon, { marks, method: req.method ?? 'auto' });
  const aht = ahtBySlot(g.aht, g.values, origin, spd, firstDay);
  const week = 7 * spd;
  const points: EnginePoint[] = [];
  for (let h = 0; h < horizon; h++) {
    const i = origin + h;
    const day = firstDay + Math.floor(i / spd);
    const k = (((day + 3) % 7) * spd + (i % spd)) % week;
    const a = Number.isFinite(aht.slot[k]) ? aht.slot[k] : aht.overall;
    points.push({
      start: DateTime.fromISO(localOfIndex(i, firstDay, intervalMinutes), { zone }).toUTC().toISO()!,
      volume: f.point[h],
      lower80: f.lower80[h],
      upper80: f.upper80[h],
      lower95: f.lower95[h],
      upper95: f.upper95[h],
      ahtSeconds: Number.isFinite(a) ? a : null,
    });
  }
  return { method: f.method, chosenBecause: f.chosenBecause, candidates: f.candidates, warnings: f.warnings, specialDays: f.specialDays, points };
}

export { isoOfDay };
