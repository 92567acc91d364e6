/**
 * Decisions on requests keep the decider's note (shown to the person who asked), and swaps
 * record when they were decided, like time off already does. Adding columns through the
 * QueryRunner API keeps the migration portable (SQLite rebuilds the table, PostgreSQL alters it).
 */
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

const ADDED: { table: string; column: TableColumn }[] = [
  { table: 'time_off_requests', column: new TableColumn(c.text('decisionNote', { default: '' })) },
  { table: 'swap_requests', column: new TableColumn(c.text('decisionNote', { default: '' })) },
  { table: 'swap_requests', column: new TableColumn(c.instant('decidedAt', c.nullable)) },
];

export class RequestDecisions1764064800000 implements MigrationInterface {
  name = 'RequestDecisions1764064800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, column } of ADDED) await queryRunner.addColumn(table, column);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, column } of [...ADDED].reverse()) await queryRunner.dropColumn(table, column.name);
  }
}
