import { BeforeInsert, Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { nowIso } from './timestamps';

/**
 * The rota of one week: who works which shift. Revisions count up per week (1, 2, …); a new
 * revision is `basedOnRotaId` the one it was copied from. `objective`, `bound`, `gap` come from
 * the MIP solver; `shortfallAgentHours` is the uncovered requirement.
 */
@Entity({ name: 'rotas' })
@Index('idx_rotas_week', ['teamId', 'weekStart', 'revision'])
// At most one published revision per team and week (migrations 1796400000000, 1799000000000).
@Index('idx_rotas_one_published', ['teamId', 'weekStart'], { unique: true, where: "status = 'published'" })
export class Rota {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The team whose rota this is (a week has one published revision per team). */
  @Column({ type: 'integer', nullable: true })
  teamId!: number | null;

  @Column({ type: 'varchar', length: 10 })
  weekStart!: string;

  /** 'draft' | 'published' | 'archived'. */
  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: string;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'integer', nullable: true })
  basedOnRotaId!: number | null;

  @Column({ type: 'double precision', nullable: true })
  objective!: number | null;

  @Column({ type: 'double precision', nullable: true })
  bound!: number | null;

  @Column({ type: 'double precision', nullable: true })
  gap!: number | null;

  @Column({ type: 'double precision', nullable: true })
  shortfallAgentHours!: number | null;

  @Column({ type: 'text', nullable: true })
  solverLog!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  publishedAt!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  publishedBy!: string | null;

  @VersionColumn({ type: 'integer' })
  version!: number;

  @BeforeInsert()
  stampInsert(): void {
    this.createdAt ??= nowIso();
  }
}
