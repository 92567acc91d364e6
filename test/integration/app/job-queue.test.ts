import { expect } from 'chai';
import type { DataSource } from '../../../models';
import { JobQueue, type JobRecord } from '../../../app/job-queue';
import { LocalJobBackend } from '../../../app/local-job-backend';
import type { JobContext, JobHandler } from '../../../app/job-runner';
import { claimJob, getJob, insertJob } from '../../../models/repositories/jobs';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';

/** Resolves when `signal` aborts (a handler that runs until stopped: cancel, time limit). */
const untilAborted = (ctx: JobContext) =>
  new Promise<never>((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error(String(ctx.signal.reason)))));

/** Polls until `test` holds for the job (generous deadline: the verdict never depends on speed). */
async function until(ds: DataSource, id: string, test: (j: JobRecord) => boolean, what: string): Promise<JobRecord> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = (await getJob(ds, id))!;
    if (test(job)) return job;
    if (Date.now() > deadline) throw new Error(`job never ${what}: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(`app/job-queue: jobs in the database, run in-process (${testDbKind()})`, function () {
  this.timeout(120_000);
  let ds: DataSource;
  let queue: JobQueue | null = null;
  const handlers: Record<string, JobHandler> = {};

  async function startQueue(o: { timeLimitSeconds?: number; maxAttempts?: number; lostAfterSeconds?: number } = {}) {
    queue = new JobQueue({
      ds,
      backend: new LocalJobBackend(ds),
      handlers,
      workers: 1,
      timeLimitSeconds: o.timeLimitSeconds ?? 60,
      maxAttempts: o.maxAttempts ?? 2,
      lostAfterSeconds: o.lostAfterSeconds ?? 3,
      instance: 'test',
    });
    await queue.start();
    return queue;
  }
  const req = (kind: string, subject = '2026-12-07') => ({ kind, subject, input: { n: 1 }, userId: null, createdBy: 'tester' });

  beforeEach(async () => {
    ds = await createTestDataSource();
  });
  afterEach(async () => {
    await queue?.stop();
    queue = null;
    await destroyTestDataSource(ds);
  });

  it('enqueue, a handler that finishes: done with its result; a second enqueue while unfinished returns the same job', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    handlers.ok = async (input) => {
      await gate;
      return { state: 'done', result: { echo: input } };
    };
    const q = await startQueue();
    const first = await q.enqueue(req('ok'));
    const again = await q.enqueue(req('ok'));
    expect(again.id).to.equal(first.id);
    release();
    const done = await q.waitFor(first.id);
    expect(done).to.include({ state: 'done', attempts: 1, errorCode: null });
    expect(done.result).to.deep.equal({ echo: { n: 1 } });
    expect((await q.enqueue(req('ok'))).id, 'a finished job does not block a new one').to.not.equal(first.id);
  });

  it('progress is written with the heartbeat; cancel stops the running handler: cancelled, code rota.jobError.cancelled', async () => {
    handlers.long = async (_input, ctx) => {
      ctx.progress({ phase: 'solve', objective: 42 });
      return untilAborted(ctx);
    };
    const q = await startQueue();
    const job = await q.enqueue(req('long'));
    await until(ds, job.id, (j) => (j.progress as { objective?: number } | null)?.objective === 42, 'showed progress');
    await q.cancel(job.id);
    const done = await q.waitFor(job.id);
    expect(done).to.include({ state: 'cancelled', errorCode: 'rota.jobError.cancelled', cancelRequested: true });
  });

  it('cancel while queued (the only worker busy): cancelled at once, its handler never runs', async () => {
    let ran = 0;
    handlers.block = async (_i, ctx) => untilAborted(ctx);
    handlers.count = async () => {
      ran++;
      return { state: 'done', result: null };
    };
    const q = await startQueue();
    const blocker = await q.enqueue(req('block', 'a'));
    await until(ds, blocker.id, (j) => j.state === 'running', 'ran');
    const waiting = await q.enqueue(req('count', 'b'));
    const cancelled = await q.cancel(waiting.id);
    expect(cancelled).to.include({ state: 'cancelled', errorCode: 'rota.jobError.cancelled' });
    await q.cancel(blocker.id);
    await q.waitFor(blocker.id);
    expect(ran).to.equal(0);
  });

  it('time limit: a handler still running after timeLimitSeconds is stopped: failed, code rota.jobError.timeout', async () => {
    handlers.forever = async (_i, ctx) => untilAborted(ctx);
    const q = await startQueue({ timeLimitSeconds: 1 });
    const job = await q.enqueue(req('forever'));
    const done = await q.waitFor(job.id);
    expect(done).to.include({ state: 'failed', errorCode: 'rota.jobError.timeout', attempts: 1 });
  });

  it('a handler that throws is retried while attempts are left, then failed with rota.jobError.failed and its cause', async () => {
    let calls = 0;
    handlers.flaky = async () => {
      if (++calls === 1) throw new Error('database went away');
      return { state: 'done', result: null };
    };
    handlers.broken = async () => {
      throw new Error('always broken');
    };
    const q = await startQueue({ maxAttempts: 2 });
    const flaky = await q.waitFor((await q.enqueue(req('flaky', 'a'))).id);
    expect(flaky).to.include({ state: 'done', attempts: 2 });
    const broken = await q.waitFor((await q.enqueue(req('broken', 'b'))).id);
    expect(broken).to.include({ state: 'failed', errorCode: 'rota.jobError.failed', attempts: 2, errorDetail: 'always broken' });
  });

  it('a running attempt whose heartbeat stopped (its process died) is retried here; with no attempt left it fails as lost', async () => {
    handlers.ok = async () => ({ state: 'done', result: 'second attempt' });
    // A job taken by an instance that then died: running, heartbeat from long ago.
    const past = '2020-01-01T00:00:00.000Z';
    const make = async (id: string, maxAttempts: number) => {
      await insertJob(
        ds,
        { id, kind: 'ok', subject: id, input: {}, maxAttempts, timeLimitSeconds: 60, userId: null, createdBy: null },
        past,
      );
      expect(await claimJob(ds, id, 'dead-instance:1', past, past)).to.not.equal(null);
    };
    await make('00000000-0000-4000-8000-000000000001', 2);
    await make('00000000-0000-4000-8000-000000000002', 1);
    const q = await startQueue();
    await q.sweep();
    const retried = await q.waitFor('00000000-0000-4000-8000-000000000001');
    expect(retried).to.include({ state: 'done', attempts: 2, result: 'second attempt' });
    const lost = await q.waitFor('00000000-0000-4000-8000-000000000002');
    expect(lost).to.include({ state: 'failed', errorCode: 'rota.jobError.lost', attempts: 1 });
  });
});
