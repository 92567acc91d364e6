/**
 * A shift keeps one identity across a week's revisions (for calendar feeds: the same UID in
 * every revision, SEQUENCE rising when it changes), and a shift taken out of a published rota
 * leaves a cancellation behind, so calendar apps are told (STATUS:CANCELLED) instead of the
 * event silently vanishing. Existing shifts get the uid 'shift-<id>' (unique, stable).
 */
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

export class ShiftIdentity1764864000000 implements MigrationInterface {
  name = 'ShiftIdentity1764864000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('shifts', new TableColumn(c.str('uid', 40, { isNullable: true })));
    await queryRunner.addColumn('shifts', new TableColumn(c.int('sequence', { default: 0 })));
    await queryRunner.query(`UPDATE "shifts" SET "uid" = 'shift-' || CAST("id" AS varchar(20))`);
    await queryRunner.createIndex('shifts', new TableIndex({ name: 'idx_shifts_uid', columnNames: ['uid'] }));
    await queryRunner.createTable(
      new Table({
        name: 'shift_cancellations',
        columns: [
          c.id(),
          c.str('uid', 40),
          c.int('staffId'),
          c.str('weekStart', 10),
          c.instant('start'),
          c.instant('end'),
          c.str('channel', 8),
          c.int('sequence'),
          c.instant('cancelledAt'),
        ],
        indices: [{ name: 'idx_shift_cancellations_staff', columnNames: ['staffId', 'start'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('shift_cancellations');
    await queryRunner.dropIndex('shifts', 'idx_shifts_uid');
    await queryRunner.dropColumn('shifts', 'sequence');
    await queryRunner.dropColumn('shifts', 'uid');
  }
}
