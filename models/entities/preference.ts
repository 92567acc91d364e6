import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Staff } from './staff';

/** A soft wish the rota optimiser tries to honour; `weight` 1 (nice to have) … 10 (important). */
@Entity({ name: 'preferences' })
export class Preference {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  staffId!: number;

  @ManyToOne(() => Staff, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staffId' })
  staff?: Relation<Staff>;

  /** 'early' | 'late' | 'day_off' | 'weekend_off'. */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: 'integer', nullable: true })
  weekday!: number | null;

  @Column({ type: 'integer', default: 1 })
  weight!: number;
}
