import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** A shift shape the rota may use: paid length including the unpaid break, earliest/latest local times. */
@Entity({ name: 'shift_templates' })
export class ShiftTemplate {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** Length from start to end, minutes, including the break. */
  @Column({ type: 'integer' })
  lengthMinutes!: number;

  @Column({ type: 'integer' })
  breakMinutes!: number;

  @Column({ type: 'boolean', default: false })
  partTime!: boolean;

  /** Earliest local start, 'HH:mm'. */
  @Column({ type: 'varchar', length: 5 })
  earliestStart!: string;

  /** Latest local end, 'HH:mm' ('24:00' allowed). */
  @Column({ type: 'varchar', length: 5 })
  latestEnd!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
