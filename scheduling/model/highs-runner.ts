import highsLoader from 'highs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
  /** Stop when neither the incumbent nor the bound has improved for this long (seconds). */
  stallSeconds?: number;
  /** Polled inside simplex, interior-point and MIP callbacks: true stops the solve. */
  shouldStop?: () => boolean;
  /** HiGHS's own log lines (development). */
  onLog?: (line: string) => void;
  /** Extra native HiGHS options (experiments). */
  highsOptions?: Record<string, string | number | boolean>;
  onProgress?: (p: { seconds: number; objective?: number; bound?: number; gap?: number }) => void;
  /** Called with every improving incumbent (to keep the best rota if the worker is killed). */
  onIncumbent?: (colValue: Float64Array, objective: number, bound: number) => void;
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
type HModel = ReturnType<Highs['createModel']>;

/** HiGHS compiled (a WebAssembly.Module: the project's TypeScript libs do not declare WebAssembly). */
export type HighsWasm = object;
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<HighsWasm> };

let compiled: Promise<HighsWasm> | null = null;

/**
 * HiGHS's WebAssembly, compiled once per process. V8 compiles a function when it is first
 * called and optimises it once hot; that code belongs to the compiled module, so every
 * instance made from it (and every worker it is handed to) runs at full speed at once. A
 * fresh compile per solve cost a 4-person week about 10 s of the 12 s it took on a busy
 * 2-core machine; the same solve on an already warm module takes a fraction of it.
 */
export function highsModule(): Promise<HighsWasm> {
  // createRequire, not import.meta.resolve: the latter is missing when tsx loads this file as CJS (mocha).
  compiled ??= readFile(createRequire(import.meta.url).resolve('highs/runtime')).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

/** A worker thread adopts the module its parent compiled (see solveRotaInWorker). */
export function useHighsModule(module: HighsWasm): void {
  compiled = Promise.resolve(module);
}

/** A fresh instance per run: one whose solve aborted (e.g. out of its 2 GiB heap) is unusable. */
async function newHighs(): Promise<Highs> {
  return highsLoader({ wasmModule: await highsModule() });
}

/**
 * Solves the MIP with HiGHS (WebAssembly, single-threaded) on a fresh instance of the shared
 * compiled module. HiGHS checks its
 * time_limit only between phases (the root LP of a large model can run far past it), so the
 * simplex/IPM/MIP callbacks also interrupt it on `shouldStop` or on HiGHS's running time.
 */
export async function runMip(model: SparseModel, opts: MipOptions): Promise<MipRun> {
  const highs = await newHighs();
  const m = load(highs, model, true);
  try {
    m.options.set({
      output_flag: Boolean(opts.onLog),
      time_limit: Math.max(1, opts.timeLimitSeconds),
      random_seed: opts.seed % 2147483647,
      mip_rel_gap: opts.relativeGap ?? 1e-4,
      ...(opts.highsOptions ?? {}),
    } as never);
    if (opts.start) m.setSolution(opts.start);
    return solve(highs, m, opts);
  } finally {
    m.dispose();
  }
}

/**
 * The LP relaxation's optimum (interior point, no crossover): a valid lower bound on the
 * MIP's objective, cheap even when the MIP's root processing is not. -Infinity if stopped.
 */
export async function runLpBound(model: SparseModel, opts: { timeLimitSeconds: number; shouldStop?: () => boolean }): Promise<number> {
  const highs = await newHighs();
  const m = load(highs, model, false);
  try {
    m.options.set({ output_flag: false, solver: 'ipm', run_crossover: 'off', time_limit: Math.max(1, opts.timeLimitSeconds) });
    const cb = highs.constants.callbackType;
    m.run({
      [cb.ipmInterrupt](e) {
        if (opts.shouldStop?.()) e.interrupt();
        return undefined;
      },
    });
    if (m.getModelStatus() !== highs.constants.modelStatus.optimal) return -Infinity;
    // IPM stops at a relative duality gap of ~1e-8: step back by that much to stay a bound.
    const obj = m.getObjectiveValue();
    return obj - 1e-6 * Math.max(1, Math.abs(obj));
  } finally {
    m.dispose();
  }
}

/** A sparse model as a HiGHS model (with its integrality when `integer`). */
export function load(highs: Highs, model: SparseModel, integer: boolean): HModel {
  return highs.createModel({
    numCols: model.numCols,
    numRows: model.numRows,
    offset: model.offset,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    ...(integer ? { integrality: model.integrality } : {}),
    matrix: {
      format: 'csr',
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.starts,
      indices: model.indices,
      values: model.values,
    },
  });
}

function solve(highs: Highs, m: HModel, opts: MipOptions): MipRun {
  const cb = highs.constants.callbackType;
  let best: Float64Array | undefined;
  let bestObj = Infinity;
  let lastReport = -1;
  const stop = opts.shouldStop ?? (() => false);
  const stall = { at: 0, primal: Infinity, dual: -Infinity };
  const stalled = (t: number, primal = Infinity, dual = -Infinity): boolean => {
    if (primal < stall.primal - 1e-6 || dual > stall.dual + 1e-6)
      Object.assign(stall, { at: t, primal: Math.min(primal, stall.primal), dual: Math.max(dual, stall.dual) });
    return opts.stallSeconds !== undefined && Number.isFinite(stall.dual) && t - stall.at > opts.stallSeconds;
  };
  m.run({
    ...(opts.onLog
      ? {
          [cb.logging]: (e: { message: string }) => {
            opts.onLog!(e.message);
            return undefined;
          },
        }
      : {}),
    [cb.simplexInterrupt](e) {
      if (stop()) e.interrupt();
      return undefined;
    },
    [cb.ipmInterrupt](e) {
      if (stop()) e.interrupt();
      return undefined;
    },
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
      if (t > opts.timeLimitSeconds || stop() || stalled(t, e.data.mip_primal_bound, e.data.mip_dual_bound)) e.interrupt();
      if (opts.onProgress && t - lastReport >= 1) {
        lastReport = t;
        opts.onProgress({ seconds: t, objective: e.data.mip_primal_bound, bound: e.data.mip_dual_bound, gap: e.data.mip_gap });
      }
      return undefined;
    },
  });
  return result(highs, m, best, bestObj);
}

function result(highs: Highs, m: HModel, best: Float64Array | undefined, bestObj: number): MipRun {
  const status = m.getModelStatus();
  const S = highs.constants.modelStatus;
  const seconds = m.getRunTime();
  const nodes = Number(m.info.get('mip_node_count'));
  const bound = Number(m.info.get('mip_dual_bound'));
  if (status === S.infeasible) return { status: 'infeasible', objective: Infinity, bound: Infinity, nodes, seconds };
  const hasPrimal = Number(m.info.get('primal_solution_status')) === 2;
  const colValue = hasPrimal ? Float64Array.from(m.getSolution().colValue) : best;
  if (!colValue) return { status: 'none', objective: Infinity, bound, nodes, seconds };
  const objective = hasPrimal ? m.getObjectiveValue() : bestObj;
  return {
    status: status === S.optimal ? 'optimal' : 'feasible',
    colValue,
    objective,
    bound: Number.isFinite(bound) ? bound : -Infinity,
    nodes,
    seconds,
  };
}
