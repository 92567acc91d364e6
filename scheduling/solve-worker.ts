/**
 * Worker-thread entry: solves one rota and posts progress, incumbents and the result.
 * Started fresh per solve by solveRotaInWorker (an aborted WASM module is unusable).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { solveRota } from './solve-rota';
import { epochMs } from './solve-in-worker';
import { useHighsModule, type HighsWasm } from './model/highs-runner';
import type { Problem } from './types';

const { problem, timeLimitSeconds, deadlineMs, seed, highs } = workerData as {
  problem: Problem;
  timeLimitSeconds: number;
  deadlineMs?: number;
  seed: number;
  /** HiGHS compiled by the parent (absent: compiled here). */
  highs?: HighsWasm;
};
if (highs) useHighsModule(highs);

/** Seconds kept back for publishing the rota (extraction, exact coverage, posting it). */
const PUBLISH_RESERVE = 0.5;
// What is left of the caller's budget after reading the files and starting this thread.
const remaining = deadlineMs === undefined ? timeLimitSeconds : (deadlineMs - epochMs()) / 1000 - PUBLISH_RESERVE;

solveRota(problem, {
  timeLimitSeconds: Math.max(0.5, remaining),
  seed,
  now: () => performance.now(),
  onProgress: (p) => parentPort?.postMessage({ type: 'progress', progress: p }),
  onIncumbent: (s) => parentPort?.postMessage({ type: 'incumbent', solution: s }),
}).then(
  (solution) => parentPort?.postMessage({ type: 'result', solution }),
  (err: unknown) => parentPort?.postMessage({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
);
