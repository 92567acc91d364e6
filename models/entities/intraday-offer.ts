import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/**
 * Overtime or voluntary time off for a stretch of today (issue #12), offered from /intraday to
 * every eligible agent (`eligibleJson`, staff ids when sent); the first to accept gets it
 * (`takenByStaffId`), the change going through the one change path. Expires at `end`.
 */
@Entity({ name: 'intraday_offers' })
@Index('idx_intraday_offers_status', ['status', 'end'])
export class IntradayOffer {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** 'overtime' (work the stretch: a shift extended, or someone off called in) | 'vto' (go home at `start`). */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: string;

  @Column({ type: 'varchar', length: 24 })
  start!: string;

  @Column({ type: 'varchar', length: 24 })
  end!: string;

  /** 'open' | 'taken' | 'withdrawn' | 'expired'. */
  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: string;

  @Column({ type: 'text' })
  eligibleJson!: string;

  @Column({ type: 'integer', nullable: true })
  offeredByUserId!: number | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  offeredBy!: string | null;

  @Column({ type: 'varchar', length: 24 })
  offeredAt!: string;

  @Column({ type: 'integer', nullable: true })
  takenByStaffId!: number | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  takenAt!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  closedBy!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  closedAt!: string | null;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
