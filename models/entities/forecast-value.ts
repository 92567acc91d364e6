import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Forecast } from './forecast';

/** One interval of a forecast: point volume, 80 % and 95 % prediction intervals, and after adjustments. */
@Entity({ name: 'forecast_values' })
@Unique('uq_forecast_values_forecast_start', ['forecastId', 'start'])
export class ForecastValue {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  forecastId!: number;

  @ManyToOne(() => Forecast, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forecastId' })
  forecast?: Relation<Forecast>;

  @Column({ type: 'varchar', length: 24 })
  start!: string;

  @Column({ type: 'double precision' })
  volume!: number;

  @Column({ type: 'double precision' })
  lower80!: number;

  @Column({ type: 'double precision' })
  upper80!: number;

  @Column({ type: 'double precision' })
  lower95!: number;

  @Column({ type: 'double precision' })
  upper95!: number;

  @Column({ type: 'double precision', nullable: true })
  ahtSeconds!: number | null;

  /** Volume after the planner's adjustments; null = not adjusted. */
  @Column({ type: 'double precision', nullable: true })
  adjustedVolume!: number | null;

  /** The volume (adjusted) when the forecast was last accepted: what the plan uses until it is accepted again. */
  @Column({ type: 'double precision', nullable: true })
  acceptedVolume!: number | null;
}
