import { mulberry32Uint } from '../../forecasting/random';

/**
 * The project's seeded generator (mulberry32, forecasting/random.ts) with the draws a simulation needs, so
 * that simulations are reproducible and the domain never touches Math.random(). Its period
 * (2^32) is ample for a week of contacts; streams for replications are separated by hashing
 * the seed with splitmix32.
 */
export interface Rng {
  /** Uniform in (0, 1): never 0, so log(u) is finite. */
  uniform(): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Lognormal with the given mean and coefficient of variation (sd ÷ mean). */
  lognormal(mean: number, cv: number): number;
}

/** splitmix32 finaliser: spreads nearby seeds (1, 2, 3…) to unrelated states. */
export function mixSeed(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export function createRng(seed: number): Rng {
  const next = mulberry32Uint(mixSeed(seed));
  // Half a step up: never 0, never 1.
  const uniform = (): number => (next() + 0.5) / 4294967296;
  const normal = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return {
    uniform,
    normal,
    exponential: (mean) => -mean * Math.log(uniform()),
    lognormal: (mean, cv) => {
      // For mean m and cv c: σ² = ln(1 + c²), μ = ln m − σ²/2.
      const sigma2 = Math.log(1 + cv * cv);
      return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * normal());
    },
  };
}
