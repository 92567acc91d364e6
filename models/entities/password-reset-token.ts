import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserAccount } from './user-account';

/** A forgotten-password link: only the SHA-256 of its secret is kept; it works once, until `expiresAt`. */
@Entity({ name: 'password_reset_tokens' })
export class PasswordResetToken {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('idx_password_reset_tokens_user')
  @Column({ type: 'integer' })
  userId!: number;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<UserAccount>;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 24 })
  expiresAt!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  usedAt!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;
}
