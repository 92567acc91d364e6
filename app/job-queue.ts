/**
 * Background jobs behind one interface, whatever carries them: on PostgreSQL a pg-boss queue that
 * every instance's workers take from (server/job-queue-pg-boss.ts), on SQLite an in-process queue
 * (local-job-backend.ts), so a single `npm start` needs nothing more. Either way the `jobs` row
 * holds state, progress and outcome, so any instance shows and cancels any job, and a sweep on
 * every instance notices an attempt whose heartbeat stopped (its process died) and hands the job
 * back to the queue for a retry, or marks it failed (rota.jobError.lost) when no attempt is left:
 * a job is never lost silently.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from '../models';
import {
  finishJob,
  getJob,
  insertJob,
  latestJob,
  requestJobCancel,
  requeueSilentJob,
  silentJobs,
  type JobRecord,
} from '../models/repositories/jobs';
import { JOB_ERROR, runJobAttempt, type JobHandler, type RunnerDeps } from './job-runner';

export type { JobRecord };

/** What carries job ids to workers. */
export interface JobBackend {
  /** Hands job `id` to a worker, now or when one is free; up to `maxAttempts` deliveries. */
  send(id: string, opts: { maxAttempts: number; expireInSeconds: number }): Promise<void>;
  /** Drops a job no worker has taken (cancelled while queued). */
  cancel(id: string): Promise<void>;
  /** The attempt running `job` went silent: 'retry' when the job will be delivered again. */
  lost(job: JobRecord): Promise<'retry' | 'failed'>;
  /** Starts `workers` workers; each calls `run(id)` per delivery (a throw asks for a retry). */
  start(workers: number, run: (id: string) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  ds: DataSource;
  backend: JobBackend;
  handlers: Record<string, JobHandler>;
  /** Solver workers of this instance (0: a web-only instance that queues, shows and cancels). */
  workers: number;
  /** Wall-clock limit of one attempt, seconds. */
  timeLimitSeconds: number;
  maxAttempts: number;
  /** An attempt silent this long is presumed dead (default 60). */
  lostAfterSeconds?: number;
  instance: string;
  now?: () => Date;
  log?: (message: string, err?: unknown) => void;
}

export interface NewJobRequest {
  kind: string;
  /** What the job is about (the week): one unfinished job per kind and subject. */
  subject: string;
  input: unknown;
  userId: number | null;
  createdBy: string | null;
}

const FINISHED = new Set(['done', 'infeasible', 'failed', 'cancelled']);

export class JobQueue {
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> = Promise.resolve();
  private readonly runner: RunnerDeps;
  private readonly lostAfterSeconds: number;
  private readonly attempts = new Set<Promise<void>>();

  constructor(private readonly o: JobQueueOptions) {
    this.lostAfterSeconds = o.lostAfterSeconds ?? 60;
    this.runner = {
      ds: o.ds,
      handlers: o.handlers,
      instance: o.instance,
      // Several beats within the silence that counts as death, so a busy moment is not one.
      heartbeatSeconds: Math.max(0.5, Math.min(5, this.lostAfterSeconds / 6)),
      lostAfterSeconds: this.lostAfterSeconds,
      now: o.now ?? (() => new Date()),
      log: o.log ?? (() => undefined),
      active: new Map(),
    };
  }

  get workers(): number {
    return this.o.workers;
  }

  async start(): Promise<void> {
    await this.o.backend.start(this.o.workers, (id) => {
      const attempt = runJobAttempt(this.runner, id);
      const settled = attempt.catch(() => undefined).finally(() => this.attempts.delete(settled));
      this.attempts.add(settled);
      return attempt;
    });
    const every = Math.max(1, this.lostAfterSeconds / 3) * 1000;
    this.sweeper = setInterval(() => {
      this.sweeping = this.sweep().catch((err) => this.runner.log('job sweep failed', err));
    }, every);
    this.sweeper.unref();
  }

  /** Stops taking jobs; attempts running here go back to the queue (or fail as lost if they were the last). */
  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.sweeping;
    for (const abort of this.runner.active.values()) abort('shutdown');
    // Settled (rows handed back) before the queue stops, so its retry finds the row free.
    await Promise.race([Promise.allSettled([...this.attempts]), new Promise((r) => setTimeout(r, 10_000).unref())]);
    await this.o.backend.stop();
  }

  /** Queues a job, or returns the unfinished one of the same kind and subject. */
  async enqueue(req: NewJobRequest): Promise<JobRecord> {
    const running = await latestJob(this.o.ds, req.kind, req.subject);
    if (running && !FINISHED.has(running.state)) return running;
    const job = await insertJob(
      this.o.ds,
      { id: randomUUID(), ...req, maxAttempts: this.o.maxAttempts, timeLimitSeconds: this.o.timeLimitSeconds },
      this.runner.now().toISOString(),
    );
    // The queue's own expiry is a backstop behind the heartbeat: it must never stop a live attempt.
    const expireInSeconds = job.timeLimitSeconds + this.lostAfterSeconds + 60;
    try {
      await this.o.backend.send(job.id, { maxAttempts: job.maxAttempts, expireInSeconds });
    } catch (err) {
      const errorDetail = err instanceof Error ? err.message : String(err);
      await finishJob(
        this.o.ds,
        job.id,
        null,
        { state: 'failed', errorCode: JOB_ERROR.failed, errorDetail },
        this.runner.now().toISOString(),
      );
      throw err;
    }
    return job;
  }

  async cancel(id: string): Promise<JobRecord | null> {
    const job = await requestJobCancel(this.o.ds, id, this.runner.now().toISOString());
    if (job?.state === 'cancelled') await this.o.backend.cancel(id).catch((err) => this.runner.log('cancel in queue', err));
    return job;
  }

  get(id: string): Promise<JobRecord | null> {
    return getJob(this.o.ds, id);
  }

  latest(kind: string, subject: string): Promise<JobRecord | null> {
    return latestJob(this.o.ds, kind, subject);
  }

  /** Resolves with the job once it is finished (tests, the demo rota); polls the row. */
  async waitFor(id: string, timeoutMs = 15 * 60_000): Promise<JobRecord> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const job = await getJob(this.o.ds, id);
      if (!job) throw new Error(`no job ${id}`);
      if (FINISHED.has(job.state)) return job;
      if (Date.now() > until) throw new Error(`job ${id} still ${job.state} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Attempts whose heartbeat stopped: back to the queue for a retry, or failed as lost when none
   * is left. Several instances may sweep at once; the row decides which one acts.
   */
  async sweep(): Promise<void> {
    const before = new Date(this.runner.now().getTime() - this.lostAfterSeconds * 1000).toISOString();
    for (const job of await silentJobs(this.o.ds, before)) {
      const detail = `attempt ${job.attempts} went silent (its worker stopped) at ${job.heartbeatAt}`;
      if (!(await requeueSilentJob(this.o.ds, job.id, job.heartbeatAt!, detail))) continue;
      this.runner.log(`job ${job.id}: ${detail}`);
      const next = job.attempts < job.maxAttempts ? await this.o.backend.lost(job) : 'failed';
      if (next === 'failed') {
        await this.o.backend.cancel(job.id).catch(() => undefined);
        const outcome = { state: 'failed' as const, errorCode: JOB_ERROR.lost, errorDetail: detail };
        await finishJob(this.o.ds, job.id, null, outcome, this.runner.now().toISOString());
      }
    }
  }
}
