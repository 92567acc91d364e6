/**
 * Erlang-A (M/M/N+M): Poisson arrivals (rate λ), exponential handle times (rate μ = 1/AHT),
 * N agents, FCFS queue, and every waiting caller hangs up after an exponential patience of
 * mean 1/θ (Palm 1943; Garnett, Mandelbaum & Reiman 2002, "Designing a call center with
 * impatient customers", MSOM 4(3)). Always stable, for any N ≥ 0.
 *
 * Computed from the birth-death chain itself rather than from incomplete-gamma closed
 * forms: state n = contacts in system, birth rate λ, death rate μ·min(n, N) + θ·(n − N)⁺.
 * With weights relative to state N (w_N = 1):
 *   below N: Σ_{n<N} w_n = (1 − B)/B, B = Erlang-B(N, A)  (same ratios as the loss system)
 *   above N: w_{N+j} = Π_{i=1..j} λ / (Nμ + iθ), summed until the terms vanish.
 * An arrival sees the stationary state (PASTA). One who finds j callers queued ahead is
 * answered after V = Σ_{m=0..j} Exp(Nμ + mθ) (each step: a server frees the head of the
 * queue, or one of the m callers ahead hangs up), unless its own patience τ ~ Exp(θ) runs
 * out first. With distinct rates Nμ + mθ the density of V is
 *   f_V(v) = Π(Nμ + mθ) / (θ^j j!) · e^{−Nμ v} (1 − e^{−θ v})^j,
 * and substituting x = 1 − e^{−θ v} gives, with b = Nμ/θ:
 *   P(answered within T | j) = P(V ≤ T, V < τ) = b/(b + j + 1) · I_x(j + 1, b + 1),
 *       x = 1 − e^{−θT}, I = regularised incomplete beta (stepped in j, see below);
 *   P(answered | j)          = b/(b + j + 1) = Nμ / (Nμ + (j + 1)θ);
 *   E[V; answered | j]       = P(answered | j) · Σ_{m=1..j+1} 1 / (Nμ + mθ).
 * Abandonment uses the exact identity P(abandon) = θ·E[queue]/λ (rate θ per waiting caller),
 * and the mean wait over all offered contacts is E[queue]/λ (Little's law).
 * Conventions: serviceLevel = answered within T ÷ all offered; asaSeconds = mean wait of the
 * answered; averageWaitSeconds = mean wait of all offered; occupancy = λ(1 − P(ab))·AHT / N.
 * The same measures in closed form (incomplete gamma functions) are in Mandelbaum & Zeltyn,
 * "The M/M/n+G queue: summary of performance measures" (Technion, 2005); the tests check
 * this implementation against a numerical solution of the chain and against the simulator.
 */
import { erlangBUnchecked } from './erlang-b';
import { checkQueueInput, idleMetrics } from './erlang-c';
import { checkPositive } from './errors';
import type { ErlangAInput, QueueMetrics } from './types';

/** Weights are rescaled by this factor when they grow (overloaded, patient queues). */
const RESCALE = 1e200;
/** Stop summing once the remaining tail is below this share of the sum. */
const TAIL = 1e-18;

interface TailSums {
  /** Σ w_{N+j}: states where an arrival waits. */
  waiting: number;
  /** Σ j·w_{N+j}: queue length. */
  queue: number;
  /** Σ w·P(answered within T | j). */
  withinT: number;
  /** Σ w·E[V; answered | j], seconds. */
  waitAnswered: number;
  /** How many times the weights were divided by RESCALE. */
  rescales: number;
}

/**
 * The regularised incomplete beta I_x(j + 1, b + 1) for j = 0, 1, 2, … as 1 − P(K ≤ j), K
 * negative binomial with pmf NB(k) = Γ(k + b + 1)/(k! Γ(b + 1)) x^k (1 − x)^{b+1} (the
 * identity I_x(j + 1, c) = P(K ≥ j + 1) for integer j). NB(0) = e^{−(Nμ + θ)T} underflows when many agents serve
 * a long threshold (8,000 agents, T = 20 s: e^{−889}), so the pmf is carried scaled by e^L
 * and the scale is brought down as the terms grow.
 */
class IncompleteBetaSteps {
  private pmf = 1; // NB(k)·e^L
  private logScale: number; // L
  private factor: number; // e^{−L}
  private cumulative = 0;
  private k = 0;

