/**
 * From history rows (instants) to the local wall-clock grid the methods work on.
 */
import { DateTime } from 'luxon';
import { warning, type ForecastWarning } from './warnings';
import type { SeriesGrid } from './grid';
import type { HistoryInterval } from './history-csv';
import { clockOf, type ZoneClock } from './zone-clock';

/** One interval of one channel's history. */
export interface HistoryPoint {
  /** Interval start: an ISO instant with offset or Z, or a luxon DateTime. */
  start: string | DateTime;
  volume: number;
  ahtSeconds?: number | null;
}

export function toMillis(start: string | DateTime): number {
  if (typeof start !== 'string') return start.toMillis();
  const fast = isoInstantMs(start);
  if (fast !== null) return fast;
  const ms = Date.parse(start);
  if (Number.isNaN(ms) || !/(Z|[+-]\d{2}:?\d{2})$/.test(start))
    throw new RangeError(`history start '${start}' is not an ISO instant with an offset`);
  return ms;
}

/** The number written by `len` ASCII digits of `s` from `at`, or -1 when one is not a digit. */
function digitsAt(s: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The instant of an ISO string in the shapes this code writes (`2026-01-05T06:00:00.000Z`,
 * `2026-01-05T10:00:00+04:00`, with or without seconds or milliseconds), read by hand; null for
 * anything else, which `Date.parse` then reads. Only fields in their calendar ranges are taken
 * here, so the result is Date.parse's: Date.parse also rolls 2026-02-30 over to March and reads
 * 24:00, and Date.UTC maps the years 0-99 to 1900-1999: those go to Date.parse. A forecast reads
 * every history point once per call, and Date.parse with the offset check cost most of a forecast.
 */
function isoInstantMs(s: string): number | null {
  const len = s.length;
  if (len < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return null;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > DAYS_IN_MONTH[month - 1] ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  )
    return null;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (s.charCodeAt(i) === 58) {
    second = digitsAt(s, i + 1, 2);
    if (second < 0 || second > 59) return null;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      millis = digitsAt(s, i + 1, 3);
      if (millis < 0) return null;
      i += 4;
    }
  }
  let offset = 0;
  if (i === len - 1 && s.charCodeAt(i) === 90) {
    // Z: UTC.
  } else if (i === len - 6 && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) && s.charCodeAt(i + 3) === 58) {
    const oh = digitsAt(s, i + 1, 2);
    const om = digitsAt(s, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    offset = (s.charCodeAt(i) === 45 ? -1 : 1) * (oh * 60 + om);
  } else return null;
  // 29 February of a year without one: Date.parse rolls it over; leave that to it.
  if (month === 2 && day === 29 && new Date(Date.UTC(year, 1, 29)).getUTCDate() !== 29) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
}

/** Every point's instant (see toMillis), read once for the calls that prepare one history again and again. */
export function instantsOf(history: HistoryPoint[]): Float64Array {
  const out = new Float64Array(history.length);
  for (let i = 0; i < history.length; i++) out[i] = toMillis(history[i].start);
  return out;
}

/**
 * One channel's series from the CSV reader's intervals: platforms summed, handle time
 * volume-weighted across them.
 */
export function seriesForChannel(intervals: HistoryInterval[], channel: string): HistoryPoint[] {
  return seriesInOrder(intervals, channel) ?? seriesByMap(intervals, channel);
}

/**
 * seriesForChannel of intervals in start order (the reader's): the platforms of one start are
 * neighbours, summed in the same order; null as soon as a start comes before the previous one.
 */
