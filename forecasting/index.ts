/** Public API of the forecasting module: history and the calendar in, forecasts out. */
export * from './history-csv';
export { parseTimestamp, formatTimestamp, type TimestampStyle } from './timestamp';
export { georgianHolidays, georgianHolidaysBetween, orthodoxEaster, type Holiday } from './calendar/georgian-holidays';
