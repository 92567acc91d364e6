/**
 * Part-day time off (issue #17): a one-day request may name local hours ('HH:mm', '24:00' for
 * midnight); both null = the whole day, as before.
 */
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

const ADDED = [new TableColumn(c.time('startTime', c.nullable)), new TableColumn(c.time('endTime', c.nullable))];

export class PartDayTimeOff1798200000000 implements MigrationInterface {
  name = 'PartDayTimeOff1798200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of ADDED) await queryRunner.addColumn('time_off_requests', column);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [...ADDED].reverse()) await queryRunner.dropColumn('time_off_requests', column.name);
  }
}
