/**
 * Migration Teams1798700000000: an install from before teams keeps working unchanged. Its
 * settings row, every person and every account land in one default team named and zoned after
 * the settings; an empty install gets no team until something is written; down removes it all.
 */
import { expect } from 'chai';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';
import {
  createTeamSettings,
  DEFAULT_LABOUR_RULES,
  getDefaultTeam,
  getTeamSettings,
  listStaff,
  listTeams,
  listUsers,
  revertLastMigration,
  runMigrations,
  type DataSource,
} from '../../../models';

const NAME = 'Teams1798700000000';
const NOW = '2026-12-01T08:00:00.000Z';

async function revertThroughThisOne(ds: DataSource): Promise<void> {
  for (;;) {
    const applied = ((await ds.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name);
    if (!applied.includes(NAME)) return;
    expect(await revertLastMigration(ds)).to.equal(true);
  }
}

/** Rows as a database from before teams holds them (raw SQL: the entities already have teamId). */
async function insertPreTeamsRows(ds: DataSource): Promise<void> {
  await ds.query(
    `INSERT INTO team_settings (name, "timeZone", "intervalMinutes", locale, "rulesJson", version, "createdAt", "updatedAt")
     VALUES ('Kutaisi Care', 'Europe/Berlin', 30, 'ka', '{}', 1, '${NOW}', '${NOW}')`,
  );
  for (const code of ['s01', 's02']) {
    await ds.query(
      `INSERT INTO staff (code, name, role, skills, "contractHoursPerWeek", "queueShare", "activeFrom", version, "createdAt", "updatedAt")
       VALUES ('${code}', 'Person ${code}', 'agent', 'voice', 40, 1, '2026-01-01', 1, '${NOW}', '${NOW}')`,
    );
  }
  for (const [username, role] of [
    ['admin', 'admin'],
    ['lead', 'team_lead'],
  ]) {
    await ds.query(
      `INSERT INTO user_accounts (username, "passwordHash", role, "isDemo", disabled, "createdAt")
       VALUES ('${username}', 'x', '${role}', false, false, '${NOW}')`,
    );
  }
}

describe(`migration Teams (${testDbKind()})`, function () {
  this.timeout(60_000);
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
  });
  afterEach(async () => destroyTestDataSource(ds));

  it('Teams up, on an install with settings, staff and accounts: one default team from the settings holds them all', async () => {
    await revertThroughThisOne(ds);
    await insertPreTeamsRows(ds);
    expect(await runMigrations(ds)).to.include(NAME);
    const teams = await listTeams(ds);
    expect(teams).to.have.length(1);
    expect(teams[0]).to.include({ name: 'Kutaisi Care', timeZone: 'Europe/Berlin' });
    const id = teams[0].id;
    expect((await getTeamSettings(ds))?.teamId).to.equal(id);
    expect((await getTeamSettings(ds, id))?.intervalMinutes).to.equal(30);
    expect((await listStaff(ds)).map((p) => p.teamId)).to.deep.equal([id, id]);
    expect((await listStaff(ds, { teamId: id })).map((p) => p.code)).to.deep.equal(['s01', 's02']);
    expect((await listUsers(ds)).map((u) => u.teamId)).to.deep.equal([id, id]);
  });

  it('Teams up, on an empty install: no team until the first settings row, which makes the default team after it', async () => {
    await revertThroughThisOne(ds);
    await runMigrations(ds);
    expect(await listTeams(ds)).to.deep.equal([]);
    const s = await createTeamSettings(
      ds,
      { name: 'Batumi', timeZone: 'Asia/Tbilisi', intervalMinutes: 60, locale: 'en', rules: DEFAULT_LABOUR_RULES },
      NOW,
    );
    const team = await getDefaultTeam(ds);
    expect(team).to.include({ name: 'Batumi', timeZone: 'Asia/Tbilisi' });
    expect(s.teamId).to.equal(team!.id);
  });

  it('Teams down: removes the teams table and every teamId column; up again restores the default team', async () => {
    await revertThroughThisOne(ds);
    await insertPreTeamsRows(ds);
    await runMigrations(ds);
    await revertThroughThisOne(ds);
    const staffColumns = ((await ds.query(`SELECT * FROM staff`)) as Record<string, unknown>[]).map((r) => Object.keys(r));
    expect(staffColumns[0]).to.not.include('teamId');
    let gone = false;
    try {
      await ds.query('SELECT COUNT(*) FROM teams');
    } catch {
      gone = true;
    }
    expect(gone, 'teams table dropped').to.equal(true);
    await runMigrations(ds);
    const teams = await listTeams(ds);
    expect(teams).to.have.length(1);
    expect((await listStaff(ds)).map((p) => p.teamId)).to.deep.equal([teams[0].id, teams[0].id]);
  });
});
