/**
 * The series as a regular grid of intervals on the local wall clock.
 *
 * Index i is local day `firstDay + floor(i / slotsPerDay)`, slot `i % slotsPerDay`; every local
 * day has the same number of slots, so a day's shape and the weekly cycle line up by index
 * arithmetic even across daylight-saving changes (the skipped hour is simply missing, the
 * repeated hour holds the mean of its two instants). Missing intervals are NaN, never 0:
 * a 0 is a closed (or silent) interval that the file wrote.
 */

export interface SeriesGrid {
  intervalMinutes: number;
  slotsPerDay: number;
  /** Local calendar date of index 0, as days since 1970-01-01. */
  firstDay: number;
  /** Contacts per interval; NaN = missing. */
  values: Float64Array;
  /** Mean handle time per interval, seconds; NaN = unknown. Absent when the history has none. */
  aht?: Float64Array;
}

/** One interval of history on the local wall clock. */
export interface LocalPoint {
  /** Local wall clock, `yyyy-mm-ddTHH:mm` (more characters, e.g. seconds or offset, are ignored). */
  local: string;
  volume: number;
  ahtSeconds?: number | null;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `yyyy-mm-dd` date. */
export function epochDay(isoDate: string): number {
  return Math.floor(Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS);
}

/** `yyyy-mm-dd` of an epoch day. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday of an epoch day, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Grid index of a local wall-clock time `yyyy-mm-ddTHH:mm`, relative to `firstDay`. */
export function indexOfLocal(local: string, firstDay: number, intervalMinutes: number): number {
  const minutes = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
  return (epochDay(local) - firstDay) * (1440 / intervalMinutes) + Math.floor(minutes / intervalMinutes);
}

/** Local wall clock `yyyy-mm-ddTHH:mm` of grid index `i`. */
export function localOfIndex(i: number, firstDay: number, intervalMinutes: number): string {
  const spd = 1440 / intervalMinutes;
  const day = firstDay + Math.floor(i / spd);
  const minutes = (i - Math.floor(i / spd) * spd) * intervalMinutes;
  return `${isoOfDay(day)}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Builds the grid from points (any order). The grid starts at the first point's local day and
 * ends after the last point; two points on the same slot (the autumn repeated hour) are averaged.
 */
export function buildGrid(points: LocalPoint[], intervalMinutes: number): SeriesGrid {
  const spd = 1440 / intervalMinutes;
  if (points.length === 0) return { intervalMinutes, slotsPerDay: spd, firstDay: 0, values: new Float64Array(0) };
  let firstDay = Infinity;
  let lastIndexDay = -Infinity;
  for (const p of points) {
    const d = epochDay(p.local);
    if (d < firstDay) firstDay = d;
    if (d > lastIndexDay) lastIndexDay = d;
  }
  const n = (lastIndexDay - firstDay + 1) * spd;
  const sum = new Float64Array(n);
  const count = new Uint16Array(n);
  const ahtSum = new Float64Array(n);
  const ahtWeight = new Float64Array(n);
  let last = -1;
  let anyAht = false;
  for (const p of points) {
    const i = indexOfLocal(p.local, firstDay, intervalMinutes);
    sum[i] += p.volume;
    count[i]++;
    if (i > last) last = i;
    if (p.ahtSeconds != null && p.ahtSeconds > 0) {
      anyAht = true;
      // Weight by volume, but let a zero-volume interval still carry a little information.
      const w = Math.max(p.volume, 1e-6);
      ahtSum[i] += p.ahtSeconds * w;
      ahtWeight[i] += w;
    }
  }
  const values = new Float64Array(last + 1);
  const aht = anyAht ? new Float64Array(last + 1) : undefined;
  for (let i = 0; i <= last; i++) {
    values[i] = count[i] ? sum[i] / count[i] : NaN;
    if (aht) aht[i] = ahtWeight[i] > 0 ? ahtSum[i] / ahtWeight[i] : NaN;
  }
  return { intervalMinutes, slotsPerDay: spd, firstDay, values, aht };
}

/** A copy of the grid cut (or padded with NaN) to `length` intervals. */
export function sliceGrid(grid: SeriesGrid, length: number): SeriesGrid {
  const values = new Float64Array(length).fill(NaN);
  values.set(grid.values.subarray(0, Math.min(length, grid.values.length)));
  let aht: Float64Array | undefined;
  if (grid.aht) {
    aht = new Float64Array(length).fill(NaN);
    aht.set(grid.aht.subarray(0, Math.min(length, grid.aht.length)));
  }
  return { ...grid, values, aht };
}
