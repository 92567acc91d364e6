import { BeforeInsert, BeforeUpdate, Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { nowIso } from './timestamps';

/** The team's settings: a single row (id 1). Labour rules live in `rulesJson` (see repositories/settings). */
@Entity({ name: 'team_settings' })
export class TeamSettings {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** The team (teams.id); null only on rows written before teams existed, which the migration fills. */
  @Column({ type: 'integer', nullable: true })
  teamId!: number | null;

  /** IANA zone every local time of the team is read in, e.g. 'Asia/Tbilisi'. */
  @Column({ type: 'varchar', length: 64, default: 'Asia/Tbilisi' })
  timeZone!: string;

  /** Planning interval in minutes: 60 by default; 15 and 30 are supported. */
  @Column({ type: 'integer', default: 60 })
  intervalMinutes!: number;

  /** Default interface language: 'en' or 'ka'. */
  @Column({ type: 'varchar', length: 8, default: 'en' })
  locale!: string;

  /** Labour rules as JSON (LabourRules in repositories/settings). */
  @Column({ type: 'text' })
  rulesJson!: string;

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
