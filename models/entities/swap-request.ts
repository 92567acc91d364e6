import { BeforeInsert, Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { nowIso } from './timestamps';

/**
 * A request to give away or swap a shift: to a named colleague (`targetStaffId`), optionally
 * for one of theirs (`targetShiftId`). Accepted by the colleague, then approved by a lead.
 */
@Entity({ name: 'swap_requests' })
@Index('idx_swap_requests_requester', ['requesterStaffId', 'createdAt'])
@Index('idx_swap_requests_target', ['targetStaffId', 'createdAt'])
@Index('idx_swap_requests_status', ['status', 'createdAt'])
export class SwapRequest {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  requesterStaffId!: number;

  @Column({ type: 'integer' })
  shiftId!: number;

  @Column({ type: 'integer', nullable: true })
  targetStaffId!: number | null;

  @Column({ type: 'integer', nullable: true })
  targetShiftId!: number | null;

  /** 'pending' | 'accepted' | 'declined' (by the colleague) | 'approved' | 'rejected' | 'cancelled'. */
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  decidedBy!: string | null;

  /** When the coordinator decided (migration 1764064800000). */
  @Column({ type: 'varchar', length: 24, nullable: true })
  decidedAt!: string | null;

  /** The decider's note to both colleagues (migration 1764064800000). */
  @Column({ type: 'text', default: '' })
  decisionNote!: string;

  @VersionColumn({ type: 'integer' })
  version!: number;

  @BeforeInsert()
  stampInsert(): void {
    this.createdAt ??= nowIso();
  }
}
