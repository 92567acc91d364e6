/**
 * `intradayBacktest`: how well the rest of a day is forecast from a time inside it, on the last
 * weeks of a history. For every day with arrivals and every origin time (e.g. 10:00, 12:00,
 * 14:00) it compares three forecasts of the rest of that day:
 *  - day-ahead: the forecast made at midnight (the engine's automatic choice), unchanged;
 *  - ratio: the day-ahead forecast × (arrived so far ÷ forecast so far), the classic WFM update;
 *  - intraday: the engine's update (intraday.ts), κ chosen on the previous days as forecastSeries
 *    does for a start inside a day.
 * Each day's forecast uses only the history before that day; each κ only the days before it.
 */
import { DateTime } from 'luxon';
import { dayAheadDay, type ForecastOptions } from './forecast';
import { FoldMemo } from './fold-memo';
import { SeriesCuts } from './series-cuts';
import { BACKTEST_DAYS, chooseKappa, restOfDayError, type IntradayDay } from './intraday';
import { instantsOf, prepareSeries, type HistoryPoint } from './series';

export interface IntradayBacktestOptions {
  zone: string;
  /** Weeks of days scored, ending with the last day of the history (default 8). */
  weeks?: number;
  /** Origins as local times of day, "HH:mm" (default 10:00, 12:00, 14:00). */
  origins?: string[];
  intervalMinutes?: number;
  calendar?: ForecastOptions['calendar'];
}

export interface IntradayMethodScore {
  method: 'day-ahead' | 'ratio' | 'intraday';
  /** Rest-of-day WAPE pooled over all days and origins. */
  wape: number;
  /** The same per origin, in the order given. */
  byOrigin: number[];
}

export interface IntradayBacktestResult {
  intervalMinutes: number;
  origins: string[];
  from: string;
  to: string;
  days: number;
  methods: IntradayMethodScore[];
  /** How often each κ was chosen (κ as text, "Infinity" for the day-ahead). */
  kappaChosen: Record<string, number>;
}

const ORIGIN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function intradayBacktest(history: HistoryPoint[], options: IntradayBacktestOptions): IntradayBacktestResult {
  const { zone } = options;
  const weeks = options.weeks ?? 8;
  const origins = options.origins ?? ['10:00', '12:00', '14:00'];
  for (const o of origins) if (!ORIGIN.test(o)) throw new RangeError(`origin '${o}' is not a time of day HH:mm`);
  const s = prepareSeries(history, zone, options.intervalMinutes, Infinity);
  if (s.dataEnd === 0) throw new RangeError('no history to backtest');
  const im = s.intervalMinutes;
  const slotMs = im * 60_000;
  const lastDay = DateTime.fromMillis(
    s.grid.firstDay * 86_400_000 + (s.dataEnd - 1) * slotMs,
    { zone: 'UTC' }, // the grid counts local wall-clock time as if it were UTC
  ).toISODate()!;
  const last = DateTime.fromISO(lastDay, { zone }).plus({ minutes: s.phaseMinutes });
  const scoredFrom = last.minus({ days: weeks * 7 - 1 });
  // Every day from the warm-up (κ needs up to BACKTEST_DAYS earlier days with arrivals) to the last.
  const days: { date: string; start: DateTime; day: IntradayDay }[] = [];
  // Consecutive days' day-ahead forecasts share most of their backtest weeks.
  const foldMemo = new FoldMemo();
  const instants = instantsOf(history);
  const shared = { instants, cuts: new SeriesCuts(history, zone, instants) };
  for (let d = scoredFrom.minus({ days: BACKTEST_DAYS * 2 }); d <= last; d = d.plus({ days: 1 })) {
    const day = dayAheadDay(history, { zone, start: d, calendar: options.calendar, foldMemo }, s, d, shared);
    if (!day) continue;
    days.push({ date: d.toISODate()!, start: d, day });
  }
  const sums = { 'day-ahead': origins.map(() => [0, 0]), ratio: origins.map(() => [0, 0]), intraday: origins.map(() => [0, 0]) };
  const kappaChosen: Record<string, number> = {};
  let scoredDays = 0;
  days.forEach((entry, t) => {
    if (entry.start < scoredFrom) return;
    scoredDays++;
    // The previous days as forecastSeries sees them: up to BACKTEST_DAYS with arrivals, within twice as many calendar days.
    const earliest = entry.start.minus({ days: BACKTEST_DAYS * 2 });
    const past = days
      .slice(0, t)
      .filter((p) => p.start >= earliest)
      .slice(-BACKTEST_DAYS)
      .map((p) => p.day);
    origins.forEach((o, j) => {
      const [h, m] = o.split(':').map(Number);
      const originMs = entry.start.set({ hour: h, minute: m }).toMillis();
      const observed = Math.round((originMs - entry.start.toMillis()) / slotMs);
      const choice = chooseKappa(past, observed);
      kappaChosen[String(choice.kappa)] = (kappaChosen[String(choice.kappa)] ?? 0) + 1;
      for (const [method, kappa] of [
        ['day-ahead', Infinity],
        ['ratio', 0],
        ['intraday', choice.kappa],
      ] as const) {
        const e = restOfDayError(entry.day, observed, kappa);
        sums[method][j][0] += e.absError;
        sums[method][j][1] += e.actual;
      }
    });
  });
  if (scoredDays === 0) throw new RangeError('no day with arrivals in the weeks to score');
  const methods = (['day-ahead', 'ratio', 'intraday'] as const).map((method) => {
    const per = sums[method];
    const err = per.reduce((a, p) => a + p[0], 0);
    const act = per.reduce((a, p) => a + p[1], 0);
    return { method, wape: err / act, byOrigin: per.map((p) => p[0] / p[1]) };
  });
  return {
    intervalMinutes: im,
    origins,
    from: scoredFrom.toISODate()!,
    to: lastDay,
    days: scoredDays,
    methods,
    kappaChosen,
  };
}
