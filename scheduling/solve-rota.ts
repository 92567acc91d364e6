import type { Explanation, Problem, RotaSolution, SolveOptions, SolveProgress } from './types';
import { prepare, type Prepared } from './prepare';
import { explainPerson } from './infeasibility';
import { buildRotaModel, type RotaModel } from './model/rota-model';
import { runLpBound, runMip, type MipRun } from './model/highs-runner';
import type { SparseModel } from './model/lp-builder';
import { assignmentsFromSolution, planShifts, startFromAssignments, type Assignment } from './extract';
import { coverageOf } from './coverage';
import { greedyRota } from './heuristic/greedy-rota';
import { neighbourhoodSearch } from './heuristic/neighbourhood-search';
import { objectiveOf } from './objective';
import { placeOffQueue } from './off-queue';

const EPS = 1e-6;
/** Above this many columns the full MIP alone is too slow to polish a rota within minutes. */
const LARGE_MODEL_COLUMNS = 12000;
/** Above this many the root LP goes to the interior-point solver (2-5× faster here). */
const IPM_ROOT_COLUMNS = 8000;
/** Above this many a separate LP bound first, in case the MIP's root does not finish. */
const LP_BOUND_COLUMNS = 30000;
/** Up to this many people neighbourhood search re-solves the whole team (its smallest neighbourhood). */
const SMALL_TEAM = 6;

interface Context {
  problem: Problem;
  prep: Prepared;
  model: RotaModel;
  sparse: SparseModel;
  options: SolveOptions;
  elapsed: () => number;
  report: (p: SolveProgress) => void;
}

/**
 * Builds the rota for a week:
 *  1. per-person pre-checks: when no rota can keep the rules, the reasons in words;
 *  2. a greedy rota improved by per-person exact re-optimisation (always valid, fast);
 *  3. the full MIP (HiGHS) warm-started from it, under the time budget;
 *  4. for large models (many people, 30-minute grid) a cheap LP bound first, the MIP for 40%
 *     the budget, then large-neighbourhood search (sub-MIPs over a few people at a time);
 *  5. the exact coverage of the best rota found.
 * In-process and blocking; use solveRotaInWorker off the request path.
 */
export async function solveRota(problem: Problem, options: SolveOptions): Promise<RotaSolution> {
  const report = options.onProgress ?? (() => undefined);
  const now = options.now;
  const t0 = now?.() ?? 0;
  const elapsed = () => (now ? (now() - t0) / 1000 : 0);
  report({ phase: 'prepare', seconds: 0 });
  const prep = prepare(problem);
  const explanation = prep.people.flatMap((p) => explainPerson(problem, prep.week, prep.patterns, p));
  if (explanation.length) return infeasible(problem, prep, explanation);
  const model = buildRotaModel(problem, prep.week, prep.patterns, prep.people);
  const ctx: Context = { problem, prep, model, sparse: model.lp.build(Infinity), options, elapsed, report };
  const rough = greedyRota(problem, prep, options.seed, prep.people.length > 100 ? 3 : 6);
  // Off-queue steps placed now, so that the MIP start sets the o columns too.
  const greedy = rough && placeOffQueue(problem, prep.week, prep.patterns, prep.people, rough);
  const warm = greedy ? finish(problem, prep, model, greedy, NaN, -Infinity, false) : null;
  if (warm) {
    options.onIncumbent?.(warm);
    report({ phase: 'warm-start', seconds: elapsed(), objective: warm.objective });
  }
  const large = ctx.sparse.numCols > LARGE_MODEL_COLUMNS;
  const budget = options.timeLimitSeconds - elapsed();
  const lpBound =
    ctx.sparse.numCols > LP_BOUND_COLUMNS
      ? await runLpBound(ctx.sparse, { timeLimitSeconds: budget * 0.3, shouldStop: until(ctx, elapsed() + budget * 0.3) })
      : -Infinity;
  const mipEnd = large ? options.timeLimitSeconds - budget * 0.6 : options.timeLimitSeconds;
  // A small team's neighbourhood is the whole team, so leaving a stalled MIP for neighbourhood
  // search would only restart it; and a stall is measured in wall-clock seconds, so on a busy
  // machine it cut off searches that were one cut round from the optimum.
  const stall = large ? budget * 0.1 : prep.people.length > SMALL_TEAM ? budget * 0.25 : undefined;
  const run = await fullMip(ctx, greedy, mipEnd, ctx.sparse.numCols > IPM_ROOT_COLUMNS, stall);
  run.bound = Math.max(run.bound, lpBound);
  let best = pick(ctx, run, warm);
  // Whatever the MIP left of the budget (it stalled, or the model is large) goes to neighbourhood search.
  const left = options.timeLimitSeconds - (now ? elapsed() : run.seconds);
  // Nothing to polish once the rota meets the proven bound (the greedy one may, or HiGHS said so).
  if (run.status !== 'optimal' && best && !provenOptimal(best.objective, run.bound) && left > 3)
    best = await polish(ctx, best, run.bound, left - 1);
  if (!best) return infeasible(problem, prep, [noRota(run)]);
  best.stats = { seconds: elapsed() || run.seconds, columns: ctx.sparse.numCols, rows: ctx.sparse.numRows, nodes: run.nodes };
  report({ phase: 'done', seconds: best.stats.seconds, objective: best.objective, bound: best.bound, gap: best.gap });
  return best;
}

