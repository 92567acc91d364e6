/**
 * Background jobs (rota generation) in the database, so that every app instance can show a job's
 * state and progress and cancel it, whichever instance's worker runs it, and a job whose worker
 * died is noticed (its heartbeat stops) instead of being lost with that process's memory.
 */
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c, fk } from './columns';

const opt = c.nullable;

export class Jobs1797500000000 implements MigrationInterface {
  name = 'Jobs1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'jobs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          c.str('kind', 40),
          c.str('subject', 40),
          c.str('state', 12),
          c.text('input'),
          c.text('progress', opt),
          c.text('result', opt),
          c.str('errorCode', 60, opt),
          c.text('errorDetail', opt),
          c.int('attempts', { default: 0 }),
          c.int('maxAttempts'),
          c.int('timeLimitSeconds'),
          c.bool('cancelRequested', { default: false }),
          c.str('lease', 120, opt),
          c.int('userId', opt),
          c.str('createdBy', 100, opt),
          c.instant('createdAt'),
          c.instant('startedAt', opt),
          c.instant('heartbeatAt', opt),
          c.instant('finishedAt', opt),
        ],
        foreignKeys: [fk('jobs', 'userId', 'user_accounts', 'SET NULL')],
        indices: [
          { name: 'idx_jobs_kind_subject', columnNames: ['kind', 'subject', 'createdAt'] },
          { name: 'idx_jobs_state_heartbeat', columnNames: ['state', 'heartbeatAt'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('jobs');
  }
}
