/** Public API of the forecasting module: history and the calendar in, forecasts out. */
export * from './history-csv';
export { parseTimestamp, formatTimestamp, formatInstant, type TimestampStyle } from './timestamp';
export { georgianHolidays, georgianHolidaysBetween, orthodoxEaster, type Holiday } from './calendar/georgian-holidays';
export { forecastSeries, type ForecastOptions, type ForecastPoint, type ForecastResult, type IntradayUpdate } from './forecast';
export { FoldMemo } from './fold-memo';
export { backtest, type BacktestOptions, type BacktestResult, type MethodBacktest, type FoldInfo } from './backtest';
export { seriesForChannel, prepareSeries, inferIntervalMinutes, type HistoryPoint } from './series';
export { METHOD_NAMES, METHODS, COMBINATION, methodCatalogue } from './methods/index';
export { dayMarks, DEFAULT_HOLIDAY_FACTOR, type CalendarEvent, type CalendarOptions, type DayMark } from './calendar/day-marks';
export type { CandidateScore, SpecialDay } from './engine';
export { ZoneClock, clockOf, guessZone, fixedOffsetZone, zoneOfRepeatedHours, zoneOfSpringGaps, COMMON_DST_ZONES } from './zone-clock';
export { dailyShape, weeklyShape, WEEKDAYS, type DailyShape, type WeekdayTotal, type ShapeOptions } from './shapes';
export { accuracyByWeek, type WeekAccuracy } from './adjustments';
export { applyAdjustmentsByPlatform, type PlatformAdjustment, type PlatformPart, type SplitAdjusted } from './platform-adjustments';
export { syntheticHistory, type SyntheticOptions } from './synthetic';
export { mulberry32, mulberry32Uint } from './random';
export { type ForecastWarning } from './warnings';
export { type ForecastNote } from './notes';
export { intradayMultiplier, chooseKappa, KAPPA_GRID, DEFAULT_KAPPA, type IntradayDay, type KappaChoice } from './intraday';
export { intradayBacktest, type IntradayBacktestOptions, type IntradayBacktestResult, type IntradayMethodScore } from './intraday-backtest';
export {
  forecastHierarchy,
  reconcile,
  recentShares,
  channelHistory,
  RECONCILIATIONS,
  type Reconciliation,
  type PlatformSeries,
  type PlatformEvent,
  type HierarchyOptions,
  type HierarchyForecast,
  type PlatformForecast,
  type ReconciliationScore,
} from './hierarchy';
