/**
 * Generating a planning period as a background job (app/job-queue.ts), like a week's
 * generation: one unfinished generation per period (first Monday and number of weeks), shown
 * and cancelled from any instance through its `jobs` row.
 */
import type { DataSource } from '../models';
import { latestJob, type JobRecord, type JobState } from '../models/repositories/jobs';
import type { Explanation, SolveProgress } from '../scheduling';
import type { JobQueue } from './job-queue';
import type { HandlerOutcome, JobHandler } from './job-runner';
import { generatePeriod, type GeneratePeriodInput } from './rota-period';

export const ROTA_PERIOD_JOB = 'rota.period';

export type PeriodJobInput = Omit<GeneratePeriodInput, 'onProgress' | 'signal' | 'now'> & { now: string };

export interface PeriodJobProgress {
  week: number;
  weeks: number;
  solver: SolveProgress;
}

export interface PeriodJob {
  id: string;
  state: JobState;
  progress: PeriodJobProgress | null;
  rotaIds: number[];
  /** The week no rota could keep the rules in, and why. */
  infeasibleWeek: string | null;
  explanation: Explanation[];
  errorCode: string | null;
}

type PeriodJobResult = { rotaIds?: number[]; weekStart?: string; explanation?: Explanation[] };

/** One unfinished generation per team, period start and length. */
export const periodSubject = (teamId: number, start: string, weeks: number) => `${start}/${weeks}@team-${teamId}`;

function toPeriodJob(job: JobRecord): PeriodJob {
  const result = (job.result ?? {}) as PeriodJobResult;
  return {
    id: job.id,
    state: job.state,
    progress: (job.progress as PeriodJobProgress | null) ?? null,
    rotaIds: result.rotaIds ?? [],
    infeasibleWeek: result.weekStart ?? null,
    explanation: result.explanation ?? [],
    errorCode: job.errorCode,
  };
}

export async function periodJob(ds: DataSource, teamId: number, start: string, weeks: number): Promise<PeriodJob | null> {
  const job = await latestJob(ds, ROTA_PERIOD_JOB, periodSubject(teamId, start, weeks));
  return job && toPeriodJob(job);
}

/** Queues the period's generation (`input.start` a Monday), unless one is already unfinished. */
export async function startPeriodJob(
  queue: JobQueue,
  input: Omit<GeneratePeriodInput, 'onProgress' | 'signal'> & { teamId: number },
): Promise<PeriodJob> {
  const stored: PeriodJobInput = { ...input, now: input.now.toISOString() };
  const job = await queue.enqueue({
    kind: ROTA_PERIOD_JOB,
    subject: periodSubject(input.teamId, input.start, input.weeks),
    input: stored,
    userId: input.userId,
    createdBy: input.by,
  });
  return toPeriodJob(job);
}

/**
 * Asks the period's unfinished generation to stop, whichever instance runs it (its worker stops
 * at its next heartbeat). Weeks already generated stay as drafts. Null when nothing is running.
 */
export async function cancelPeriodJob(queue: JobQueue, teamId: number, start: string, weeks: number): Promise<PeriodJob | null> {
  const job = await queue.latest(ROTA_PERIOD_JOB, periodSubject(teamId, start, weeks));
  if (!job || (job.state !== 'queued' && job.state !== 'running')) return null;
  const now = await queue.cancel(job.id);
  return now && toPeriodJob(now);
}

/** Resolves when the job has finished (tests). */
export async function waitForPeriodJob(queue: JobQueue, job: Pick<PeriodJob, 'id'>): Promise<PeriodJob> {
  return toPeriodJob(await queue.waitFor(job.id));
}

export function periodJobHandler(ds: DataSource, o: { solverNiceness?: number } = {}): JobHandler {
  return async (raw, ctx): Promise<HandlerOutcome> => {
    const input = raw as PeriodJobInput;
    const result = await generatePeriod(ds, {
      ...input,
      now: new Date(input.now),
      onProgress: ctx.progress,
      signal: ctx.signal,
      solverNiceness: o.solverNiceness,
    });
    if (result.kind === 'generated') return { state: 'done', result: { rotaIds: result.rotaIds } satisfies PeriodJobResult };
    return { state: 'infeasible', result: { weekStart: result.weekStart, explanation: result.explanation } satisfies PeriodJobResult };
  };
}
