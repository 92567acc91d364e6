/**
 * Intraday offers (issue #12): overtime or voluntary time off for a stretch of today, offered
 * from /intraday to everyone eligible; the first to accept gets it through the change path.
 */
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

const opt = c.nullable;

export class IntradayOffers1798500000000 implements MigrationInterface {
  name = 'IntradayOffers1798500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'intraday_offers',
        columns: [
          c.id(),
          c.str('kind', 16),
          c.str('channel', 8),
          c.str('start', 24),
          c.str('end', 24),
          c.str('status', 16, { default: 'open' }),
          c.text('eligibleJson'),
          c.int('offeredByUserId', opt),
          c.str('offeredBy', 80, opt),
          c.str('offeredAt', 24),
          c.int('takenByStaffId', opt),
          c.str('takenAt', 24, opt),
          c.str('closedBy', 80, opt),
          c.str('closedAt', 24, opt),
          c.int('version'),
        ],
        indices: [{ name: 'idx_intraday_offers_status', columnNames: ['status', 'end'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('intraday_offers');
  }
}
