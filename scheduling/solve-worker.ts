/**
 * Worker-thread entry: solves one rota and posts progress, incumbents and the result.
 * Started fresh per solve by solveRotaInWorker (an aborted WASM module is unusable).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { solveRota } from './solve-rota';
import type { Problem } from './types';

const { problem, timeLimitSeconds, seed } = workerData as { problem: Problem; timeLimitSeconds: number; seed: number };

solveRota(problem, {
  timeLimitSeconds,
  seed,
  now: () => performance.now(),
  onProgress: (p) => parentPort?.postMessage({ type: 'progress', progress: p }),
  onIncumbent: (s) => parentPort?.postMessage({ type: 'incumbent', solution: s }),
}).then(
  (solution) => parentPort?.postMessage({ type: 'result', solution }),
  (err: unknown) => parentPort?.postMessage({ type: 'error', message: err instanceof Error ? err.stack ?? err.message : String(err) }),
);
