import highsLoader from 'highs';
import type { SparseModel } from './lp-builder';

export interface MipRun {
  /** Best solution found (undefined when none). */
  colValue?: Float64Array;
  objective: number;
  bound: number;
  status: 'optimal' | 'feasible' | 'infeasible' | 'none';
  nodes: number;
  seconds: number;
}

export interface MipOptions {
  timeLimitSeconds: number;
  seed: number;
  /** A feasible start (e.g. the greedy rota) on the integer columns; HiGHS completes the rest. */
  start?: { indices: Int32Array; values: Float64Array };
  relativeGap?: number;
  /** HiGHS's own log on the console (development only). */
  log?: boolean;
  onProgress?: (p: { seconds: number; objective?: number; bound?: number; gap?: number }) => void;
  /** Called with every improving incumbent (to keep the best rota if the worker is killed). */
  onIncumbent?: (colValue: Float64Array, objective: number, bound: number) => void;
}

/**
 * Solves the MIP with HiGHS (WebAssembly, single-threaded) on a fresh module instance: a
 * module whose solve aborted (e.g. out of its 2 GiB heap) is unusable. The time limit is
 * enforced twice: HiGHS's own time_limit and an interrupt from the MIP callback.
 */
export async function runMip(model: SparseModel, opts: MipOptions): Promise<MipRun> {
  const highs = await highsLoader();
  const m = highs.createModel({
    numCols: model.numCols,
    numRows: model.numRows,
    offset: model.offset,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    integrality: model.integrality,
    matrix: { format: 'csr', numRows: model.numRows, numCols: model.numCols, starts: model.starts, indices: model.indices, values: model.values },
  });
  try {
    m.options.set({
      output_flag: Boolean(opts.log),
      time_limit: Math.max(1, opts.timeLimitSeconds),
      random_seed: opts.seed % 2147483647,
      mip_rel_gap: opts.relativeGap ?? 1e-4,
    });
    if (opts.start) m.setSolution(opts.start);
    return solve(highs, m, opts);
  } finally {
    m.dispose();
  }
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
type HModel = ReturnType<Highs['createModel']>;

function solve(highs: Highs, m: HModel, opts: MipOptions): MipRun {
  const cb = highs.constants.callbackType;
  let best: Float64Array | undefined;
  let bestObj = Infinity;
  let lastReport = -1;
  m.run({
    ...(opts.log ? { [cb.logging](e: { message: string }) { process.stderr.write(e.message); return undefined; } } : {}),
    [cb.mipImprovingSolution](e) {
      const v = e.data.mip_solution;
      const obj = e.data.objective_function_value ?? e.data.mip_primal_bound ?? Infinity;
      if (v && obj < bestObj) {
        best = v;
        bestObj = obj;
        opts.onIncumbent?.(v, obj, e.data.mip_dual_bound ?? -Infinity);
      }
      return undefined;
    },
    [cb.mipInterrupt](e) {
      const t = e.data.running_time ?? 0;
      if (t > opts.timeLimitSeconds) e.interrupt();
      if (opts.onProgress && t - lastReport >= 1) {
        lastReport = t;
        opts.onProgress({ seconds: t, objective: e.data.mip_primal_bound, bound: e.data.mip_dual_bound, gap: e.data.mip_gap });
      }
      return undefined;
    },
  });
  const status = m.getModelStatus();
  const S = highs.constants.modelStatus;
  const seconds = m.getRunTime();
  const nodes = Number(m.info.get('mip_node_count'));
  const bound = Number(m.info.get('mip_dual_bound'));
  if (status === S.infeasible) return { status: 'infeasible', objective: Infinity, bound: Infinity, nodes, seconds };
  const sol = m.getSolution();
  const hasPrimal = Number(m.info.get('primal_solution_status')) === 2;
  const colValue = hasPrimal ? Float64Array.from(sol.colValue) : best;
  if (!colValue) return { status: 'none', objective: Infinity, bound, nodes, seconds };
  const objective = hasPrimal ? m.getObjectiveValue() : bestObj;
  return { status: status === S.optimal ? 'optimal' : 'feasible', colValue, objective, bound: Number.isFinite(bound) ? bound : -Infinity, nodes, seconds };
}
