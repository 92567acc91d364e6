/**
 * A channel and its platforms as a two-level hierarchy (channel total = Σ platforms): every
 * series is forecast on its own (the base forecasts), then reconciled so that the platforms add
 * up to the channel in every interval (Hyndman et al., CSDA 2011; Wickramasuriya, Athanasopoulos
 * & Hyndman, JASA 2019). Candidates:
 * - `bottom-up`: the platforms' own forecasts, the channel their sum;
 * - `top-down`: the channel's own forecast split by each platform's share of the same
 *   interval of the week over the last weeks (recent shares; the day's share where the
 *   interval had no contacts);
 * - `mint-diagonal`: the minimum-trace reconciliation with a diagonal error covariance (WLS by
 *   error variance, MinT's diagonal shrinkage target): the gap between the channel's forecast
 *   and the platforms' sum is shared out in proportion to each series' backtest error
 *   variance, so the series that errs least moves least;
 * - `middle`: the mean of bottom-up and top-down (a simple combination).
 * Which one is used is chosen per channel by a rolling-origin backtest on the weeks before the
 * start (the score: the channel's WAPE plus the platforms' pooled WAPE, halved), never by fit.
 *
 * Bands: each series keeps the width of its own base forecast relative to its level, moved to
 * the reconciled level (a sum of bands is not a band; the channel's own bands are kept for it).
 * Events on one platform (a launch, an outage) scale that platform's reconciled forecast on
 * their days and so the channel's total too: the channel stays the sum of its platforms.
 */
import { forecastSeries, type ForecastOptions, type ForecastPoint, type ForecastResult } from './forecast';
import { toMillis, type HistoryPoint } from './series';

export const RECONCILIATIONS = ['bottom-up', 'top-down', 'mint-diagonal', 'middle'] as const;
export type Reconciliation = (typeof RECONCILIATIONS)[number];

export interface PlatformSeries {
  platform: string;
  history: HistoryPoint[];
}

/** An event on one platform: its volume × (1 + effectPct/100) on the local dates from…to. */
export interface PlatformEvent {
  platform: string;
  /** Local dates (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
  effectPct: number;
}

export interface HierarchyOptions extends ForecastOptions {
  /** 'auto' (default: chosen by backtest) or one reconciliation. */
  reconciliation?: Reconciliation | 'auto';
  /** Backtest weeks before the start that choose the reconciliation (default 3). */
  folds?: number;
  /** Weeks whose shares split the channel in `top-down` (default 4). */
  shareWeeks?: number;
  platformEvents?: PlatformEvent[];
}

export interface ReconciliationScore {
  reconciliation: Reconciliation;
  /** (channel WAPE + platforms' pooled WAPE) ÷ 2 over the backtest weeks. */
  score: number;
  channelWape: number;
  platformWape: number;
}

export interface PlatformForecast {
  platform: string;
  method: string;
  /** Share of the channel's forecast volume over the horizon. */
  share: number;
  points: ForecastPoint[];
}

export interface HierarchyForecast {
  reconciliation: Reconciliation;
  scores: ReconciliationScore[];
  /** The channel: its base forecast's method and warnings, its points the reconciled sum. */
  channel: ForecastResult;
  platforms: PlatformForecast[];
}

/** Base forecasts: the channel's own and each platform's own point forecasts. */
export interface BaseForecasts {
  total: ArrayLike<number>;
  platforms: ArrayLike<number>[];
}

/**
 * Reconciled platform forecasts (the channel is their sum). `shares[i][h]`: platform i's share
 * at interval h (top-down); `variances`: backtest error variance of the channel (first) and
 * of each platform (mint-diagonal).
 */
