/**
 * Solves a benchmark instance: the compact MIP (model.ts) with HiGHS first, then
 * large-neighbourhood search: most of the roster held fixed (all but a few people, or all but a
 * window of days), the rest re-solved as a sub-MIP warm-started from the best roster, kept when
 * it is no worse. The bound is the best proven one (the full MIP's, or column generation's when
 * it ran); the objective is integral, so a roster at ⌈bound⌉ is optimal and ends the search.
 */
import { runMip, type MipRun } from '../model/highs-runner';
import type { SparseModel } from '../model/lp-builder';
import { mulberry32 } from '../../forecasting/random';
import type { NrpInstance } from './instance';
import { buildNrpModel, gridFromSolution, startFromGrid, type NrpModel } from './model';
import { scoreOf, violationsOf, type NrpGrid } from './evaluate';
import { columnGenerationBound } from './column-generation';
import { restrictedMasterMip } from './restricted-master';

/** Below this many columns (instances 1-4 have up to about 1,000) the MIP often closes alone. */
const SMALL_MODEL_COLUMNS = 2000;

export interface NrpSolveOptions {
  timeLimitSeconds: number;
  seed: number;
  /** Monotonic milliseconds (performance.now); without it HiGHS's own run times are summed. */
  now?: () => number;
  onProgress?: (p: NrpProgress) => void;
  /** Skip the column-generation bound (experiments, tests of the MIP alone). */
  columnGeneration?: boolean;
}

export interface NrpProgress {
  phase: 'mip' | 'bound' | 'search' | 'done';
  seconds: number;
  objective?: number;
  bound?: number;
}

export interface NrpResult {
  grid: NrpGrid;
  objective: number;
  /** Proven lower bound on the objective (integral). */
  bound: number;
  /** (objective − bound) / objective. */
  gap: number;
  status: 'optimal' | 'feasible';
  seconds: number;
}

export class NrpNoRosterError extends Error {
  constructor(readonly reason: 'infeasible' | 'noRosterInTime') {
    super(reason === 'infeasible' ? 'no roster keeps the hard rules' : 'no roster found within the time limit');
  }
}

interface Search {
  instance: NrpInstance;
  model: NrpModel;
  /** Best roster so far (null until one is found). */
  best: NrpGrid | null;
  bestObj: number;
  bound: number;
  used: () => number;
  options: NrpSolveOptions;
}

export async function solveNrp(instance: NrpInstance, options: NrpSolveOptions): Promise<NrpResult> {
  const t0 = options.now?.() ?? 0;
  let spent = 0;
  const used = () => (options.now ? (options.now() - t0) / 1000 : spent);
  const report = (p: Omit<NrpProgress, 'seconds'>) => options.onProgress?.({ ...p, seconds: used() });
  const model = buildNrpModel(instance);
  const budget = options.timeLimitSeconds;
  // Small models are often closed by the MIP alone; on large ones it mostly supplies a first
  // roster, and neighbourhood search makes better use of the time.
  const small = model.sparse.numCols < SMALL_MODEL_COLUMNS;
  const mipEnd = budget * (small ? 0.3 : 0.1);
  const run = await runMip(model.sparse, {
    timeLimitSeconds: Math.max(1, mipEnd),
    seed: options.seed,
    shouldStop: options.now ? () => used() > mipEnd : undefined,
    stallSeconds: budget * 0.1,
    relativeGap: 1e-6,
    onProgress: (p) => report({ phase: 'mip', objective: p.objective, bound: p.bound }),
  });
  spent += run.seconds;
  if (run.status === 'infeasible') throw new NrpNoRosterError('infeasible');
  const first = run.colValue ? gridFromSolution(model, run.colValue) : null;
  const s: Search = {
    instance,
    model,
    best: first,
    bestObj: first ? scoreOf(instance, first).objective : Infinity,
    bound: integralBound(run),
    used,
    options,
  };
  report({ phase: 'mip', objective: s.bestObj, bound: s.bound });
  const addSpent = (sec: number) => (spent += sec);
  const cg = options.columnGeneration !== false;
  if (small || !s.best) {
    // Column generation's bound first: it proves small instances (4: the MIP's bound stalls far
    // below), and without a roster from the MIP the restricted master can still supply one.
    if (s.bestObj > s.bound && cg) await boundAndPriceAndBranch(s, addSpent, budget * (small ? 0.65 : 0.4));
    if (!s.best) throw new NrpNoRosterError('noRosterInTime');
    if (s.bestObj > s.bound) await neighbourhoodSearch(s, s.best, budget, addSpent);
  } else {
    // Large: column generation's bound, then a dive through its master for a roster (instance 6:
    // 1,952 in seconds where neighbourhood search from the compact MIP's roster ended at 2,150
    // after 300 s), then neighbourhood search from the better roster.
    if (cg) await boundAndDive(s, addSpent, budget * 0.35, budget * 0.5);
    if (s.bestObj > s.bound) await neighbourhoodSearch(s, s.best!, budget, addSpent);
  }
  const grid = s.best;
  const violations = violationsOf(instance, grid);
  if (violations.length) throw new Error(`internal: the roster breaks ${violations[0].rule} for ${violations[0].staff}`);
  const bound = Math.min(s.bound, s.bestObj);
  report({ phase: 'done', objective: s.bestObj, bound });
  return {
    grid,
    objective: s.bestObj,
    bound,
    gap: s.bestObj > 0 ? (s.bestObj - bound) / s.bestObj : 0,
    status: s.bestObj <= bound ? 'optimal' : 'feasible',
    seconds: used(),
  };
}

