import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Staff } from './staff';

/**
 * When someone cannot (or prefers to) work: recurring on a `weekday` (1 = Monday … 7 = Sunday)
 * or once on a `date`; local times 'HH:mm' ('24:00' allowed for toTime).
 */
@Entity({ name: 'availability' })
export class Availability {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  staffId!: number;

  @ManyToOne(() => Staff, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staffId' })
  staff?: Relation<Staff>;

  @Column({ type: 'integer', nullable: true })
  weekday!: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  date!: string | null;

  @Column({ type: 'varchar', length: 5 })
  fromTime!: string;

  @Column({ type: 'varchar', length: 5 })
  toTime!: string;

  /** 'unavailable' | 'preferred'. */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: 'text', default: '' })
  note!: string;
}
