import { BeforeInsert, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Forecast } from './forecast';
import { nowIso } from './timestamps';

/** A planner's change to a forecast over [fromStart, toStart): 'scale' by a factor or 'set' a volume. */
@Entity({ name: 'forecast_adjustments' })
export class ForecastAdjustment {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  forecastId!: number;

  @ManyToOne(() => Forecast, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forecastId' })
  forecast?: Relation<Forecast>;

  @Column({ type: 'varchar', length: 24 })
  fromStart!: string;

  @Column({ type: 'varchar', length: 24 })
  toStart!: string;

  /** 'scale' (value is a factor, 1.1 = +10 %) | 'set' (value is contacts per interval). */
  @Column({ type: 'varchar', length: 8 })
  kind!: string;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  /** What the coordinator chose: 'factor' (× 1.15), 'percent' (+15 %), 'set'; '' before units were asked. */
  @Column({ type: 'varchar', length: 8, default: '' })
  unit!: string;

  /** The number as typed in that unit (15 for +15 %); `value` is what is applied. */
  @Column({ type: 'double precision', nullable: true })
  entered!: number | null;

  /** The forecast's version after this edit. */
  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  /** Undone edits stay listed (and can be restored) but no longer apply. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  undoneAt!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  undoneBy!: string | null;

  /** One platform of the channel (its code); null = the whole channel. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  platformCode!: string | null;

  @BeforeInsert()
  stampInsert(): void {
    this.createdAt ??= nowIso();
  }
}
