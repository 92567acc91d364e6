import path from 'node:path';
import { expect } from 'chai';
import { run } from '../../../bin/commands/import';
import { actualsBetween, historyBounds, type DataSource } from '../../../models';
import fs from 'node:fs';
import os from 'node:os';
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

  it('wfm import actuals, a file sent twice then corrected, stores each interval once with the last values; a bad file stores nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rota-actuals-'));
    const file = (name: string, text: string) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
    const good = file(
      'a.csv',
      'start,channel,offered,answered,abandoned\n2026-11-02T09:00:00,voice,30,28,2\n2026-11-02T10:00:00,voice,35,35,0\n',
    );
    const first = await runCommand(run, ['actuals', good], { env });
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.match(/stored 2 interval\(s\) from 2 row\(s\).*2 new, 0 replaced/);
    expect((await runCommand(run, ['actuals', good], { env })).stdout).to.match(/0 new, 2 replaced/);
    const fix = file('b.csv', 'start,channel,offered\n2026-11-02T10:00:00,voice,37\n');
    expect((await runCommand(run, ['actuals', fix], { env })).code).to.equal(0);
    const bad = file('c.csv', 'start,channel,offered\n2026-11-02T11:00:00,voice,5\n2026-11-02T11:30:00,voice,5\n');
    const refused = await runCommand(run, ['actuals', bad], { env });
    expect(refused.code).to.equal(1);
    expect(refused.stderr)
      .to.contain(`${bad}:3: start: not the start of one of the team’s 60-minute intervals`)
      .and.to.contain('nothing stored');
    const stored = await actualsBetween(ds, '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z');
    expect(stored.map((a) => [a.start, a.offered, a.answered])).to.deep.equal([
      ['2026-11-02T05:00:00.000Z', 30, 28],
      ['2026-11-02T06:00:00.000Z', 37, null],
    ]);
  });
});
