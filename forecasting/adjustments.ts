/**
 * The accuracy of past forecasts week by week. (Manual adjustments: platform-adjustments.ts,
 * whole channel or one platform.)
 */
import { mondayOf } from './week';
import { toMillis } from './series';

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
