/**
 * One attempt at one background job, whichever queue delivered it: take the job's row (its
 * lease), run the handler with a signal, write a heartbeat with the latest progress every few
 * seconds, stop on a cancel request or at the job's time limit, record the outcome. Failure
 * codes are catalogue keys (rota.jobError.*), so every instance shows them in words.
 */
import { randomBytes } from 'node:crypto';
import type { DataSource } from '../models';
import { claimJob, finishJob, getJob, heartbeatJob, requeueJob, type JobOutcome, type JobRecord } from '../models/repositories/jobs';

export const JOB_ERROR = {
  timeout: 'rota.jobError.timeout',
  failed: 'rota.jobError.failed',
  cancelled: 'rota.jobError.cancelled',
  lost: 'rota.jobError.lost',
} as const;

export interface JobContext {
  /** Aborted on cancel, on the time limit, or when the attempt lost its lease. */
  signal: AbortSignal;
  /** The latest progress; written with the next heartbeat (not on every call). */
  progress(p: unknown): void;
}

/** What a handler returns when it ran to the end (failures are thrown). */
export type HandlerOutcome = { state: 'done' | 'infeasible'; result: unknown };
export type JobHandler = (input: unknown, ctx: JobContext) => Promise<HandlerOutcome>;

export interface RunnerDeps {
  ds: DataSource;
  handlers: Record<string, JobHandler>;
  /** Names this process in leases (host:pid), for the operator reading the jobs table. */
  instance: string;
  heartbeatSeconds: number;
  /** An attempt silent this long is taken to be dead (its row may be claimed again). */
  lostAfterSeconds: number;
  now: () => Date;
  log: (message: string, err?: unknown) => void;
  /** Attempts running in this process, so that stopping the process can hand them back. */
  active: Map<string, (reason: 'shutdown') => void>;
}

type AbortReason = 'cancelled' | 'timeout' | 'lost' | 'shutdown';

/** Thrown to the queue when the attempt failed and another may follow (the queue retries). */
export class RetryJobError extends Error {}

/**
 * Runs one attempt of job `id`. Resolves when the job is settled for this attempt (or was not
 * there to take); throws RetryJobError when it failed with attempts left, after putting the
 * row back to 'queued'.
 */
export async function runJobAttempt(deps: RunnerDeps, id: string): Promise<void> {
  const lease = `${deps.instance}:${randomBytes(6).toString('hex')}`;
  const iso = () => deps.now().toISOString();
  const staleBefore = new Date(deps.now().getTime() - deps.lostAfterSeconds * 1000).toISOString();
  const job = await claimJob(deps.ds, id, lease, iso(), staleBefore);
  if (!job) return;
  const finish = (o: JobOutcome) => finishJob(deps.ds, id, lease, o, iso());
  if (job.cancelRequested) return void (await finish({ state: 'cancelled', errorCode: JOB_ERROR.cancelled }));
  const handler = deps.handlers[job.kind];
  if (!handler) return void (await finish({ state: 'failed', errorCode: JOB_ERROR.failed, errorDetail: `no handler for ${job.kind}` }));

  const controller = new AbortController();
  const abort = (reason: AbortReason) => controller.abort(reason);
  const beats = startHeartbeat(deps, job, lease, abort);
  const limit = setTimeout(() => abort('timeout'), job.timeLimitSeconds * 1000);
  deps.active.set(lease, abort);
  try {
    const outcome = await handler(job.input, { signal: controller.signal, progress: beats.set });
    // Finished work is kept even when a cancel came too late to stop it: the rota is stored.
    if (controller.signal.reason !== 'lost') await finish(outcome);
  } catch (err) {
    await settleFailure(deps, job, lease, controller.signal, err);
  } finally {
    deps.active.delete(lease);
    clearTimeout(limit);
    await beats.stop();
  }
}

async function settleFailure(deps: RunnerDeps, job: JobRecord, lease: string, signal: AbortSignal, err: unknown): Promise<void> {
  const now = deps.now().toISOString();
  const detail = err instanceof Error ? err.message : String(err);
  const reason = signal.aborted ? (signal.reason as AbortReason) : null;
  if (reason === 'lost') return; // another attempt owns the job now
  if (reason === 'shutdown' && job.attempts < job.maxAttempts) {
    // This instance is stopping: the job goes back to the queue (a throw, so pg-boss retries it).
    if (await requeueJob(deps.ds, job.id, lease, 'the instance running it stopped')) throw new RetryJobError('shutdown');
    return;
  }
  if (reason === 'shutdown') {
    const errorDetail = 'the instance running its last attempt stopped';
    await finishJob(deps.ds, job.id, lease, { state: 'failed', errorCode: JOB_ERROR.lost, errorDetail }, now);
    return;
  }
  if (reason === 'cancelled') {
    await finishJob(deps.ds, job.id, lease, { state: 'cancelled', errorCode: JOB_ERROR.cancelled }, now);
    return;
  }
  if (reason === 'timeout') {
    const errorDetail = `stopped after the job's time limit of ${job.timeLimitSeconds} s`;
    await finishJob(deps.ds, job.id, lease, { state: 'failed', errorCode: JOB_ERROR.timeout, errorDetail }, now);
    return;
  }
  deps.log(`job ${job.id} (${job.kind}) failed in attempt ${job.attempts} of ${job.maxAttempts}`, err);
  const current = await getJob(deps.ds, job.id);
  if (job.attempts < job.maxAttempts && !current?.cancelRequested) {
    if (await requeueJob(deps.ds, job.id, lease, detail)) throw new RetryJobError(detail);
    return;
  }
  await finishJob(deps.ds, job.id, lease, { state: 'failed', errorCode: JOB_ERROR.failed, errorDetail: detail }, now);
}

/**
 * A heartbeat every `heartbeatSeconds` (chained timeouts, never two writes at once) carrying the
 * latest progress; it aborts the attempt when a cancel was asked or the lease was lost.
 */
function startHeartbeat(deps: RunnerDeps, job: JobRecord, lease: string, abort: (r: AbortReason) => void) {
  let latest: unknown = undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  const beat = async () => {
    const progress = latest;
    latest = undefined;
    try {
      const r = await heartbeatJob(deps.ds, job.id, lease, progress, deps.now().toISOString());
      if (!r.owned) abort('lost');
      else if (r.cancelRequested) abort('cancelled');
    } catch (err) {
      if (progress !== undefined && latest === undefined) latest = progress;
      deps.log(`job ${job.id}: heartbeat failed`, err);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = beat().finally(schedule);
    }, deps.heartbeatSeconds * 1000);
  };
  schedule();
  return {
    set: (p: unknown) => void (latest = p),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
