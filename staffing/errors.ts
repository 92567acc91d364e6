/**
 * Bad input is reported as a StaffingError naming the field and the reason, never as a
 * number: a planner who types a shrinkage of 30 (meaning 30 %) must see why, not get NaN.
 */
export class StaffingError extends Error {
  readonly field: string;

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'StaffingError';
    this.field = field;
  }
}

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : `${typeof value} ${JSON.stringify(value) ?? ''}`.trim();
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A finite number ≥ 0 (volumes, thresholds). */
export function checkNonNegative(field: string, value: unknown): number {
  if (!isFiniteNumber(value) || value < 0) {
    throw new StaffingError(field, `must be a finite number ≥ 0, got ${describe(value)}`);
  }
  return value;
}

/** A finite number > 0 (interval length, handle time, patience). */
export function checkPositive(field: string, value: unknown): number {
  if (!isFiniteNumber(value) || value <= 0) {
    throw new StaffingError(field, `must be a finite number > 0, got ${describe(value)}`);
  }
  return value;
}

/** A whole number ≥ min (agents, concurrency). */
export function checkInteger(field: string, value: unknown, min: number): number {
  if (!isFiniteNumber(value) || !Number.isInteger(value) || value < min) {
    throw new StaffingError(field, `must be a whole number ≥ ${min}, got ${describe(value)}`);
  }
  return value;
}

/**
 * A share in a range given by its bounds and whether each is included; shares are
 * fractions (0.8), not percentages (80).
 */
export function checkShare(field: string, value: unknown, lowIncluded: boolean, highIncluded: boolean): number {
  const okLow = isFiniteNumber(value) && (lowIncluded ? value >= 0 : value > 0);
  const okHigh = isFiniteNumber(value) && (highIncluded ? value <= 1 : value < 1);
  if (!okLow || !okHigh) {
    const range = `${lowIncluded ? '[' : '('}0, 1${highIncluded ? ']' : ')'}`;
    throw new StaffingError(field, `must be a fraction in ${range} (e.g. 0.8, not 80), got ${describe(value)}`);
  }
  return value;
}