function seriesInOrder(intervals: HistoryInterval[], channel: string): HistoryPoint[] | null {
  const out: HistoryPoint[] = [];
  let start = '';
  let volume = 0;
  let ahtNum = 0;
  let ahtDen = 0;
  const flush = () => {
    if (start !== '') out.push({ start, volume, ahtSeconds: ahtDen > 0 ? ahtNum / ahtDen : null });
  };
  for (const i of intervals) {
    if (i.channel !== channel) continue;
    if (i.start !== start) {
      if (i.start < start) return null;
      flush();
      start = i.start;
      volume = 0;
      ahtNum = 0;
      ahtDen = 0;
    }
    volume += i.volume;
    if (i.ahtSeconds !== null) {
      const w = Math.max(i.volume, 1e-6);
      ahtNum += i.ahtSeconds * w;
      ahtDen += w;
    }
  }
  flush();
  return out;
}

function seriesByMap(intervals: HistoryInterval[], channel: string): HistoryPoint[] {
  const byStart = new Map<string, { volume: number; ahtNum: number; ahtDen: number }>();
  for (const i of intervals) {
    if (i.channel !== channel) continue;
    let s = byStart.get(i.start);
    if (!s) byStart.set(i.start, (s = { volume: 0, ahtNum: 0, ahtDen: 0 }));
    s.volume += i.volume;
    if (i.ahtSeconds !== null) {
      const w = Math.max(i.volume, 1e-6);
      s.ahtNum += i.ahtSeconds * w;
      s.ahtDen += w;
    }
  }
  return [...byStart.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([start, s]) => ({ start, volume: s.volume, ahtSeconds: s.ahtDen > 0 ? s.ahtNum / s.ahtDen : null }));
}

export function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The interval length the local minutes of the points fall on: 60 when all share one minute
 * of the hour (on the hour, or all at :30 for an hourly series in a half-hour zone).
 */
export function inferIntervalMinutes(localMinutes: Iterable<number>): number {
  let g = 60;
  let first: number | undefined;
  for (const m of localMinutes) {
    first ??= m;
    g = gcd(g, Math.abs(m - first));
  }
  return g;
}

export interface PreparedSeries {
  grid: SeriesGrid;
  clock: ZoneClock;
  intervalMinutes: number;
  /** Minute of the hour intervals start at, modulo the interval (0 unless e.g. hourly data at :30). */
  phaseMinutes: number;
  /** Grid index just after the last non-missing value. */
  dataEnd: number;
  /** Remarks on the data (e.g. an interval length that changes). */
  warnings: ForecastWarning[];
}

/** Days with at least this many rows tell their own interval length… */
export const DAY_ROWS = 12;
/** …and this many such days on a coarser grid make the whole history that coarse. */
export const COARSE_DAYS = 7;

/**
 * The longest interval length any stretch of the history was written in: per local day with
 * enough rows, the interval its minutes fall on; the longest one shared by a week of days.
 * A file that moves from hourly to 15-minute rows has hours with only a :00 row for weeks:
 * read at 15 minutes, those weeks would show three empty quarters an hour.
 */
function coarsestDayInterval(local: number[], minuteOf: (l: number) => number): number {
  const byDay = new Map<number, { rows: number; g: number; first: number }>();
  for (const l of local) {
    const d = Math.floor(l / DAY_MS);
    const m = minuteOf(l);
    const e = byDay.get(d);
    if (!e) byDay.set(d, { rows: 1, g: 60, first: m });
    else {
      e.rows++;
      e.g = gcd(e.g, Math.abs(m - e.first));
    }
  }
  const count = new Map<number, number>();
  for (const e of byDay.values()) if (e.rows >= DAY_ROWS) count.set(e.g, (count.get(e.g) ?? 0) + 1);
  let best = 0;
  for (const [g, n] of count) if (n >= COARSE_DAYS && g > best) best = g;
  return best;
}

const DAY_MS = 86_400_000;

/**
 * Grid of the points strictly before `beforeMs` (all when undefined). Points finer than
 * `intervalMinutes` are summed into their interval; when two instants fall on one local
 * slot (the autumn repeated hour) the slot holds their mean. Works on numbers only: a
 * two-year 15-minute history is 70,000 points.
 */