/** With a clock: true once `seconds` have elapsed. Without one HiGHS's own timer decides. */
function until(ctx: Context, seconds: number): (() => boolean) | undefined {
  return ctx.options.now ? () => ctx.elapsed() > seconds : undefined;
}

async function fullMip(
  ctx: Context,
  start: Assignment[] | null,
  endSeconds: number,
  ipmRoot: boolean,
  stallSeconds?: number,
): Promise<MipRun> {
  const { problem, prep, model, options } = ctx;
  return runMip(ctx.sparse, {
    timeLimitSeconds: Math.max(1, endSeconds - ctx.elapsed()),
    seed: options.seed,
    shouldStop: until(ctx, endSeconds),
    // Large models: once the MIP stalls, neighbourhood search makes better use of the time.
    stallSeconds,
    onLog: options.onLog,
    // The root LP of a large model goes to the interior-point solver: it solved the
    // 150-person, 30-minute relaxation about 5× faster than dual simplex here.
    highsOptions: { ...(ipmRoot ? { mip_lp_solver: 'ipm' } : {}), ...options.highsOptions },
    start: start ? startFromAssignments(model, start) : undefined,
    onProgress: (p) => ctx.report({ phase: 'solve', ...p }),
    onIncumbent: options.onIncumbent
      ? (values, objective, bound) =>
          options.onIncumbent!(finish(problem, prep, model, assignmentsFromSolution(model, prep.patterns, values), objective, bound, false))
      : undefined,
  });
}

/** Neighbourhood search from the best rota so far until the budget is spent. */
async function polish(
  ctx: Context,
  from: RotaSolution & { assignments?: Assignment[] },
  bound: number,
  seconds: number,
): Promise<RotaSolution> {
  const { problem, prep, model, options } = ctx;
  const start = from.assignments ?? [];
  if (!start.length) return from;
  const lns = await neighbourhoodSearch(problem, prep, start, {
    seconds,
    seed: options.seed,
    now: options.now,
    bound: Number.isFinite(bound) ? bound : undefined,
    onImproved: (a, objective) => {
      ctx.report({ phase: 'polish', seconds: ctx.elapsed(), objective, bound });
      options.onIncumbent?.(finish(problem, prep, model, a, objective, bound, false));
    },
  });
  const polished = finish(problem, prep, model, lns.assignments, lns.objective, bound, false);
  return polished.objective <= from.objective + EPS ? polished : from;
}

