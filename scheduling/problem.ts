import type { Problem, SoftWeights } from './types';
import type { ParsedRequirements } from './parse/requirements-csv';
import type { ParsedStaff } from './parse/staff-json';
import { DEFAULT_WEIGHTS } from './rules/defaults';

/** Puts the two parsed files together into the problem for one week (weekStart: local Monday). */
export function problemFromFiles(
  req: ParsedRequirements,
  staff: ParsedStaff,
  weekStart: string,
  weights: Partial<SoftWeights> = {},
): Problem {
  return {
    weekStart,
    timeZone: staff.timeZone,
    intervalMinutes: req.intervalMinutes,
    channels: req.channels,
    requirements: req.rows,
    staff: staff.staff,
    rules: staff.rules,
    weights: { ...DEFAULT_WEIGHTS, ...weights },
    previousShifts: staff.previousShifts,
    holidays: staff.holidays,
    ...(staff.activities.length ? { activities: staff.activities } : {}),
  };
}
