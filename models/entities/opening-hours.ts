import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Channel } from './channel';

/** When a channel is open on a weekday (1 = Monday … 7 = Sunday), local 'HH:mm'; `closes` may be '24:00'. */
@Entity({ name: 'opening_hours' })
export class OpeningHours {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  channelId!: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channelId' })
  channel?: Relation<Channel>;

  @Column({ type: 'integer' })
  weekday!: number;

  @Column({ type: 'varchar', length: 5 })
  opens!: string;

  @Column({ type: 'varchar', length: 5 })
  closes!: string;
}
