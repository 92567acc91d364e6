/**
 * Several teams in one install (issue #14). A `teams` row per team; staff, accounts and the
 * settings row carry `teamId`. An install that already has data gets one default team, named
 * and zoned after its settings row (or "Team", Asia/Tbilisi without one), and every existing
 * staff member, account and settings row is put in it, so it keeps working unchanged.
 * A fresh, empty install gets its first team when its settings or first person are written.
 */
import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c, fk } from './columns';

const MEMBERS = ['team_settings', 'staff', 'user_accounts'] as const;

async function hasRows(queryRunner: QueryRunner, table: string): Promise<boolean> {
  const rows = (await queryRunner.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as { n: number | string }[];
  return Number(rows[0].n) > 0;
}

export class Teams1798700000000 implements MigrationInterface {
  name = 'Teams1798700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'teams',
        columns: [c.id(), c.str('name', 120), c.str('timeZone', 64), c.instant('createdAt'), c.instant('updatedAt')],
      }),
    );
    for (const table of MEMBERS) {
      await queryRunner.addColumn(table, new TableColumn(c.int('teamId', c.nullable)));
      await queryRunner.createForeignKey(table, new TableForeignKey(fk(table, 'teamId', 'teams')));
      await queryRunner.createIndex(table, new TableIndex({ name: `idx_${table}_team`, columnNames: ['teamId'] }));
    }

    let existing = false;
    for (const table of MEMBERS) existing ||= await hasRows(queryRunner, table);
    if (!existing) return;
    const settings = (await queryRunner.query(`SELECT "name", "timeZone" FROM "team_settings" ORDER BY "id" LIMIT 1`)) as {
      name: string;
      timeZone: string;
    }[];
    const now = new Date().toISOString();
    const name = settings[0]?.name ?? 'Team';
    const zone = settings[0]?.timeZone ?? 'Asia/Tbilisi';
    const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;
    await queryRunner.query(
      `INSERT INTO "teams" ("name", "timeZone", "createdAt", "updatedAt") VALUES (${lit(name)}, ${lit(zone)}, ${lit(now)}, ${lit(now)})`,
    );
    const [{ id }] = (await queryRunner.query(`SELECT MIN("id") AS id FROM "teams"`)) as { id: number }[];
    for (const table of MEMBERS) await queryRunner.query(`UPDATE "${table}" SET "teamId" = ${Number(id)}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...MEMBERS].reverse()) {
      await queryRunner.dropIndex(table, `idx_${table}_team`);
      await queryRunner.dropForeignKey(table, `fk_${table}_teamId`);
      await queryRunner.dropColumn(table, 'teamId');
    }
    await queryRunner.dropTable('teams');
  }
}
