/**
 * The thin adapter between stored history (UTC instants, closed hours without a row) and the
 * forecasting engine's public API. Everything the pages need from forecasting/ goes through
 * here, so a change in the engine touches one file.
 *
 * Assumption: a local day with at least one stored interval is a day the centre reported, so
 * its intervals without a row are closed hours (0 contacts); a day without any row is missing.
 * The engine needs this: it treats an absent interval as missing, and a day with a missing
 * interval has no day total (no daily shape, no learned holiday effect).
 */
import type { ForecastWarning } from '../forecasting/warnings';
import type { ForecastNote } from '../forecasting/notes';
import {
  ZoneClock,
  backtest,
  dailyShape,
  forecastHierarchy,
  forecastSeries,
  weeklyShape,
  type BacktestResult,
  type HierarchyForecast,
  type CalendarEvent,
  type CalendarOptions,
  type ForecastOptions,
  type DailyShape,
  type HistoryPoint,
  type IntradayUpdate,
  type WeekdayTotal,
} from '../forecasting/index';

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
  /** Only this platform's contacts (its code); null = the whole channel. */
  platform: string | null;
}

export interface EnginePoint {
  /** ISO UTC. */
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
  /** Why `method` (codes, see forecasting/notes.ts). */
  chosenBecause: ForecastNote[];
  candidates: EngineCandidate[];
  warnings: ForecastWarning[];
  specialDays: { date: string; key: string; factor: number; basis: ForecastNote }[];
  points: EnginePoint[];
  /** When the start lies inside a day with arrivals: how the rest of it was re-forecast. */
  intraday?: IntradayUpdate;
}

export interface EngineRequest {
  history: EngineHistoryPoint[];
  zone: string;
  intervalMinutes: number;
  /** Start of the first forecast interval (ISO UTC); only history before it is used. */
  start: string;
  /** End of the last forecast interval (ISO UTC, exclusive). */
  end: string;
  events: EngineEventInput[];
  method?: string;
  /** See ForecastOptions.dayAheadMemo. */
  dayAheadMemo?: ForecastOptions['dayAheadMemo'];
}

const DAY_MS = 86_400_000;

/**
 * History with the closed hours of reported days filled in as 0 (see the module comment).
 * Order is not kept: the engine puts points on its grid by time, whatever their order.
 */
export function withClosedHours(history: EngineHistoryPoint[], zone: string, intervalMinutes: number): HistoryPoint[] {
  const clock = new ZoneClock(zone);
  const step = intervalMinutes * 60_000;
  const seen = new Set<number>();
  const days = new Set<number>();
  const out: HistoryPoint[] = [];
  for (const h of history) {
    const ms = Date.parse(h.start);
    seen.add(ms);
    days.add(Math.floor(clock.toLocalMs(ms) / DAY_MS));
    out.push({ start: h.start, volume: h.volume, ahtSeconds: h.ahtSeconds });
  }
  for (const day of days) {
    const first = day * DAY_MS;
    // One offset for the whole day unless it changes that day (DST): then resolve each slot.
    const offset = clock.offsetMinutes(first - clock.offsetMinutes(first) * 60_000);
    const steady = clock.offsetMinutes(first + DAY_MS - offset * 60_000 - 1) === offset;
    for (let local = first; local < first + DAY_MS; local += step) {
      let ms = local - offset * 60_000;
      if (!steady) {
        const r = clock.resolveLocal(local);
        ms = r.kind === 'ok' ? r.ms : r.kind === 'ambiguous' ? r.earlier : NaN;
      }
      if (Number.isNaN(ms) || seen.has(ms)) continue;
      seen.add(ms);
      out.push({ start: new Date(ms).toISOString(), volume: 0, ahtSeconds: null });
    }
  }
  return out;
}

function calendarOf(events: EngineEventInput[]): CalendarOptions {
  const list: CalendarEvent[] = events.map((e) => ({
    from: e.from,
    to: e.to,
    kind: e.dayOff ? 'holiday' : 'event',
    effectPct: e.effectPercent === null ? undefined : e.effectPercent,
    note: e.name,
  }));
  return { publicHolidays: 'GE', events: list };
}

const utc = (iso: string) => new Date(Date.parse(iso)).toISOString();

