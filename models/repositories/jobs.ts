/**
 * Background jobs: the row every app instance reads to show a job, and the conditional writes
 * that keep one owner per attempt. Only the attempt holding the row's `lease` writes progress
 * or an outcome, so an attempt that was given up for lost (and retried elsewhere) cannot
 * overwrite its successor's work.
 */
import { In, LessThan } from 'typeorm';
import { Job } from '../entities/job';
import type { Db } from './db';

export type JobState = 'queued' | 'running' | 'done' | 'infeasible' | 'failed' | 'cancelled';
export const UNFINISHED_JOB_STATES: JobState[] = ['queued', 'running'];

export interface JobRecord {
  id: string;
  kind: string;
  subject: string;
  state: JobState;
  input: unknown;
  progress: unknown;
  result: unknown;
  errorCode: string | null;
  errorDetail: string | null;
  attempts: number;
  maxAttempts: number;
  timeLimitSeconds: number;
  cancelRequested: boolean;
  lease: string | null;
  userId: number | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  heartbeatAt: string | null;
  finishedAt: string | null;
}

export type NewJob = Pick<JobRecord, 'id' | 'kind' | 'subject' | 'input' | 'maxAttempts' | 'timeLimitSeconds' | 'userId' | 'createdBy'>;

const parse = (text: string | null): unknown => (text === null || text === undefined ? null : JSON.parse(text));

const toRecord = (r: Job): JobRecord => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  state: r.state as JobState,
  input: parse(r.input),
  progress: parse(r.progress),
  result: parse(r.result),
  errorCode: r.errorCode ?? null,
  errorDetail: r.errorDetail ?? null,
  attempts: r.attempts,
  maxAttempts: r.maxAttempts,
  timeLimitSeconds: r.timeLimitSeconds,
  cancelRequested: !!r.cancelRequested,
  lease: r.lease ?? null,
  userId: r.userId ?? null,
  createdBy: r.createdBy ?? null,
  createdAt: r.createdAt,
  startedAt: r.startedAt ?? null,
  heartbeatAt: r.heartbeatAt ?? null,
  finishedAt: r.finishedAt ?? null,
});

export async function insertJob(db: Db, job: NewJob, now: string): Promise<JobRecord> {
  const repo = db.getRepository(Job);
  const row = repo.create({
    ...job,
    input: JSON.stringify(job.input),
    state: 'queued',
    progress: null,
    result: null,
    errorCode: null,
    errorDetail: null,
    attempts: 0,
    cancelRequested: false,
    lease: null,
    createdAt: now,
    startedAt: null,
    heartbeatAt: null,
    finishedAt: null,
  });
  await repo.insert(row);
  return toRecord(row);
}

export async function getJob(db: Db, id: string): Promise<JobRecord | null> {
  const row = await db.getRepository(Job).findOne({ where: { id } });
  return row ? toRecord(row) : null;
}

/** The newest job of `kind` about `subject` (e.g. the week's latest generation). */
export async function latestJob(db: Db, kind: string, subject: string): Promise<JobRecord | null> {
  const row = await db.getRepository(Job).findOne({ where: { kind, subject }, order: { createdAt: 'DESC', id: 'DESC' } });
  return row ? toRecord(row) : null;
}

/**
 * Takes the job for an attempt: queued (or running but silent since `staleBefore`, a worker
 * that died before anyone noticed) becomes running under `lease`. Null when the job is not
 * there to take (finished, cancelled, or running elsewhere).
 */
export async function claimJob(db: Db, id: string, lease: string, now: string, staleBefore: string): Promise<JobRecord | null> {
  const res = await db
    .getRepository(Job)
    .createQueryBuilder()
    .update()
    .set({ state: 'running', lease, attempts: () => 'attempts + 1', startedAt: now, heartbeatAt: now, errorCode: null })
    .where('id = :id', { id })
    .andWhere(`(state = 'queued' OR (state = 'running' AND "heartbeatAt" < :staleBefore))`, { staleBefore })
    .execute();
  if (!res.affected) return null;
  const job = await getJob(db, id);
  return job && job.lease === lease ? job : null;
}

