/**
 * What every forecasting method sees: the training part of the grid (holiday days already
 * blanked to NaN, so they cannot bend an ordinary week) and how far to forecast.
 */
export interface MethodInput {
  /** Training values, index 0 = local midnight of `firstDay`; NaN = missing. Forecasts start at y.length. */
  y: Float64Array;
  slotsPerDay: number;
  firstDay: number;
  /** Intervals to forecast. */
  horizon: number;
}

/** Point forecasts for indices y.length … y.length + horizon − 1 (ordinary days, no holiday effect). */
export type Method = (input: MethodInput) => Float64Array;

export interface MethodInfo {
  name: string;
  /** One line for the coordinator: what the method assumes. */
  description: string;
  run: Method;
  /** Whole weeks of history it needs to be worth trying. */
  minWeeks: number;
  /** False: shown in backtests for comparison, never picked by auto. */
  choosable?: boolean;
  /** A textbook benchmark: runs on the raw history (no cleaning, no special days). */
  benchmark?: boolean;
}
