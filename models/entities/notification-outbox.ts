import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message waiting to go out (or sent): written in the recipient's language when queued, sent by
 * the delivery loop, retried with a growing pause until `sentAt` is set.
 */
@Entity({ name: 'notification_outbox' })
@Index('idx_notification_outbox_due', ['sentAt', 'nextAttemptAt'])
export class NotificationOutbox {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** What it is about, e.g. 'password.reset'. */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  /** An e-mail address. */
  @Column({ type: 'varchar', length: 200 })
  recipient!: string;

  @Column({ type: 'varchar', length: 8 })
  locale!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /**
   * A notification's code parameters (JSON): subject and body are written from them at send
   * time in `locale`. Null: subject and body were written when queued.
   */
  @Column({ type: 'text', nullable: true })
  params!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 24 })
  nextAttemptAt!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  sentAt!: string | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;
}
