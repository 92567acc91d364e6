/**
 * Indices for what the pages ask on every view (issue 14), each read off the page's statements
 * (`bench/page-queries.bench.ts --plan` listed them as reads of the whole table):
 * - a person's swap requests, made or received (/requests): `requesterStaffId = ? OR targetStaffId = ?`;
 * - the pending swaps and time off of the coordinator's inbox and the rota page (`status = ?`);
 * - a person's newest notifications (Home): `userId = ? ORDER BY id DESC`;
 * - the rota page's history of a week (`entity = ? … ORDER BY at DESC`).
 * Plain CREATE INDEX, which SQLite and PostgreSQL both run without rebuilding the table.
 */
import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const INDICES: [table: string, name: string, columns: string[]][] = [
  ['swap_requests', 'idx_swap_requests_requester', ['requesterStaffId', 'createdAt']],
  ['swap_requests', 'idx_swap_requests_target', ['targetStaffId', 'createdAt']],
  ['swap_requests', 'idx_swap_requests_status', ['status', 'createdAt']],
  ['time_off_requests', 'idx_time_off_requests_status', ['status', 'startDate']],
  ['notifications', 'idx_notifications_user_id', ['userId', 'id']],
  ['audit_log', 'idx_audit_log_entity_at', ['entity', 'at']],
];

export class PageIndexes1798900000000 implements MigrationInterface {
  name = 'PageIndexes1798900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, columnNames] of INDICES) await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of [...INDICES].reverse()) await queryRunner.dropIndex(table, name);
  }
}
