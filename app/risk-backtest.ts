/**
 * The risk bands checked on backtest weeks of a history (`wfm risk backtest`): for each of the
 * last `weeks` whole local weeks (rolling origin, Monday 00:00), the forecast made at the
 * origin from the history before it only (forecasting/, with its calibrated 80 % band), then
 * staffing/risk-backtest.ts: the stated chance of meeting the target per interval against
 * replays of the contacts that came. No database: the history arrives as points.
 */
import { DateTime } from 'luxon';
import { forecastSeries, type CalendarOptions, type HistoryPoint } from '../forecasting/index';
import { backtestRisk, reliabilityTable, type BacktestInterval, type ChannelSettings, type RiskBacktest } from '../staffing';

export interface RiskBacktestOptions {
  zone: string;
  weeks: number;
  channel: ChannelSettings;
  /** AHT when the history has none (s). */
  fallbackAhtSeconds: number;
  absenceRate: number;
  replications: number;
  seed: number;
  intervalMinutes?: number;
  calendar?: CalendarOptions;
}

export interface RiskBacktestWeek {
  /** Local Monday of the week. */
  week: string;
  method: string;
  ahtSeconds: number;
  result: RiskBacktest;
}

export interface RiskBacktestReport {
  weeks: RiskBacktestWeek[];
  /** Every week's intervals together. */
  table: RiskBacktest['table'];
  intervals: number;
}

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
  if (!sorted.length) return { weeks: [], table: reliabilityTable([]), intervals: 0 };
  const actual = new Map(sorted.map((p) => [msOf(p.start), p.volume]));
  const end = DateTime.fromMillis(msOf(sorted[sorted.length - 1]!.start), { zone: o.zone });
  // The last whole week ends on the Sunday before `end`'s week (or with it, when end is Sunday's last hour).
  const lastMonday = end.plus({ hours: 1 }).startOf('week');
  const weeks: RiskBacktestWeek[] = [];
  for (let k = o.weeks; k >= 1; k--) {
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
    const result = backtestRisk({
      channel: o.channel,
      intervalMinutes: f.intervalMinutes,
      ahtSeconds,
      days: daysOf(f.points, actual, o.zone),
      absenceRate: o.absenceRate,
      replications: o.replications,
      seed: o.seed + k,
    });
    weeks.push({ week: origin.toISODate()!, method: f.method, ahtSeconds, result });
  }
  const all = weeks.flatMap((w) => w.result.intervals.map((x) => ({ p: x.predicted, outcome: x.observed })));
  return { weeks, table: reliabilityTable(all), intervals: all.length };
}
