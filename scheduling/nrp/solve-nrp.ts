/**
 * Solves a benchmark instance. Small models (instances 1-5): column generation's bound and a
 * price-and-dive roster first (they prove 2-4 optimal in about a second), then the restricted
 * master as a MIP, then the compact MIP (model.ts) started from the best roster, which closes
 * what the column-generation bound leaves open (instance 1). Large models: the compact MIP for
 * a first roster, then the bound and the dive. Both end in large-neighbourhood search: most of
 * the roster held fixed (all but a few people, or all but a window of days), the rest re-solved
 * as a sub-MIP warm-started from the best roster, kept when it is no worse. The objective is
 * integral, so a roster at ⌈bound⌉ is optimal and ends the solve.
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
  /** Column generation's schedules per person, once it has run (for the restricted master). */
  schedules: Int32Array[][] | null;
  used: () => number;
  options: NrpSolveOptions;
}

export async function solveNrp(instance: NrpInstance, options: NrpSolveOptions): Promise<NrpResult> {
  const t0 = options.now?.() ?? 0;
  let spent = 0;
  const used = () => (options.now ? (options.now() - t0) / 1000 : spent);
  const addSpent = (sec: number) => (spent += sec);
  const model = buildNrpModel(instance);
  const budget = options.timeLimitSeconds;
  const small = model.sparse.numCols < SMALL_MODEL_COLUMNS;
  const cg = options.columnGeneration !== false;
  const s: Search = { instance, model, best: null, bestObj: Infinity, bound: 0, schedules: null, used, options };
  if (small && cg) {
    // Column generation first: its bound proves instances 2-4 and its dive lands on their optimum
    // in a second or two, where the compact MIP took up to a minute (its bound stalls far below).
    await boundAndDive(s, addSpent, budget * 0.3, budget * 0.45);
    if (s.best && s.bestObj > s.bound) await priceAndBranch(s, addSpent, budget * 0.05);
    // Instance 1's gap is integral (bound 558 against 607): the compact MIP, started from the
    // roster so far, closes it. It also finds the first roster if the dive has none.
    if (s.bestObj > s.bound) await compactMip(s, addSpent, budget * 0.75);
  } else {
    // Large models: the compact MIP mostly supplies a first roster; column generation's bound and
    // a dive through its master follow (instance 6: 1,952 in seconds where neighbourhood search
    // from the compact MIP's roster ended at 2,150 after 300 s).
    await compactMip(s, addSpent, budget * 0.1);
    // The bound usually ends by converging and the dive by fixing everyone (instance 8: about
    // 40 s of CPU each); the caps leave neighbourhood search at least 40 % on a busy machine.
    if (cg && s.bestObj > s.bound) await boundAndDive(s, addSpent, budget * 0.45, budget * 0.6);
  }
  if (!s.best) throw new NrpNoRosterError('noRosterInTime');
  if (s.bestObj > s.bound) await neighbourhoodSearch(s, s.best, budget, addSpent);
  const grid = s.best;
  const violations = violationsOf(instance, grid);
  if (violations.length) throw new Error(`internal: the roster breaks ${violations[0].rule} for ${violations[0].staff}`);
  const bound = Math.min(s.bound, s.bestObj);
  s.options.onProgress?.({ phase: 'done', seconds: used(), objective: s.bestObj, bound });
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
 * The compact MIP until `end` seconds (or until it stalls for a tenth of the budget), started
 * from the best roster so far; it stops as soon as its roster meets the best proven bound.
 */
async function compactMip(s: Search, addSpent: (seconds: number) => void, end: number): Promise<void> {
  const { options, model } = s;
  const budget = options.timeLimitSeconds;
  let incumbent = s.bestObj;
  const run = await runMip(model.sparse, {
    timeLimitSeconds: Math.max(0.5, end - s.used()),
    seed: options.seed,
    start: s.best ? startFromGrid(model, s.best) : undefined,
    shouldStop: () => (options.now !== undefined && s.used() > end) || incumbent <= s.bound + 1e-6,
    stallSeconds: budget * 0.1,
    relativeGap: 1e-6,
    onIncumbent: (_v, obj) => (incumbent = Math.min(incumbent, obj)),
    onProgress: (p) =>
      options.onProgress?.({
        phase: 'mip',
        seconds: s.used(),
        objective: Math.min(p.objective ?? Infinity, s.bestObj),
        bound: Math.max(p.bound ?? -Infinity, s.bound),
      }),
  });
  addSpent(run.seconds);
  if (run.status === 'infeasible') throw new NrpNoRosterError('infeasible');
  s.bound = Math.max(s.bound, integralBound(run));
  keepIfBetter(s, run.colValue ? gridFromSolution(model, run.colValue) : null);
  options.onProgress?.({ phase: 'mip', seconds: s.used(), objective: s.bestObj, bound: s.bound });
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
    target: Number.isFinite(s.bestObj) ? s.bestObj : undefined,
    initial: s.best ?? undefined,
  });
  addSpent(cg.seconds);
  s.schedules = cg.schedules;
  if (Number.isFinite(cg.bound)) s.bound = Math.max(s.bound, Math.ceil(cg.bound - 1e-6));
  keepIfBetter(s, cg.roster);
  s.options.onProgress?.({ phase: 'bound', seconds: s.used(), objective: s.bestObj, bound: s.bound });
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
 * Price-and-branch: the restricted master as a MIP over column generation's schedules, for up to
 * `seconds`, started from the best roster; kept when better.
 */
async function priceAndBranch(s: Search, addSpent: (seconds: number) => void, seconds: number): Promise<void> {
  if (!s.schedules) return;
  const end = s.used() + seconds;
  const rmp = await restrictedMasterMip(s.instance, s.schedules, {
    seconds,
    seed: s.options.seed,
    start: s.best ?? undefined,
    shouldStop: s.options.now ? () => s.used() > end : undefined,
  });
  addSpent(rmp.seconds);
  keepIfBetter(s, rmp.grid);
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
