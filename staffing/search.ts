/**
 * The smallest number of servers meeting every target. Every metric is monotone in N (more
 * servers never lower the service level, nor raise ASA, occupancy or abandonment: the
 * property tests check it), so the search starts near square-root staffing A + √A and moves
 * down or up, never scanning from zero.
 */
import { erlangBNext, erlangBPrevious, erlangBUnchecked } from './erlang-b';
import { erlangAUnchecked } from './erlang-a';
import { erlangCFromBlocking } from './erlang-c';
import { StaffingError } from './errors';
import { guardedCeil, meetsTargets, type Targets } from './targets';
import type { QueueMetrics } from './types';

/** A guard against runaway searches (targets that no finite staffing could meet). */
function searchLimit(erlangs: number): number {
  return Math.ceil(100 * erlangs) + 100_000;
}

/**
 * Erlang-C: start at max(stability, occupancy bound, A + √A), then step N by one with the
 * O(1) Erlang-B recursion (forwards, or backwards, which is stable since N > A).
 */
export function searchErlangC(erlangs: number, ahtSeconds: number, targets: Targets): QueueMetrics {
  const T = targets.thresholdSeconds;
  const stable = Math.floor(erlangs) + 1;
  const occupancyBound = targets.maxOccupancy === undefined ? 0 : guardedCeil(erlangs / targets.maxOccupancy);
  const lower = Math.max(stable, occupancyBound);
  let n = Math.max(lower, Math.ceil(erlangs + Math.sqrt(erlangs)));
  let b = erlangBUnchecked(n, erlangs);
  let m = erlangCFromBlocking(n, erlangs, b, ahtSeconds, T);
  if (meetsTargets(m, targets)) {
    while (n > lower) {
      const bPrev = erlangBPrevious(b, n, erlangs);
      const mPrev = erlangCFromBlocking(n - 1, erlangs, bPrev, ahtSeconds, T);
      if (!meetsTargets(mPrev, targets)) break;
      n--;
      b = bPrev;
      m = mPrev;
    }
    return m;
  }
  const limit = searchLimit(erlangs);
  while (!meetsTargets(m, targets)) {
    if (n >= limit) throw new StaffingError('targets', `no staffing up to ${limit} meets them`);
    b = erlangBNext(b, n, erlangs);
    n++;
    m = erlangCFromBlocking(n, erlangs, b, ahtSeconds, T);
  }
  return m;
}

/**
 * Erlang-A: each evaluation sums the chain (O(√A) terms), so gallop from N ≈ A in doubling
 * steps to bracket the answer, then bisect: about 2·log2(distance) evaluations.
 */
export function searchErlangA(erlangs: number, ahtSeconds: number, patienceSeconds: number, targets: Targets): QueueMetrics {
  const at = (n: number) => erlangAUnchecked(n, erlangs, ahtSeconds, patienceSeconds, targets.thresholdSeconds);
  const limit = searchLimit(erlangs);
  let fail = -1; // largest N known to miss (−1: none, N = 0 is the floor)
  let ok = Math.max(1, Math.round(erlangs));
  let okMetrics = at(ok);
  if (meetsTargets(okMetrics, targets)) {
    for (let step = 1; ; step *= 2) {
      const n = Math.max(0, ok - step);
      const m = at(n);
      if (!meetsTargets(m, targets)) { fail = n; break; }
      ok = n;
      okMetrics = m;
      if (n === 0) return m;
    }
  } else {
    fail = ok;
    for (let step = 1; ; step *= 2) {
      const n = fail + step;
      if (n > limit) throw new StaffingError('targets', `no staffing up to ${limit} meets them`);
      const m = at(n);
      if (meetsTargets(m, targets)) { ok = n; okMetrics = m; break; }
      fail = n;
    }
  }
  while (ok - fail > 1) {
    const mid = Math.floor((ok + fail) / 2);
    const m = at(mid);
    if (meetsTargets(m, targets)) { ok = mid; okMetrics = m; } else fail = mid;
  }
  return okMetrics;
}
