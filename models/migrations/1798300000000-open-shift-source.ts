/**
 * Open shifts offered by agents (issue #17): an agent puts one of their own shifts on the board
 * for everyone who could take it. `source` tells them from the uncovered shifts the coordinator
 * offers ('uncovered', every existing row).
 */
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

export class OpenShiftSource1798300000000 implements MigrationInterface {
  name = 'OpenShiftSource1798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('open_shifts', new TableColumn(c.str('source', 16, { default: 'uncovered' })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('open_shifts', 'source');
  }
}
