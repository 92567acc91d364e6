import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A web session (express-session store): `data` is the session as JSON. */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  sid!: string;

  @Column({ type: 'text' })
  data!: string;

  @Index('idx_sessions_expires_at')
  @Column({ type: 'varchar', length: 24 })
  expiresAt!: string;
}
