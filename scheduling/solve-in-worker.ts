import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { Problem, RotaSolution, SolveOptions, SolveProgress } from './types';

export interface WorkerSolveOptions extends SolveOptions {
  /** Extra wall-clock seconds before the worker is killed (model building, final polish). */
  graceSeconds?: number;
}

/**
 * Runs solveRota in a fresh worker thread so a web request or the CLI never blocks, and
 * kills it on a wall clock: HiGHS's time limit is checked only between its steps. When
 * killed, the best rota the worker had reported is returned (status "feasible").
 * The worker entry is TypeScript, loaded through tsx (see bootstrap).
 */
export function solveRotaInWorker(problem: Problem, options: WorkerSolveOptions): Promise<RotaSolution> {
  const grace = options.graceSeconds ?? Math.max(10, options.timeLimitSeconds * 0.15);
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(), {
      eval: true,
      workerData: { problem, timeLimitSeconds: options.timeLimitSeconds, seed: options.seed },
    });
    let best: RotaSolution | null = null;
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => done(() => (best ? resolve(best) : reject(new Error(`no rota found within ${options.timeLimitSeconds + grace} s`)))),
      (options.timeLimitSeconds + grace) * 1000);
    worker.on('message', (msg: { type: string; progress?: SolveProgress; solution?: RotaSolution; message?: string }) => {
      if (msg.type === 'progress' && msg.progress) options.onProgress?.(msg.progress);
      else if (msg.type === 'incumbent' && msg.solution) best = msg.solution;
      else if (msg.type === 'result' && msg.solution) done(() => resolve(msg.solution!));
      else if (msg.type === 'error') done(() => (best ? resolve(best) : reject(new Error(msg.message))));
    });
    worker.on('error', (err) => done(() => (best ? resolve(best) : reject(err))));
    worker.on('exit', (code) => done(() => (best ? resolve(best) : reject(new Error(`rota worker stopped (exit code ${code})`)))));
  });
}

/**
 * Node 20 does not apply an inherited `--import tsx` to a worker's own .ts entry file
 * ("Unknown file extension .ts", verified here), so a tiny JS bootstrap registers tsx
 * through its API inside the worker and then imports the TypeScript entry.
 */
function bootstrap(): string {
  // createRequire, not import.meta.resolve: the latter is missing when tsx loads this file as CJS (mocha).
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = JSON.stringify(pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href);
  const entry = JSON.stringify(new URL('./solve-worker.ts', import.meta.url).href);
  return `import(${tsxApi}).then((m) => { m.register(); return import(${entry}); })`;
}
