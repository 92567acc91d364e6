/**
 * Rota generations running in the background, one at a time per week and data source, so a
 * request returns at once and the page polls the progress. In memory: a restart forgets
 * running jobs (the worker dies with the process, nothing half-stored: the rota is written
 * in one transaction at the end).
 */
import { randomBytes } from 'node:crypto';
import type { DataSource } from '../models';
import type { Explanation, SolveProgress } from '../scheduling';
import { generateRota, type GenerateRotaInput } from './rota-generate';

export type JobState = 'running' | 'done' | 'infeasible' | 'failed';

export interface RotaJob {
  id: string;
  weekStart: string;
  state: JobState;
  startedAt: number;
  finishedAt: number | null;
  timeLimitSeconds: number;
  progress: SolveProgress | null;
  rotaId: number | null;
  explanation: Explanation[];
  error: string | null;
  promise?: Promise<unknown>;
}

const JOBS = new WeakMap<DataSource, Map<string, RotaJob>>();

function jobsOf(ds: DataSource): Map<string, RotaJob> {
  let m = JOBS.get(ds);
  if (!m) JOBS.set(ds, (m = new Map()));
  return m;
}

export function rotaJob(ds: DataSource, weekStart: string): RotaJob | null {
  return jobsOf(ds).get(weekStart) ?? null;
}

/**
 * Starts generating `input.weekStart` unless a generation of that week is already running
 * (then returns that one). `clock` gives wall time for the elapsed figure.
 */
export function startRotaJob(
  ds: DataSource,
  input: Omit<GenerateRotaInput, 'onProgress'>,
  clock: () => number = Date.now,
  log?: (m: string, e?: unknown) => void,
): RotaJob {
  const jobs = jobsOf(ds);
  const running = jobs.get(input.weekStart);
  if (running?.state === 'running') return running;
  const job: RotaJob = {
    id: randomBytes(8).toString('hex'),
    weekStart: input.weekStart,
    state: 'running',
    startedAt: clock(),
    finishedAt: null,
    timeLimitSeconds: input.timeLimitSeconds,
    progress: null,
    rotaId: null,
    explanation: [],
    error: null,
  };
  jobs.set(input.weekStart, job);
  job.promise = generateRota(ds, { ...input, onProgress: (p) => (job.progress = p) })
    .then((result) => {
      if (result.kind === 'stored') {
        job.state = 'done';
        job.rotaId = result.rota.id;
      } else {
        job.state = 'infeasible';
        job.explanation = result.explanation;
      }
    })
    .catch((err: unknown) => {
      job.state = 'failed';
      job.error = err instanceof Error ? err.message : String(err);
      log?.('rota generation failed', err);
    })
    .finally(() => (job.finishedAt = clock()));
  return job;
}

/** Resolves when the job has finished (for tests and the demo). */
export async function waitForRotaJob(job: RotaJob): Promise<RotaJob> {
  await job.promise;
  return job;
}
