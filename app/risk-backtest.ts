/**
 * The risk bands checked on backtest weeks of a history (`wfm risk backtest`): for each of the
 * last `weeks` whole local weeks (rolling origin, Monday 00:00), the forecast made at the
 * origin from the history before it only (forecasting/, with its calibrated 80 % band), then
 * staffing/risk-backtest.ts: the stated chance of meeting the target per interval against
 * replays of the contacts that came. No database: the history arrives as points.
 *
 * Out of sample, week by week in time order: before week w is replayed, two things are
 * learned from the weeks before it only (its own and later outcomes are never seen):
 * - the channel's risk calibration (staffing/learned-risk.ts: interval noise, recalibration
 *   of the interval chances, day service-level offset), from the earlier weeks' replays;
 * - the within-day correlation of the forecast's count errors (period-risk.ts), from the
 *   earlier weeks' forecasts against their actuals, for week w's day and week chances.
 * `learnWeeks` more weeks before the reported ones are replayed for learning only. `next` is
 * the calibration learned on every week replayed, for the week after them: what the pages
 * use (risk-calibration-for-week.ts), so the command checks the pages' chances.
 */
import { DateTime } from 'luxon';
import { forecastSeries, type CalendarOptions, type HistoryPoint } from '../forecasting/index';
import {
  backtestRisk,
  DEFAULT_CALIBRATION,
  intervalRisk,
  learnRisk,
  reliabilityTable,
  withinDayCorrelation,
  type BacktestInterval,
  type ChannelSettings,
  type LearningWeek,
  type RiskBacktest,
  type RiskCalibration,
} from '../staffing';

export interface RiskBacktestOptions {
  zone: string;
  weeks: number;
  channel: ChannelSettings;
  /** AHT when the history has none (s). */
  fallbackAhtSeconds: number;
  absenceRate: number;
  replications: number;
  seed: number;
  /** Weeks before the reported ones, replayed only to learn from (default 4). */
  learnWeeks?: number;
  /** Draws of the day and week chances (default 200). */
  periodDraws?: number;
  intervalMinutes?: number;
  calendar?: CalendarOptions;
}

export interface RiskBacktestWeek {
  /** Local Monday of the week. */
  week: string;
  method: string;
  ahtSeconds: number;
  result: RiskBacktest;
  /** Learned from the weeks before this one. */
  calibration: RiskCalibration;
  dayCorrelation: number;
}

export interface RiskBacktestReport {
  weeks: RiskBacktestWeek[];
  /** Every reported week's intervals together: the model's chances (no calibration). */
  table: RiskBacktest['table'];
  /** The same intervals, with the calibration learned on the weeks before each (the pages' chances). */
  recalibratedTable: RiskBacktest['table'];
  /** Every reported week's days, and the weeks themselves. */
  dayTable: RiskBacktest['table'];
  weekTable: RiskBacktest['table'];
  intervals: number;
  /** Learned on every week replayed: the calibration for the week after them. */
  next: RiskCalibration;
  /** Within-day correlation learned on every week replayed. */
  nextDayCorrelation: number;
}

const empty = () => reliabilityTable([]);

const msOf = (s: string | DateTime) => (typeof s === 'string' ? Date.parse(s) : s.toMillis());

/** Volume-weighted AHT of the points, or null when none has one. */
function meanAht(points: HistoryPoint[]): number | null {
  let num = 0;
  let den = 0;
  for (const p of points)
    if (p.ahtSeconds && p.volume > 0) {
      num += p.ahtSeconds * p.volume;
      den += p.volume;
    }
  return den > 0 ? num / den : null;
}

/** The days of a forecast week, each from its first to its last interval with a forecast or contacts. */
function daysOf(points: { start: string; volume: number; lower80: number; upper80: number }[], actual: Map<number, number>, zone: string) {
  const byDay = new Map<string, BacktestInterval[]>();
  for (const p of points) {
    const day = DateTime.fromISO(p.start, { zone }).toISODate()!;
    const list = byDay.get(day) ?? [];
    list.push({ volume: p.volume, lower80: p.lower80, upper80: p.upper80, actual: actual.get(Date.parse(p.start)) ?? NaN });
    byDay.set(day, list);
  }
  return [...byDay.values()].map((list) => {
    const busy = (d: BacktestInterval) => d.volume > 0 || d.actual > 0;
    const first = list.findIndex(busy);
    const last = list.length - 1 - [...list].reverse().findIndex(busy);
    return first < 0 ? [] : list.slice(first, last + 1);
  });
}

