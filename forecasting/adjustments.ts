/**
 * What the coordinator does with a forecast after the model: manual adjustments over a time
 * range, and the accuracy of past forecasts week by week.
 */
import type { ForecastPoint } from './forecast';
import { mondayOf } from './week';
import { toMillis } from './series';

export interface Adjustment {
  /** Range of interval starts, ISO instants: `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  /** 'scale': change by `value` percent (+10 → ×1.1); 'set': contacts per interval = `value`. */
  kind: 'scale' | 'set';
  value: number;
  note?: string;
}

export interface AdjustedPoint extends ForecastPoint {
  /** The model's volume before adjustments. */
  modelVolume: number;
  /** Notes of the adjustments applied, in order. */
  adjustments: string[];
}

/**
 * Applies the adjustments in order (a later one acts on the result of an earlier one). Bounds
 * move with the volume: scaled by the same ratio, or for 'set' on a zero forecast, all equal
 * to the set value (the coordinator's number carries no model spread).
 */
export function applyAdjustments(points: ForecastPoint[], adjustments: Adjustment[]): AdjustedPoint[] {
  const ranges = adjustments.map((a) => {
    if (a.kind === 'scale' && a.value < -100) throw new RangeError(`adjustment '${a.note ?? a.from}': cannot scale by less than -100%`);
    if (a.kind === 'set' && a.value < 0) throw new RangeError(`adjustment '${a.note ?? a.from}': a volume cannot be negative`);
    return { a, from: toMillis(a.from), to: toMillis(a.to) };
  });
  return points.map((p) => {
    const ms = toMillis(p.start);
    let out: AdjustedPoint = { ...p, modelVolume: p.volume, adjustments: [] };
    for (const { a, from, to } of ranges) {
      if (ms < from || ms >= to) continue;
      const ratio = a.kind === 'scale' ? 1 + a.value / 100 : out.volume > 0 ? a.value / out.volume : NaN;
      const bound = (b: number) => (Number.isNaN(ratio) ? a.value : b * ratio);
      out = {
        ...out,
        volume: a.kind === 'set' ? a.value : out.volume * ratio,
        lower80: bound(out.lower80),
        upper80: bound(out.upper80),
        lower95: bound(out.lower95),
        upper95: bound(out.upper95),
        adjustments: [...out.adjustments, a.note ?? `${a.kind} ${a.value}`],
      };
    }
    return out;
  });
}

export interface WeekAccuracy {
  /** Local Monday `yyyy-mm-dd` of the week (from the points' local dates). */
  weekStart: string;
  forecast: number;
  actual: number;
  wape: number;
  bias: number;
  /** Intervals with both a forecast and an actual. */
  n: number;
}

/** WAPE and bias per week of forecast points matched to actuals by interval start (the instant). */
export function accuracyByWeek(points: { start: string; volume: number }[], actuals: { start: string; volume: number }[]): WeekAccuracy[] {
  const actualAt = new Map<number, number>();
  for (const a of actuals) actualAt.set(toMillis(a.start), a.volume);
  const weeks = new Map<string, WeekAccuracy & { absError: number }>();
  for (const p of points) {
    const a = actualAt.get(toMillis(p.start));
    if (a === undefined || Number.isNaN(a)) continue;
    const key = mondayOf(p.start);
    let w = weeks.get(key);
    if (!w) weeks.set(key, (w = { weekStart: key, forecast: 0, actual: 0, wape: NaN, bias: NaN, n: 0, absError: 0 }));
    w.forecast += p.volume;
    w.actual += a;
    w.absError += Math.abs(p.volume - a);
    w.n++;
  }
  return [...weeks.values()]
    .sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1))
    .map(({ absError, ...w }) => ({
      ...w,
      wape: w.actual > 0 ? absError / w.actual : NaN,
      bias: w.actual > 0 ? (w.forecast - w.actual) / w.actual : NaN,
    }));
}
