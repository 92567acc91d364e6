import { BeforeInsert, BeforeUpdate, Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { nowIso } from './timestamps';

/**
 * A member of the team. Every role takes contacts (team leads, the coordinator and the head too).
 * `skills` is stored comma-separated ('voice,chat'); repositories hand out string[].
 */
@Entity({ name: 'staff' })
export class Staff {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Short stable code, e.g. 's01'. */
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** 'agent' | 'team_lead' | 'coordinator' | 'head'. */
  @Column({ type: 'varchar', length: 16 })
  role!: string;

  /** Channel ids, comma-separated: 'voice', 'chat' or 'voice,chat'. */
  @Column({ type: 'text' })
  skills!: string;

  @Column({ type: 'double precision' })
  contractHoursPerWeek!: number;

  /** Share of worked time on the queue, 0..1 (1 = all of it; a team lead 0.5). */
  @Column({ type: 'double precision', default: 1 })
  queueShare!: number;

  /** First working day, 'YYYY-MM-DD'. */
  @Column({ type: 'varchar', length: 10 })
  activeFrom!: string;

  /** Last working day, 'YYYY-MM-DD', or null while employed. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  activeTo!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  /** The team (teams.id); null only on rows written before teams existed, which the migration fills. */
  @Column({ type: 'integer', nullable: true })
  teamId!: number | null;

  @VersionColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 24 })
  updatedAt!: string;

  @BeforeInsert()
  stampInsert(): void {
    this.createdAt ??= nowIso();
    this.updatedAt ??= this.createdAt;
  }

  @BeforeUpdate()
  stampUpdate(): void {
    this.updatedAt = nowIso();
  }
}
