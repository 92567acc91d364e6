/** Off-queue activities planned into a week (issue #16): length, attendees, window. */
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

export class OffQueueActivities1797900000001 implements MigrationInterface {
  name = 'OffQueueActivities1797900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'off_queue_activities',
        columns: [
          c.id(),
          c.str('weekStart', 10),
          c.str('kind', 16),
          c.str('title', 120),
          c.int('minutes'),
          c.text('attendeesJson'),
          c.instant('windowStart'),
          c.instant('windowEnd'),
          c.str('createdBy', 80, c.nullable),
          c.instant('createdAt'),
        ],
        indices: [{ name: 'idx_off_queue_activities_week', columnNames: ['weekStart'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('off_queue_activities');
  }
}
