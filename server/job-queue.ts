/**
 * Wiring of the background job queue: pg-boss when the database is PostgreSQL (several
 * instances share one queue), in-process on SQLite, with the handlers of every job kind.
 */
import os from 'node:os';
import type { DataSource } from '../models';
import type { Config } from './config';
import { JobQueue } from '../app/job-queue';
import type { JobHandler } from '../app/job-runner';
import { LocalJobBackend } from '../app/local-job-backend';
import { ROTA_GENERATE_JOB, rotaJobHandler } from '../app/rota-jobs';
import { ROTA_PERIOD_JOB, periodJobHandler } from '../app/rota-period-jobs';
import { PgBossJobBackend } from './job-queue-pg-boss';

export interface JobQueueWiring {
  log?: (message: string, err?: unknown) => void;
  /** 'local' runs jobs in this process even on PostgreSQL (tests of one in-process app). */
  backend?: 'auto' | 'local';
  /** Wraps the job handlers (tests hold a job at its start to act on it while it runs). */
  wrapHandlers?: (handlers: Record<string, JobHandler>) => Record<string, JobHandler>;
}

export function createJobQueue(ds: DataSource, config: Readonly<Config>, wiring: JobQueueWiring = {}): JobQueue {
  const log = wiring.log ?? ((m: string, err?: unknown) => console.error(m, err ?? ''));
  const pg = config.databaseUrl && wiring.backend !== 'local';
  const backend = pg
    ? new PgBossJobBackend({ connectionString: config.databaseUrl!, schema: config.jobs.queueSchema, log })
    : new LocalJobBackend(ds, log);
  return new JobQueue({
    ds,
    backend,
    handlers: (wiring.wrapHandlers ?? ((h) => h))({
      [ROTA_GENERATE_JOB]: rotaJobHandler(ds, { solverNiceness: config.jobs.solverNiceness }),
      [ROTA_PERIOD_JOB]: periodJobHandler(ds, { solverNiceness: config.jobs.solverNiceness }),
    }),
    // In-process on SQLite there is no other instance to solve: at least one worker.
    workers: pg ? config.jobs.workers : Math.max(1, config.jobs.workers),
    timeLimitSeconds: config.jobs.timeLimitSeconds,
    maxAttempts: config.jobs.attempts,
    lostAfterSeconds: config.jobs.lostAfterSeconds,
    instance: `${os.hostname()}:${process.pid}`,
    log,
  });
}
