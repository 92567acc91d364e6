import { expect } from 'chai';
import { run as seed } from '../../../bin/commands/seed';
import { createStaff, historyBounds, listStaff, type DataSource } from '../../../models';
import { runCommand } from '../../support/cli';
import { createTestDataSource, destroyTestDataSource, testDatabaseEnv, testDbKind } from '../../support/db';

describe(`wfm seed (${testDbKind()})`, function () {
  this.timeout(60_000);
  let ds: DataSource;
  let env: Record<string, string>;
  beforeEach(async () => {
    ds = await createTestDataSource();
    env = testDatabaseEnv(ds);
  });
  afterEach(() => destroyTestDataSource(ds));

  it('wfm seed outside demo mode without --force, is refused and changes nothing', async () => {
    const res = await runCommand(seed, ['--reset'], { env: { ...env, ROTA_DEMO: 'false' } });
    expect(res.code).to.equal(1);
    expect(res.stderr).to.match(/not in demo mode/);
    expect((await listStaff(ds)).length).to.equal(0);
  });

  it('wfm seed on a database with data, refuses without --reset', async () => {
    await createStaff(
      ds,
      { code: 's01', name: 'Real Person', role: 'agent', skills: ['voice'], contractHoursPerWeek: 40, activeFrom: '2025-01-01' },
      '2026-11-25T09:00:00.000Z',
    );
    const res = await runCommand(seed, [], { env: { ...env, ROTA_DEMO: 'true' } });
    expect(res.code).to.equal(1);
    expect(res.stderr).to.match(/already has data/);
  });

  it('wfm seed --reset in demo mode, replaces the data with the demo team and history', async () => {
    await createStaff(
      ds,
      { code: 'x01', name: 'Someone Else', role: 'agent', skills: ['voice'], contractHoursPerWeek: 40, activeFrom: '2025-01-01' },
      '2026-11-25T09:00:00.000Z',
    );
    const res = await runCommand(seed, ['--reset'], { env: { ...env, ROTA_DEMO: 'true' } });
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.match(/35 staff, 36 logins/);
    const staff = await listStaff(ds);
    expect(staff.length).to.equal(35);
    expect(staff.some((s) => s.code === 'x01')).to.equal(false);
    expect((await historyBounds(ds)).count).to.be.greaterThan(20_000);
  });
});
