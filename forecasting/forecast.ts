/**
 * `forecastSeries`: one channel's history in, the coming intervals out, with the chosen method,
 * why, how the candidates scored, warnings, 80%/95% intervals and handle time.
 */
import { DateTime } from 'luxon';
import { warning, type ForecastWarning } from './warnings';
import type { ForecastNote } from './notes';
import { forecastAht } from './aht';
import { dayMarks, type CalendarOptions } from './calendar/day-marks';
import { forecastGrid, type CandidateScore, type SpecialDay } from './engine';
import { FoldMemo } from './fold-memo';
import { sliceGrid } from './grid';
import type { MonthTurnEffect } from './month-turn';
import { instantsOf, prepareSeries, type HistoryPoint, type PreparedSeries } from './series';
import { SeriesCuts } from './series-cuts';
import { parseTimestamp } from './timestamp';
import { ZoneClock } from './zone-clock';
import { BACKTEST_DAYS, chooseKappa, intradayMultiplier, type IntradayDay, type KappaChoice } from './intraday';

export interface ForecastOptions {
  /** IANA zone of the team, e.g. Asia/Tbilisi. */
  zone: string;
  /** First interval to forecast: ISO with offset, or local in `zone`, or a DateTime. */
  start: string | DateTime;
  /** Length of the forecast in hours (or give `intervals`). */
  hours?: number;
  intervals?: number;
  /** Interval length; inferred from the history when absent (60 if it cannot tell). */
  intervalMinutes?: number;
  /** 'auto' (default) or a method name (see METHOD_NAMES). */
  method?: string;
  calendar?: CalendarOptions;
  /**
   * For a start inside a day: the previous days' day-ahead forecasts by day (ISO), filled and
   * reused across calls. They depend only on the history before each day, so a caller that
   * re-forecasts the same day again and again (the intraday page) keeps one per history.
   */
  dayAheadMemo?: Map<string, IntradayDay | null>;
  /**
   * Backtest folds shared by forecasts of the same history from nearby origins (see
   * fold-memo.ts); a start inside a day makes its own for its day-ahead forecasts.
   */
  foldMemo?: FoldMemo;
}

export interface ForecastPoint {
  /** Interval start, ISO with the zone's offset. */
  start: string;
  volume: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
  ahtSeconds?: number;
}

export interface ForecastResult {
  method: string;
  /** Why `method`, as notes read in order (see notes.ts). */
  chosenBecause: ForecastNote[];
  candidates: CandidateScore[];
  warnings: ForecastWarning[];
  intervalMinutes: number;
  specialDays: SpecialDay[];
  /** With publicHolidays 'auto': whether the Georgian holidays were applied, and why. */
  holidays?: ForecastNote;
  /** Month-turn factors the history shows (first and last open days of a month; see month-turn.ts). */
  monthTurn?: MonthTurnEffect[];
  /** When the start lies inside a day that has arrivals: how the rest of it was re-forecast. */
  intraday?: IntradayUpdate;
  points: ForecastPoint[];
}

/** The intraday update of a forecast whose start lies inside a day (see intraday.ts). */
export interface IntradayUpdate extends KappaChoice {
  /** The day multiplier applied to the rest of the start's day. */
  multiplier: number;
  /** Intervals of the day before the start, the contacts they had and the day-ahead forecast of them. */
  observedIntervals: number;
  observedVolume: number;
  forecastObservedVolume: number;
}

export function startMillis(start: string | DateTime, clock: ZoneClock): number {
  if (typeof start !== 'string') return start.toMillis();
  const p = parseTimestamp(start, clock);
  if (!p.ok) throw new RangeError(`start '${start}' ${p.message}`);
  return p.ms;
}

export function forecastSeries(history: HistoryPoint[], options: ForecastOptions): ForecastResult {
  return forecastWithInstants(history, undefined, options);
}

/** One history read once for the day-ahead forecasts of a start inside a day, which prepare it 20 times and more. */
export interface SharedHistory {
  instants: Float64Array;
  cuts: SeriesCuts;
}

