import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Forecast } from './forecast';

/**
 * One platform's part of one interval of a stored forecast: made at the forecast's first platform
 * adjustment; the parts of an interval add up to the channel's value (model and adjusted).
 */
@Entity({ name: 'forecast_platform_values' })
@Unique('uq_forecast_platform_values', ['forecastId', 'platformCode', 'start'])
export class ForecastPlatformValue {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  forecastId!: number;

  @ManyToOne(() => Forecast, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forecastId' })
  forecast?: Relation<Forecast>;

  /** The platform's code; '' = contacts not split by platform. */
  @Column({ type: 'varchar', length: 32 })
  platformCode!: string;

  @Column({ type: 'varchar', length: 24 })
  start!: string;

  /** The platform's part of the channel's model volume. */
  @Column({ type: 'double precision' })
  volume!: number;

  /** That part after the adjustments; null = not adjusted. */
  @Column({ type: 'double precision', nullable: true })
  adjustedVolume!: number | null;
}