  constructor(
    private readonly x: number,
    private readonly b1: number,
    logPmf0: number,
  ) {
    this.logScale = -logPmf0;
    this.factor = Math.exp(logPmf0);
  }

  /** I_x(k + 1, b + 1) for the next k. */
  next(): number {
    this.cumulative += this.pmf * this.factor;
    const value = Math.max(0, 1 - this.cumulative);
    this.pmf *= (this.x * (this.k + this.b1)) / (this.k + 1);
    this.k++;
    if (this.pmf > RESCALE) {
      this.pmf /= RESCALE;
      this.logScale -= Math.log(RESCALE);
      this.factor = Math.exp(-this.logScale);
    }
    return value;
  }
}

/** Sums over the states where arrivals queue (n ≥ N); rates per second. */
function queueTail(servers: number, lambda: number, mu: number, theta: number, threshold: number): TailSums {
  const s: TailSums = { waiting: 0, queue: 0, withinT: 0, waitAnswered: 0, rescales: 0 };
  const serve = servers * mu;
  const beta = new IncompleteBetaSteps(-Math.expm1(-theta * threshold), serve / theta + 1, -(serve + theta) * threshold);
  let harmonic = 0;
  let w = 1;
  for (let j = 0; ; j++) {
    const leave = 1 / (serve + (j + 1) * theta); // mean time for the queue ahead to move by one
    const answered = serve * leave;
    harmonic += leave;
    s.waiting += w;
    s.queue += j * w;
    s.withinT += w * answered * beta.next();
    s.waitAnswered += w * answered * harmonic;
    const ratio = lambda * leave;
    w *= ratio;
    if (w > RESCALE) {
      w /= RESCALE;
      s.waiting /= RESCALE;
      s.queue /= RESCALE;
      s.withinT /= RESCALE;
      s.waitAnswered /= RESCALE;
      s.rescales++;
    }
    // Once the ratio is below 1 it keeps falling, so w·(j + 2)/(1 − ratio)² bounds every tail.
    if (ratio < 1 && w * (j + 2) < TAIL * s.waiting * (1 - ratio) * (1 - ratio)) break;
  }
  return s;
}

/** A probability, kept inside [0, 1] against rounding (an overloaded agent's 1.0000000000000002). */
function share(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Erlang-A metrics for a given number of agents; throws StaffingError on bad input. */
export function erlangA(input: ErlangAInput): QueueMetrics {
  const erlangs = checkQueueInput(input);
  checkPositive('patienceSeconds', input.patienceSeconds);
  if (erlangs === 0) return idleMetrics('erlang-a', input.agents, input.thresholdSeconds);
  return erlangAUnchecked(input.agents, erlangs, input.ahtSeconds, input.patienceSeconds, input.thresholdSeconds);
}

/** Erlang-A metrics for valid arguments: N ≥ 0 servers, load A > 0 Erlangs. */
export function erlangAUnchecked(
  servers: number,
  erlangs: number,
  ahtSeconds: number,
  patienceSeconds: number,
  thresholdSeconds?: number,
): QueueMetrics {
  const mu = 1 / ahtSeconds;
  const theta = 1 / patienceSeconds;
  const lambda = erlangs * mu;
  const blocking = erlangBUnchecked(servers, erlangs);
  if (blocking === 0) return idleMetrics('erlang-a', servers, thresholdSeconds);
  const t = queueTail(servers, lambda, mu, theta, thresholdSeconds ?? 0);
  const below = ((1 - blocking) / blocking) * Math.pow(RESCALE, -t.rescales);
  const total = below + t.waiting;
  const queue = t.queue / total;
  const abandonRate = share((theta * queue) / lambda);
  const answeredShare = 1 - abandonRate;
  return {
    model: 'erlang-a',
    servers,
    loadErlangs: erlangs,
    probabilityOfWait: share(t.waiting / total),
    serviceLevel: thresholdSeconds === undefined ? null : share((below + t.withinT) / total),
    asaSeconds: answeredShare > 0 ? t.waitAnswered / total / answeredShare : 0,
    averageWaitSeconds: queue / lambda,
    occupancy: servers === 0 ? 0 : share((erlangs * answeredShare) / servers),
    abandonRate,
  };
}