/**
 * Column generation's bound until `boundEnd` seconds (or until it proves the roster optimal),
 * then the price-and-dive roster until `diveEnd`, kept when it is better.
 */
async function boundAndDive(s: Search, addSpent: (seconds: number) => void, boundEnd: number, diveEnd: number): Promise<void> {
  const start = s.used();
  const cg = await columnGenerationBound(s.instance, {
    seconds: boundEnd - start,
    diveUntil: diveEnd - start,
    now: s.options.now,
    target: s.bestObj,
    initial: s.best ?? undefined,
  });
  addSpent(cg.seconds);
  s.bound = Math.max(s.bound, Math.ceil(cg.bound - 1e-6));
  s.options.onProgress?.({ phase: 'bound', seconds: s.used(), objective: s.bestObj, bound: s.bound });
  keepIfBetter(s, cg.roster);
}

/** A roster that keeps the hard rules and beats the best so far becomes the best. */
function keepIfBetter(s: Search, grid: NrpGrid | null): void {
  if (!grid || violationsOf(s.instance, grid).length) return;
  const obj = scoreOf(s.instance, grid).objective;
  if (obj < s.bestObj) {
    s.best = grid;
    s.bestObj = obj;
    s.options.onProgress?.({ phase: 'search', seconds: s.used(), objective: obj, bound: s.bound });
  }
}

/**
 * Column generation's bound until `end` seconds, then the restricted master MIP over its
 * schedules (up to 5 % of the budget more) for a better roster.
 */
async function boundAndPriceAndBranch(s: Search, addSpent: (seconds: number) => void, end: number): Promise<void> {
  const { instance, options } = s;
  const budget = options.timeLimitSeconds;
  const start = s.used();
  const cg = await columnGenerationBound(instance, {
    seconds: end - start,
    // The dive usually lands on the optimum of instances 2-4 in seconds.
    diveUntil: budget * 0.9 - start,
    now: options.now,
    target: s.bestObj,
    initial: s.best ?? undefined,
  });
  addSpent(cg.seconds);
  s.bound = Math.max(s.bound, Math.ceil(cg.bound - 1e-6));
  options.onProgress?.({ phase: 'bound', seconds: s.used(), objective: s.bestObj, bound: s.bound });
  keepIfBetter(s, cg.roster);
  if (s.bestObj <= s.bound) return;
  const rmpEnd = Math.min(budget - 1, s.used() + budget * 0.05);
  const rmp = await restrictedMasterMip(instance, cg.schedules, {
    seconds: rmpEnd - s.used(),
    seed: options.seed,
    start: s.best ?? undefined,
    shouldStop: options.now ? () => s.used() > rmpEnd : undefined,
  });
  addSpent(rmp.seconds);
  if (!rmp.grid || violationsOf(instance, rmp.grid).length) return;
  const obj = scoreOf(instance, rmp.grid).objective;
  if (obj < s.bestObj) {
    s.best = rmp.grid;
    s.bestObj = obj;
    options.onProgress?.({ phase: 'search', seconds: s.used(), objective: obj, bound: s.bound });
  }
}

