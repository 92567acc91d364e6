/**
 * Forecast adjustments on one platform (issue #13): a coordinator scales or sets one platform's
 * part of a channel's forecast, and the channel moves by exactly that part's change.
 *
 * - `forecast_adjustments.platformCode`: the platform an adjustment acts on; null = the whole
 *   channel (every existing row).
 * - `forecast_platform_values`: a stored forecast's split by platform, made at its first platform
 *   adjustment and kept with it so that undoing and restoring replay on the same split: each
 *   platform's part of the channel's model volume per interval (`volume`, adding up to the
 *   channel's), and that part after the adjustments (`adjustedVolume`, null = not adjusted).
 *
 * A plain `ALTER TABLE … ADD COLUMN` (both databases) rather than TypeORM's SQLite rebuild, as in
 * ForecastEditVersions1797800000000.
 */
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c, fk } from './columns';

export class PlatformAdjustments1798800000000 implements MigrationInterface {
  name = 'PlatformAdjustments1798800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "forecast_adjustments" ADD COLUMN "platformCode" varchar(32) NULL`);
    await queryRunner.createTable(
      new Table({
        name: 'forecast_platform_values',
        columns: [
          c.id(),
          c.int('forecastId'),
          c.str('platformCode', 32),
          c.instant('start'),
          c.num('volume'),
          c.num('adjustedVolume', c.nullable),
        ],
        uniques: [{ name: 'uq_forecast_platform_values', columnNames: ['forecastId', 'platformCode', 'start'] }],
        foreignKeys: [fk('forecast_platform_values', 'forecastId', 'forecasts', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('forecast_platform_values');
    await queryRunner.query(`ALTER TABLE "forecast_adjustments" DROP COLUMN "platformCode"`);
  }
}