export function reconcile(
  kind: Reconciliation,
  base: BaseForecasts,
  shares: ArrayLike<number>[],
  variances: { total: number; platforms: number[] },
): Float64Array[] {
  const n = base.total.length;
  const p = base.platforms.length;
  const out = base.platforms.map(() => new Float64Array(n));
  for (let h = 0; h < n; h++) {
    let sum = 0;
    for (let i = 0; i < p; i++) sum += base.platforms[i][h];
    const total = base.total[h];
    // λ of the WLS solution: minimise Σ (ỹᵢ − ŷᵢ)²/vᵢ + (Σỹᵢ − ŷ₀)²/v₀ → ỹᵢ = ŷᵢ + vᵢ (ŷ₀ − Σŷ) / (v₀ + Σv).
    const vSum = variances.total + variances.platforms.reduce((a, b) => a + b, 0);
    const lambda = vSum > 0 ? (total - sum) / vSum : 0;
    for (let i = 0; i < p; i++) {
      const bu = base.platforms[i][h];
      const td = total * shares[i][h];
      let v: number;
      if (kind === 'bottom-up') v = bu;
      else if (kind === 'top-down') v = td;
      else if (kind === 'middle') v = (bu + td) / 2;
      else v = bu + variances.platforms[i] * lambda;
      out[i][h] = v;
    }
    if (kind === 'mint-diagonal') clipNegative(out, h);
  }
  return out;
}

/** A platform pushed below 0 by the WLS move gets 0; the others give up that much in proportion. */
function clipNegative(out: Float64Array[], h: number): void {
  let deficit = 0;
  let positive = 0;
  for (const s of out) {
    if (s[h] < 0) {
      deficit -= s[h];
      s[h] = 0;
    } else positive += s[h];
  }
  if (deficit > 0 && positive > 0) for (const s of out) s[h] -= (deficit * s[h]) / positive;
  for (const s of out) if (s[h] < 0) s[h] = 0;
}

/** The channel's history: the platforms summed per interval start. */
export function channelHistory(platforms: PlatformSeries[]): HistoryPoint[] {
  const byMs = new Map<number, { volume: number; ahtWeighted: number; ahtVolume: number }>();
  for (const p of platforms)
    for (const h of p.history) {
      const ms = toMillis(h.start);
      const t = byMs.get(ms) ?? { volume: 0, ahtWeighted: 0, ahtVolume: 0 };
      t.volume += h.volume;
      if (h.ahtSeconds != null && h.volume > 0) {
        t.ahtWeighted += h.ahtSeconds * h.volume;
        t.ahtVolume += h.volume;
      }
      byMs.set(ms, t);
    }
  return [...byMs.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([ms, t]) => ({
      start: new Date(ms).toISOString(),
      volume: t.volume,
      ahtSeconds: t.ahtVolume > 0 ? t.ahtWeighted / t.ahtVolume : null,
    }));
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Each platform's share of the channel at each forecast interval: the same interval of the week
 * over the last `weeks` weeks before `startMs`; where those intervals had no contacts, the
 * platform's share of the whole window; equal shares when the window is empty.
 */
export function recentShares(
  platforms: PlatformSeries[],
  startMs: number,
  intervalMs: number,
  count: number,
  weeks: number,
): Float64Array[] {
  const from = startMs - weeks * WEEK_MS;
  const bySlot = platforms.map(() => new Map<number, number>());
  const whole = platforms.map(() => 0);
  platforms.forEach((p, i) => {
    for (const h of p.history) {
      const ms = toMillis(h.start);
      if (ms < from || ms >= startMs || !(h.volume >= 0)) continue;
      const slot = Math.floor((((ms - startMs) % WEEK_MS) + WEEK_MS) / intervalMs) % Math.round(WEEK_MS / intervalMs);
      bySlot[i].set(slot, (bySlot[i].get(slot) ?? 0) + h.volume);
      whole[i] += h.volume;
    }
  });
  const wholeSum = whole.reduce((a, b) => a + b, 0);
  const slotsPerWeek = Math.round(WEEK_MS / intervalMs);
  const out = platforms.map(() => new Float64Array(count));
  for (let h = 0; h < count; h++) {
    const slot = h % slotsPerWeek;
    const vals = bySlot.map((m) => m.get(slot) ?? 0);
    const sum = vals.reduce((a, b) => a + b, 0);
    for (let i = 0; i < platforms.length; i++)
      out[i][h] = sum > 0 ? vals[i] / sum : wholeSum > 0 ? whole[i] / wholeSum : 1 / platforms.length;
  }
  return out;
}

interface FoldScore {
  absTotal: number;
  sumTotal: number;
  absPlatforms: number;
  sumPlatforms: number;
}

function actualsAt(history: HistoryPoint[], points: ForecastPoint[]): Float64Array {
  const byMs = new Map<number, number>();
  for (const h of history) byMs.set(toMillis(h.start), h.volume);
  return Float64Array.from(points, (p) => byMs.get(Date.parse(p.start)) ?? NaN);
}

interface FoldRun {
  baseTotal: ForecastPoint[];
  basePlatforms: ForecastPoint[][];
  actualTotal: Float64Array;
  actualPlatforms: Float64Array[];
}

/** One backtest week: the base forecasts from `originMs` (history before it only) and what came. */
function foldRun(
  platforms: PlatformSeries[],
  total: HistoryPoint[],
  options: HierarchyOptions,
  originMs: number,
  horizonHours: number,
): FoldRun {
  const opts: ForecastOptions = { ...options, start: new Date(originMs).toISOString(), hours: horizonHours, intervals: undefined };
  const baseTotal = forecastSeries(total, opts).points;
  const basePlatforms = platforms.map((p) => forecastSeries(p.history, opts).points);
  const actualTotal = actualsAt(total, baseTotal);
  const actualPlatforms = platforms.map((p, i) => actualsAt(p.history, basePlatforms[i]));
  return { baseTotal, basePlatforms, actualTotal, actualPlatforms };
}

function squaredError(f: ForecastPoint[], a: Float64Array): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  f.forEach((p, h) => {
    if (Number.isNaN(a[h])) return;
    sum += (p.volume - a[h]) ** 2;
    n++;
  });
  return { sum, n };
}

