import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One login attempt, for rate limiting by username or IP (`key`). */
@Entity({ name: 'login_attempts' })
@Index('idx_login_attempts_key_at', ['key', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'varchar', length: 24 })
  at!: string;

  @Column({ type: 'boolean' })
  succeeded!: boolean;
}
