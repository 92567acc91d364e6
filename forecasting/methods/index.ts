/**
 * The candidate methods, by name. `auto` chooses among them per series by a rolling-origin
 * backtest on the history before the forecast origin (see ../select.ts).
 */
import { dailyProfile, dailyProfileTrend } from './daily-profile';
import { doubleSeasonalHw } from './double-seasonal-hw';
import { seasonalNaive, weekAverage } from './seasonal-naive';
import type { MethodInfo } from './types';
import { weightedWeeks } from './weighted-weeks';

export const METHODS: MethodInfo[] = [
  { name: 'seasonal-naive', description: 'same interval last week', run: seasonalNaive, minWeeks: 1, benchmark: true },
  {
    name: 'week-average',
    description: 'mean of the same interval over the last 4 weeks',
    run: (i) => weekAverage(i, 4),
    minWeeks: 2,
    benchmark: true,
  },
  {
    name: 'weighted-weeks',
    description: 'same interval over the last 6 weeks, recent weeks weighted more',
    run: (i) => weightedWeeks(i, { weeks: 6, lambda: 0.85, shrink: 0 }),
    minWeeks: 2,
  },
  {
    name: 'weighted-weeks-level',
    description: "same interval over the last 8 weeks, recent weeks weighted more, corrected to the last week's level",
    run: (i) => weightedWeeks(i, { weeks: 8, lambda: 0.7, shrink: 0.5 }),
    minWeeks: 3,
    // A week's level ratio chases one-off surges (bank data: after Labor Day it doubled the
    // WAPE of the next weeks), and auto picked it on exactly those weeks. Compared, not chosen.
    choosable: false,
  },
  {
    name: 'daily-profile',
    description: 'daily total (weekday factor × median level of the last 4 weeks) × intraday profile per weekday (last 12 weeks)',
    run: (i) => dailyProfile(i),
    minWeeks: 2,
  },
  {
    name: 'daily-profile-trend',
    description: "daily profile, its total moved by last year's change over the same weeks (or the damped recent trend)",
    run: (i) => dailyProfileTrend(i),
    minWeeks: 8,
  },
  {
    name: 'double-seasonal-hw',
    description: "Taylor's double-seasonal Holt-Winters (daily and weekly cycles, AR(1) error)",
    run: doubleSeasonalHw,
    minWeeks: 3,
  },
];

/** Name of the combination candidate: the mean of the best few single methods. */
export const COMBINATION = 'combination';

export function methodByName(name: string): MethodInfo | undefined {
  return METHODS.find((m) => m.name === name);
}

export const METHOD_NAMES = [...METHODS.map((m) => m.name), COMBINATION];

export type { MethodInfo, MethodInput, Method } from './types';

/** Names and one-line descriptions for a method picker (auto first). */
export function methodCatalogue(): { name: string; description: string }[] {
  return [
    { name: 'auto', description: 'chosen per channel by a backtest on the weeks before the start' },
    ...METHODS.map((m) => ({ name: m.name, description: m.description })),
    { name: COMBINATION, description: 'weighted mean of daily-profile, daily-profile-trend and weighted-weeks' },
  ];
}
