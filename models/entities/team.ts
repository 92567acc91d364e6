import { BeforeInsert, BeforeUpdate, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { nowIso } from './timestamps';

/**
 * A team of one install: its own zone, settings row (team_settings.teamId), staff and accounts.
 * The team with the lowest id is the default team: the one an install had before teams existed.
 */
@Entity({ name: 'teams' })
export class Team {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** IANA zone the team's pages are shown in; kept equal to its settings row's `timeZone`. */
  @Column({ type: 'varchar', length: 64 })
  timeZone!: string;

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
