import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/**
 * A contact channel ('voice', 'chat', …) with its service targets. Rates are fractions (0.8 = 80 %).
 * Voice: serviceLevel = share answered within thresholdSeconds. Chat: the same on first response,
 * `concurrency` chats handled at once by one agent.
 */
@Entity({ name: 'channels' })
export class Channel {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  /** The team that answers this channel (its targets, history, forecasts and rota are that team's). */
  @Column({ type: 'integer', nullable: true })
  teamId!: number | null;

  /** Message-catalogue key of the channel's name, e.g. 'channel.voice'. */
  @Column({ type: 'varchar', length: 64 })
  nameKey!: string;

  /** 'voice' | 'chat': which queueing model applies. */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: 'double precision', nullable: true })
  targetServiceLevel!: number | null;

  @Column({ type: 'integer', nullable: true })
  thresholdSeconds!: number | null;

  @Column({ type: 'integer', nullable: true })
  targetAsaSeconds!: number | null;

  @Column({ type: 'double precision', nullable: true })
  maxOccupancy!: number | null;

  /** Share of paid time not available for contacts (breaks, meetings, absence), e.g. 0.3. */
  @Column({ type: 'double precision', default: 0.3 })
  shrinkage!: number;

  /** Mean patience before abandoning (Erlang-A), seconds. */
  @Column({ type: 'integer', nullable: true })
  patienceSeconds!: number | null;

  @Column({ type: 'double precision', nullable: true })
  maxAbandonRate!: number | null;

  /** Contacts one agent handles at once: 1 for voice, typically 2-3 for chat. */
  @Column({ type: 'integer', default: 1 })
  concurrency!: number;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
