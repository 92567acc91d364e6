import path from 'node:path';
import { expect } from 'chai';
import { run } from '../../../bin/commands/import';
import { historyBounds, type DataSource } from '../../../models';
import { runCommand } from '../../support/cli';
import { createTestDataSource, destroyTestDataSource, testDatabaseEnv, testDbKind } from '../../support/db';
import { setUpTeam } from '../../support/team';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/history');

describe(`wfm import history (${testDbKind()})`, function () {
  this.timeout(30_000);
  let ds: DataSource;
  let env: Record<string, string>;
  beforeEach(async () => {
    ds = await createTestDataSource();
    await setUpTeam(ds);
    env = testDatabaseEnv(ds);
  });
  afterEach(() => destroyTestDataSource(ds));

  it('wfm import history, a good file, exits 0 and prints the per-channel summary', async () => {
    const res = await runCommand(run, ['history', path.join(FIXTURES, 'good.csv')], { env });
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.match(/imported 6 rows as 6 intervals/);
    expect(res.stdout).to.match(/voice\s+3 intervals\s+90 contacts/);
    expect((await historyBounds(ds)).count).to.equal(6);
  });

  it('wfm import history, a good file, prints the period in the team zone (09:00 Tbilisi), not in UTC (05:00)', async () => {
    const res = await runCommand(run, ['history', path.join(FIXTURES, 'good.csv'), '--dry-run'], { env });
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.contain('2026-11-02 09:00 UTC+04:00 … 2026-11-02 11:00 UTC+04:00 (Asia/Tbilisi)');
    expect(res.stdout).not.to.contain('05:00');
  });

  it('wfm import history, bad rows, prints FILE:LINE: field: message for each, exits 1, imports nothing', async () => {
    const file = path.join(FIXTURES, 'bad-rows.csv');
    const res = await runCommand(run, ['history', file], { env });
    expect(res.code).to.equal(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines.slice(0, 5).map((l) => l.split(': ')[0] + ': ' + l.split(': ')[1])).to.deep.equal([
      `${file}:3: timestamp`,
      `${file}:4: channel`,
      `${file}:5: volume`,
      `${file}:6: volume`,
      `${file}:7: timestamp`,
    ]);
    expect(lines[5]).to.equal(`${file}: nothing imported`);
    expect((await historyBounds(ds)).count).to.equal(0);
  });

  it('wfm import history, overlapping file, is refused naming --replace, then --replace overwrites', async () => {
    await runCommand(run, ['history', path.join(FIXTURES, 'good.csv')], { env });
    const refused = await runCommand(run, ['history', path.join(FIXTURES, 'overlap.csv')], { env });
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.match(/1 interval\(s\) already have history.*--replace/);
    const replaced = await runCommand(run, ['history', path.join(FIXTURES, 'overlap.csv'), '--replace'], { env });
    expect(replaced.code, replaced.stderr).to.equal(0);
    expect(replaced.stdout).to.match(/replaced 1 stored interval/);
    expect((await historyBounds(ds)).count).to.equal(8);
  });

  it('wfm import, a missing file or a wrong sub-command, exits 2 with a message', async () => {
    expect((await runCommand(run, ['history', path.join(FIXTURES, 'nope.csv')], { env })).code).to.equal(2);
    const wrong = await runCommand(run, ['staff', 'x.csv'], { env });
    expect(wrong.code).to.equal(2);
    expect(wrong.stderr).to.match(/expected 'history FILE'/);
  });
});
