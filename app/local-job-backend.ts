/**
 * The in-process job queue for the embedded SQLite database (one app instance): job ids wait in
 * memory and up to `workers` attempts run at once in this process. What a restart would forget is
 * in the `jobs` table: at start, jobs still queued there are taken up again, and the sweep of
 * JobQueue retries (or fails) a job whose attempt died with the previous process.
 */
import type { DataSource } from '../models';
import { queuedJobs, type JobRecord } from '../models/repositories/jobs';
import type { JobBackend } from './job-queue';
import { RetryJobError } from './job-runner';

export class LocalJobBackend implements JobBackend {
  private readonly waiting: string[] = [];
  private running = 0;
  private workers = 0;
  private run: ((id: string) => Promise<void>) | null = null;
  private readonly active = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly ds: DataSource,
    private readonly log: (message: string, err?: unknown) => void = () => undefined,
  ) {}

  async start(workers: number, run: (id: string) => Promise<void>): Promise<void> {
    this.workers = workers;
    this.run = run;
    for (const job of await queuedJobs(this.ds)) this.push(job.id);
  }

  async send(id: string): Promise<void> {
    this.push(id);
  }

  async cancel(id: string): Promise<void> {
    const at = this.waiting.indexOf(id);
    if (at >= 0) this.waiting.splice(at, 1);
  }

  async lost(job: JobRecord): Promise<'retry' | 'failed'> {
    if (job.attempts >= job.maxAttempts) return 'failed';
    this.push(job.id);
    return 'retry';
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.length = 0;
    await Promise.allSettled([...this.active]);
  }

  private push(id: string): void {
    if (this.stopped || this.waiting.includes(id)) return;
    this.waiting.push(id);
    this.drain();
  }

  private drain(): void {
    while (this.run && !this.stopped && this.running < this.workers && this.waiting.length) {
      const id = this.waiting.shift()!;
      this.running++;
      const attempt = this.run(id)
        .catch((err) => {
          if (err instanceof RetryJobError) this.push(id);
          else this.log(`job ${id}: attempt failed`, err);
        })
        .finally(() => {
          this.running--;
          this.active.delete(attempt);
          this.drain();
        });
      this.active.add(attempt);
    }
  }
}
