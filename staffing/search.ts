/**
 * The smallest number of servers meeting every target. Every metric is monotone in N (more
 * servers never lower the service level, nor raise ASA, occupancy or abandonment: the
 * property tests check it), so the search starts near the load (square-root staffing
 * A + √A for Erlang-C) and moves down or up, never scanning from zero.
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

/** How far a metric is inside its target (≥ 0: met), in the target's own units; one entry per target given. */
function slacks(m: QueueMetrics, t: Targets): number[] {
  const out: number[] = [];
  if (t.targetServiceLevel !== undefined) out.push((m.serviceLevel ?? 0) - t.targetServiceLevel);
  if (t.targetAsaSeconds !== undefined) out.push(t.targetAsaSeconds - m.asaSeconds);
  if (t.maxOccupancy !== undefined) out.push(t.maxOccupancy - m.occupancy);
  if (t.maxAbandonRate !== undefined) out.push(t.maxAbandonRate - m.abandonRate);
  return out;
}

/**
 * Where the last two evaluations say the binding target is crossed: each target's slack is
 * interpolated (or extrapolated) linearly in N. The requirement is the largest of the
 * per-target requirements (every metric being monotone), so the largest crossing wins,
 * among the targets missed at either point when there are any. NaN when nothing moved.
 */
function secantCrossing(n1: number, m1: QueueMetrics, n2: number, m2: QueueMetrics, t: Targets): number {
  const s1 = slacks(m1, t);
  const s2 = slacks(m2, t);
  const anyMissed = s1.some((g, i) => g < 0 || s2[i]! < 0);
  let crossing = Number.NaN;
  s1.forEach((g1, i) => {
    const g2 = s2[i]!;
    // A target met at both points cannot bind while another is missed.
    if (g1 === g2 || (anyMissed && g1 >= 0 && g2 >= 0)) return;
    const x = n1 - (g1 * (n2 - n1)) / (g2 - g1);
    if (Number.isFinite(x) && !(x <= crossing)) crossing = x;
  });
  return crossing;
}

/**
 * Erlang-A: each evaluation sums the chain (O(√A) terms), so evaluations are what to save.
 * Start at N ≈ A and N ≈ A ± √A/2, then jump to the secant estimate of the crossing, kept
 * inside the bracket (largest N known to miss, smallest N known to meet) and at most a few
 * gallop steps beyond it; when the secant has nothing to say, gallop or bisect. Typically
 * 3–6 evaluations.
 */
export function searchErlangA(erlangs: number, ahtSeconds: number, patienceSeconds: number, targets: Targets): QueueMetrics {
  const seen = new Map<number, QueueMetrics>();
  let fail = 0; // largest N known to miss: with a load, 0 agents answer nobody and miss every target
  let ok = Number.POSITIVE_INFINITY; // smallest N known to meet
  let failSeen = false; // whether fail was evaluated, rather than the floor 0
  const visit = (n: number): void => {
    const m = erlangAUnchecked(n, erlangs, ahtSeconds, patienceSeconds, targets.thresholdSeconds);
    seen.set(n, m);
    if (meetsTargets(m, targets)) ok = Math.min(ok, n);
    else [fail, failSeen] = [Math.max(fail, n), true];
  };
  const limit = searchLimit(erlangs);
  let step = Math.max(1, Math.round(Math.sqrt(erlangs) / 2));
  let a = Math.max(1, Math.round(erlangs));
  visit(a);
  let b = ok === a ? Math.max(1, a - step) : a + step;
  if (b !== a) visit(b);
  for (let round = 0; ok - fail > 1; round++) {
    // After a few secant jumps without closing in, gallop/bisect only (always converges).
    let next = round < 8 ? Math.ceil(secantCrossing(a, seen.get(a)!, b, seen.get(b)!, targets) - 1e-9) : Number.NaN;
    const reach = 4 * step; // how far beyond the known points one jump may go
    if (Number.isNaN(next))
      next = ok === Number.POSITIVE_INFINITY ? fail + 2 * step : !failSeen ? ok - 2 * step : Math.floor((fail + ok) / 2);
    if (ok === Number.POSITIVE_INFINITY && next > fail + reach) next = fail + reach;
    if (!failSeen && next < ok - reach) next = ok - reach;
    step *= 2;
    next = Math.max(next, fail + 1, 1);
    if (ok !== Number.POSITIVE_INFINITY) next = Math.min(next, ok - 1);
    if (next > limit) throw new StaffingError('targets', `no staffing up to ${limit} meets them`);
    visit(next);
    [a, b] = [b, next];
  }
  return seen.get(ok)!;
}
