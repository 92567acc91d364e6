import type { PeriodRules, RotaRules, SoftWeights } from '../types';

/**
 * The team's default rules: the one set used by the optimiser, the CLI (STAFF.json without
 * "rules"), the web app (a team whose stored rules leave a value out) and the demo seed. Every
 * value is a setting: a coordinator (or STAFF.json "rules") overrides any of them. Sources:
 * Labour Code of Georgia Art. 24 (40 h week), the team's agreement (12 h rest, two days off,
 * six days in a row at most).
 */
export const DEFAULT_RULES: Readonly<RotaRules> = Object.freeze({
  shiftLengthsHours: [8, 9],
  breakMinutes: 60,
  minRestHours: 12,
  maxHoursPerWeek: 40,
  daysOffPerWeek: 2,
  earliestStart: '08:00',
  latestEnd: '23:00',
  maxConsecutiveDays: 6,
  // Night work is 22:00-06:00 (Labour Code of Georgia). The Code sets no per-shift cap for
  // adults: it restricts night work for particular people (minors, pregnant and nursing
  // workers, people with disabilities without their consent), which a team-wide number cannot
  // express; those people get it through their availability. A default of 1 h would quietly
  // refuse every late shift once a coordinator moves the closing time past 23:00, which is a
  // decision the coordinator has already taken; so by default the limit is a whole shift (no
  // cap) and the opening hours (latestEnd 23:00: at most one night hour) bound night work. A
  // team that wants a cap sets it.
  maxNightHoursPerShift: 8,
  contractToleranceHours: 1,
  breakMinOffsetMinutes: 120,
  breakMinTailMinutes: 120,
  eveningAfter: '20:00',
});

/**
 * The team's default period rules (a planning period of one to six weeks): at least one free
 * weekend in four, at most six working days in a row (as the weekly rule), a late shift on at
 * most three days a week on average, nights rare, the period's hours within an hour a week of a
 * four-week contract, and no early shift the morning after a late one. Minimum runs (of days
 * off, of working days) are off by default (1); a team that wants its days off together sets 2.
 */
export const DEFAULT_PERIOD_RULES: Readonly<PeriodRules> = Object.freeze({
  maxWeekendsPer4Weeks: 3,
  minDaysOffRun: 1,
  minWorkRunDays: 1,
  maxWorkRunDays: 6,
  maxLateShiftsPer4Weeks: 12,
  maxNightShiftsPer4Weeks: 8,
  periodHoursToleranceHours: 4,
  forbiddenSuccessions: Object.freeze([Object.freeze({ from: 'late', to: 'early' })]) as PeriodRules['forbiddenSuccessions'],
});

/**
 * Service dominates: one agent-hour of shortfall outweighs any number of fairness,
 * preference or stability points a week can collect (they are tie-breakers by default).
 */
export const DEFAULT_WEIGHTS: Readonly<SoftWeights> = Object.freeze({
  service: 1,
  fairness: 0.02,
  preference: 0.01,
  stability: 0.01,
});

export function withDefaultRules(partial: Partial<RotaRules> | undefined): RotaRules {
  const out: RotaRules = { ...DEFAULT_RULES, shiftLengthsHours: [...DEFAULT_RULES.shiftLengthsHours] };
  for (const [k, v] of Object.entries(partial ?? {})) {
    if (v !== undefined && v !== null) (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}
