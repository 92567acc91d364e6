/**
 * shift_templates was seeded but never read: the rota's shift shapes come from the team's
 * labour rules (shiftLengthsHours, breakMinutes, earliestStart, latestEnd). Down recreates the
 * table exactly as the initial schema made it (empty).
 */
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { INITIAL_TABLES } from './1764061200000-initial-schema';

const TABLE = 'shift_templates';

export class DropShiftTemplates1764871200000 implements MigrationInterface {
  name = 'DropShiftTemplates1764871200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(TABLE, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = INITIAL_TABLES.find((t) => t.name === TABLE)!;
    await queryRunner.createTable(new Table(table), true);
  }
}
