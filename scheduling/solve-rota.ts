import type { Explanation, Problem, RotaSolution, SolveOptions } from './types';
import { prepare, type Prepared } from './prepare';
import { explainPerson } from './infeasibility';
import { buildRotaModel, type RotaModel } from './model/rota-model';
import { runMip, type MipRun } from './model/highs-runner';
import { assignmentsFromSolution, shiftsFromAssignments, startFromAssignments, type Assignment } from './extract';
import { coverageOf } from './coverage';
import { greedyRota } from './heuristic/greedy-rota';
import { objectiveOf } from './objective';

const EPS = 1e-6;

/**
 * Builds the rota for a week:
 *  1. per-person pre-checks: when no rota can keep the rules, the reasons in words;
 *  2. a greedy rota improved by per-person exact re-optimisation (always valid, fast);
 *  3. the MIP (HiGHS) warm-started from it, under the time budget;
 *  4. the exact coverage of the better of the two.
 * In-process and blocking; use solveRotaInWorker off the request path.
 */
export async function solveRota(problem: Problem, options: SolveOptions): Promise<RotaSolution> {
  const report = options.onProgress ?? (() => undefined);
  const now = options.now ?? (() => 0);
  const t0 = now();
  const elapsed = () => (now() - t0) / 1000;
  report({ phase: 'prepare', seconds: 0 });
  const prep = prepare(problem);
  const explanation = prep.people.flatMap((p) => explainPerson(problem, prep.week, prep.patterns, p));
  if (explanation.length) return infeasible(problem, prep, explanation);
  const model = buildRotaModel(problem, prep.week, prep.patterns, prep.people);
  const sparse = model.lp.build(Infinity);
  const greedy = greedyRota(problem, prep, options.seed, prep.people.length > 100 ? 3 : 6);
  const warm = greedy ? finish(problem, prep, model, greedy, NaN, -Infinity, false) : null;
  if (warm) {
    options.onIncumbent?.(warm);
    report({ phase: 'warm-start', seconds: elapsed(), objective: warm.objective });
  }
  const run = await runMip(sparse, {
    timeLimitSeconds: Math.max(1, options.timeLimitSeconds - elapsed()),
    seed: options.seed,
    log: options.log,
    start: greedy ? startFromAssignments(model, greedy) : undefined,
    onProgress: (p) => report({ phase: 'solve', ...p }),
    onIncumbent: options.onIncumbent
      ? (values, objective, bound) => options.onIncumbent!(finish(problem, prep, model, assignmentsFromSolution(model, prep.patterns, values), objective, bound, false))
      : undefined,
  });
  const solution = pick(problem, prep, model, run, warm);
  if (!solution) return infeasible(problem, prep, [noRota(run)]);
  solution.stats = { seconds: elapsed() || run.seconds, columns: sparse.numCols, rows: sparse.numRows, nodes: run.nodes };
  report({ phase: 'done', seconds: solution.stats.seconds, objective: solution.objective, bound: solution.bound, gap: solution.gap });
  return solution;
}

/** The MIP's rota unless the warm start is better (the MIP may stop before it improves). */
function pick(problem: Problem, prep: Prepared, model: RotaModel, run: MipRun, warm: RotaSolution | null): RotaSolution | null {
  const bound = Number.isFinite(run.bound) ? run.bound : -Infinity;
  if (run.colValue) {
    const mip = finish(problem, prep, model, assignmentsFromSolution(model, prep.patterns, run.colValue), run.objective, bound, run.status === 'optimal');
    if (!warm || mip.objective <= warm.objective + EPS) return mip;
  }
  if (!warm) return null;
  return withBound(warm, bound);
}

function withBound(s: RotaSolution, bound: number): RotaSolution {
  const b = Math.min(bound, s.objective);
  return { ...s, bound: round(b), gap: gapOf(s.objective, b), status: s.objective - b < EPS ? 'optimal' : 'feasible' };
}

/** Publishes a rota: shifts, exact coverage, objective (computed directly when NaN), bound and gap. */
export function finish(problem: Problem, prep: Prepared, model: RotaModel, assignments: Assignment[], objective: number, bound: number, optimal: boolean): RotaSolution {
  const shifts = shiftsFromAssignments(problem, prep.week, prep.patterns, prep.people, assignments);
  const cov = coverageOf(problem, shifts, prep.week);
  const obj = Number.isNaN(objective) ? objectiveOf(problem, prep, assignments, cov.shortfallAgentHours) : objective;
  const b = Math.min(bound, obj);
  return {
    shifts,
    objective: round(obj),
    bound: Number.isFinite(b) ? round(b) : 0,
    gap: Number.isFinite(b) ? gapOf(obj, b) : 1,
    shortfallAgentHours: round(cov.shortfallAgentHours),
    coverage: cov.rows,
    status: optimal ? 'optimal' : 'feasible',
    explanation: [],
    stats: { seconds: 0, columns: model.lp.numCols, rows: model.lp.numRows, nodes: 0 },
  };
}

function noRota(run: MipRun): Explanation {
  return {
    key: 'rota.infeasible.solver', params: { status: run.status },
    text: run.status === 'infeasible' ? 'no rota keeps every rule (the per-person checks found no single cause)' : 'no rota found within the time limit',
  };
}

function infeasible(problem: Problem, prep: Prepared, explanation: Explanation[]): RotaSolution {
  const cov = coverageOf(problem, [], prep.week);
  return {
    shifts: [], objective: Infinity, bound: Infinity, gap: Infinity, shortfallAgentHours: round(cov.shortfallAgentHours),
    coverage: cov.rows, status: 'infeasible', explanation, stats: { seconds: 0, columns: 0, rows: 0, nodes: 0 },
  };
}

function gapOf(objective: number, bound: number): number {
  return round((objective - bound) / Math.max(Math.abs(objective), EPS), 6);
}

function round(v: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
