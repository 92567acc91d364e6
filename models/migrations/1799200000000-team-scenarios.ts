/**
 * What-if scenarios per team (issue #14): `scenarios.teamId`. A team lists, opens, compares
 * and turns into a draft only its own scenarios, run on its own week. Existing scenarios go to
 * the default team (made here, as TeamRotasChannels1799000000000 does, when an install has
 * scenarios but no team yet), so a one-team install keeps them.
 */
import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

async function count(queryRunner: QueryRunner, sql: string): Promise<number> {
  const rows = (await queryRunner.query(sql)) as { n: number | string | null }[];
  return Number(rows[0]?.n ?? 0);
}

export class TeamScenarios1799200000000 implements MigrationInterface {
  name = 'TeamScenarios1799200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE (no SQLite rebuild inside the transaction); the foreign key on PostgreSQL only.
    await queryRunner.query(`ALTER TABLE "scenarios" ADD COLUMN "teamId" integer`);
    if (queryRunner.connection.options.type === 'postgres')
      await queryRunner.query(
        `ALTER TABLE "scenarios" ADD CONSTRAINT "fk_scenarios_teamId" FOREIGN KEY ("teamId") REFERENCES "teams"("id")`,
      );
    await queryRunner.createIndex('scenarios', new TableIndex({ name: 'idx_scenarios_team', columnNames: ['teamId'] }));
    if ((await count(queryRunner, `SELECT COUNT(*) AS n FROM "scenarios"`)) > 0) {
      if ((await count(queryRunner, `SELECT COUNT(*) AS n FROM "teams"`)) === 0) {
        const now = new Date().toISOString();
        await queryRunner.query(
          `INSERT INTO "teams" ("name", "timeZone", "createdAt", "updatedAt") VALUES ('Team', 'Asia/Tbilisi', '${now}', '${now}')`,
        );
      }
      const id = await count(queryRunner, `SELECT MIN("id") AS n FROM "teams"`);
      await queryRunner.query(`UPDATE "scenarios" SET "teamId" = ${id} WHERE "teamId" IS NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('scenarios', 'idx_scenarios_team');
    await queryRunner.query(`ALTER TABLE "scenarios" DROP COLUMN "teamId"`);
  }
}
