/** Open shifts (issue #17): uncovered shifts offered on the board for eligible agents to claim. */
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

const opt = c.nullable;

export class OpenShifts1798100000000 implements MigrationInterface {
  name = 'OpenShifts1798100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'open_shifts',
        columns: [
          c.id(),
          c.str('uid', 40),
          c.str('weekStart', 10),
          c.str('start', 24),
          c.str('end', 24),
          c.str('channel', 8),
          c.int('fromStaffId'),
          c.str('status', 16, { default: 'open' }),
          c.bool('autoApprove', { default: false }),
          c.str('offeredBy', 80, opt),
          c.str('offeredAt', 24),
          c.int('claimedByStaffId', opt),
          c.str('claimedAt', 24, opt),
          c.str('decidedBy', 80, opt),
          c.str('decidedAt', 24, opt),
          c.int('version'),
        ],
        indices: [{ name: 'idx_open_shifts_status', columnNames: ['status', 'start'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('open_shifts');
  }
}
