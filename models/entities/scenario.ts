import { BeforeInsert, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { nowIso } from './timestamps';

/** A saved what-if: its inputs and results as JSON, for a week and optionally one channel. */
@Entity({ name: 'scenarios' })
export class Scenario {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The team whose week it is (its people, channels and rota). */
  @Column({ type: 'integer', nullable: true })
  teamId!: number | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'varchar', length: 10 })
  weekStart!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  channelId!: string | null;

  @Column({ type: 'text' })
  inputJson!: string;

  @Column({ type: 'text' })
  resultJson!: string;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @BeforeInsert()
  stampInsert(): void {
    this.createdAt ??= nowIso();
  }
}
