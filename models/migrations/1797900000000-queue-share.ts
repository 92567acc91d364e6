/**
 * Each person's queue share: the part of their worked time spent taking contacts (0..1).
 * Everyone starts at 1 (all of it), as before; team leads, the coordinator and the head are
 * set lower on the staff page and the optimiser plans the rest as off-queue time, kept per shift
 * in `offQueueJson` (stretches with a kind: off-queue, back office, a meeting…).
 */
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

export class QueueShare1797900000000 implements MigrationInterface {
  name = 'QueueShare1797900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('staff', new TableColumn(c.num('queueShare', { default: 1 })));
    await queryRunner.addColumn('shifts', new TableColumn(c.text('offQueueJson', { isNullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('shifts', 'offQueueJson');
    await queryRunner.dropColumn('staff', 'queueShare');
  }
}
