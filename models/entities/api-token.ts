import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserAccount } from './user-account';

/**
 * An API token; only its SHA-256 (hex) is stored, the token itself is shown once. A 'personal'
 * token belongs to the person who made it, a 'service' token to nobody (userId null, made by
 * an administrator), a 'calendar' token is a calendar feed secret and never an API token.
 */
@Entity({ name: 'api_tokens' })
export class ApiToken {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', nullable: true })
  userId!: number | null;

  @Column({ type: 'varchar', length: 16, default: 'personal' })
  kind!: string;

  /** Space-separated scopes (see app/token-scopes.ts). */
  @Column({ type: 'text', default: '' })
  scopes!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  expiresAt!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<UserAccount>;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  lastUsedAt!: string | null;
}
