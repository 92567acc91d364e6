import { BeforeInsert, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { nowIso } from './timestamps';

/**
 * Agents needed in one interval of one channel: `rawAgents` on the phones/chats (Erlang),
 * `scheduledAgents` after shrinkage, and the service the plan is expected to give.
 */
@Entity({ name: 'staffing_requirements' })
@Unique('uq_staffing_requirements_channel_start', ['channelId', 'start'])
@Index('idx_staffing_requirements_week', ['weekStart'])
export class StaffingRequirement {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  weekStart!: string;

  @Column({ type: 'varchar', length: 32 })
  channelId!: string;

  @Column({ type: 'varchar', length: 24 })
  start!: string;

  @Column({ type: 'double precision' })
  volume!: number;

  @Column({ type: 'double precision' })
  ahtSeconds!: number;

  @Column({ type: 'integer' })
  rawAgents!: number;

  @Column({ type: 'integer' })
  scheduledAgents!: number;

  @Column({ type: 'double precision' })
  serviceLevel!: number;

  @Column({ type: 'double precision' })
  asaSeconds!: number;

  @Column({ type: 'double precision' })
  occupancy!: number;

  @Column({ type: 'double precision', nullable: true })
  abandonRate!: number | null;

  @Column({ type: 'integer', nullable: true })
  forecastId!: number | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @BeforeInsert()
  stampInsert(): void {
    this.createdAt ??= nowIso();
  }
}
