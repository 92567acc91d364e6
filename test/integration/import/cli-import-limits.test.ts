import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { run } from '../../../bin/commands/import';
import { historyBounds, historyRange, type DataSource } from '../../../models';
import { runCommand } from '../../support/cli';
import { createTestDataSource, destroyTestDataSource, testDatabaseEnv, testDbKind } from '../../support/db';
import { setUpTeam } from '../../support/team';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wfm-import-limits-'));

function write(name: string, rows: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ['timestamp,channel,volume', ...rows].join('\n') + '\n');
  return file;
}

function hours(n: number, volume: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2026, 10, 2) + i * 3_600_000).toISOString()},voice,${volume(i)}`);
}

describe(`wfm import history: limits and decimal volumes (${testDbKind()})`, function () {
  this.timeout(60_000);
  let ds: DataSource;
  let env: Record<string, string>;
  beforeEach(async () => {
    ds = await createTestDataSource();
    await setUpTeam(ds);
    env = testDatabaseEnv(ds);
  });
  afterEach(() => destroyTestDataSource(ds));

  it('wfm import history, decimal volumes, imports them as written', async () => {
    const res = await runCommand(
      run,
      [
        'history',
        write(
          'decimal.csv',
          hours(3, (i) => `${i}.5`),
        ),
      ],
      { env },
    );
    expect(res.code, res.stderr).to.equal(0);
    const stored = await historyRange(ds, { channelId: 'voice', from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' });
    expect(stored.map((s) => s.volume)).to.deep.equal([0.5, 1.5, 2.5]);
  });

  it('wfm import history, a stray quote on line 3 of 20,000, stops at ROTA_IMPORT_MAX_LINE naming line 3, imports nothing', async () => {
    const rows = hours(20_000, (i) => String(i % 30));
    rows[1] = rows[1].replace(',voice,', ',"voice,');
    const file = write('stray.csv', rows);
    const res = await runCommand(run, ['history', file], { env: { ...env, ROTA_IMPORT_MAX_LINE: '4096' } });
    expect(res.code).to.equal(1);
    expect(res.stderr.split('\n')[0]).to.equal(`${file}:3: row: a quoted field opened on this line is still open after 4096 characters`);
    expect((await historyBounds(ds)).count).to.equal(0);
  });
});
