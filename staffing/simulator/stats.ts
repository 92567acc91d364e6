/**
 * Means and 95 % confidence intervals over independent replications (Student's t, since
 * there are usually 10–50 replications).
 */
export interface Estimate {
  /** Mean over the replications that had data; null when none had. */
  mean: number | null;
  /** Half-width of the 95 % confidence interval; null with fewer than 2 values. */
  halfWidth: number | null;
  /** Number of replications with data. */
  n: number;
}

/** Two-sided 95 % Student t quantiles for 1..30 degrees of freedom. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile95(df: number): number {
  if (df <= 30) return T95[df - 1]!;
  if (df <= 60) return 2.0;
  return 1.96;
}

export function estimate(values: number[]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: null, halfWidth: null, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, halfWidth: null, n };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { mean, halfWidth: tQuantile95(n - 1) * Math.sqrt(variance / n), n };
}
