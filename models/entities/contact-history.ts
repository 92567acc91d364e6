import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Channel } from './channel';
import { HistoryImport } from './history-import';

/**
 * Contacts offered in one interval of one channel (optionally one platform; '' = not split).
 * `start` is the interval's start instant, ISO UTC. Closed hours have no row.
 * `ahtSeconds` is the mean handle time of the answered contacts.
 */
@Entity({ name: 'contact_history' })
@Unique('uq_contact_history_channel_platform_start', ['channelId', 'platformCode', 'start'])
@Index('idx_contact_history_channel_start', ['channelId', 'start'])
export class ContactHistory {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 24 })
  start!: string;

  @Column({ type: 'varchar', length: 32 })
  channelId!: string;

  @ManyToOne(() => Channel)
  @JoinColumn({ name: 'channelId' })
  channel?: Relation<Channel>;

  @Column({ type: 'varchar', length: 40, default: '' })
  platformCode!: string;

  @Column({ type: 'integer' })
  intervalMinutes!: number;

  /** Decimal allowed: some exports write averaged or split contacts (38.5). */
  @Column({ type: 'double precision' })
  offered!: number;

  @Column({ type: 'integer', nullable: true })
  answered!: number | null;

  @Column({ type: 'integer', nullable: true })
  abandoned!: number | null;

  @Column({ type: 'double precision', nullable: true })
  ahtSeconds!: number | null;

  @Column({ type: 'integer', nullable: true })
  importId!: number | null;

  @ManyToOne(() => HistoryImport, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'importId' })
  import?: Relation<HistoryImport> | null;
}
