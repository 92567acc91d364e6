import { BeforeInsert, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Staff } from './staff';
import { nowIso } from './timestamps';

/** A login. `passwordHash` is an argon2id PHC string; demo accounts (`isDemo`) only work in demo mode. */
@Entity({ name: 'user_accounts' })
export class UserAccount {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 80, unique: true })
  username!: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  /** 'agent' | 'team_lead' | 'coordinator' | 'head' | 'admin'. */
  @Column({ type: 'varchar', length: 16 })
  role!: string;

  @Column({ type: 'integer', nullable: true })
  staffId!: number | null;

  @ManyToOne(() => Staff, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'staffId' })
  staff?: Relation<Staff> | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  locale!: string | null;

  /** The team (teams.id); null only on rows written before teams existed, which the migration fills. */
  @Column({ type: 'integer', nullable: true })
  teamId!: number | null;

  /** Where a forgotten-password link is sent; optional. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  /** Which notifications the person wants, per topic and channel (JSON); null = all. */
  @Column({ type: 'text', nullable: true })
  notificationSettings!: string | null;

  @Column({ type: 'boolean', default: false })
  isDemo!: boolean;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ type: 'varchar', length: 24, nullable: true })
  lastLoginAt!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @BeforeInsert()
  stampInsert(): void {
    this.createdAt ??= nowIso();
  }
}
