import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One accepted history import (a CSV from the page, the CLI, the API, or the demo seed). */
@Entity({ name: 'history_imports' })
export class HistoryImport {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'integer', nullable: true })
  userId!: number | null;

  /** 'page' | 'cli' | 'api' | 'seed'. */
  @Column({ type: 'varchar', length: 8 })
  source!: string;

  /** Data rows read from the file. */
  @Column({ type: 'integer' })
  rowCount!: number;

  /** Intervals stored (after aggregation to the team's interval). */
  @Column({ type: 'integer' })
  intervalCount!: number;

  @Column({ type: 'varchar', length: 24, nullable: true })
  firstStart!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  lastStart!: string | null;

  /** Existing intervals overwritten by this import. */
  @Column({ type: 'integer', default: 0 })
  replacedCount!: number;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;
}
