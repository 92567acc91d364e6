/**
 * Rota generation as a background job (app/job-queue.ts): one unfinished generation per week,
 * started from any instance, run by whichever worker takes it, shown and cancelled from any
 * instance through its `jobs` row. The rota is written in one transaction at the end, so a
 * cancelled, timed-out or lost attempt leaves nothing half-stored.
 */
import type { DataSource } from '../models';
import { latestJob, type JobRecord, type JobState } from '../models/repositories/jobs';
import type { Explanation, SolveProgress } from '../scheduling';
import type { JobQueue } from './job-queue';
import type { HandlerOutcome, JobHandler } from './job-runner';
import { generateRota, type GenerateRotaInput } from './rota-generate';

export const ROTA_GENERATE_JOB = 'rota.generate';

/** A generation's subject: one unfinished generation per team and week. */
export const rotaJobSubject = (teamId: number, weekStart: string) => `${weekStart}@team-${teamId}`;

export type { JobState };

/** A generation as the pages show it. */
export interface RotaJob {
  id: string;
  weekStart: string;
  state: JobState;
  /** Epoch ms: when the running attempt started (queued: when it was asked for). */
  startedAt: number;
  finishedAt: number | null;
  /** The solver's budget, seconds. */
  timeLimitSeconds: number;
  progress: SolveProgress | null;
  rotaId: number | null;
  explanation: Explanation[];
  /** A catalogue code (rota.jobError.timeout/failed/cancelled/lost) when it failed or was cancelled. */
  errorCode: string | null;
  /** The technical cause, for the log and an administrator (not translated). */
  error: string | null;
  attempts: number;
  maxAttempts: number;
  cancelRequested: boolean;
}

/** What is stored on the job: the generation's input, with `now` as an instant. */
export type RotaJobInput = Omit<GenerateRotaInput, 'onProgress' | 'signal' | 'now' | 'adjustProblem'> & { now: string };

type RotaJobResult = { rotaId?: number; explanation?: Explanation[] };

export function toRotaJob(job: JobRecord): RotaJob {
  const input = job.input as RotaJobInput;
  const result = (job.result ?? {}) as RotaJobResult;
  return {
    id: job.id,
    weekStart: input.weekStart ?? job.subject.slice(0, 10),
    state: job.state,
    startedAt: Date.parse(job.startedAt ?? job.createdAt),
    finishedAt: job.finishedAt ? Date.parse(job.finishedAt) : null,
    timeLimitSeconds: input.timeLimitSeconds,
    progress: (job.progress as SolveProgress | null) ?? null,
    rotaId: result.rotaId ?? null,
    explanation: result.explanation ?? [],
    errorCode: job.errorCode,
    error: job.errorDetail,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    cancelRequested: job.cancelRequested,
  };
}

/** The team's week's latest generation, whichever instance started or runs it. */
export async function rotaJob(ds: DataSource, teamId: number, weekStart: string): Promise<RotaJob | null> {
  const job = await latestJob(ds, ROTA_GENERATE_JOB, rotaJobSubject(teamId, weekStart));
  return job && toRotaJob(job);
}

/** Queues the generation of the team's `input.weekStart`, unless one of that week is already unfinished (then that one). */
export async function startRotaJob(
  queue: JobQueue,
  input: Omit<GenerateRotaInput, 'onProgress' | 'signal' | 'adjustProblem'> & { teamId: number },
): Promise<RotaJob> {
  const stored: RotaJobInput = { ...input, now: input.now.toISOString() };
  const job = await queue.enqueue({
    kind: ROTA_GENERATE_JOB,
    subject: rotaJobSubject(input.teamId, input.weekStart),
    input: stored,
    userId: input.userId,
    createdBy: input.by,
  });
  return toRotaJob(job);
}

/** Asks the team's week's unfinished generation to stop. Null when there is none. */
export async function cancelRotaJob(queue: JobQueue, teamId: number, weekStart: string): Promise<RotaJob | null> {
  const job = await queue.latest(ROTA_GENERATE_JOB, rotaJobSubject(teamId, weekStart));
  if (!job || (job.state !== 'queued' && job.state !== 'running')) return null;
  const now = await queue.cancel(job.id);
  return now && toRotaJob(now);
}

/** Resolves when the job has finished (tests and the demo rota). */
export async function waitForRotaJob(queue: JobQueue, job: Pick<RotaJob, 'id'>): Promise<RotaJob> {
  return toRotaJob(await queue.waitFor(job.id));
}

/** The worker's side: runs one generation and says what became of it. `solverNiceness`: see GenerateRotaInput. */
export function rotaJobHandler(ds: DataSource, o: { solverNiceness?: number } = {}): JobHandler {
  return async (raw, ctx): Promise<HandlerOutcome> => {
    const input = raw as RotaJobInput;
    const result = await generateRota(ds, {
      ...input,
      now: new Date(input.now),
      onProgress: ctx.progress,
      signal: ctx.signal,
      solverNiceness: o.solverNiceness,
    });
    if (result.kind === 'stored') return { state: 'done', result: { rotaId: result.rota.id } satisfies RotaJobResult };
    return { state: 'infeasible', result: { explanation: result.explanation } satisfies RotaJobResult };
  };
}
