/**
 * A rota and channels per team (issue #14). `rotas.teamId` and `channels.teamId`: a week has
 * one published revision per team (the unique index moves from (weekStart) to
 * (teamId, weekStart)), revisions count per team and week, and a team plans against its own
 * channels (their targets, history, forecasts and requirement). Existing rows go to the
 * default team (made here, like the teams migration does, when an install has rotas or
 * channels but no team yet), so a one-team install keeps working unchanged.
 */
import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const TABLES = ['rotas', 'channels'] as const;

async function count(queryRunner: QueryRunner, sql: string): Promise<number> {
  const rows = (await queryRunner.query(sql)) as { n: number | string | null }[];
  return Number(rows[0]?.n ?? 0);
}

export class TeamRotasChannels1799000000000 implements MigrationInterface {
  name = 'TeamRotasChannels1799000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Partial indices are dropped before the columns change (SQLite rebuilds the table).
    await queryRunner.query(`DROP INDEX "idx_rotas_one_published"`);
    await queryRunner.dropIndex('rotas', 'idx_rotas_week');
    // Plain ALTER TABLE, not TypeORM's SQLite rebuild: rebuilding `rotas` or `channels` inside the
    // migration's transaction (where SQLite ignores foreign_keys = OFF) fails or cascades on the
    // shifts, history and forecasts that refer to them. The foreign key on PostgreSQL only (SQLite
    // cannot drop a column that is part of one).
    const postgres = queryRunner.connection.options.type === 'postgres';
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "teamId" integer`);
      if (postgres)
        await queryRunner.query(
          `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_teamId" FOREIGN KEY ("teamId") REFERENCES "teams"("id")`,
        );
    }
    await queryRunner.createIndex('channels', new TableIndex({ name: 'idx_channels_team', columnNames: ['teamId'] }));
    await queryRunner.createIndex('rotas', new TableIndex({ name: 'idx_rotas_week', columnNames: ['teamId', 'weekStart', 'revision'] }));

    const rows =
      (await count(queryRunner, `SELECT COUNT(*) AS n FROM "rotas"`)) + (await count(queryRunner, `SELECT COUNT(*) AS n FROM "channels"`));
    if (rows > 0) {
      if ((await count(queryRunner, `SELECT COUNT(*) AS n FROM "teams"`)) === 0) {
        const now = new Date().toISOString();
        await queryRunner.query(
          `INSERT INTO "teams" ("name", "timeZone", "createdAt", "updatedAt") VALUES ('Team', 'Asia/Tbilisi', '${now}', '${now}')`,
        );
      }
      const id = await count(queryRunner, `SELECT MIN("id") AS n FROM "teams"`);
      for (const table of TABLES) await queryRunner.query(`UPDATE "${table}" SET "teamId" = ${id} WHERE "teamId" IS NULL`);
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_rotas_one_published" ON rotas ("teamId", "weekStart") WHERE status = 'published'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_rotas_one_published"`);
    await queryRunner.dropIndex('rotas', 'idx_rotas_week');
    await queryRunner.dropIndex('channels', 'idx_channels_team');
    // Dropping the column drops PostgreSQL's foreign key with it.
    for (const table of [...TABLES].reverse()) await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "teamId"`);
    await queryRunner.createIndex('rotas', new TableIndex({ name: 'idx_rotas_week', columnNames: ['weekStart', 'revision'] }));
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_rotas_one_published" ON rotas ("weekStart") WHERE status = 'published'`);
  }
}
