import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what, when: one row per change worth tracing (publish, approve, import, seed, …). */
@Entity({ name: 'audit_log' })
@Index('idx_audit_log_at', ['at'])
@Index('idx_audit_log_entity_at', ['entity', 'at'])
export class AuditLog {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 24 })
  at!: string;

  @Column({ type: 'integer', nullable: true })
  userId!: number | null;

  /** The service token that acted (userId is then null), if one did. */
  @Column({ type: 'integer', nullable: true })
  serviceTokenId!: number | null;

  @Column({ type: 'varchar', length: 80 })
  action!: string;

  @Column({ type: 'varchar', length: 80 })
  entity!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  entityId!: string | null;

  @Column({ type: 'text', default: '{}' })
  detailJson!: string;
}
