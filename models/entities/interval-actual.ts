import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Channel } from './channel';

/**
 * What happened in one interval of today (or a recent day) of one channel, as the phone or chat
 * system reports it while the day runs (`interval_actuals`, issue #12). One row per channel,
 * platform ('' = not split) and interval start: a second report of the same interval replaces
 * the first (running totals, late corrections). Kept apart from `contact_history`, which is the
 * checked, imported past the forecasts learn from.
 */
@Entity({ name: 'interval_actuals' })
@Unique('uq_interval_actuals_channel_platform_start', ['channelId', 'platformCode', 'start'])
@Index('idx_interval_actuals_start', ['start'])
export class IntervalActual {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  channelId!: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channelId' })
  channel?: Relation<Channel>;

  @Column({ type: 'varchar', length: 40, default: '' })
  platformCode!: string;

  /** Interval start, ISO UTC. */
  @Column({ type: 'varchar', length: 24 })
  start!: string;

  @Column({ type: 'integer' })
  intervalMinutes!: number;

  @Column({ type: 'double precision' })
  offered!: number;

  @Column({ type: 'integer', nullable: true })
  answered!: number | null;

  @Column({ type: 'integer', nullable: true })
  abandoned!: number | null;

  /** Mean handle time of the answered contacts, seconds. */
  @Column({ type: 'double precision', nullable: true })
  ahtSeconds!: number | null;

  /** Share answered within the channel's threshold, 0…1, as the system measured it. */
  @Column({ type: 'double precision', nullable: true })
  serviceLevel!: number | null;

  /** 'api' | 'page' | 'cli' | 'demo': who sent the latest version. */
  @Column({ type: 'varchar', length: 16 })
  source!: string;

  /** When the latest version arrived, ISO UTC. */
  @Column({ type: 'varchar', length: 24 })
  receivedAt!: string;
}
