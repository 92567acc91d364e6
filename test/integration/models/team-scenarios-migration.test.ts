/**
 * Migration TeamScenarios1799200000000: scenarios saved before it land in the default team
 * (made when an install has scenarios but no team); afterwards a scenario is listed and found
 * only within its team.
 */
import { expect } from 'chai';
import { createTestDataSource, destroyTestDataSource, revertThroughMigration, testDbKind } from '../../support/db';
import { getDefaultTeam, runMigrations, type DataSource } from '../../../models';
import { getScenario, listScenarios, saveScenario } from '../../../models/repositories/scenarios';
import { createTeamRow } from '../../../models/repositories/teams';

const NAME = 'TeamScenarios1799200000000';
const NOW = '2026-12-01T08:00:00.000Z';

const revertThroughThisOne = (ds: DataSource) => revertThroughMigration(ds, NAME);

describe(`migration TeamScenarios (${testDbKind()})`, function () {
  this.timeout(60_000);
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
  });
  afterEach(async () => destroyTestDataSource(ds));

  it('up: scenarios without a team go to a default team made for them', async () => {
    await revertThroughThisOne(ds);
    expect(await getDefaultTeam(ds)).to.equal(null);
    await ds.query(
      `INSERT INTO scenarios (name, "weekStart", "inputJson", "resultJson", "createdAt") VALUES ('Old one', '2027-02-01', '{}', '{}', '${NOW}')`,
    );
    expect(await runMigrations(ds)).to.include(NAME);
    const team = await getDefaultTeam(ds);
    expect(team, 'a default team was made').to.not.equal(null);
    const list = await listScenarios(ds, { teamId: team!.id });
    expect(list.map((s) => [s.name, s.teamId])).to.deep.equal([['Old one', team!.id]]);
  });

  it("after it: a team lists and finds its own scenarios, never another team's", async () => {
    const a = await createTeamRow(ds, { name: 'A', timeZone: 'Asia/Tbilisi' }, NOW);
    const b = await createTeamRow(ds, { name: 'B', timeZone: 'Asia/Tbilisi' }, NOW);
    const s = { createdBy: null, weekStart: '2027-03-01', channelId: null, input: {}, result: {}, createdAt: NOW };
    const sa = await saveScenario(ds, { ...s, teamId: a.id, name: 'of A' });
    const sb = await saveScenario(ds, { ...s, teamId: b.id, name: 'of B' });
    expect((await listScenarios(ds, { teamId: a.id })).map((x) => x.name)).to.deep.equal(['of A']);
    expect(await getScenario(ds, sb.id, a.id), "B's by id, asked as A").to.equal(null);
    expect((await getScenario(ds, sa.id, a.id))?.name).to.equal('of A');
  });
});
