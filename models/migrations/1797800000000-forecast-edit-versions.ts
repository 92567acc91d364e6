/**
 * Forecast edits you can undo and that need acceptance again (#16).
 *
 * - `forecasts.acceptedVersion`: the version that was accepted. A later edit bumps `version`
 *   past it: the forecast then needs accepting again, and until then the plan keeps using…
 * - `forecast_values.acceptedVolume`: …the volumes as they were at acceptance (a snapshot).
 * - `forecast_adjustments.unit` and `entered`: what the coordinator chose and typed (× factor,
 *   + %, set to N), kept for the list; `value` stays the factor or volume applied.
 * - `forecast_adjustments.version`: the forecast's version this edit made; `undoneAt`/`undoneBy`:
 *   an undone edit stays listed (and can be restored) but no longer applies.
 *
 * Forecasts accepted (or superseded) before this migration get their current version and
 * volumes as the accepted ones: that is what the plan has been using.
 *
 * Plain `ALTER TABLE … ADD/DROP COLUMN` (both databases; SQLite since 3.35): TypeORM's SQLite
 * addColumn rebuilds the table, and dropping `forecasts` inside the migration's transaction
 * (where SQLite ignores `PRAGMA foreign_keys = OFF`) would cascade-delete every forecast value.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Table, column, SQL type: types both databases read alike (see columns.ts). */
const COLUMNS: [string, string, string][] = [
  ['forecasts', 'acceptedVersion', 'integer NULL'],
  ['forecast_values', 'acceptedVolume', 'double precision NULL'],
  ['forecast_adjustments', 'unit', "varchar(8) NOT NULL DEFAULT ''"],
  ['forecast_adjustments', 'entered', 'double precision NULL'],
  ['forecast_adjustments', 'version', 'integer NULL'],
  ['forecast_adjustments', 'undoneAt', 'varchar(24) NULL'],
  ['forecast_adjustments', 'undoneBy', 'varchar(80) NULL'],
];

export class ForecastEditVersions1797800000000 implements MigrationInterface {
  name = 'ForecastEditVersions1797800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column, type] of COLUMNS) await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "${column}" ${type}`);
    await queryRunner.query(`UPDATE forecasts SET "acceptedVersion" = version WHERE status IN ('accepted', 'superseded')`);
    await queryRunner.query(
      `UPDATE forecast_values SET "acceptedVolume" = COALESCE("adjustedVolume", volume) ` +
        `WHERE "forecastId" IN (SELECT id FROM forecasts WHERE status IN ('accepted', 'superseded'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of [...COLUMNS].reverse()) await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
  }
}
