import { expect } from 'chai';
import { actualsBetween, listAudit, type DataSource } from '../../../models';
import { recordActuals } from '../../../app/record-actuals';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';
import { setUpTeam } from '../../support/team';

const NOW = new Date('2026-12-07T10:20:00.000Z'); // 14:20 in Tbilisi
const DAY = { from: '2026-12-07T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' };

/** A row as a phone system sends it (JSON keys), with overrides. */
function row(over: Record<string, unknown> = {}) {
  return {
    start: '2026-12-07T09:00:00+04:00',
    channel: 'voice',
    offered: 100,
    answered: 92,
    abandoned: 8,
    ahtSeconds: 240,
    serviceLevel: 0.81,
    ...over,
  };
}

describe(`app/record-actuals: upsert, corrections, bad rows (${testDbKind()})`, function () {
  this.timeout(30_000);
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
    await setUpTeam(ds);
  });
  afterEach(() => destroyTestDataSource(ds));

  const push = (json: unknown, now = NOW) => recordActuals(ds, { json, source: 'api', now });

  it('recordActuals, the same interval sent twice, stores it once: the second push replaces, nothing added', async () => {
    const first = await push([row(), row({ channel: 'chat', offered: 30, answered: 30, abandoned: 0 })]);
    expect(first).to.include({ kind: 'ok', rows: 2, intervals: 2, added: 2, replaced: 0 });
    const again = await push([row()]);
    expect(again).to.include({ kind: 'ok', added: 0, replaced: 1 });
    const stored = await actualsBetween(ds, DAY.from, DAY.to);
    expect(stored).to.have.length(2);
    expect(stored.find((a) => a.channelId === 'voice')).to.include({
      start: '2026-12-07T05:00:00.000Z',
      offered: 100,
      intervalMinutes: 60,
    });
  });

  it('recordActuals, a late correction of an interval, replaces every value and the time received', async () => {
    await push([row()]);
    const later = new Date(NOW.getTime() + 15 * 60_000);
    await push([row({ offered: 104, answered: 95, abandoned: 9, ahtSeconds: null, serviceLevel: 0.78 })], later);
    const [a] = await actualsBetween(ds, DAY.from, DAY.to);
    expect(a).to.include({
      offered: 104,
      answered: 95,
      abandoned: 9,
      ahtSeconds: null,
      serviceLevel: 0.78,
      receivedAt: later.toISOString(),
      source: 'api',
    });
  });

  it('recordActuals, one interval twice in one batch, keeps the later row and counts one interval', async () => {
    const r = await push([row({ offered: 50, answered: 50, abandoned: 0 }), row({ offered: 60, answered: 55, abandoned: 5 })]);
    expect(r).to.include({ kind: 'ok', rows: 2, intervals: 1, added: 1 });
    const stored = await actualsBetween(ds, DAY.from, DAY.to);
    expect(stored.map((a) => a.offered)).to.deep.equal([60]);
  });

  it('recordActuals, a platform split, keeps each platform of one interval apart', async () => {
    await push([
      row({ platform: 'bazari', offered: 10, answered: 10, abandoned: 0 }),
      row({ platform: 'sadili', offered: 7, answered: 7, abandoned: 0 }),
    ]);
    const stored = await actualsBetween(ds, DAY.from, DAY.to);
    expect(stored.map((a) => [a.platformCode, a.offered])).to.deep.equal([
      ['bazari', 10],
      ['sadili', 7],
    ]);
  });

  it('recordActuals, a batch with bad rows, names each row and field and stores nothing, not even its good rows', async () => {
    await push([row({ offered: 80, answered: 80, abandoned: 0 })]);
    const r = await push([
      row({ offered: 120, answered: 100, abandoned: 5 }),
      row({ start: '2026-12-07T10:30:00+04:00' }),
      row({ channel: 'fax' }),
      row({ offered: -1, answered: null, abandoned: null }),
      row({ answered: 90, abandoned: 20 }),
      row({ start: '2026-12-07T15:00:00+04:00' }),
      row({ serviceLevel: 1.5, answered: 2.5 }),
    ]);
    expect(r.kind).to.equal('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.errors.map((e) => [e.line, e.field, e.code])).to.deep.equal([
      [2, 'start', 'offGrid'],
      [3, 'channel', 'unknownValue'],
      [4, 'offered', 'negative'],
      [5, 'answered', 'moreThanOffered'],
      [6, 'start', 'future'],
      [7, 'answered', 'notWhole'],
      [7, 'serviceLevel', 'tooLarge'],
    ]);
    // The stored interval keeps its earlier version: the good first row was not written either.
    const stored = await actualsBetween(ds, DAY.from, DAY.to);
    expect(stored.map((a) => a.offered)).to.deep.equal([80]);
  });

  it('recordActuals, CSV with a bad line, reports the file line and column name and stores nothing', async () => {
    const csv = [
      'start,channel,platform,offered,answered,abandoned,aht_seconds,service_level',
      '2026-12-07T09:00:00,voice,,100,92,8,240,0.81',
      '2026-12-07T10:00:00,voice,,90,88,2,abc,0.9',
      '2026-12-07T10:00:00,chat,nowhere,40,40,0,600,0.9',
    ].join('\n');
    const r = await recordActuals(ds, { csv, source: 'cli', now: NOW });
    expect(r.kind).to.equal('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.errors.map((e) => [e.line, e.field, e.code])).to.deep.equal([
      [3, 'aht_seconds', 'notNumber'],
      [4, 'platform', 'unknownValue'],
    ]);
    expect(await actualsBetween(ds, DAY.from, DAY.to)).to.have.length(0);
  });

  it('recordActuals, a clean CSV from a person, stores local times in the team zone and writes one audit entry', async () => {
    const csv = ['start,channel,offered,answered,abandoned', '2026-12-07T09:00:00,voice,100,92,8', '2026-12-07T10:00,chat,30,30,0'].join(
      '\n',
    );
    const r = await recordActuals(ds, { csv, source: 'page', now: NOW });
    expect(r).to.include({ kind: 'ok', intervals: 2, first: '2026-12-07T05:00:00.000Z', last: '2026-12-07T06:00:00.000Z' });
    expect((await listAudit(ds, { kind: 'actuals' })).map((e) => e.action)).to.deep.equal(['actuals.import']);
    await push([row()]);
    expect(await listAudit(ds, { kind: 'actuals' })).to.have.length(1);
  });

  it('recordActuals with dryRun, a clean batch, reports what it would do and writes nothing', async () => {
    await push([row()]);
    const r = await recordActuals(ds, {
      json: [row(), row({ start: '2026-12-07T10:00:00+04:00' })],
      source: 'api',
      now: NOW,
      dryRun: true,
    });
    expect(r).to.include({ kind: 'ok', dryRun: true, added: 1, replaced: 1 });
    expect(await actualsBetween(ds, DAY.from, DAY.to)).to.have.length(1);
  });
});
