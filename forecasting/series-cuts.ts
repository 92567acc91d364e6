/**
 * prepareSeries of one history cut at several instants: an intraday update prepares its history
 * for the start's day and for each of the 20 days before it. The local times, the interval
 * checks and the grid's sums are computed once; each cut reads its prefix and recomputes only
 * its last slot and its last day.
 *
 * Exact: every cut equals prepareSeries(history, zone, intervalMinutes, beforeMs, instants) (a
 * test compares them at every hour). That needs the points in time order with local times that
 * never go back (no autumn hour written twice): then the points before a cut are a prefix, each
 * local day and each slot a run of neighbours. Any other history is prepared afresh every time.
 */
import { COARSE_DAYS, DAY_ROWS, gcd, prepareSeries, type HistoryPoint, type PreparedSeries } from './series';
import { clockOf } from './zone-clock';

const DAY_MS = 86_400_000;
const minuteOf = (l: number) => Math.floor(l / 60_000) % 60;

/** Per slot, the sums prepareSeries keeps, for the whole history on one interval length. */
interface Sums {
  slot: Int32Array;
  firstBucket: Float64Array;
  sum1: Float64Array;
  sum2: Float64Array;
  ahtNum: Float64Array;
  ahtDen: Float64Array;
}

export class SeriesCuts {
  /** Local times of the points, or null when the history is not in order (see the module comment). */
  private readonly local: Float64Array | null;
  /** Interval length the minutes of the first k points fall on (inferIntervalMinutes), k ≥ 1. */
  private readonly finest: Int32Array;
  /** Local days as runs of points: first point, end, and how many complete days with ≥ DAY_ROWS rows before each, per gcd. */
  private readonly dayStart: Int32Array;
  private readonly dayOfPoint: Int32Array;
  private readonly daysBefore: Int32Array[];
  /** First point with a handle time (history.length when none). */
  private readonly firstAht: number;
  private readonly sums = new Map<number, Sums>();