/** forecastSeries with the history's instants and its cuts (see SeriesCuts) shared by the calls of one intraday update. */
function forecastWithInstants(history: HistoryPoint[], known: SharedHistory | undefined, options: ForecastOptions): ForecastResult {
  const startMs = startMillis(options.start, new ZoneClock(options.zone));
  const times = known?.instants ?? instantsOf(history);
  const s =
    known && known.cuts.zone === options.zone
      ? known.cuts.prepare(options.intervalMinutes, startMs)
      : prepareSeries(history, options.zone, options.intervalMinutes, startMs, times);
  const { clock, intervalMinutes: im } = s;
  const exact = options.intervals ?? ((options.hours ?? 168) * 60) / im;
  if (!(exact > 0)) throw new RangeError('the forecast needs at least one interval (hours or intervals > 0)');
  if (Math.abs(exact - Math.round(exact)) > 1e-9)
    throw new RangeError(
      `the horizon must be a whole number of ${im}-minute intervals (got ${options.intervals ?? `${options.hours} hours`})`,
    );
  const count = Math.round(exact);
  const warnings: ForecastWarning[] = [...s.warnings];
  if (s.dataEnd === 0) throw new RangeError('no history before the start: nothing to forecast from');
  const instants = Array.from({ length: count }, (_, k) => startMs + k * im * 60_000);
  const spd = s.grid.slotsPerDay;
  const firstLocal = clock.toLocalMs(startMs);
  // Seconds count too: a start at :00:01 would shift every output timestamp off the grid.
  if (firstLocal % 60_000 !== 0 || (new Date(firstLocal).getUTCMinutes() - s.phaseMinutes) % im !== 0)
    throw new RangeError(
      `start ${typeof options.start === 'string' ? options.start : ''} is not on an interval boundary of the history (${im}-minute intervals)`,
    );
  const index = instants.map((ms) => Math.floor((clock.toLocalMs(ms) / 60_000 - s.grid.firstDay * 1440) / im));
  // A start inside a day that has already had arrivals: the day-ahead forecast updated by them.
  const sinceDayStart = Math.round((startMs - firstIntervalOfDay(startMs, options.zone, s).toMillis()) / (im * 60_000));
  if (sinceDayStart > 0 && s.dataEnd > index[0] - sinceDayStart)
    return forecastInsideDay(
      history,
      known ?? { instants: times, cuts: new SeriesCuts(history, options.zone, times) },
      options,
      s,
      startMs,
      count,
    );
  // Forecast from the end of the data, so a gap before the start does not empty the backtest.
  const origin = Math.min(s.dataEnd, index[0]);
  const horizon = index[index.length - 1] - origin + 1;
  if (index[0] - s.dataEnd > 0) warnings.push(warning('historyGap', { days: Math.round(((index[0] - s.dataEnd) / spd) * 10) / 10 }));
  const grid = sliceGrid(s.grid, origin);
  const marks = dayMarks(grid.firstDay, grid.firstDay + Math.ceil((origin + horizon) / spd) + 1, options.calendar);
  const f = forecastGrid(grid, origin, horizon, {
    method: options.method,
    marks,
    autoHolidays: (options.calendar?.publicHolidays ?? 'auto') === 'auto',
    memo: options.foldMemo,
  });
  const aht = grid.aht ? forecastAht({ aht: grid.aht, volume: grid.values, slotsPerDay: spd, horizon }) : undefined;
  const points = instants.map((ms, k) => {
    const h = index[k] - origin;
    const p: ForecastPoint = {
      start: clock.formatLocalIso(ms),
      volume: f.point[h],
      lower80: f.lower80[h],
      upper80: f.upper80[h],
      lower95: f.lower95[h],
      upper95: f.upper95[h],
    };
    if (aht && !Number.isNaN(aht[h])) p.ahtSeconds = aht[h];
    return p;
  });
  const firstDate = DateTime.fromMillis(startMs, { zone: options.zone }).toISODate();
  return {
    method: f.method,
    chosenBecause: f.chosenBecause,
    candidates: f.candidates,
    warnings: [...warnings, ...f.warnings],
    intervalMinutes: im,
    specialDays: f.specialDays.filter((d) => firstDate === null || d.date >= firstDate),
    holidays: f.holidays,
    monthTurn: f.monthTurn,
    points,
  };
}

/**
 * One past day as the intraday update sees it: its actuals on the local grid and the day-ahead
 * forecast made at its midnight from the history before it; null when that day had no arrivals
 * or too little history came before it.
 */
