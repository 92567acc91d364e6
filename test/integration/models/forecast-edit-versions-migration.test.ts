/**
 * Migration 1797800000000 (forecast edits versioned): forecasts accepted before it keep what
 * the plan was using (their version and adjusted volumes become the accepted ones); drafts get
 * none; down removes the columns again.
 */
import { expect } from 'chai';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';
import { seedMinimalTeam } from '../../support/app';
import { revertLastMigration, runMigrations, type DataSource } from '../../../models';
import { editedSinceAcceptance, forecastValues, getForecast } from '../../../models/repositories/forecasts';

const NAME = 'ForecastEditVersions1797800000000';

async function revertThroughThisOne(ds: DataSource): Promise<void> {
  for (;;) {
    const applied = ((await ds.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name);
    if (!applied.includes(NAME)) return;
    expect(await revertLastMigration(ds)).to.equal(true);
  }
}

/** A forecast row and two values written as the schema before the migration had them. */
async function oldForecast(ds: DataSource, status: string, version: number): Promise<number> {
  await ds.query(
    `INSERT INTO forecasts ("channelId", "weekStart", "horizonStart", "horizonEnd", method, "chosenBecause", "candidatesJson", "warningsJson", status, "createdAt", "createdBy", "acceptedAt", version) ` +
      `VALUES ('voice', '2026-11-23', '2026-11-22T20:00:00.000Z', '2026-11-29T20:00:00.000Z', 'seasonal-naive', '', '[]', '[]', '${status}', '2026-11-20T08:00:00.000Z', 'coordinator', NULL, ${version})`,
  );
  const [{ id }] = (await ds.query(`SELECT MAX(id) AS id FROM forecasts`)) as { id: number }[];
  for (const [start, adjusted] of [
    ['2026-11-23T06:00:00.000Z', 'NULL'],
    ['2026-11-23T07:00:00.000Z', '15'],
  ])
    await ds.query(
      `INSERT INTO forecast_values ("forecastId", start, volume, lower80, upper80, lower95, upper95, "ahtSeconds", "adjustedVolume") ` +
        `VALUES (${id}, '${start}', 10, 9, 11, 8, 12, 300, ${adjusted})`,
    );
  return Number(id);
}

describe(`migration: forecast edits versioned (${testDbKind()})`, function () {
  this.timeout(60_000);
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
    await seedMinimalTeam(ds);
  });
  afterEach(async () => destroyTestDataSource(ds));

  it('up: an accepted forecast gets its version and (adjusted) volumes as accepted; a draft gets none; down drops the columns', async () => {
    await revertThroughThisOne(ds);
    const accepted = await oldForecast(ds, 'accepted', 3);
    const draft = await oldForecast(ds, 'draft', 2);
    expect(await runMigrations(ds)).to.include(NAME);
    const a = (await getForecast(ds, accepted))!;
    expect(a).to.include({ acceptedVersion: 3, version: 3 });
    expect(editedSinceAcceptance(a)).to.equal(false);
    expect((await forecastValues(ds, accepted)).map((v) => v.acceptedVolume)).to.deep.equal([10, 15]);
    expect((await getForecast(ds, draft))!.acceptedVersion).to.equal(null);
    expect((await forecastValues(ds, draft)).map((v) => v.acceptedVolume)).to.deep.equal([null, null]);
    await revertThroughThisOne(ds);
    // Down keeps every row (no table rebuild that would cascade to the values), without the columns.
    const rows = (await ds.query(`SELECT * FROM forecast_values`)) as Record<string, unknown>[];
    expect(rows).to.have.length(4);
    expect(rows[0]).not.to.have.property('acceptedVolume');
    await runMigrations(ds);
  });
});
