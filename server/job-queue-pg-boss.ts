/**
 * The PostgreSQL job queue: pg-boss (its own schema, ROTA_QUEUE_SCHEMA) carries job ids to the
 * workers of every app instance; an instance with 0 workers only sends. pg-boss's retries are
 * the job's further attempts (retryLimit = attempts − 1), so a job whose worker died is handed
 * to another worker; its expiry is a late backstop behind the heartbeat (see app/job-queue.ts).
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { JobBackend, JobRecord } from '../app/job-queue';

const QUEUE = 'rota-jobs';

export interface PgBossOptions {
  connectionString: string;
  schema: string;
  log: (message: string, err?: unknown) => void;
}

export class PgBossJobBackend implements JobBackend {
  private readonly boss: PgBoss;
  private started = false;

  constructor(private readonly o: PgBossOptions) {
    this.boss = new PgBoss({
      connectionString: o.connectionString,
      schema: o.schema,
      application_name: 'rota-jobs',
      max: 4,
      // Expired attempts are found within a few seconds of their expiry.
      maintenanceIntervalSeconds: 30,
      // No cron jobs: without it pg-boss creates no queue of its own at start (one fewer to race on).
      schedule: false,
    });
    this.boss.on('error', (err) => o.log('job queue (pg-boss) error', err));
  }

  async start(workers: number, run: (id: string) => Promise<void>): Promise<void> {
    await this.oneInstanceAtATime(async () => {
      await this.boss.start();
      this.started = true;
      if (!(await this.boss.getQueue(QUEUE))) await this.boss.createQueue(QUEUE);
    });
    for (let i = 0; i < workers; i++) {
      await this.boss.work<{ jobId: string }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
        await run(job.data.jobId);
      });
    }
  }

  /**
   * Runs `fn` while holding a session advisory lock of the queue schema, so instances starting at
   * once set the queue up one after the other. pg-boss's create_queue inserts the queue's row and
   * then alters the job table (a partition, foreign keys to that row's table): two instances
   * doing it together deadlock, PostgreSQL aborts one, and that instance's start failed
   * ("deadlock detected"; seen with two instances started together, issue 14). The second
   * instance then finds the queue made. The lock is the connection's: closing it releases it,
   * also when this process dies mid-start.
   */
  private async oneInstanceAtATime(fn: () => Promise<void>): Promise<void> {
    const client = new pg.Client({ connectionString: this.o.connectionString, application_name: 'rota-jobs-setup' });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`rota.job-queue-setup.${this.o.schema}`]);
      await fn();
    } finally {
      await client.end();
    }
  }

  async send(id: string, opts: { maxAttempts: number; expireInSeconds: number }): Promise<void> {
    await this.boss.send(
      QUEUE,
      { jobId: id },
      { id, retryLimit: opts.maxAttempts - 1, retryDelay: 1, expireInSeconds: opts.expireInSeconds },
    );
  }

  async cancel(id: string): Promise<void> {
    await this.boss.cancel(QUEUE, id);
  }

  async lost(job: JobRecord): Promise<'retry' | 'failed'> {
    const before = await this.boss.getJobById(QUEUE, job.id);
    // Failing an active job counts one attempt: pg-boss retries it, or fails it when none is left.
    if (before?.state === 'active') await this.boss.fail(QUEUE, job.id, { message: 'worker lost (no heartbeat)' });
    const after = await this.boss.getJobById(QUEUE, job.id);
    return after && ['created', 'retry', 'active'].includes(after.state) ? 'retry' : 'failed';
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    // Not graceful: a solve in progress is not waited for; its job is retried by another worker.
    await this.boss.stop({ graceful: false, wait: true, timeout: 2000 });
  }
}
