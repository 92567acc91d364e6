/**
 * Erlang-B (M/M/N/N, blocked contacts are lost): the blocking probability
 *   B(N, A) = (A^N / N!) / Σ_{k=0..N} A^k / k!
 * for N servers and an offered load of A Erlangs. Erlang-C and Erlang-A are built on it.
 *
 * Never through factorials or powers (they overflow beyond N ≈ 170). Two stable ways:
 * - the classical recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), O(N);
 * - for large N, 1/B = Σ_{k≤N} P(k)/P(N) summed downwards from k = N, where each term is
 *   the previous one times k/A; the terms peak near k ≈ A and then fall faster than
 *   geometrically, so the sum stops after about (N − A)⁺ + 9·√A terms instead of N.
 */
import { checkInteger, checkNonNegative } from './errors';

/** Below this many servers the O(N) recursion is as cheap as anything else. */
const RECURSION_LIMIT = 64;
/** Once 1/B passes this, B < 1e-300: report 0 (far below any meaningful probability). */
const HUGE = 1e300;

function erlangBRecursion(agents: number, erlangs: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (erlangs * b) / (n + erlangs * b);
  return b;
}

function erlangBDownwardSum(agents: number, erlangs: number): number {
  let term = 1;
  let sum = 1;
  for (let k = agents; k >= 1; k--) {
    term *= k / erlangs;
    sum += term;
    if (sum > HUGE) return 0;
    const q = (k - 1) / erlangs;
    // Below the peak the ratio q < 1 keeps falling, so term·q/(1−q) bounds the rest.
    if (q < 1 && term * q < 1e-17 * sum * (1 - q)) break;
  }
  return 1 / sum;
}

/**
 * Blocking probability of Erlang-B for `agents` servers (whole number ≥ 0) and a load
 * of `erlangs` (≥ 0). Arguments are assumed valid here (callers check them).
 */
export function erlangBUnchecked(agents: number, erlangs: number): number {
  if (agents === 0) return 1;
  if (erlangs === 0) return 0;
  return agents <= RECURSION_LIMIT ? erlangBRecursion(agents, erlangs) : erlangBDownwardSum(agents, erlangs);
}

/** B(n+1) from B(n): the forward recursion step, stable for every n. */
export function erlangBNext(b: number, n: number, erlangs: number): number {
  return (erlangs * b) / (n + 1 + erlangs * b);
}

/**
 * B(n−1) from B(n): the recursion solved backwards, B(n−1) = n·B(n) / (A·(1 − B(n))).
 * An error is multiplied by about A/n per step, so use it only where n > A (the stable
 * region that Erlang-C needs anyway).
 */
export function erlangBPrevious(b: number, n: number, erlangs: number): number {
  return (n * b) / (erlangs * (1 - b));
}

/** Blocking probability for `agents` servers (whole number ≥ 0) and `erlangs` of offered load. */
export function erlangB(agents: number, erlangs: number): number {
  checkInteger('agents', agents, 0);
  checkNonNegative('erlangs', erlangs);
  return erlangBUnchecked(agents, erlangs);
}
