import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A background job (a rota generation) and everything any app instance needs to show it: its
 * state, latest progress, outcome and failure code. The queue that hands jobs to workers
 * (pg-boss on PostgreSQL, in-process on SQLite) only carries the id; this row is the truth.
 */
@Entity({ name: 'jobs' })
@Index('idx_jobs_kind_subject', ['kind', 'subject', 'createdAt'])
@Index('idx_jobs_state_heartbeat', ['state', 'heartbeatAt'])
export class Job {
  /** A UUID, also the id of the queue's own job (pg-boss). */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** What it does, e.g. 'rota.generate'. */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  /** What it is about, e.g. the week 'YYYY-MM-DD': at most one unfinished job per kind and subject. */
  @Column({ type: 'varchar', length: 40 })
  subject!: string;

  /** queued | running | done | infeasible | failed | cancelled */
  @Column({ type: 'varchar', length: 12 })
  state!: string;

  @Column({ type: 'text' })
  input!: string;

  @Column({ type: 'text', nullable: true })
  progress!: string | null;

  @Column({ type: 'text', nullable: true })
  result!: string | null;

  /** A catalogue code when failed or cancelled (rota.jobError.timeout, …). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  errorCode!: string | null;

  @Column({ type: 'text', nullable: true })
  errorDetail!: string | null;

  /** Attempts started so far (a retry after a lost worker starts another). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'integer' })
  maxAttempts!: number;

  /** Wall-clock seconds an attempt may take before it is stopped (rota.jobError.timeout). */
  @Column({ type: 'integer' })
  timeLimitSeconds!: number;

  @Column({ type: 'boolean', default: false })
  cancelRequested!: boolean;

  /** The running attempt's owner (instance and a random part); only it may write progress or the outcome. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  lease!: string | null;

  @Column({ type: 'integer', nullable: true })
  userId!: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  startedAt!: string | null;

  /** The running attempt's last sign of life. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  heartbeatAt!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  finishedAt!: string | null;
}
