import { BeforeInsert, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn, type Relation } from 'typeorm';
import { Channel } from './channel';
import { nowIso } from './timestamps';

/**
 * A forecast of one channel for one planning week. `candidatesJson` holds the methods tried with
 * their back-test errors; `chosenBecause` says why `method` won (a JSON list of codes, see
 * forecasting/notes.ts; older rows hold an English sentence, shown as it is). Accepting a forecast
 * supersedes the previously accepted one of the same channel and week.
 */
@Entity({ name: 'forecasts' })
@Index('idx_forecasts_channel_week', ['channelId', 'weekStart'])
export class Forecast {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  channelId!: string;

  @ManyToOne(() => Channel)
  @JoinColumn({ name: 'channelId' })
  channel?: Relation<Channel>;

  /** Monday of the planned week, local 'YYYY-MM-DD'. */
  @Column({ type: 'varchar', length: 10 })
  weekStart!: string;

  @Column({ type: 'varchar', length: 24 })
  horizonStart!: string;

  @Column({ type: 'varchar', length: 24 })
  horizonEnd!: string;

  @Column({ type: 'varchar', length: 40 })
  method!: string;

  @Column({ type: 'text', default: '' })
  chosenBecause!: string;

  @Column({ type: 'text', default: '[]' })
  candidatesJson!: string;

  @Column({ type: 'text', default: '[]' })
  warningsJson!: string;

  /** 'draft' | 'accepted' | 'superseded'. */
  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: string;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  acceptedAt!: string | null;

  /** The version accepted (null: never accepted); an edit since leaves `version` above it. */
  @Column({ type: 'integer', nullable: true })
  acceptedVersion!: number | null;

  @VersionColumn({ type: 'integer' })
  version!: number;

  @BeforeInsert()
  stampInsert(): void {
    this.createdAt ??= nowIso();
  }
}
