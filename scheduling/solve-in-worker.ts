import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem, RotaSolution, SolveOptions, SolveProgress } from './types';
import { highsModule, type HighsWasm } from './model/highs-runner';

export interface WorkerSolveOptions extends SolveOptions {
  /** Wall-clock seconds after the time limit before the worker is killed (its last step). */
  graceSeconds?: number;
  /**
   * Epoch milliseconds the time limit counts from (e.g. when the command started, so that
   * reading the files and starting the worker are inside the budget). Default: now.
   */
  startedAtMs?: number;
  /** Stops the solve at once (the worker is terminated): the promise rejects with the reason. */
  signal?: AbortSignal;
  /**
   * The solver thread's niceness (0-19, Linux; ignored elsewhere): above 0 it yields the CPU to
   * the process's other threads, e.g. a web instance's pages (default 0: as the caller).
   */
  niceness?: number;
}

/** The time limit ran out before even the first (greedy) rota was ready. */
export class RotaTimeoutError extends Error {
  readonly code = 'rota.timeout';
  constructor(
    readonly timeLimitSeconds: number,
    readonly waitedSeconds: number,
  ) {
    super(
      `time limit reached: no rota found within ${timeLimitSeconds} s (stopped after ${waitedSeconds.toFixed(1)} s); a longer --time-limit is needed for this team`,
    );
  }
}

/**
 * Runs solveRota in a fresh worker thread so a web request or the CLI never blocks, and
 * kills it on a wall clock: HiGHS's time limit is checked only between its steps. When
 * killed, the best rota the worker had reported is returned (status "feasible").
 * The worker entry is TypeScript, loaded through tsx (see bootstrap).
 */
/**
 * Epoch milliseconds from the monotonic clock. Valid across threads whether or not a worker
 * shares the process's timeOrigin, and not Date.now: the deadline must not jump with the clock.
 */
export const epochMs = () => performance.timeOrigin + performance.now();

export function solveRotaInWorker(problem: Problem, options: WorkerSolveOptions): Promise<RotaSolution> {
  // A short grace: the worker posts every better rota as it goes, so stopping it at the
  // deadline loses at most its last polishing step, not the answer.
  const grace = options.graceSeconds ?? Math.min(3, Math.max(1, options.timeLimitSeconds * 0.05));
  const startedAt = options.startedAtMs ?? epochMs();
  const deadlineMs = startedAt + options.timeLimitSeconds * 1000;
  // HiGHS compiled once in this process and handed over: each worker would otherwise compile
  // and optimise it again, which cost a small week most of its solving time.
  return highsModule().then((highs) => runWorker(problem, options, { startedAt, deadlineMs, grace, highs }));
}

function runWorker(
  problem: Problem,
  options: WorkerSolveOptions,
  t: { startedAt: number; deadlineMs: number; grace: number; highs: HighsWasm },
): Promise<RotaSolution> {
  const { startedAt, deadlineMs, grace } = t;
  const sinceStart = () => (epochMs() - startedAt) / 1000;
  let lastSeconds = 0;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(), {
      eval: true,
      workerData: {
        problem,
        timeLimitSeconds: options.timeLimitSeconds,
        deadlineMs,
        seed: options.seed,
        highs: t.highs,
        niceness: options.niceness ?? 0,
      },
    });
    let best: RotaSolution | null = null;
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => done(() => (best ? resolve(best) : reject(new RotaTimeoutError(options.timeLimitSeconds, sinceStart())))),
      Math.max(0, deadlineMs + grace * 1000 - epochMs()),
    );
    const onAbort = () => done(() => reject(options.signal!.reason));
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (msg: { type: string; progress?: SolveProgress; solution?: RotaSolution; message?: string }) => {
      if (msg.type === 'progress' && msg.progress) {
        // The solver's phases keep their own clocks (HiGHS restarts at 0 per run): report
        // wall-clock seconds since the start instead, which never go backwards.
        lastSeconds = Math.max(lastSeconds, sinceStart());
        options.onProgress?.({ ...msg.progress, seconds: Math.round(lastSeconds * 10) / 10 });
      } else if (msg.type === 'incumbent' && msg.solution) best = msg.solution;
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
  // The production build (npm run build) bundles the worker as dist/solve-worker.js beside
  // this code: plain JavaScript, no loader needed.
  if (import.meta.url.endsWith('.js')) {
    const built = new URL('./solve-worker.js', import.meta.url);
    if (existsSync(fileURLToPath(built))) return `import(${JSON.stringify(built.href)})`;
  }
  // createRequire, not import.meta.resolve: the latter is missing when tsx loads this file as CJS (mocha).
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = JSON.stringify(pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href);
  const entry = JSON.stringify(new URL('./solve-worker.ts', import.meta.url).href);
  return `import(${tsxApi}).then((m) => { m.register(); return import(${entry}); })`;
}
