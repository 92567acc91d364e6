import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/**
 * A shift left uncovered (time off, a removal) that the coordinator offers to everyone who
 * could take it: eligible agents see it on the board (/open-shifts), the first to claim it
 * waits for approval, or gets it at once when the offer was made with `autoApprove`.
 * The shift keeps its identity (`uid`, the cancelled shift's) when someone takes it.
 */
@Entity({ name: 'open_shifts' })
@Index('idx_open_shifts_status', ['status', 'start'])
export class OpenShift {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  uid!: string;

  @Column({ type: 'varchar', length: 10 })
  weekStart!: string;

  @Column({ type: 'varchar', length: 24 })
  start!: string;

  @Column({ type: 'varchar', length: 24 })
  end!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: string;

  /** 'uncovered' (taken out of the rota, offered by the coordinator) | 'agent' (still theirs, offered by the agent; migration 1798300000000). */
  @Column({ type: 'varchar', length: 16, default: 'uncovered' })
  source!: string;

  /** Whose shift it was before it was taken out of the rota, or who offers it. */
  @Column({ type: 'integer' })
  fromStaffId!: number;

  /** 'open' | 'claimed' (waiting for the coordinator) | 'filled' | 'withdrawn'. */
  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: string;

  /** The first claim whose rules hold is approved at once. */
  @Column({ type: 'boolean', default: false })
  autoApprove!: boolean;

  @Column({ type: 'varchar', length: 80, nullable: true })
  offeredBy!: string | null;

  @Column({ type: 'varchar', length: 24 })
  offeredAt!: string;

  @Column({ type: 'integer', nullable: true })
  claimedByStaffId!: number | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  claimedAt!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  decidedAt!: string | null;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
