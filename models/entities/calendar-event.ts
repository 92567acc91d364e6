import { BeforeInsert, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn, type Relation } from 'typeorm';
import { Channel } from './channel';
import { nowIso } from './timestamps';

/**
 * A known event that moves volume: a one-off government day off, a campaign, an outage.
 * Dates are local and inclusive; `effectPercent` is the expected change (−40 = 40 % fewer contacts).
 * `channelId` null = every channel. Regular public holidays come from forecasting/calendar.
 */
@Entity({ name: 'calendar_events' })
export class CalendarEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  startDate!: string;

  @Column({ type: 'varchar', length: 10 })
  endDate!: string;

  /** 'holiday' | 'government_day_off' | 'campaign' | 'outage' | 'other'. */
  @Column({ type: 'varchar', length: 24 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  channelId!: string | null;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'channelId' })
  channel?: Relation<Channel> | null;

  /** One platform's contacts only (a platform's launch); null = the whole channel. Needs a channel. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  platformCode!: string | null;

  @Column({ type: 'double precision', default: 0 })
  effectPercent!: number;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @VersionColumn({ type: 'integer' })
  version!: number;

  @BeforeInsert()
  stampInsert(): void {
    this.createdAt ??= nowIso();
  }
}
