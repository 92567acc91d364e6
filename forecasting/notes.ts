/**
 * Why a forecast is as it is, as codes and figures like the warnings (warnings.ts): the message
 * catalogue's `forecast.note.<code>` words them for the reader (page, CLI).
 *
 * Why the method was chosen (`chosenBecause`, a list read in order):
 * - askedFor: the method was named by the caller.
 * - tooLittleHistory: no method could be scored on a backtest week.
 * - combinationKept {wape, folds, best, bestWape, marginPct}: the combination's WAPE over the
 *   backtest weeks; the best single method was not better by the margin.
 * - lowestWape {wape, folds}: the chosen method had the lowest WAPE.
 * - betterThanCombination {marginPct, combinationWape}: …and beat the combination by the margin.
 * - seasonalNaive {wape}: the seasonal naive benchmark's WAPE, for comparison.
 * - combinationNeedsHistory {method}: too little history for the combination; `method` is used.
 * - combinationWeights {methods, weights}: the combination's members and their weights.
 * - noHistory: nothing before the start to forecast from.
 * How a special day's factor was found (`SpecialDay.basis`):
 * - coordinatorEffect {effectPct}, eventWithoutEffect, learnedFromSame {count, holiday},
 *   meanOfPastHolidays {count}, defaultHolidayFactor {factor}.
 * Whether the built-in public holidays apply (`holidays`, with publicHolidays 'auto'):
 * - holidaysTooFewSeen {seen, need}, holidaysApplied {ratio, seen}, holidaysNotApplied {ratio, seen}.
 *
 * WAPE figures are strings with three decimals: the catalogue's number format keeps two.
 */
import type { ForecastWarning } from './warnings';

export type ForecastNote = ForecastWarning;

export const note = (code: string, params: ForecastNote['params'] = {}): ForecastNote => ({ code, params });

/** Three decimals, or n/a: WAPE and ratios as the reader compares them. */
export const fixed3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