/** Forecasts [start, end) from the history before `start` (from the end of the history if it stops earlier). */
export function runForecast(req: EngineRequest): EngineForecast {
  const intervals = Math.round((Date.parse(req.end) - Date.parse(req.start)) / (req.intervalMinutes * 60_000));
  const history = withClosedHours(
    req.history.filter((h) => h.start < req.start),
    req.zone,
    req.intervalMinutes,
  );
  if (history.length === 0 || intervals <= 0) return emptyForecast(req, intervals);
  const f = forecastSeries(history, {
    zone: req.zone,
    start: req.start,
    intervals,
    intervalMinutes: req.intervalMinutes,
    method: req.method ?? 'auto',
    calendar: calendarOf(req.events),
    dayAheadMemo: req.dayAheadMemo,
  });
  return {
    method: f.method,
    chosenBecause: f.chosenBecause,
    candidates: f.candidates,
    warnings: f.warnings,
    specialDays: f.specialDays,
    ...(f.intraday ? { intraday: f.intraday } : {}),
    points: f.points.map((p) => ({
      start: utc(p.start),
      volume: p.volume,
      lower80: p.lower80,
      upper80: p.upper80,
      lower95: p.lower95,
      upper95: p.upper95,
      ahtSeconds: p.ahtSeconds ?? null,
    })),
  };
}

/** Without history there is nothing to learn from: zeros, and a warning that says so. */
function emptyForecast(req: EngineRequest, intervals: number): EngineForecast {
  const step = req.intervalMinutes * 60_000;
  const t0 = Date.parse(req.start);
  return {
    method: 'none',
    chosenBecause: [{ code: 'noHistory', params: {} }],
    candidates: [],
    warnings: [{ code: 'noHistory', params: {} }],
    specialDays: [],
    points: Array.from({ length: Math.max(0, intervals) }, (_, k) => ({
      start: new Date(t0 + k * step).toISOString(),
      volume: 0,
      lower80: 0,
      upper80: 0,
      lower95: 0,
      upper95: 0,
      ahtSeconds: null,
    })),
  };
}

export interface EngineShapes {
  daily: DailyShape[];
  weekly: WeekdayTotal[];
}

/** Intraday profile per weekday and mean day total per weekday over the last `weeks` weeks. */
export function runShapes(
  history: EngineHistoryPoint[],
  zone: string,
  intervalMinutes: number,
  events: EngineEventInput[],
  weeks = 8,
): EngineShapes | null {
  const filled = withClosedHours(history, zone, intervalMinutes);
  if (filled.length === 0) return null;
  const options = { zone, intervalMinutes, weeks, calendar: calendarOf(events) };
  return { daily: dailyShape(filled, options), weekly: weeklyShape(filled, options) };
}

/**
 * What the automatic method would have scored on each of the last `weeks` whole weeks before
 * `before` (ISO UTC of a local Monday): a rolling-origin backtest, one fold per week. Null when
 * the history is too short.
 */
export function runWeeklyBacktest(
  history: EngineHistoryPoint[],
  zone: string,
  intervalMinutes: number,
  events: EngineEventInput[],
  before: string,
  weeks: number,
): BacktestResult | null {
  const filled = withClosedHours(
    history.filter((h) => h.start < before),
    zone,
    intervalMinutes,
  );
  try {
    return backtest(filled, { zone, intervalMinutes, folds: weeks, horizon: 168, calendar: calendarOf(events) });
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

export interface EnginePlatformHistory {
  /** '' = contacts not split by platform. */
  platform: string;
  history: EngineHistoryPoint[];
}

/**
 * The channel and its platforms over [start, end), reconciled (forecasting/hierarchy.ts). A
 * platform without a row at an interval the channel reported had no contacts there (0), not a
 * missing value; closed hours are filled as for the channel. Null without history.
 */
export function runPlatformForecast(
  platforms: EnginePlatformHistory[],
  q: { zone: string; intervalMinutes: number; start: string; end: string; events: EngineEventInput[] },
): HierarchyForecast | null {
  // An event on one platform scales that platform's reconciled forecast (forecastHierarchy), so
  // the channel, the sum of its platforms, moves by exactly that platform's change; an event on
  // a platform without history here has nothing to change.
  const known = new Set(platforms.map((p) => p.platform));
  const platformEvents = q.events
    .filter((e) => e.platform !== null && known.has(e.platform) && !e.dayOff)
    .map((e) => ({ platform: e.platform!, from: e.from, to: e.to, effectPct: e.effectPercent ?? 0 }));
  const intervals = Math.round((Date.parse(q.end) - Date.parse(q.start)) / (q.intervalMinutes * 60_000));
  const starts = new Set<string>();
  for (const p of platforms) for (const h of p.history) if (h.start < q.start) starts.add(h.start);
  if (!starts.size || intervals <= 0 || !platforms.length) return null;
  const series = platforms.map((p) => {
    const own = p.history.filter((h) => h.start < q.start);
    const seen = new Set(own.map((h) => h.start));
    const zeros = [...starts].filter((s) => !seen.has(s)).map((start) => ({ start, volume: 0, ahtSeconds: null }));
    return { platform: p.platform, history: withClosedHours([...own, ...zeros], q.zone, q.intervalMinutes) };
  });
  return forecastHierarchy(series, {
    zone: q.zone,
    start: q.start,
    intervals,
    intervalMinutes: q.intervalMinutes,
    calendar: calendarOf(q.events.filter((e) => e.platform === null)),
    platformEvents,
  });
}
