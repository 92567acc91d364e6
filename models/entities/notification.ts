import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserAccount } from './user-account';

/**
 * One line of a person's in-app notification list: what happened as a catalogue code (`kind`)
 * and its parameters (JSON), so it reads in whatever language the person uses when reading it.
 */
@Entity({ name: 'notifications' })
@Index('idx_notifications_user_read', ['userId', 'readAt'])
@Index('idx_notifications_user_id', ['userId', 'id'])
export class Notification {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<UserAccount>;

  /** The switchable topic: 'rota' | 'requests' | 'swaps' | 'openShifts'. */
  @Column({ type: 'varchar', length: 16 })
  topic!: string;

  /** E.g. 'rota.changed', 'swap.asked'. */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'text' })
  params!: string;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  readAt!: string | null;
}