/** The MIP's rota unless the warm start is better (the MIP may stop before it improves). */
function pick(ctx: Context, run: MipRun, warm: RotaSolution | null): (RotaSolution & { assignments?: Assignment[] }) | null {
  const { problem, prep, model } = ctx;
  const bound = Number.isFinite(run.bound) ? run.bound : -Infinity;
  if (run.colValue) {
    const mip = finish(
      problem,
      prep,
      model,
      assignmentsFromSolution(model, prep.patterns, run.colValue),
      run.objective,
      bound,
      run.status === 'optimal',
    );
    if (!warm || mip.objective <= warm.objective + EPS) return mip;
  }
  return warm
    ? { ...finish(problem, prep, model, (warm as { assignments?: Assignment[] }).assignments ?? [], warm.objective, bound, false) }
    : null;
}

/**
 * Publishes a rota: shifts, exact coverage, objective (computed directly when NaN), bound and
 * gap. The assignments ride along (non-enumerable, so not in the JSON) for later polishing.
 */
export function finish(
  problem: Problem,
  prep: Prepared,
  model: RotaModel,
  assignments: Assignment[],
  objective: number,
  bound: number,
  optimal: boolean,
): RotaSolution {
  // Activities are split on the model's grid, coverage is reported on the requirement grid.
  const { shifts, placements } = planShifts(problem, prep.week, prep.patterns, prep.people, assignments);
  const cov = coverageOf(problem, shifts, prep.reportWeek);
  // Always the objective of the rota actually returned (per-minute shortfall), never the
  // solver's figure, so objective ≥ service × shortfall and the gap is about this rota.
  const obj = objectiveOf(problem, prep, assignments, cov.shortfallAgentHours);
  const agrees = Number.isNaN(objective) || Math.abs(objective - obj) <= 1e-6 + 1e-4 * Math.abs(obj);
  const b = Math.min(bound, obj);
  const out: RotaSolution = {
    shifts,
    objective: round(obj),
    bound: Number.isFinite(b) ? round(b) : 0,
    gap: Number.isFinite(b) ? gapOf(obj, b) : 1,
    shortfallAgentHours: round(cov.shortfallAgentHours),
    coverage: cov.rows,
    status: (optimal && agrees) || obj - b < EPS ? 'optimal' : 'feasible',
    explanation: [],
    ...(placements.length ? { activities: placements } : {}),
    stats: { seconds: 0, columns: model.lp.numCols, rows: model.lp.numRows, nodes: 0 },
  };
  Object.defineProperty(out, 'assignments', { value: assignments, enumerable: false });
  return out;
}

function noRota(run: MipRun): Explanation {
  // The per-person checks found no single cause: the MIP proved infeasibility, or ran out of time.
  return { code: run.status === 'infeasible' ? 'noRotaKeepsTheRules' : 'noRotaInTime', params: {} };
}

function infeasible(problem: Problem, prep: Prepared, explanation: Explanation[]): RotaSolution {
  const cov = coverageOf(problem, [], prep.reportWeek);
  return {
    shifts: [],
    objective: Infinity,
    bound: Infinity,
    gap: Infinity,
    shortfallAgentHours: round(cov.shortfallAgentHours),
    coverage: cov.rows,
    status: 'infeasible',
    explanation,
    stats: { seconds: 0, columns: 0, rows: 0, nodes: 0 },
  };
}

/** Within HiGHS's own optimality tolerance (relative gap 1e-4) of a proven lower bound. */
function provenOptimal(objective: number, bound: number): boolean {
  return Number.isFinite(bound) && objective - bound <= 1e-6 + 1e-4 * Math.abs(objective);
}

function gapOf(objective: number, bound: number): number {
  return round((objective - bound) / Math.max(Math.abs(objective), EPS), 6);
}

function round(v: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
