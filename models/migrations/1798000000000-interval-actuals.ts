/**
 * Today's interval statistics as the phone and chat systems send them (issue #12): one row per
 * channel, platform and interval start, so that a repeated report replaces the earlier one.
 */
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c, fk } from './columns';

const opt = c.nullable;

export class IntervalActuals1798000000000 implements MigrationInterface {
  name = 'IntervalActuals1798000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'interval_actuals',
        columns: [
          c.id(),
          c.str('channelId', 32),
          c.str('platformCode', 40, { default: '' }),
          c.instant('start'),
          c.int('intervalMinutes'),
          c.num('offered'),
          c.int('answered', opt),
          c.int('abandoned', opt),
          c.num('ahtSeconds', opt),
          c.num('serviceLevel', opt),
          c.str('source', 16),
          c.instant('receivedAt'),
        ],
        uniques: [{ name: 'uq_interval_actuals_channel_platform_start', columnNames: ['channelId', 'platformCode', 'start'] }],
        indices: [{ name: 'idx_interval_actuals_start', columnNames: ['start'] }],
        foreignKeys: [fk('interval_actuals', 'channelId', 'channels', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('interval_actuals');
  }
}
