import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A shift taken away from a person in a published rota (time off, a swap, a removal, a
 * republish without it): kept so their calendar feed can show it as cancelled for a while.
 */
@Entity({ name: 'shift_cancellations' })
@Index('idx_shift_cancellations_staff', ['staffId', 'start'])
export class ShiftCancellation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  uid!: string;

  @Column({ type: 'integer' })
  staffId!: number;

  @Column({ type: 'varchar', length: 10 })
  weekStart!: string;

  @Column({ type: 'varchar', length: 24 })
  start!: string;

  @Column({ type: 'varchar', length: 24 })
  end!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'varchar', length: 24 })
  cancelledAt!: string;
}
