/**
 * Rolling-origin evaluation (Tashman, IJF 2000): the last `folds × horizon` hours of the
 * history are cut into `folds` consecutive folds; each is forecast by every method trained on
 * everything before it (the method choice of `auto` included, made afresh per fold on the
 * history before that fold). Reported per method, pooled over the folds: WAPE, MASE, bias and
 * the coverage of the 80% and 95% intervals (all scored intervals, and open ones only:
 * intervals where forecast and actual are both 0 are trivially covered), and the pinball loss
 * of the 10%, 50% and 90% quantiles.
 */
import { dayMarks, type CalendarOptions } from './calendar/day-marks';
import { sameWarning, warning, type ForecastWarning } from './warnings';
import { forecastGrid } from './engine';
import { FoldMemo } from './fold-memo';
import { localOfIndex } from './grid';
import {
  accuracy,
  addCoverage,
  coverageCount,
  pinballSum,
  poolAccuracy,
  weeklyNaiveScale,
  type Accuracy,
  type CoverageCount,
} from './metrics';
import { prepareSeries, type HistoryPoint } from './series';

export interface BacktestOptions {
  zone: string;
  folds?: number;
  /** Hours per fold (default 168). */
  horizon?: number;
  intervalMinutes?: number;
  calendar?: CalendarOptions;
  /** Backtest weeks before each fold used to choose the method (default: the engine's). */
  innerFolds?: number;
}

export interface MethodBacktest {
  method: string;
  wape: number;
  mase: number;
  bias: number;
  coverage80: number;
  coverage95: number;
  coverage80Open: number;
  coverage95Open: number;
  /**
   * Pinball loss ÷ Σ actual at the 10%, 50% and 90% quantiles: the 80% band's ends and the
   * point forecast (read as the median), pooled over the folds.
   */
  pinball10: number;
  pinball50: number;
  pinball90: number;
  /** Scored intervals. */
  n: number;
}

export interface FoldInfo {
  /** Local wall clock of the first and last forecast interval. */
  from: string;
  to: string;
  chosen: string;
  wape: number;
}

export interface BacktestResult {
  intervalMinutes: number;
  folds: FoldInfo[];
  /** `auto` first, then the single methods and the combination, best WAPE first. */
  methods: MethodBacktest[];
  warnings: ForecastWarning[];
}

interface Tally {
  parts: Accuracy[];
  scales: number[];
  c80: CoverageCount;
  c95: CoverageCount;
  pinball: { loss: number[]; sumActual: number };
}

/** The quantiles scored by pinball loss: lower80, point, upper80. */
const QUANTILES = [0.1, 0.5, 0.9];
const ZERO: CoverageCount = { inside: 0, n: 0, openInside: 0, openN: 0 };

export function backtest(history: HistoryPoint[], options: BacktestOptions): BacktestResult {
  const s = prepareSeries(history, options.zone, options.intervalMinutes);
  const { grid, intervalMinutes: im } = s;
  const spd = grid.slotsPerDay;
  const H = Math.round(((options.horizon ?? 168) * 60) / im);
  const asked = options.folds ?? 4;
  const end = s.dataEnd;
  const warnings: ForecastWarning[] = [...s.warnings];
  // A short history gets the folds it can hold (a week of training before the first), not a refusal.
  const folds = Math.min(asked, Math.floor((end - 7 * spd) / H));
  if (folds < 1)
    throw new RangeError(
      `the history (${(end / spd).toFixed(1)} days) is too short for one fold of ${options.horizon ?? 168} h plus a week of training`,
    );
  if (folds < asked)
    warnings.push(warning('fewerFolds', { days: Math.round((end / spd) * 10) / 10, folds, horizonHours: options.horizon ?? 168, asked }));
  const marks = dayMarks(grid.firstDay, grid.firstDay + Math.ceil(end / spd) + 1, options.calendar);
  const autoHolidays = (options.calendar?.publicHolidays ?? 'auto') === 'auto';
  // A fold's backtest weeks are the earlier folds' too (with a horizon of a week).
  const memo = new FoldMemo();
  const tallies = new Map<string, Tally>();
  const foldInfo: FoldInfo[] = [];
  const add = (
    name: string,
    p: { point: Float64Array; lower80: Float64Array; upper80: Float64Array; lower95: Float64Array; upper95: Float64Array },
    actual: Float64Array,
    scale: number,
  ) => {
    let t = tallies.get(name);
    if (!t) tallies.set(name, (t = { parts: [], scales: [], c80: ZERO, c95: ZERO, pinball: { loss: [0, 0, 0], sumActual: 0 } }));
    const qs = [p.lower80, p.point, p.upper80].map((q, k) => pinballSum(q, actual, QUANTILES[k]));
    qs.forEach((q, k) => (t.pinball.loss[k] += q.loss));
    t.pinball.sumActual += qs[0].sumActual;
    t.parts.push(accuracy(p.point, actual, scale));
    t.scales.push(scale);
    t.c80 = addCoverage(t.c80, coverageCount(p.lower80, p.upper80, p.point, actual));
    t.c95 = addCoverage(t.c95, coverageCount(p.lower95, p.upper95, p.point, actual));
  };
  for (let k = folds; k >= 1; k--) {
    const origin = end - k * H;
    const f = forecastGrid(grid, origin, H, { marks, autoHolidays, allMethods: true, innerFolds: options.innerFolds, memo });
    const actual = grid.values.slice(origin, origin + H);
    const scale = weeklyNaiveScale(grid.values.subarray(0, origin), 7 * spd);
    add('auto', f, actual, scale);
    for (const [name, p] of f.perMethod!) add(name, p, actual, scale);
    foldInfo.push({
      from: localOfIndex(origin, grid.firstDay, im),
      to: localOfIndex(origin + H - 1, grid.firstDay, im),
      chosen: f.method,
      wape: accuracy(f.point, actual, scale).wape,
    });
    for (const w of f.warnings) if (w.code !== 'outliers' && !warnings.some((x) => sameWarning(x, w))) warnings.push(w);
  }
  const methods = [...tallies.entries()].map(([method, t]) => summarise(method, t));
  const auto = methods.filter((m) => m.method === 'auto');
  const others = methods.filter((m) => m.method !== 'auto').sort((a, b) => a.wape - b.wape);
  if (others.some((m) => m.n < auto[0].n)) warnings.push(warning('methodsOnFewerFolds'));
  return { intervalMinutes: im, folds: foldInfo, methods: [...auto, ...others], warnings };
}

function summarise(method: string, t: Tally): MethodBacktest {
  const acc = poolAccuracy(t.parts, t.scales);
  return {
    method,
    wape: acc.wape,
    mase: acc.mase,
    bias: acc.bias,
    coverage80: t.c80.inside / t.c80.n,
    coverage95: t.c95.inside / t.c95.n,
    coverage80Open: t.c80.openInside / t.c80.openN,
    coverage95Open: t.c95.openInside / t.c95.openN,
    pinball10: t.pinball.loss[0] / t.pinball.sumActual,
    pinball50: t.pinball.loss[1] / t.pinball.sumActual,
    pinball90: t.pinball.loss[2] / t.pinball.sumActual,
    n: acc.n,
  };
}
