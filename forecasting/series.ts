/**
 * From history rows (instants) to the local wall-clock grid the methods work on.
 */
import { DateTime } from 'luxon';
import { buildGrid, type LocalPoint, type SeriesGrid } from './grid';
import type { HistoryInterval } from './history-csv';
import { ZoneClock } from './zone-clock';

/** One interval of one channel's history. */
export interface HistoryPoint {
  /** Interval start: an ISO instant with offset or Z, or a luxon DateTime. */
  start: string | DateTime;
  volume: number;
  ahtSeconds?: number | null;
}

export function toMillis(start: string | DateTime): number {
  if (typeof start !== 'string') return start.toMillis();
  const ms = Date.parse(start);
  if (Number.isNaN(ms) || !/(Z|[+-]\d{2}:?\d{2})$/.test(start)) throw new RangeError(`history start '${start}' is not an ISO instant with an offset`);
  return ms;
}

/**
 * One channel's series from the CSV reader's intervals: platforms summed, handle time
 * volume-weighted across them.
 */
export function seriesForChannel(intervals: HistoryInterval[], channel: string): HistoryPoint[] {
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

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The interval length the local minutes of the points fall on (60 when all are on the hour). */
export function inferIntervalMinutes(localMinutes: Iterable<number>): number {
  let g = 60;
  for (const m of localMinutes) g = gcd(g, m);
  return g;
}

export interface PreparedSeries {
  grid: SeriesGrid;
  clock: ZoneClock;
  intervalMinutes: number;
  /** Grid index just after the last non-missing value. */
  dataEnd: number;
}

/**
 * Grid of the points strictly before `beforeMs` (all when undefined). Points finer than
 * `intervalMinutes` are summed into it; the autumn repeated hour is averaged by the grid.
 */
export function prepareSeries(history: HistoryPoint[], zone: string, intervalMinutes?: number, beforeMs = Infinity): PreparedSeries {
  const clock = new ZoneClock(zone);
  const rows: { ms: number; local: number; volume: number; aht: number | null | undefined }[] = [];
  for (const p of history) {
    const ms = toMillis(p.start);
    if (ms < beforeMs) rows.push({ ms, local: clock.toLocalMs(ms), volume: p.volume, aht: p.ahtSeconds });
  }
  const interval = intervalMinutes ?? inferIntervalMinutes(rows.map((r) => new Date(r.local).getUTCMinutes()));
  // Sum sub-interval rows per (instant bucket): two instants an hour apart keep apart.
  const buckets = new Map<number, { local: number; volume: number; ahtNum: number; ahtDen: number }>();
  for (const r of rows) {
    const shift = (new Date(r.local).getUTCMinutes() % interval) * 60_000;
    let b = buckets.get(r.ms - shift);
    if (!b) buckets.set(r.ms - shift, (b = { local: r.local - shift, volume: 0, ahtNum: 0, ahtDen: 0 }));
    b.volume += r.volume;
    if (r.aht != null && r.aht > 0) {
      const w = Math.max(r.volume, 1e-6);
      b.ahtNum += r.aht * w;
      b.ahtDen += w;
    }
  }
  const points: LocalPoint[] = [];
  for (const b of buckets.values()) {
    points.push({ local: new Date(b.local).toISOString().slice(0, 16), volume: b.volume, ahtSeconds: b.ahtDen > 0 ? b.ahtNum / b.ahtDen : null });
  }
  const grid = buildGrid(points, interval);
  let dataEnd = grid.values.length;
  while (dataEnd > 0 && Number.isNaN(grid.values[dataEnd - 1])) dataEnd--;
  return { grid, clock, intervalMinutes: interval, dataEnd };
}
