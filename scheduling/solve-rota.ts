import type { Problem, RotaSolution, SolveOptions } from './types';
import { prepare, type Prepared } from './prepare';
import { explainPerson } from './infeasibility';
import { buildRotaModel, type RotaModel } from './model/rota-model';
import { runMip } from './model/highs-runner';
import { assignmentsFromSolution, shiftsFromAssignments, type Assignment } from './extract';
import { coverageOf } from './coverage';

const EPS = 1e-6;

/**
 * Builds the rota for a week: per-person pre-checks (reasons in words when no rota exists),
 * then the MIP under the time budget, then the exact coverage of the rota found.
 * In-process and blocking; use solveRotaInWorker off the request path.
 */
export async function solveRota(problem: Problem, options: SolveOptions): Promise<RotaSolution> {
  const report = options.onProgress ?? (() => undefined);
  report({ phase: 'prepare', seconds: 0 });
  const prep = prepare(problem);
  const explanation = prep.people.flatMap((p) => explainPerson(problem, prep.week, prep.patterns, p));
  if (explanation.length) return infeasible(problem, prep, explanation);
  const model = buildRotaModel(problem, prep.week, prep.patterns, prep.people);
  const sparse = model.lp.build(Infinity);
  const run = await runMip(sparse, {
    timeLimitSeconds: options.timeLimitSeconds,
    seed: options.seed,
    onProgress: (p) => report({ phase: 'solve', ...p }),
    onIncumbent: options.onIncumbent
      ? (values, objective, bound) => options.onIncumbent!(finish(problem, prep, model, assignmentsFromSolution(model, prep.patterns, values), objective, bound, false))
      : undefined,
  });
  if (!run.colValue) {
    return infeasible(problem, prep, [{ key: 'rota.infeasible.solver', params: { status: run.status },
      text: run.status === 'infeasible' ? 'no rota keeps every rule (the per-person checks found no single cause)' : 'no rota found within the time limit' }]);
  }
  const assignments = assignmentsFromSolution(model, prep.patterns, run.colValue);
  const solution = finish(problem, prep, model, assignments, run.objective, run.bound, run.status === 'optimal');
  solution.stats = { seconds: run.seconds, columns: sparse.numCols, rows: sparse.numRows, nodes: run.nodes };
  report({ phase: 'done', seconds: run.seconds, objective: solution.objective, bound: solution.bound, gap: solution.gap });
  return solution;
}

export function finish(problem: Problem, prep: Prepared, model: RotaModel, assignments: Assignment[], objective: number, bound: number, optimal: boolean): RotaSolution {
  const shifts = shiftsFromAssignments(problem, prep.week, prep.patterns, prep.people, assignments);
  const cov = coverageOf(problem, shifts, prep.week);
  const b = Math.min(bound, objective);
  return {
    shifts,
    objective: round(objective),
    bound: round(b),
    gap: round((objective - b) / Math.max(Math.abs(objective), EPS), 6),
    shortfallAgentHours: round(cov.shortfallAgentHours),
    coverage: cov.rows,
    status: optimal ? 'optimal' : 'feasible',
    explanation: [],
    stats: { seconds: 0, columns: model.lp.numCols, rows: model.lp.numRows, nodes: 0 },
  };
}

function infeasible(problem: Problem, prep: Prepared, explanation: RotaSolution['explanation']): RotaSolution {
  const cov = coverageOf(problem, [], prep.week);
  return {
    shifts: [], objective: Infinity, bound: Infinity, gap: Infinity, shortfallAgentHours: round(cov.shortfallAgentHours),
    coverage: cov.rows, status: 'infeasible', explanation, stats: { seconds: 0, columns: 0, rows: 0, nodes: 0 },
  };
}

function round(v: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