/** Forecasts the channel and its platforms, reconciled (see the module comment). */
export function forecastHierarchy(platforms: PlatformSeries[], options: HierarchyOptions): HierarchyForecast {
  if (!platforms.length) throw new RangeError('no platforms to forecast');
  const total = channelHistory(platforms);
  const channel = forecastSeries(total, options);
  const baseOf = platforms.map((p) => forecastSeries(p.history, { ...options, intervalMinutes: channel.intervalMinutes }));
  const startMs = Date.parse(channel.points[0].start);
  const intervalMs = channel.intervalMinutes * 60_000;
  const count = channel.points.length;
  const shareWeeks = options.shareWeeks ?? 4;
  const foldOptions: HierarchyOptions = { ...options, intervalMinutes: channel.intervalMinutes };

  // Backtest weeks: the base forecasts' error variances and each reconciliation's score.
  const folds = options.folds ?? 3;
  const runs: (FoldRun & { originMs: number })[] = [];
  for (let k = folds; k >= 1; k--) {
    try {
      runs.push({ originMs: startMs - k * WEEK_MS, ...foldRun(platforms, total, foldOptions, startMs - k * WEEK_MS, 168) });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
    }
  }
  const variance = (pick: (r: (typeof runs)[number]) => { f: ForecastPoint[]; a: Float64Array }) => {
    let sum = 0;
    let n = 0;
    for (const r of runs) {
      const { f, a } = pick(r);
      const e = squaredError(f, a);
      sum += e.sum;
      n += e.n;
    }
    return n ? sum / n : 1;
  };
  const variances = {
    total: variance((r) => ({ f: r.baseTotal, a: r.actualTotal })),
    platforms: platforms.map((_, i) => variance((r) => ({ f: r.basePlatforms[i], a: r.actualPlatforms[i] }))),
  };
  const scores: ReconciliationScore[] = RECONCILIATIONS.map((kind) => {
    const t: FoldScore = { absTotal: 0, sumTotal: 0, absPlatforms: 0, sumPlatforms: 0 };
    for (const r of runs) {
      const shares = recentShares(platforms, r.originMs, intervalMs, r.baseTotal.length, shareWeeks);
      const rec = reconcile(
        kind,
        { total: r.baseTotal.map((p) => p.volume), platforms: r.basePlatforms.map((ps) => ps.map((p) => p.volume)) },
        shares,
        variances,
      );
      for (let h = 0; h < r.baseTotal.length; h++) {
        let sum = 0;
        rec.forEach((s, i) => {
          sum += s[h];
          const a = r.actualPlatforms[i][h];
          if (Number.isNaN(a)) return;
          t.absPlatforms += Math.abs(s[h] - a);
          t.sumPlatforms += a;
        });
        const a = r.actualTotal[h];
        if (Number.isNaN(a)) continue;
        t.absTotal += Math.abs(sum - a);
        t.sumTotal += a;
      }
    }
    const channelWape = t.sumTotal > 0 ? t.absTotal / t.sumTotal : NaN;
    const platformWape = t.sumPlatforms > 0 ? t.absPlatforms / t.sumPlatforms : NaN;
    return { reconciliation: kind, score: (channelWape + platformWape) / 2, channelWape, platformWape };
  });
  const asked = options.reconciliation ?? 'auto';
  const ranked = scores.filter((s) => Number.isFinite(s.score)).sort((a, b) => a.score - b.score);
  // Without backtest weeks the platforms' own forecasts are the safe default: nothing to weigh.
  const kind: Reconciliation = asked !== 'auto' ? asked : (ranked[0]?.reconciliation ?? 'bottom-up');

  const shares = recentShares(platforms, startMs, intervalMs, count, shareWeeks);
  const rec = reconcile(
    kind,
    { total: channel.points.map((p) => p.volume), platforms: baseOf.map((b) => b.points.map((p) => p.volume)) },
    shares,
    variances,
  );
  applyPlatformEvents(rec, platforms, channel.points, options.platformEvents ?? []);
  const platformPoints = rec.map((s, i) => moveBands(baseOf[i].points, s));
  const sums = Float64Array.from(channel.points, (_, h) => rec.reduce((a, s) => a + s[h], 0));
  const horizonTotal = sums.reduce((a, b) => a + b, 0);
  return {
    reconciliation: kind,
    scores: [...ranked, ...scores.filter((s) => !Number.isFinite(s.score))],
    channel: { ...channel, points: moveBands(channel.points, sums) },
    platforms: platforms.map((p, i) => ({
      platform: p.platform,
      method: baseOf[i].method,
      share: horizonTotal > 0 ? rec[i].reduce((a, b) => a + b, 0) / horizonTotal : 0,
      points: platformPoints[i],
    })),
  };
}

