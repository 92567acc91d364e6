import { expect } from 'chai';
import { createTeamSettings, DEFAULT_LABOUR_RULES, type DataSource } from '../../../models';
import { loadTeamSettings, TEAM_SETTINGS_DEFAULTS } from '../../../app/team-settings';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';

describe(`app/team-settings: one set of defaults before setup (${testDbKind()})`, function () {
  this.timeout(30_000);
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
  });
  afterEach(() => destroyTestDataSource(ds));

  it('loadTeamSettings, no settings row, gives the defaults (the deployment zone when given) and configured false', async () => {
    expect(await loadTeamSettings(ds)).to.deep.equal({ configured: false, ...TEAM_SETTINGS_DEFAULTS });
    const withZone = await loadTeamSettings(ds, { fallbackZone: 'Europe/Berlin' });
    expect(withZone).to.include({ configured: false, timeZone: 'Europe/Berlin', intervalMinutes: 60 });
    expect(withZone.rules).to.deep.equal(DEFAULT_LABOUR_RULES);
  });

  it('loadTeamSettings, a stored row, gives its zone, interval and rules, whatever fallback is passed', async () => {
    const rules = { ...DEFAULT_LABOUR_RULES, minRestHours: 11 };
    await createTeamSettings(
      ds,
      { name: 'Team', timeZone: 'Asia/Tbilisi', intervalMinutes: 30, locale: 'ka', rules },
      '2026-12-01T00:00:00.000Z',
    );
    const got = await loadTeamSettings(ds, { fallbackZone: 'Europe/Berlin' });
    expect(got).to.include({ configured: true, timeZone: 'Asia/Tbilisi', intervalMinutes: 30 });
    expect(got.rules.minRestHours).to.equal(11);
  });
});
