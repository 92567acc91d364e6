import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { expect } from 'chai';
import { historyBounds, historyRange, listAudit, listHistoryImports, type DataSource } from '../../../models';
import { importHistory, type ImportHistoryInput } from '../../../app/import-history';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';
import { setUpTeam } from '../../support/team';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/history');
const DAY = { from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' };

function fileLines(file: string): AsyncIterable<string> {
  return readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
}

function fixture(name: string, over: Partial<ImportHistoryInput> = {}): ImportHistoryInput {
  return {
    lines: fileLines(path.join(FIXTURES, name)),
    fileName: name,
    source: 'cli',
    onOverlap: 'refuse',
    now: new Date('2026-11-25T09:00:00Z'),
    ...over,
  };
}

describe(`importHistory (${testDbKind()})`, function () {
  this.timeout(240_000); // a backstop: the 200,000-line import is CPU-bound
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
    await setUpTeam(ds);
  });
  afterEach(() => destroyTestDataSource(ds));

  it('importHistory, a good file, stores every interval at its UTC start and summarises per channel', async () => {
    const result = await importHistory({ ds }, fixture('good.csv'));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.summary).to.include({
      rowCount: 6,
      intervalCount: 6,
      first: '2026-11-02T05:00:00.000Z',
      last: '2026-11-02T07:00:00.000Z',
      overlapCount: 0,
      replaced: 0,
    });
    expect(result.summary.perChannel).to.deep.equal([
      { channel: 'chat', intervals: 3, volume: 37 },
      { channel: 'voice', intervals: 3, volume: 90 },
    ]);
    const voice = await historyRange(ds, { channelId: 'voice', ...DAY });
    expect(voice.map((p) => [p.start, p.volume, p.answered, p.abandoned, p.ahtSeconds])).to.deep.equal([
      ['2026-11-02T05:00:00.000Z', 20, 19, 1, 250],
      ['2026-11-02T06:00:00.000Z', 30, 28, 2, 270],
      ['2026-11-02T07:00:00.000Z', 40, 37, 3, 280],
    ]);
    expect((await listHistoryImports(ds))[0]).to.include({ fileName: 'good.csv', source: 'cli', rowCount: 6, intervalCount: 6 });
    expect((await listAudit(ds)).map((a) => a.action)).to.include('history.import');
  });

  it('importHistory, every kind of bad row, reports each by line and field and imports nothing', async () => {
    const result = await importHistory({ ds }, fixture('bad-rows.csv'));
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.field])).to.deep.equal([
      [3, 'timestamp'],
      [4, 'channel'],
      [5, 'volume'],
      [6, 'volume'],
      [7, 'timestamp'],
    ]);
    expect(result.errorCount).to.equal(5);
    expect(result.errors[4].message).to.match(/duplicate/);
    expect(result.errors[1].message).to.match(/fax/);
    expect((await historyBounds(ds)).count).to.equal(0);
    expect(await listHistoryImports(ds)).to.deep.equal([]);
  });

  it('importHistory, a wrong header, reports line 1 naming the columns and imports nothing', async () => {
    const result = await importHistory({ ds }, fixture('wrong-header.csv'));
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors.every((e) => e.line === 1)).to.equal(true);
    expect(result.errors.map((e) => e.field)).to.include.members(['time', 'calls', 'timestamp', 'volume']);
    expect((await historyBounds(ds)).count).to.equal(0);
  });

  it('importHistory, 15-minute rows, sums them into hours with volume-weighted handle time', async () => {
    const result = await importHistory({ ds }, fixture('quarter-hours.csv'));
    expect(result.ok && result.summary).to.include({ rowCount: 8, intervalCount: 2, inputIntervalMinutes: 15 });
    const voice = await historyRange(ds, { channelId: 'voice', ...DAY });
    expect(voice.map((p) => [p.start, p.volume])).to.deep.equal([
      ['2026-11-02T05:00:00.000Z', 20],
      ['2026-11-02T06:00:00.000Z', 20],
    ]);
    // (4·200 + 6·300 + 5·240 + 5·260) / 20 = 255; (10·250 + 8·270 + 2·300) / 20 = 263
    expect(voice[0].ahtSeconds).to.be.closeTo(255, 1e-9);
    expect(voice[1].ahtSeconds).to.be.closeTo(263, 1e-9);
  });

  it('importHistory, overlap with refuse, imports nothing and reports the overlapping intervals', async () => {
    await importHistory({ ds }, fixture('good.csv'));
    const result = await importHistory({ ds }, fixture('overlap.csv', { onOverlap: 'refuse' }));
    expect(result).to.deep.include({
      ok: false,
      overlapCount: 1,
      overlapFirst: '2026-11-02T07:00:00.000Z',
      overlapLast: '2026-11-02T07:00:00.000Z',
    });
    const voice = await historyRange(ds, { channelId: 'voice', ...DAY });
    expect(voice.map((p) => p.volume)).to.deep.equal([20, 30, 40]);
  });

  it('importHistory, overlap with replace, overwrites those intervals in the same import and counts them', async () => {
    await importHistory({ ds }, fixture('good.csv'));
    const result = await importHistory({ ds }, fixture('overlap.csv', { onOverlap: 'replace' }));
    expect(result.ok && result.summary).to.include({ overlapCount: 1, replaced: 1, intervalCount: 3 });
    const voice = await historyRange(ds, { channelId: 'voice', ...DAY });
    expect(voice.map((p) => p.volume)).to.deep.equal([20, 30, 44, 50, 48]);
    expect((await listHistoryImports(ds))[0]).to.include({ replacedCount: 1 });
  });

  it('importHistory, platform rows over unsplit rows with replace, replaces the unsplit row (no double count)', async () => {
    await importHistory({ ds }, fixture('good.csv'));
    const lines = ['timestamp,channel,platform,volume', '2026-11-02T09:00:00,voice,bazari,12', '2026-11-02T09:00:00,voice,sadili,9'];
    const refused = await importHistory({ ds }, { ...fixture('good.csv'), lines, onOverlap: 'refuse' });
    expect(refused).to.deep.include({ ok: false, overlapCount: 2 });
    const result = await importHistory({ ds }, { ...fixture('good.csv'), lines, onOverlap: 'replace' });
    expect(result.ok && result.summary).to.include({ replaced: 1 });
    const [first] = await historyRange(ds, { channelId: 'voice', ...DAY });
    expect(first.volume).to.equal(21);
  });

  it('importHistory, dry run, previews the summary and the overlap without writing', async () => {
    await importHistory({ ds }, fixture('good.csv'));
    const result = await importHistory({ ds }, fixture('overlap.csv', { dryRun: true }));
    expect(result.ok && result.summary).to.include({ intervalCount: 3, overlapCount: 1, replaced: 0, importId: null });
    expect((await historyBounds(ds)).count).to.equal(6);
  });

  it('importHistory, a header without rows, is an error and imports nothing', async () => {
    const result = await importHistory({ ds }, { ...fixture('good.csv'), lines: ['timestamp,channel,volume'] });
    expect(result.ok).to.equal(false);
    expect((await historyBounds(ds)).count).to.equal(0);
  });

  it('importHistory, a 200,000-line file of 15-minute rows streamed from disk, stores 50,000 hours', async () => {
    const file = path.join(os.tmpdir(), `rota-big-${process.pid}-${Date.now()}.csv`);
    const out = fs.createWriteStream(file);
    out.write('timestamp,channel,volume,aht_seconds\n');
    const start = Date.UTC(2022, 0, 1);
    for (let i = 0; i < 100_000; i += 1) {
      const ts = new Date(start + i * 15 * 60_000).toISOString();
      const ok = out.write(`${ts},voice,${i % 7},240\n${ts},chat,${i % 5},600\n`);
      if (!ok) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(r));
    try {
      const result = await importHistory({ ds }, { ...fixture('good.csv'), lines: fileLines(file), fileName: 'big.csv' });
      expect(result.ok && result.summary).to.include({ rowCount: 200_000, intervalCount: 50_000 });
      expect((await historyBounds(ds)).count).to.equal(50_000);
      // Each hour holds four rows: i%7 over four consecutive i sums to a known pattern; check one total instead.
      const total = (
        await historyRange(ds, { channelId: 'voice', from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' })
      ).reduce((a, p) => a + p.volume, 0);
      let expected = 0;
      for (let i = 0; i < 100_000; i += 1) expected += i % 7;
      expect(total).to.equal(expected);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