/** Rolling-origin weeks of `series` (see the file comment). */
export function riskOnBacktestWeeks(series: HistoryPoint[], o: RiskBacktestOptions): RiskBacktestReport {
  const sorted = [...series].sort((a, b) => msOf(a.start) - msOf(b.start));
  if (!sorted.length)
    return {
      weeks: [],
      table: empty(),
      recalibratedTable: empty(),
      dayTable: empty(),
      weekTable: empty(),
      intervals: 0,
      next: DEFAULT_CALIBRATION,
      nextDayCorrelation: 0,
    };
  const actual = new Map(sorted.map((p) => [msOf(p.start), p.volume]));
  const end = DateTime.fromMillis(msOf(sorted[sorted.length - 1]!.start), { zone: o.zone });
  // The last whole week ends on the Sunday before `end`'s week (or with it, when end is Sunday's last hour).
  const lastMonday = end.plus({ hours: 1 }).startOf('week');
  const weeks: RiskBacktestWeek[] = [];
  const learn = o.learnWeeks ?? 4;
  // Forecast days with their actuals of the weeks replayed so far (for the day correlation).
  const pastDays: BacktestInterval[][] = [];
  const learning: LearningWeek[] = [];
  // Each replayed week's stated chances per interval noise, computed once when first asked.
  const replayed: { result: RiskBacktest; intervalMinutes: number; ahtSeconds: number; byNoise: Map<string, number[]> }[] = [];
  const statedAt = (i: number, noise: number, skew: number): number[] => {
    const w = replayed[i]!;
    const key = `${noise}|${skew}`;
    let p = w.byNoise.get(key);
    if (!p) {
      const calibration = { ...DEFAULT_CALIBRATION, intervalNoise: noise, intervalSkew: skew };
      p = w.result.intervals.map(
        (x) =>
          intervalRisk(o.channel, w.intervalMinutes, { ...x, ahtSeconds: w.ahtSeconds }, x.onQueue, {
            absenceRate: o.absenceRate,
            calibration,
          }) ?? 1,
      );
      w.byNoise.set(key, p);
    }
    return p;
  };
  for (let k = o.weeks + learn; k >= 1; k--) {
    const origin = lastMonday.minus({ weeks: k });
    const before = sorted.filter((p) => msOf(p.start) < origin.toMillis());
    if (before.length < 24 * 21) continue;
    const f = forecastSeries(before, {
      zone: o.zone,
      start: origin,
      hours: 168,
      ...(o.intervalMinutes ? { intervalMinutes: o.intervalMinutes } : {}),
      ...(o.calendar ? { calendar: o.calendar } : {}),
    });
    const ahtSeconds = meanAht(before.slice(-24 * 7 * 4)) ?? o.fallbackAhtSeconds;
    const days = daysOf(f.points, actual, o.zone);
    const dayCorrelation = withinDayCorrelation(pastDays);
    const calibration = learnRisk(learning, statedAt);
    const result = backtestRisk({
      calibration,
      channel: o.channel,
      intervalMinutes: f.intervalMinutes,
      ahtSeconds,
      days,
      absenceRate: o.absenceRate,
      replications: o.replications,
      seed: o.seed + k,
      dayCorrelation,
      periodDraws: o.periodDraws ?? 200,
    });
    if (k <= o.weeks) weeks.push({ week: origin.toISODate()!, method: f.method, ahtSeconds, result, dayCorrelation, calibration });
    pastDays.push(...days);
    replayed.push({
      result,
      intervalMinutes: f.intervalMinutes,
      ahtSeconds,
      byNoise: new Map([
        [`${DEFAULT_CALIBRATION.intervalNoise}|${DEFAULT_CALIBRATION.intervalSkew}`, result.intervals.map((x) => x.predicted)],
      ]),
    });
    learning.push({
      intervals: result.intervals.map((x) => x.learning),
      days: result.days.map((d) => ({ offered: d.offered, modelled: d.modelledServiceLevel, replays: d.replayServiceLevels })),
    });
  }
  const stated = weeks.flatMap((w) => w.result.intervals.map((x) => ({ p: x.predicted, outcome: x.observed })));
  return {
    weeks,
    table: reliabilityTable(stated),
    recalibratedTable: reliabilityTable(weeks.flatMap((w) => w.result.intervals.map((x) => ({ p: x.calibrated, outcome: x.observed })))),
    dayTable: reliabilityTable(weeks.flatMap((w) => w.result.days.map((d) => ({ p: d.predicted, outcome: d.observed })))),
    weekTable: reliabilityTable(
      weeks.flatMap((w) => (w.result.week ? [{ p: w.result.week.predicted, outcome: w.result.week.observed }] : [])),
    ),
    intervals: stated.length,
    next: learnRisk(learning, statedAt),
    nextDayCorrelation: withinDayCorrelation(pastDays),
  };
}
