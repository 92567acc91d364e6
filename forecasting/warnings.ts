/**
 * A remark on a forecast or a backtest, as a code and its figures (numbers, local dates,
 * method names): the message catalogue's `forecast.warning.<code>` words it for the reader.
 *
 * - mixedIntervals {coarseMinutes, fineMinutes}: the history changes interval length.
 * - shortHistory {days}: few backtest weeks before the start; intervals are rough.
 * - shortHistoryNoBacktest {days, method}: no backtest possible; `method` is used.
 * - defaultSpread: too few backtest errors to calibrate the prediction intervals.
 * - outliers {count, dates}: unusual days left out of training (the last five dates).
 * - historyGap {days}: the history ends that many days before the start.
 * - fewerFolds {days, folds, horizonHours, asked}: the history holds fewer backtest folds.
 * - methodsOnFewerFolds: some methods could not run on every fold.
 * - noHistory: nothing before the start to forecast from.
 */
export interface ForecastWarning {
  code: string;
  params: Record<string, string | number | readonly string[] | readonly number[]>;
}

export const warning = (code: string, params: ForecastWarning['params'] = {}): ForecastWarning => ({ code, params });

/** Same code and figures. */
export const sameWarning = (a: ForecastWarning, b: ForecastWarning) => JSON.stringify(a) === JSON.stringify(b);
