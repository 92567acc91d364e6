/**
 * Independent reference computations, used only by the tests. They share no code with
 * staffing/ and use different methods on purpose:
 * - exact rational Erlang-B/C with BigInt (loads given as p/q);
 * - Erlang-B by log-space summation of the Poisson terms (large loads);
 * - the M/M/N+M birth-death chain solved numerically in log space, truncated where the
 *   terms vanish, and the waiting time of a tagged arrival integrated as an ODE (RK4)
 *   over "how many are ahead of me", giving service level and ASA without any closed form.
 *   With patience = Infinity the same chain is Erlang-C.
 */

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** num/den as a double, exact to the last bit even for tiny or huge ratios. */
export function bigRatio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = 64 - (bitLength(num) - bitLength(den));
  const q = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  return Number(q) * 2 ** -shift;
}

/** Terms t_k = N!/k! · p^k · q^(N−k), proportional to A^k/k! with A = p/q. */
function scaledPoissonTerms(n: number, p: bigint, q: bigint): bigint[] {
  const t: bigint[] = new Array(n + 1);
  let falling = 1n; // N!/k!
  const qPow: bigint[] = [1n];
  for (let i = 1; i <= n; i++) qPow.push(qPow[i - 1]! * q);
  let pPow = p ** BigInt(n);
  for (let k = n; k >= 0; k--) {
    t[k] = falling * pPow * qPow[n - k]!;
    if (k > 0) {
      falling *= BigInt(k);
      pPow /= p;
    }
  }
  return t;
}

/** Exact Erlang-B for N servers and A = p/q Erlangs. */
export function exactErlangB(n: number, p: bigint, q: bigint): number {
  const t = scaledPoissonTerms(n, p, q);
  const sum = t.reduce((a, b) => a + b, 0n);
  return bigRatio(t[n]!, sum);
}

/** Exact Erlang-C: C = N·B / (N − A(1 − B)) with B = t_N / S, times q: N q t_N / (N q S − p (S − t_N)). */
export function exactErlangC(n: number, p: bigint, q: bigint): number {
  const t = scaledPoissonTerms(n, p, q);
  const s = t.reduce((a, b) => a + b, 0n);
  const N = BigInt(n);
  return bigRatio(N * q * t[n]!, N * q * s - p * (s - t[n]!));
}

/** Erlang-B by log-space summation of ln(A^k/k!), accumulated term by term. */
export function logSpaceErlangB(n: number, a: number): number {
  const logs: number[] = [0];
  const logA = Math.log(a);
  for (let k = 1; k <= n; k++) logs.push(logs[k - 1]! + logA - Math.log(k));
  const max = Math.max(...logs.slice(Math.max(0, Math.floor(a) - 1), n + 1), logs[n]!);
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - max);
  return Math.exp(logs[n]! - max) / sum;
}

export interface ChainMetrics {
  probabilityOfWait: number;
  abandonRate: number;
  serviceLevel: number;
  asaSeconds: number;
  averageWaitSeconds: number;
  occupancy: number;
}

/** Stationary distribution of M/M/N+M in log space; returns π_n for n ≥ N and P(n < N). */
function stationary(n: number, lambda: number, mu: number, theta: number) {
  const logW: number[] = [0];
  let max = 0;
  for (let k = 1; ; k++) {
    const death = mu * Math.min(k, n) + theta * Math.max(0, k - n);
    const l = logW[k - 1]! + Math.log(lambda) - Math.log(death);
    logW.push(l);
    max = Math.max(max, l);
    // Past the peak the terms fall at least geometrically; e^-45 of the peak is negligible.
    if (k > n && lambda < death && l < max - 45) break;
    if (k > 5_000_000) throw new Error('reference chain did not converge');
  }
  const w = logW.map((l) => Math.exp(l - max));
  const z = w.reduce((a, b) => a + b, 0);
  const pi = w.map((x) => x / z);
  return { below: pi.slice(0, n).reduce((a, b) => a + b, 0), queued: pi.slice(n) };
}

/**
 * The tagged arrival that finds m callers queued ahead: p_m(t) = P(still waiting, m ahead).
 * dp_m/dt = −(Nμ + (m+1)θ) p_m + (Nμ + (m+1)θ + θ)·p_{m+1}·[moves from m+1 to m]; it is
 * answered at rate Nμ from m = 0 and abandons at rate θ from every m. Integrated with RK4
 * (the answered flux with Simpson's rule); the step divides T exactly.
 * Returns P(answered by T) and E[wait; answered], over all arrivals (start = π_{N+m}).
 */