export function dayAheadDay(
  history: HistoryPoint[],
  options: ForecastOptions,
  s: PreparedSeries,
  day: DateTime,
  shared?: SharedHistory,
): IntradayDay | null {
  const slotMs = s.intervalMinutes * 60_000;
  const slots = Math.round((day.plus({ days: 1 }).toMillis() - day.toMillis()) / slotMs);
  const actual = Array.from({ length: slots }, (_, k) => gridValueAt(s, day.toMillis() + k * slotMs));
  if (!actual.some((a) => a > 0)) return null;
  try {
    // The history from that day on is left out by forecastSeries itself.
    const f = forecastWithInstants(history, shared, { ...options, start: day, intervals: slots, intervalMinutes: s.intervalMinutes });
    return { forecast: f.points.map((p) => p.volume), actual };
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/** The first interval of the local day holding `ms`: midnight, or :30 past it in a half-hour-phase series. */
export function firstIntervalOfDay(ms: number, zone: string, s: PreparedSeries): DateTime {
  return DateTime.fromMillis(ms, { zone }).startOf('day').plus({ minutes: s.phaseMinutes });
}

/** The history's value in the interval starting at `ms` (NaN when missing or outside it). */
function gridValueAt(s: PreparedSeries, ms: number): number {
  const i = Math.floor((s.clock.toLocalMs(ms) / 60_000 - s.grid.firstDay * 1440) / s.intervalMinutes);
  return i >= 0 && i < s.grid.values.length ? s.grid.values[i] : NaN;
}

/**
 * The forecast from a start inside a day: the day-ahead forecast made at the day's start (from
 * the history before it), its rest of the day scaled by the intraday multiplier; κ chosen on the
 * previous days at the same time of day (each with its own day-ahead forecast). Later days keep
 * the day-ahead forecast.
 */
function forecastInsideDay(
  history: HistoryPoint[],
  shared: SharedHistory,
  given: ForecastOptions,
  s: PreparedSeries,
  startMs: number,
  count: number,
): ForecastResult {
  // The day's forecast and the previous days' share most of their backtest weeks.
  const options = { ...given, foldMemo: given.foldMemo ?? new FoldMemo() };
  const { zone } = options;
  const im = s.intervalMinutes;
  const slotMs = im * 60_000;
  const dayStart = firstIntervalOfDay(startMs, zone, s);
  const observedSlots = Math.round((startMs - dayStart.toMillis()) / slotMs);
  const daySlots = Math.round((dayStart.plus({ days: 1 }).toMillis() - dayStart.toMillis()) / slotMs);
  const base = forecastWithInstants(history, shared, {
    ...options,
    start: dayStart,
    intervals: observedSlots + count,
    intervalMinutes: im,
  });
  const forecast = base.points.slice(0, daySlots).map((p) => p.volume);
  const today: IntradayDay = { forecast, actual: forecast.map((_, k) => gridValueAt(s, dayStart.toMillis() + k * slotMs)) };
  // The previous days with arrivals, each forecast from its own midnight as it would have been that morning.
  const past: IntradayDay[] = [];
  for (let d = 1; d <= BACKTEST_DAYS * 2 && past.length < BACKTEST_DAYS; d++) {
    const date = dayStart.minus({ days: d });
    const memoKey = `${date.toISO()}|${im}`;
    let day = options.dayAheadMemo?.get(memoKey);
    if (day === undefined) {
      day = dayAheadDay(history, options, s, date, shared);
      options.dayAheadMemo?.set(memoKey, day);
    }
    if (day) past.push(day);
  }
  const choice = chooseKappa(past, observedSlots);
  const multiplier = intradayMultiplier(today, observedSlots, choice.kappa);
  let observedVolume = 0;
  let forecastObservedVolume = 0;
  for (let k = 0; k < observedSlots; k++) {
    if (Number.isNaN(today.actual[k])) continue;
    observedVolume += today.actual[k];
    forecastObservedVolume += today.forecast[k];
  }
  const scale = (p: ForecastPoint): ForecastPoint => ({
    ...p,
    volume: p.volume * multiplier,
    lower80: p.lower80 * multiplier,
    upper80: p.upper80 * multiplier,
    lower95: p.lower95 * multiplier,
    upper95: p.upper95 * multiplier,
  });
  const points = base.points.slice(observedSlots).map((p, k) => (observedSlots + k < daySlots ? scale(p) : p));
  const firstDate = DateTime.fromMillis(startMs, { zone }).toISODate();
  return {
    ...base,
    specialDays: base.specialDays.filter((d) => firstDate === null || d.date >= firstDate),
    intraday: { ...choice, multiplier, observedIntervals: observedSlots, observedVolume, forecastObservedVolume },
    points,
  };
}
