import { expect } from 'chai';
import { ALL_MIGRATIONS, historyRange, insertHistory, revertLastMigration, runMigrations, type DataSource } from '../../../models';

/** How many migrations to revert to undo DecimalVolumes (it and every later one). */
const DOWN_TO_DECIMAL = ALL_MIGRATIONS.length - ALL_MIGRATIONS.findIndex((m) => m.name === 'DecimalVolumes1764928800000');
const revertThroughDecimal = async (ds: DataSource) => {
  for (let i = 0; i < DOWN_TO_DECIMAL; i++) expect(await revertLastMigration(ds)).to.equal(true);
};
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
    await revertThroughDecimal(ds);
    await insertHistory(ds, [row('2026-11-02T09:00:00.000Z', 12)]);
    expect((await runMigrations(ds))[0]).to.equal('DecimalVolumes1764928800000');
    await insertHistory(ds, [row('2026-11-02T10:00:00.000Z', 38.5)]);
    const q = { channelId: 'voice', from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' };
    expect((await historyRange(ds, q)).map((p) => p.volume)).to.deep.equal([12, 38.5]);
    await revertThroughDecimal(ds);
    const back = (await historyRange(ds, q)).map((p) => p.volume);
    expect(back[0]).to.equal(12);
    // PostgreSQL rounds on the way back (half to even); SQLite keeps the value (dynamic typing).
    expect(back[1]).to.equal(testDbKind() === 'postgres' ? 38 : 38.5);
    await runMigrations(ds);
  });
});