function taggedArrival(start: number[], nmu: number, theta: number, threshold: number) {
  const J = start.length;
  const out = (m: number) => nmu + m * theta + theta; // leave state m: move up, or own abandonment
  const up = (m: number) => nmu + m * theta; // rate from m to m − 1 (or answered when m = 0)
  // x[0..J) = p_m; x[J] = P(answered so far); x[J+1] = E[wait; answered so far].
  const deriv = (t: number, x: Float64Array, into: Float64Array) => {
    for (let m = 0; m < J; m++) into[m] = -out(m) * x[m]! + (m + 1 < J ? up(m + 1) * x[m + 1]! : 0);
    into[J] = nmu * x[0]!;
    into[J + 1] = t * nmu * x[0]!;
  };
  const hMax = 0.1 / out(J);
  const h = threshold > 0 ? threshold / Math.ceil(threshold / hMax) : hMax;
  const size = J + 2;
  let x = new Float64Array(size);
  x.set(start);
  const [k1, k2, k3, k4, tmp] = [0, 1, 2, 3, 4].map(() => new Float64Array(size)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  let answeredByT = threshold === 0 ? 0 : NaN;
  for (let step = 0; ; step++) {
    const t = step * h;
    deriv(t, x, k1);
    for (let i = 0; i < size; i++) tmp[i] = x[i]! + (h / 2) * k1[i]!;
    deriv(t + h / 2, tmp, k2);
    for (let i = 0; i < size; i++) tmp[i] = x[i]! + (h / 2) * k2[i]!;
    deriv(t + h / 2, tmp, k3);
    for (let i = 0; i < size; i++) tmp[i] = x[i]! + h * k3[i]!;
    deriv(t + h, tmp, k4);
    const next = new Float64Array(size);
    for (let i = 0; i < size; i++) next[i] = x[i]! + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
    x = next;
    if (Number.isNaN(answeredByT) && Math.abs((step + 1) * h - threshold) < h / 2) answeredByT = x[J]!;
    let left = 0;
    for (let m = 0; m < J; m++) left += x[m]!;
    if (!Number.isNaN(answeredByT) && left < 1e-15) break;
  }
  return { answeredByT, answered: x[J]!, meanWait: x[J + 1]! };
}

/**
 * M/M/N+M (Erlang-A; Erlang-C with patience = Infinity) by brute force. Threshold must be
 * a multiple of the ODE step's scale for exactness; the step is small enough (0.05/rate)
 * that the error is far below the tests' tolerance.
 */
export function chainReference(opts: {
  servers: number;
  erlangs: number;
  ahtSeconds: number;
  patienceSeconds: number;
  thresholdSeconds: number;
}): ChainMetrics {
  const mu = 1 / opts.ahtSeconds;
  const theta = Number.isFinite(opts.patienceSeconds) ? 1 / opts.patienceSeconds : 0;
  const lambda = opts.erlangs * mu;
  const { below, queued } = stationary(opts.servers, lambda, mu, theta);
  const pWait = queued.reduce((a, b) => a + b, 0);
  const queue = queued.reduce((a, v, j) => a + j * v, 0);
  const abandonRate = (theta * queue) / lambda;
  const tagged = taggedArrival(queued, opts.servers * mu, theta, opts.thresholdSeconds);
  return {
    probabilityOfWait: pWait,
    abandonRate,
    serviceLevel: below + tagged.answeredByT,
    asaSeconds: tagged.meanWait / (below + tagged.answered),
    averageWaitSeconds: queue / lambda,
    occupancy: (opts.erlangs * (1 - abandonRate)) / opts.servers,
  };
}

/** P(wait) and P(abandon) of M/M/N+M from the log-space stationary distribution only (cheap for large N). */
export function chainStationary(opts: { servers: number; erlangs: number; ahtSeconds: number; patienceSeconds: number }) {
  const mu = 1 / opts.ahtSeconds;
  const theta = Number.isFinite(opts.patienceSeconds) ? 1 / opts.patienceSeconds : 0;
  const lambda = opts.erlangs * mu;
  const { queued } = stationary(opts.servers, lambda, mu, theta);
  const queue = queued.reduce((a, v, j) => a + j * v, 0);
  return { probabilityOfWait: queued.reduce((a, b) => a + b, 0), abandonRate: (theta * queue) / lambda };
}