  constructor(
    private readonly history: HistoryPoint[],
    readonly zone: string,
    private readonly instants: Float64Array,
  ) {
    const n = history.length;
    const clock = clockOf(zone);
    let local: Float64Array | null = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      local[k] = clock.toLocalMs(instants[k]);
      if (k > 0 && (instants[k] < instants[k - 1] || local[k] < local[k - 1])) {
        local = null;
        break;
      }
    }
    this.local = local;
    this.finest = new Int32Array(n + 1).fill(60);
    this.dayStart = new Int32Array(0);
    this.dayOfPoint = new Int32Array(0);
    this.daysBefore = [];
    this.firstAht = n;
    if (!local) return;
    let g = 60;
    for (let k = 0; k < n; k++) {
      g = gcd(g, Math.abs(minuteOf(local[k]) - minuteOf(local[0])));
      this.finest[k + 1] = g;
    }
    const starts: number[] = [];
    this.dayOfPoint = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      if (k === 0 || Math.floor(local[k] / DAY_MS) !== Math.floor(local[k - 1] / DAY_MS)) starts.push(k);
      this.dayOfPoint[k] = starts.length - 1;
    }
    starts.push(n);
    this.dayStart = Int32Array.from(starts);
    // daysBefore[d][g]: complete days before day d with ≥ DAY_ROWS rows whose minutes fall on g.
    const counts = new Int32Array(61);
    for (let d = 0; d + 1 < starts.length; d++) {
      this.daysBefore.push(counts.slice());
      const rows = starts[d + 1] - starts[d];
      if (rows >= DAY_ROWS) counts[this.dayGcd(starts[d], starts[d + 1])]++;
    }
    this.daysBefore.push(counts.slice());
    for (let k = 0; k < n; k++) {
      const a = history[k].ahtSeconds;
      if (a != null && a > 0) {
        this.firstAht = k;
        break;
      }
    }
  }

  /** prepareSeries(history, zone, intervalMinutes, beforeMs, instants), from the shared work. */
  prepare(intervalMinutes: number | undefined, beforeMs: number): PreparedSeries {
    const local = this.local;
    if (!local) return prepareSeries(this.history, this.zone, intervalMinutes, beforeMs, this.instants);
    // The points before the cut: a prefix of m points.
    let lo = 0;
    let hi = this.instants.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.instants[mid] < beforeMs) lo = mid + 1;
      else hi = mid;
    }
    const m = lo;
    // The interval checks on the prefix only, as prepareSeries makes them.
    const finest = this.finest[m];
    const coarsest = m === 0 ? 0 : this.coarsest(m);
    const dataInterval = Math.max(finest, coarsest);
    if (m === 0 || intervalMinutes === undefined || intervalMinutes < dataInterval || coarsest > finest)
      // The warnings and refusals, and an empty history, are prepareSeries's own (rare: not worth copying).
      return prepareSeries(this.history, this.zone, intervalMinutes, beforeMs, this.instants);
    return this.cut(m, intervalMinutes);
  }

  /** coarsestDayInterval of the first m points: the complete days counted before, the last day's rows now. */
  private coarsest(m: number): number {
    const d = this.dayOfPoint[m - 1];
    const counts = this.daysBefore[d].slice();
    const rows = m - this.dayStart[d];
    if (rows >= DAY_ROWS) counts[this.dayGcd(this.dayStart[d], m)]++;
    let best = 0;
    for (let g = 1; g <= 60; g++) if (counts[g] >= COARSE_DAYS && g > best) best = g;
    return best;
  }

  /** gcd of the minute differences of points a…b−1 (one local day) from the first, starting at 60. */
  private dayGcd(a: number, b: number): number {
    const local = this.local!;
    const first = minuteOf(local[a]);
    let g = 60;
    for (let k = a + 1; k < b; k++) g = gcd(g, Math.abs(minuteOf(local[k]) - first));
    return g;
  }

  private sumsFor(interval: number, firstDay: number): Sums {
    let s = this.sums.get(interval);
    if (s) return s;
    const local = this.local!;
    const n = local.length;
    const slot = new Int32Array(n);
    for (let k = 0; k < n; k++) slot[k] = Math.floor((local[k] / 60_000 - firstDay * 1440) / interval);
    const size = n ? slot[n - 1] + 1 : 0;
    s = {
      slot,
      firstBucket: new Float64Array(size).fill(NaN),
      sum1: new Float64Array(size),
      sum2: new Float64Array(size).fill(NaN),
      ahtNum: new Float64Array(size),
      ahtDen: new Float64Array(size),
    };
    for (let k = 0; k < n; k++) this.add(s, k, slot[k], interval);
    this.sums.set(interval, s);
    return s;
  }

  /** Point k into slot i of `into` (prepareSeries's loop body). */
  private add(into: Omit<Sums, 'slot'>, k: number, i: number, interval: number): void {
    const p = this.history[k];
    const l = this.local![k];
    const bucket = this.instants[k] - (minuteOf(l) % interval) * 60_000;
    if (Number.isNaN(into.firstBucket[i]) || into.firstBucket[i] === bucket) {
      into.firstBucket[i] = bucket;
      into.sum1[i] += p.volume;
    } else {
      into.sum2[i] = (Number.isNaN(into.sum2[i]) ? 0 : into.sum2[i]) + p.volume;
    }
    if (p.ahtSeconds != null && p.ahtSeconds > 0) {
      const w = Math.max(p.volume, 1e-6);
      into.ahtNum[i] += p.ahtSeconds * w;
      into.ahtDen[i] += w;
    }
  }

  /** The grid of the first m points: the shared sums, the last slot summed again from its points before the cut. */
  private cut(m: number, interval: number): PreparedSeries {
    const local = this.local!;
    const clock = clockOf(this.zone);
    const firstDay = Math.floor(local[0] / DAY_MS);
    const s = this.sumsFor(interval, firstDay);
    const n = s.slot[m - 1] + 1;
    const last = n - 1;
    const tail = {
      firstBucket: Float64Array.of(NaN),
      sum1: Float64Array.of(0),
      sum2: Float64Array.of(NaN),
      ahtNum: Float64Array.of(0),
      ahtDen: Float64Array.of(0),
    };
    let k0 = m - 1;
    while (k0 > 0 && s.slot[k0 - 1] === last) k0--;
    for (let k = k0; k < m; k++) this.add(tail, k, 0, interval);
    const anyAht = this.firstAht < m;
    const values = new Float64Array(n);
    const aht = anyAht ? new Float64Array(n) : undefined;
    const value = (first: number, sum1: number, sum2: number) =>
      Number.isNaN(first) ? NaN : Number.isNaN(sum2) ? sum1 : (sum1 + sum2) / 2;
    for (let i = 0; i < last; i++) {
      values[i] = value(s.firstBucket[i], s.sum1[i], s.sum2[i]);
      if (aht) aht[i] = s.ahtDen[i] > 0 ? s.ahtNum[i] / s.ahtDen[i] : NaN;
    }
    values[last] = value(tail.firstBucket[0], tail.sum1[0], tail.sum2[0]);
    if (aht) aht[last] = tail.ahtDen[0] > 0 ? tail.ahtNum[0] / tail.ahtDen[0] : NaN;
    let dataEnd = n;
    while (dataEnd > 0 && Number.isNaN(values[dataEnd - 1])) dataEnd--;
    return {
      grid: { intervalMinutes: interval, slotsPerDay: 1440 / interval, firstDay, values, aht },
      clock,
      intervalMinutes: interval,
      phaseMinutes: minuteOf(local[0]) % interval,
      dataEnd,
      warnings: [],
    };
  }
}
