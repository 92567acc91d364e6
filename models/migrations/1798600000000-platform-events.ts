/**
 * Calendar events on one platform (issue #13): a new platform's launch moves that platform's
 * contacts, not the whole channel's. `platformCode` null = every platform (every existing row).
 */
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

export class PlatformEvents1798600000000 implements MigrationInterface {
  name = 'PlatformEvents1798600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('calendar_events', new TableColumn(c.str('platformCode', 32, { isNullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('calendar_events', 'platformCode');
  }
}
