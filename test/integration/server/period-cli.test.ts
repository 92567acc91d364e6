/**
 * `wfm period check|generate` on a real SQLite file: the period rules over two weeks (a run of
 * working days across the weeks' boundary), bad flags named, and a generation of two drafts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { seedMinimalTeam } from '../../support/app';
import { addRotaTeam, makeRota, makeShift, storeWeekRequirement } from '../../support/rota-builders';
import { runCommand } from '../../support/cli';
import { createDataSource, runMigrations, type DataSource } from '../../../models';
import { findUserByUsername } from '../../../models/repositories/users';
import { listRotasForWeek } from '../../../models/repositories/rotas';
import { run as runPeriod } from '../../../bin/commands/period';
import { defaultTeamId } from '../../support/default-team';

const W1 = '2026-11-30';
const W2 = '2026-12-07';
const day = (week: string, d: number) => DateTime.fromISO(week).plus({ days: d }).toISODate()!;

interface PeriodOut {
  start: string;
  weeks: {
    weekStart: string;
    rotaId: number | null;
    revision: number | null;
    status: string | null;
    shifts: number;
    violations: unknown[];
  }[];
  violations: { code: string; staffId: string | null; text: string }[];
}

describe('wfm period check|generate: a planning period of the configured database as JSON', function () {
  this.timeout(180_000);
  const file = path.join(os.tmpdir(), `period-cli-${process.pid}-${Date.now()}.sqlite`);
  const env = { ROTA_SQLITE_PATH: file, DATABASE_URL: undefined };
  let agent: number;
  const open = async (): Promise<DataSource> => {
    const ds = createDataSource({ sqlitePath: file });
    await ds.initialize();
    return ds;
  };
  before(async () => {
    const ds = await open();
    await runMigrations(ds);
    await seedMinimalTeam(ds);
    agent = (await findUserByUsername(ds, 'agent'))!.staffId!;
    // Wednesday to Sunday of the first week, Monday of the second: six days in a row (the limit).
    await makeRota(
      ds,
      W1,
      [2, 3, 4, 5, 6].map((d) => makeShift(agent, day(W1, d))),
    );
    await makeRota(ds, W2, [makeShift(agent, day(W2, 0))]);
    await ds.destroy();
  });
  after(() => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  });

  it('six working days in a row across the weeks keep the period rules; a seventh is a workRunTooLong break named in words, exit 1', async () => {
    const ok = await runCommand(runPeriod, ['check', '--start', day(W1, 3), '--weeks', '2'], { env });
    const before = JSON.parse(ok.stdout) as PeriodOut;
    expect(before.start, 'the Monday of the given day').to.equal(W1);
    expect(before.weeks.map((w) => [w.weekStart, w.shifts, w.status])).to.deep.equal([
      [W1, 5, 'draft'],
      [W2, 1, 'draft'],
    ]);
    expect(before.violations.filter((v) => v.code.startsWith('workRun'))).to.deep.equal([]);

    const ds = await open();
    await makeRota(ds, W2, [makeShift(agent, day(W2, 0)), makeShift(agent, day(W2, 1))]);
    await ds.destroy();
    const broken = await runCommand(runPeriod, ['check', '--start', W1, '--weeks', '2'], { env });
    expect(broken.code, broken.stderr).to.equal(1);
    const after = JSON.parse(broken.stdout) as PeriodOut;
    expect(after.weeks[1]).to.include({ shifts: 2, revision: 2 });
    const run = after.violations.filter((v) => v.code.startsWith('workRun'));
    expect(run, JSON.stringify(after.violations)).to.have.length(1);
    expect(run[0]).to.include({ code: 'workRunTooLong', staffId: String(agent) });
    expect(run[0].text).to.contain('7 working days in a row, at most 6');
    // Nothing published yet: --published checks no shift at all.
    const published = JSON.parse(
      (await runCommand(runPeriod, ['check', '--start', W1, '--weeks', '2', '--published'], { env })).stdout,
    ) as PeriodOut;
    expect(published.weeks.map((w) => w.shifts)).to.deep.equal([0, 0]);
  });

  it('bad flags: exit 2 with the flag named, nothing read', async () => {
    const weeks = await runCommand(runPeriod, ['check', '--start', W1, '--weeks', '9'], { env });
    expect(weeks.code).to.equal(2);
    expect(weeks.stderr).to.contain('--weeks must be 1 to 6');
    const start = await runCommand(runPeriod, ['check', '--start', '2026-02-30'], { env });
    expect(start.code).to.equal(2);
    expect(start.stderr).to.contain('--start must be a real date');
    const sub = await runCommand(runPeriod, ['publish', '--start', W1], { env });
    expect(sub.code).to.equal(2);
    expect(sub.stderr).to.contain('usage: wfm period');
  });

  it('generate: two new drafts solved in order, each week checked; progress on stderr', async () => {
    const ds = await open();
    await addRotaTeam(ds, 4);
    const W3 = '2026-12-14';
    const W4 = '2026-12-21';
    await storeWeekRequirement(ds, W3);
    await storeWeekRequirement(ds, W4);
    await ds.destroy();
    const res = await runCommand(runPeriod, ['generate', '--start', W3, '--weeks', '2', '--time-limit', '10'], { env });
    expect(res.stderr)
      .to.match(/\[week 1\/2,/)
      .and.match(/\[week 2\/2,/);
    const out = JSON.parse(res.stdout) as PeriodOut;
    expect(out.weeks.map((w) => [w.weekStart, w.status, w.revision])).to.deep.equal([
      [W3, 'draft', 1],
      [W4, 'draft', 1],
    ]);
    expect(out.weeks.every((w) => w.shifts > 0)).to.equal(true);
    const check = await open();
    expect((await listRotasForWeek(check, await defaultTeamId(check), W3)).map((r) => r.id)).to.deep.equal([out.weeks[0].rotaId]);
    await check.destroy();
    const broken = out.violations.length + out.weeks.reduce((n, w) => n + w.violations.length, 0);
    expect(res.code, res.stderr).to.equal(broken > 0 ? 1 : 0);
  });
});