/**
 * The running attempt's sign of life with its latest progress. Returns whether the attempt still
 * owns the job and whether someone asked to cancel it.
 */
export async function heartbeatJob(
  db: Db,
  id: string,
  lease: string,
  progress: unknown,
  now: string,
): Promise<{ owned: boolean; cancelRequested: boolean }> {
  const set = progress === undefined ? { heartbeatAt: now } : { heartbeatAt: now, progress: JSON.stringify(progress) };
  const res = await db.getRepository(Job).update({ id, lease, state: 'running' }, set);
  if (!res.affected) return { owned: false, cancelRequested: false };
  const row = await db.getRepository(Job).findOne({ where: { id }, select: { id: true, cancelRequested: true } });
  return { owned: true, cancelRequested: !!row?.cancelRequested };
}

export interface JobOutcome {
  state: Exclude<JobState, 'queued' | 'running'>;
  result?: unknown;
  errorCode?: string | null;
  errorDetail?: string | null;
}

/** Records the outcome, if `lease` still owns the running job (null: whoever runs it, or nobody). */
export async function finishJob(db: Db, id: string, lease: string | null, outcome: JobOutcome, now: string): Promise<boolean> {
  const where = lease === null ? { id, state: In(UNFINISHED_JOB_STATES) } : { id, lease, state: 'running' };
  const res = await db.getRepository(Job).update(where, {
    state: outcome.state,
    result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
    errorCode: outcome.errorCode ?? null,
    errorDetail: outcome.errorDetail?.slice(0, 4000) ?? null,
    lease: null,
    finishedAt: now,
  });
  return (res.affected ?? 0) > 0;
}

/** Back to the queue for another attempt (the previous one failed or its worker was lost). */
export async function requeueJob(db: Db, id: string, lease: string | null, detail: string): Promise<boolean> {
  const where = lease === null ? { id, state: 'running' } : { id, lease, state: 'running' };
  const res = await db.getRepository(Job).update(where, { state: 'queued', lease: null, errorDetail: detail.slice(0, 4000) });
  return (res.affected ?? 0) > 0;
}

/**
 * Gives up a silent attempt (its heartbeat still at `heartbeatAt`, as the caller saw it) and puts
 * the job back in the queue's hands. Of several instances noticing the same silence, only one
 * wins (true), so the queue is told once.
 */
export async function requeueSilentJob(db: Db, id: string, heartbeatAt: string, detail: string): Promise<boolean> {
  const res = await db
    .getRepository(Job)
    .update({ id, state: 'running', heartbeatAt }, { state: 'queued', lease: null, errorDetail: detail.slice(0, 4000) });
  return (res.affected ?? 0) > 0;
}

/**
 * Asks for the job to stop. A queued job is cancelled at once; a running one is stopped by its
 * worker at its next heartbeat. Returns the job as it is now (null: unknown id).
 */
export async function requestJobCancel(db: Db, id: string, now: string): Promise<JobRecord | null> {
  const repo = db.getRepository(Job);
  await repo.update({ id, state: In(UNFINISHED_JOB_STATES) }, { cancelRequested: true });
  await repo.update({ id, state: 'queued' }, { state: 'cancelled', errorCode: 'rota.jobError.cancelled', finishedAt: now });
  return getJob(db, id);
}

/** Running jobs whose heartbeat stopped before `before`: their worker is presumed dead. */
export async function silentJobs(db: Db, before: string): Promise<JobRecord[]> {
  const rows = await db
    .getRepository(Job)
    .find({ where: { state: 'running', heartbeatAt: LessThan(before) }, order: { createdAt: 'ASC' } });
  return rows.map(toRecord);
}

export async function queuedJobs(db: Db, kind?: string): Promise<JobRecord[]> {
  const rows = await db.getRepository(Job).find({ where: { state: 'queued', ...(kind ? { kind } : {}) }, order: { createdAt: 'ASC' } });
  return rows.map(toRecord);
}
