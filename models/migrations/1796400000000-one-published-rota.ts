/**
 * At most one published revision per week, kept by the database itself: a partial unique index
 * over the published rows (SQLite and PostgreSQL both understand `CREATE UNIQUE INDEX … WHERE`).
 * Publishing also locks the week (app/rota-publish.ts), so the index is the last line, not the
 * first: it turns any path that forgets the lock into an error instead of a week with two
 * published rotas (or none). Weeks that already have several published revisions (possible before
 * this migration: two publishes at once) keep the highest revision published, the others archived.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OnePublishedRota1796400000000 implements MigrationInterface {
  name = 'OnePublishedRota1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE rotas SET status = 'archived' WHERE status = 'published' AND EXISTS (` +
        `SELECT 1 FROM rotas newer WHERE newer."weekStart" = rotas."weekStart" AND newer.status = 'published' AND newer.revision > rotas.revision)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_rotas_one_published" ON rotas ("weekStart") WHERE status = 'published'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_rotas_one_published"`);
  }
}
