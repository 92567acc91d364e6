/**
 * Migration 1796400000000 (one published rota per week): a database from before it, where the
 * old race left a week with two published revisions, keeps the newest published and archives
 * the other; after it the database refuses a second published revision.
 */
import { expect } from 'chai';
import { createTestDataSource, destroyTestDataSource, revertThroughMigration, testDbKind } from '../../support/db';
import { runMigrations, type DataSource } from '../../../models';
import { createRotaRevision, listRotasForWeek } from '../../../models/repositories/rotas';
import { defaultTeamId } from '../../support/default-team';

const NOW = '2026-12-01T08:00:00.000Z';
const NAME = 'OnePublishedRota1796400000000';

/** A revision written straight into the table as it was before the migration (no teams yet). */
async function insertOldRota(ds: DataSource, weekStart: string, status: string): Promise<number> {
  const [{ n }] = (await ds.query(`SELECT COALESCE(MAX(revision), 0) + 1 AS n FROM rotas WHERE "weekStart" = '${weekStart}'`)) as {
    n: number;
  }[];
  await ds.query(
    `INSERT INTO rotas ("weekStart", status, revision, "createdAt", version) VALUES ('${weekStart}', '${status}', ${Number(n)}, '${NOW}', 1)`,
  );
  const [{ id }] = (await ds.query(`SELECT MAX(id) AS id FROM rotas`)) as { id: number }[];
  return Number(id);
}

const revertThroughThisOne = (ds: DataSource) => revertThroughMigration(ds, NAME);

describe(`migration: one published rota per week (${testDbKind()})`, function () {
  this.timeout(60_000);
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
  });
  afterEach(async () => destroyTestDataSource(ds));

  it('up: two published revisions of a week → the higher one stays published, the other archived; other weeks untouched', async () => {
    await revertThroughThisOne(ds);
    const week = '2027-02-01';
    const r1 = await insertOldRota(ds, week, 'published');
    const r2 = await insertOldRota(ds, week, 'published');
    const r3 = await insertOldRota(ds, week, 'draft');
    const other = await insertOldRota(ds, '2027-02-08', 'published');
    expect(await runMigrations(ds)).to.include(NAME);
    // The rows went to the default team (made by the team-rotas migration for rotas without one).
    const team = await defaultTeamId(ds);
    const statuses = Object.fromEntries((await listRotasForWeek(ds, team, week)).map((r) => [r.id, r.status]));
    expect(statuses).to.deep.equal({ [r1]: 'archived', [r2]: 'published', [r3]: 'draft' });
    expect((await listRotasForWeek(ds, team, '2027-02-08'))[0]).to.include({ id: other, status: 'published' });
  });

  it('after it: a second published revision of one week is refused; down then allows it again', async () => {
    const week = '2027-03-01';
    await createRotaRevision(ds, { weekStart: week, status: 'published' }, [], NOW);
    let refused = false;
    try {
      await createRotaRevision(ds, { weekStart: week, status: 'published' }, [], NOW);
    } catch {
      refused = true;
    }
    expect(refused, 'unique index').to.equal(true);
    await revertThroughThisOne(ds);
    await insertOldRota(ds, week, 'published');
    const rows = (await ds.query(`SELECT status FROM rotas WHERE "weekStart" = '${week}'`)) as { status: string }[];
    expect(rows.filter((r) => r.status === 'published')).to.have.length(2);
    await ds.query(`UPDATE rotas SET status = 'archived' WHERE "weekStart" = '${week}'`);
    await runMigrations(ds);
  });
});
