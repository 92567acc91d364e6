import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An off-queue activity the coordinator plans into a week (a weekly team meeting, training,
 * coaching, back office): its length, who must attend (all together) and the window it must
 * fit in. The optimiser places it when the week's rota is generated (scheduling/plan-activities.ts).
 */
@Entity({ name: 'off_queue_activities' })
@Index('idx_off_queue_activities_week', ['weekStart'])
export class OffQueueActivity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Local Monday of the week, 'YYYY-MM-DD'. */
  @Column({ type: 'varchar', length: 10 })
  weekStart!: string;

  /** 'training' | 'meeting' | 'coaching' | 'backOffice' | 'teamMeeting'. */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: 'varchar', length: 120 })
  title!: string;

  @Column({ type: 'integer' })
  minutes!: number;

  /** Staff ids, JSON array of numbers. */
  @Column({ type: 'text' })
  attendeesJson!: string;

  /** Window start and end, ISO UTC. */
  @Column({ type: 'varchar', length: 24 })
  windowStart!: string;

  @Column({ type: 'varchar', length: 24 })
  windowEnd!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;
}
