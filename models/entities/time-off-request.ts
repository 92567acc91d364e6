import { BeforeInsert, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn, type Relation } from 'typeorm';
import { Staff } from './staff';
import { nowIso } from './timestamps';

/** A request for days off, local dates inclusive. Approved time off is a hard rota constraint. */
@Entity({ name: 'time_off_requests' })
@Index('idx_time_off_requests_status', ['status', 'startDate'])
export class TimeOffRequest {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  staffId!: number;

  @ManyToOne(() => Staff, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staffId' })
  staff?: Relation<Staff>;

  @Column({ type: 'varchar', length: 10 })
  startDate!: string;

  @Column({ type: 'varchar', length: 10 })
  endDate!: string;

  /** Part-day time off (one day only): local 'HH:mm' hours; null for the whole day(s) (migration 1798200000000). */
  @Column({ type: 'varchar', length: 5, nullable: true })
  startTime!: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  endTime!: string | null;

  /** 'vacation' | 'sick' | 'personal' | 'other'. */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  /** 'pending' | 'approved' | 'rejected' | 'cancelled'. */
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  decidedBy!: string | null;

  /** The decider's note to the requester (migration 1764064800000). */
  @Column({ type: 'text', default: '' })
  decisionNote!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  decidedAt!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @VersionColumn({ type: 'integer' })
  version!: number;

  @BeforeInsert()
  stampInsert(): void {
    this.createdAt ??= nowIso();
  }
}
