/**
 * Worker-thread entry: solves one rota and posts progress, incumbents and the result.
 * Started fresh per solve by solveRotaInWorker (an aborted WASM module is unusable).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { solveRota } from './solve-rota';
import { epochMs } from './solve-in-worker';
import { useHighsModule, type HighsWasm } from './model/highs-runner';
import type { Problem } from './types';

const { problem, timeLimitSeconds, deadlineMs, seed, highs, niceness } = workerData as {
  problem: Problem;
  timeLimitSeconds: number;
  deadlineMs?: number;
  seed: number;
  /** HiGHS compiled by the parent (absent: compiled here). */
  highs?: HighsWasm;
  /** This thread's niceness (see WorkerSolveOptions). */
  niceness?: number;
};
if (highs) useHighsModule(highs);
if (niceness) lowerThisThreadsPriority(niceness);

/**
 * On Linux a niceness belongs to a thread (setpriority with the thread's id), so only the solve
 * yields: the main thread keeps answering pages at full priority. The id is read from
 * /proc/thread-self (Node has no gettid). Elsewhere, or if refused, the solve runs as it is.
 */
function lowerThisThreadsPriority(n: number): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, n);
  } catch {
    // not Linux, or not allowed: the solve keeps the process's priority
  }
}

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
