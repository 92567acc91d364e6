import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A client platform the team answers for (contacts may be split by platform in history). */
@Entity({ name: 'platforms' })
export class Platform {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 40, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;
}
