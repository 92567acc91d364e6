import {
  BeforeInsert,
  BeforeUpdate,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Rota } from './rota';
import { Staff } from './staff';
import { nowIso } from './timestamps';

/**
 * One person's shift in a rota: [start, end) as ISO UTC instants, breaks as JSON
 * `[{ start, end }]`, the channel worked ('voice' | 'chat' | 'both'). A locked shift is kept
 * as it is when the rota is re-optimised.
 */
@Entity({ name: 'shifts' })
@Index('idx_shifts_rota', ['rotaId'])
@Index('idx_shifts_staff_start', ['staffId', 'start'])
@Index('idx_shifts_uid', ['uid'])
export class Shift {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  rotaId!: number;

  @ManyToOne(() => Rota, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rotaId' })
  rota?: Relation<Rota>;

  @Column({ type: 'integer' })
  staffId!: number;

  @ManyToOne(() => Staff)
  @JoinColumn({ name: 'staffId' })
  staff?: Relation<Staff>;

  @Column({ type: 'varchar', length: 24 })
  start!: string;

  @Column({ type: 'varchar', length: 24 })
  end!: string;

  @Column({ type: 'text', default: '[]' })
  breaksJson!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: string;

  @Column({ type: 'text', nullable: true })
  activitiesJson!: string | null;

  /** Off-queue stretches as JSON [{start, end, kind, activityId?}] (ISO UTC), or null. */
  @Column({ type: 'text', nullable: true })
  offQueueJson!: string | null;

  @Column({ type: 'boolean', default: false })
  locked!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The shift's identity across the week's revisions (calendar UID); copied into a draft. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  uid!: string | null;

  /** Rises each time the shift changes (calendar SEQUENCE). */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @VersionColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 24 })
  updatedAt!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  updatedBy!: string | null;

  @BeforeInsert()
  stampInsert(): void {
    this.updatedAt ??= nowIso();
    this.uid ??= randomUUID();
  }

  @BeforeUpdate()
  stampUpdate(): void {
    this.updatedAt = nowIso();
  }
}