function applyPlatformEvents(rec: Float64Array[], platforms: PlatformSeries[], points: ForecastPoint[], events: PlatformEvent[]): void {
  for (const e of events) {
    const i = platforms.findIndex((p) => p.platform === e.platform);
    if (i < 0) throw new RangeError(`event on unknown platform '${e.platform}'`);
    const factor = Math.max(0, 1 + e.effectPct / 100);
    points.forEach((p, h) => {
      // Points carry the zone's offset: their first ten characters are the local date.
      const date = p.start.slice(0, 10);
      if (date >= e.from && date <= e.to) rec[i][h] *= factor;
    });
  }
}

/** The base points moved to the reconciled level, each band keeping its width relative to the level. */
function moveBands(base: ForecastPoint[], level: ArrayLike<number>): ForecastPoint[] {
  return base.map((p, h) => {
    const v = level[h];
    const r = p.volume > 0 ? v / p.volume : NaN;
    const at = (b: number, fallback: number) => (Number.isFinite(r) ? Math.max(0, b * r) : Math.max(0, v + fallback));
    return {
      ...p,
      volume: v,
      lower80: Math.min(v, at(p.lower80, p.lower80 - p.volume)),
      upper80: Math.max(v, at(p.upper80, p.upper80 - p.volume)),
      lower95: Math.min(v, at(p.lower95, p.lower95 - p.volume)),
      upper95: Math.max(v, at(p.upper95, p.upper95 - p.volume)),
    };
  });
}