/** The objective is a sum of integer weights: any proven bound rounds up. */
function integralBound(run: MipRun): number {
  if (run.status === 'optimal') return Math.round(run.objective);
  return Number.isFinite(run.bound) ? Math.ceil(run.bound - 1e-6) : 0;
}

/**
 * Neighbourhoods alternate between a few people (all their days free) and a window of days
 * (everyone free in it); their size grows while sub-MIPs close quickly and shrinks when
 * they time out, so the search adapts to the instance and to a busy machine.
 */
async function neighbourhoodSearch(s: Search, from: NrpGrid, end: number, addSpent: (seconds: number) => void): Promise<void> {
  let best = from;
  const { instance, model, options } = s;
  const rnd = mulberry32(options.seed ^ 0x5bd1e995);
  const P = instance.staff.length;
  const H = instance.days;
  let people = Math.min(P, Math.max(3, Math.round(P / 6)));
  let window = Math.min(H, 7);
  for (let round = 0; s.used() < end - 0.5 && s.bestObj > s.bound; round++) {
    const byPeople = round % 2 === 0;
    const free = byPeople ? freePeople(P, people, rnd) : freeWindow(H, window, rnd, rnd() < 0.5 ? uncoveredDays(instance, best) : []);
    const left = end - s.used();
    const limit = Math.max(0.5, Math.min(8, left));
    const run = await runMip(fixedOutside(model, best, free), {
      timeLimitSeconds: limit,
      seed: options.seed + round,
      start: startFromGrid(model, best),
      relativeGap: 1e-6,
      shouldStop: options.now ? () => s.used() > end - 0.2 : undefined,
    });
    addSpent(run.seconds);
    const quick = run.status === 'optimal' && run.seconds < 2;
    if (byPeople) people = quick ? Math.min(P, people + 1) : run.status === 'optimal' ? people : Math.max(2, people - 1);
    else window = quick ? Math.min(H, window + 1) : run.status === 'optimal' ? window : Math.max(3, window - 1);
    if (!run.colValue) continue;
    const grid = gridFromSolution(model, run.colValue);
    const obj = scoreOf(instance, grid).objective;
    if (obj <= s.bestObj && violationsOf(instance, grid).length === 0) {
      if (obj < s.bestObj) options.onProgress?.({ phase: 'search', seconds: s.used(), objective: obj, bound: s.bound });
      best = grid;
      s.best = grid;
      s.bestObj = obj;
    }
  }
}

/** free[p][d]: true where the sub-MIP may change the roster. */
type FreeCells = (p: number, d: number) => boolean;

function freePeople(P: number, k: number, rnd: () => number): FreeCells {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, P)) chosen.add(Math.floor(rnd() * P));
  return (p) => chosen.has(p);
}

/** A window of days, half the time around a day that is short of people (where gains are). */
function freeWindow(H: number, length: number, rnd: () => number, short: number[]): FreeCells {
  const last = Math.max(0, H - length);
  const first = short.length
    ? Math.min(last, Math.max(0, short[Math.floor(rnd() * short.length)] - Math.floor(length / 2)))
    : Math.floor(rnd() * (last + 1));
  return (_p, d) => d >= first && d < first + length;
}

/** Days with a cover row below its requirement. */
function uncoveredDays(instance: NrpInstance, grid: NrpGrid): number[] {
  const T = instance.shifts.length;
  const count = new Int32Array(instance.days * T);
  for (const row of grid) row.forEach((t, d) => t >= 0 && count[d * T + t]++);
  const shiftIndex = new Map(instance.shifts.map((sh, i) => [sh.id, i]));
  const days = instance.cover.filter((c) => count[c.day * T + shiftIndex.get(c.shift)!] < c.requirement).map((c) => c.day);
  return [...new Set(days)];
}

/** The full model with every x outside the free cells fixed at the roster's value (presolve removes them). */
function fixedOutside(model: NrpModel, grid: NrpGrid, free: FreeCells): SparseModel {
  const lower = Float64Array.from(model.sparse.colLower);
  const upper = Float64Array.from(model.sparse.colUpper);
  model.x.forEach((xp, p) =>
    xp.forEach((c, i) => {
      const d = Math.floor(i / model.shifts);
      if (c < 0 || free(p, d)) return;
      const v = grid[p][d] === i % model.shifts ? 1 : 0;
      lower[c] = v;
      upper[c] = v;
    }),
  );
  return { ...model.sparse, colLower: lower, colUpper: upper };
}
