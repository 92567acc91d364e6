import { expect } from 'chai';
import { historyRange, insertHistory, revertLastMigration, runMigrations, type DataSource } from '../../../models';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';
import { setUpTeam } from '../../support/team';

const row = (start: string, offered: number) => ({
  start,
  channelId: 'voice',
  platformCode: '',
  intervalMinutes: 60,
  offered,
  answered: null,
  abandoned: null,
  ahtSeconds: null,
  importId: null,
});

describe(`migration DecimalVolumes (${testDbKind()})`, () => {
  let ds: DataSource | undefined;
  afterEach(async () => {
    await destroyTestDataSource(ds);
    ds = undefined;
  });

  it('DecimalVolumes, on stored whole volumes, keeps them and then accepts 38.5; reverted, rounds it back to a whole number', async () => {
    ds = await createTestDataSource();
    await setUpTeam(ds);
    expect(await revertLastMigration(ds)).to.equal(true);
    await insertHistory(ds, [row('2026-11-02T09:00:00.000Z', 12)]);
    expect(await runMigrations(ds)).to.deep.equal(['DecimalVolumes1764928800000']);
    await insertHistory(ds, [row('2026-11-02T10:00:00.000Z', 38.5)]);
    const q = { channelId: 'voice', from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' };
    expect((await historyRange(ds, q)).map((p) => p.volume)).to.deep.equal([12, 38.5]);
    await revertLastMigration(ds);
    const back = (await historyRange(ds, q)).map((p) => p.volume);
    expect(back[0]).to.equal(12);
    // PostgreSQL rounds on the way back (half to even); SQLite keeps the value (dynamic typing).
    expect(back[1]).to.equal(testDbKind() === 'postgres' ? 38 : 38.5);
    await runMigrations(ds);
  });
});