export function prepareSeries(
  history: HistoryPoint[],
  zone: string,
  intervalMinutes?: number,
  beforeMs = Infinity,
  instants: Float64Array = instantsOf(history),
): PreparedSeries {
  const clock = clockOf(zone);
  const ms: number[] = [];
  const local: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < history.length; i++) {
    const t = instants[i];
    if (t >= beforeMs) continue;
    ms.push(t);
    local.push(clock.toLocalMs(t));
    kept.push(i);
  }
  const minuteOf = (l: number) => Math.floor(l / 60_000) % 60;
  const warnings: ForecastWarning[] = [];
  const finest = inferIntervalMinutes(local.map(minuteOf));
  const coarsest = coarsestDayInterval(local, minuteOf);
  const dataInterval = Math.max(finest, coarsest);
  if (coarsest > finest) warnings.push(warning('mixedIntervals', { coarseMinutes: coarsest, fineMinutes: finest }));
  if (intervalMinutes !== undefined && intervalMinutes < dataInterval) {
    // Splitting an hour's count over its halves would invent a shape the data never showed.
    throw new RangeError(
      `the history has ${dataInterval === 60 ? 'hourly' : `${dataInterval}-minute`} intervals; the forecast interval (${intervalMinutes} minutes) cannot be finer than the data`,
    );
  }
  const interval = intervalMinutes ?? dataInterval;
  const spd = 1440 / interval;
  const phaseMinutes = local.length ? minuteOf(local[0]) % interval : 0;
  if (!ms.length)
    return {
      grid: { intervalMinutes: interval, slotsPerDay: spd, firstDay: 0, values: new Float64Array(0) },
      clock,
      intervalMinutes: interval,
      phaseMinutes,
      dataEnd: 0,
      warnings,
    };
  // Loops, not Math.min(...local): spreading 200,000 arguments overflows the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of local) {
    lo = Math.min(lo, l);
    hi = Math.max(hi, l);
  }
  const firstDay = Math.floor(lo / DAY_MS);
  const slotOf = (l: number) => Math.floor((l / 60_000 - firstDay * 1440) / interval);
  const n = slotOf(hi) + 1;
  // Per slot: the instant bucket first seen, its sum, and the sum of any second instant.
  const firstBucket = new Float64Array(n).fill(NaN);
  const sum1 = new Float64Array(n);
  const sum2 = new Float64Array(n).fill(NaN);
  const ahtNum = new Float64Array(n);
  const ahtDen = new Float64Array(n);
  let anyAht = false;
  for (let k = 0; k < ms.length; k++) {
    const p = history[kept[k]];
    const i = slotOf(local[k]);
    const bucket = ms[k] - (minuteOf(local[k]) % interval) * 60_000;
    if (Number.isNaN(firstBucket[i]) || firstBucket[i] === bucket) {
      firstBucket[i] = bucket;
      sum1[i] += p.volume;
    } else {
      sum2[i] = (Number.isNaN(sum2[i]) ? 0 : sum2[i]) + p.volume;
    }
    if (p.ahtSeconds != null && p.ahtSeconds > 0) {
      const w = Math.max(p.volume, 1e-6);
      ahtNum[i] += p.ahtSeconds * w;
      ahtDen[i] += w;
      anyAht = true;
    }
  }
  const values = new Float64Array(n);
  const aht = anyAht ? new Float64Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    values[i] = Number.isNaN(firstBucket[i]) ? NaN : Number.isNaN(sum2[i]) ? sum1[i] : (sum1[i] + sum2[i]) / 2;
    if (aht) aht[i] = ahtDen[i] > 0 ? ahtNum[i] / ahtDen[i] : NaN;
  }
  let dataEnd = n;
  while (dataEnd > 0 && Number.isNaN(values[dataEnd - 1])) dataEnd--;
  return {
    grid: { intervalMinutes: interval, slotsPerDay: spd, firstDay, values, aht },
    clock,
    intervalMinutes: interval,
    phaseMinutes,
    dataEnd,
    warnings,
  };
}
