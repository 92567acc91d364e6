/**
 * Migration TeamRotasChannels1799000000000: rotas and channels from before it land in the
 * default team (made when an install has rotas or channels but no team); afterwards each team
 * has its own published revision of a week, and a second published revision of one team's
 * week is still refused.
 */
import { expect } from 'chai';
import { createTestDataSource, destroyTestDataSource, revertThroughMigration, testDbKind } from '../../support/db';
import { getDefaultTeam, listChannels, runMigrations, type DataSource } from '../../../models';
import { createRotaRevision, listRotasForWeek, publishedRotaForWeek } from '../../../models/repositories/rotas';
import { createTeamRow } from '../../../models/repositories/teams';

const NAME = 'TeamRotasChannels1799000000000';
const NOW = '2026-12-01T08:00:00.000Z';

const revertThroughThisOne = (ds: DataSource) => revertThroughMigration(ds, NAME);

describe(`migration TeamRotasChannels (${testDbKind()})`, function () {
  this.timeout(60_000);
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
  });
  afterEach(async () => destroyTestDataSource(ds));

  it('up: rotas and channels without a team go to a default team made for them; revisions keep their numbers', async () => {
    await revertThroughThisOne(ds);
    expect(await getDefaultTeam(ds)).to.equal(null);
    await ds.query(
      `INSERT INTO channels (id, "nameKey", kind, shrinkage, concurrency, "sortOrder", version) VALUES ('voice', 'channel.voice', 'voice', 0.3, 1, 1, 1)`,
    );
    for (const [rev, status] of [
      [1, 'archived'],
      [2, 'published'],
      [3, 'draft'],
    ] as const) {
      await ds.query(
        `INSERT INTO rotas ("weekStart", status, revision, "createdAt", version) VALUES ('2027-02-01', '${status}', ${rev}, '${NOW}', 1)`,
      );
    }
    // A shift of the published revision, and contact history of the channel: both still there after.
    await ds.query(
      `INSERT INTO staff (code, name, role, skills, "contractHoursPerWeek", "queueShare", "activeFrom", version, "createdAt", "updatedAt")
       VALUES ('s01', 'Person s01', 'agent', 'voice', 40, 1, '2026-01-01', 1, '${NOW}', '${NOW}')`,
    );
    const [{ rota }] = (await ds.query(`SELECT id AS rota FROM rotas WHERE revision = 2`)) as { rota: number }[];
    const [{ person }] = (await ds.query(`SELECT id AS person FROM staff`)) as { person: number }[];
    await ds.query(
      `INSERT INTO shifts ("rotaId", "staffId", start, "end", "breaksJson", channel, locked, version, "updatedAt", uid, sequence)
       VALUES (${rota}, ${person}, '2027-02-01T05:00:00.000Z', '2027-02-01T14:00:00.000Z', '[]', 'voice', false, 1, '${NOW}', 'u-1', 0)`,
    );
    expect(await runMigrations(ds)).to.include(NAME);
    expect((await ds.query(`SELECT uid FROM shifts`)) as unknown[], "the published revision's shift").to.have.length(1);
    const team = await getDefaultTeam(ds);
    expect(team, 'a default team was made').to.not.equal(null);
    expect((await listChannels(ds, team!.id)).map((c) => c.id)).to.deep.equal(['voice']);
    const revisions = await listRotasForWeek(ds, team!.id, '2027-02-01');
    expect(revisions.map((r) => [r.revision, r.status, r.teamId])).to.deep.equal([
      [3, 'draft', team!.id],
      [2, 'published', team!.id],
      [1, 'archived', team!.id],
    ]);
  });

  it('after it: two teams each publish the same week; a second published revision of one team is refused', async () => {
    const a = await createTeamRow(ds, { name: 'A', timeZone: 'Asia/Tbilisi' }, NOW);
    const b = await createTeamRow(ds, { name: 'B', timeZone: 'Asia/Tbilisi' }, NOW);
    const week = '2027-03-01';
    const ra = await createRotaRevision(ds, { teamId: a.id, weekStart: week, status: 'published' }, [], NOW);
    const rb = await createRotaRevision(ds, { teamId: b.id, weekStart: week, status: 'published' }, [], NOW);
    expect([ra.revision, rb.revision], 'revisions count per team').to.deep.equal([1, 1]);
    expect((await publishedRotaForWeek(ds, a.id, week))!.id).to.equal(ra.id);
    expect((await publishedRotaForWeek(ds, b.id, week))!.id).to.equal(rb.id);
    let refused = false;
    try {
      await createRotaRevision(ds, { teamId: a.id, weekStart: week, status: 'published' }, [], NOW);
    } catch {
      refused = true;
    }
    expect(refused, 'unique index per team and week').to.equal(true);
  });
});
