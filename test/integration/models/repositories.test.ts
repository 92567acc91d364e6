import { expect } from 'chai';
import {
  DEFAULT_LABOUR_RULES,
  createTeamSettings,
  getChannel,
  getTeamSettings,
  hourlyTotalsForDay,
  updateChannel,
  updateTeamSettings,
  StaleEditError,
  NotFoundError,
  appendAudit,
  createChannel,
  createStaff,
  createUser,
  dailyTotals,
  deleteHistoryAt,
  existingHistoryStarts,
  findUserByUsername,
  getSessionData,
  historyBounds,
  historyRange,
  insertHistory,
  listAudit,
  listStaff,
  setSessionData,
  updateStaff,
  withTransaction,
  type DataSource,
  type HistoryRow,
} from '../../../models';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';

const NOW = '2026-11-25T09:00:00.000Z';

function makeStaff(over: Partial<Parameters<typeof createStaff>[1]> = {}) {
  return {
    code: 's01',
    name: 'Nino Beridze',
    role: 'agent' as const,
    skills: ['voice', 'chat'],
    contractHoursPerWeek: 40,
    activeFrom: '2024-01-01',
    ...over,
  };
}

function makeRow(over: Partial<HistoryRow> = {}): HistoryRow {
  return {
    start: '2026-11-02T05:00:00.000Z',
    channelId: 'voice',
    platformCode: '',
    intervalMinutes: 60,
    offered: 10,
    answered: 9,
    abandoned: 1,
    ahtSeconds: 240,
    ...over,
  };
}

async function addVoiceChannel(ds: DataSource) {
  await createChannel(ds, {
    id: 'voice',
    nameKey: 'channel.voice',
    kind: 'voice',
    targetServiceLevel: 0.8,
    thresholdSeconds: 20,
    targetAsaSeconds: 25,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    patienceSeconds: 120,
    maxAbandonRate: null,
    concurrency: 1,
    sortOrder: 1,
  });
}

describe(`repositories (${testDbKind()})`, () => {
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
  });
  afterEach(async () => {
    await destroyTestDataSource(ds);
  });

  describe('staff', () => {
    it('createStaff then listStaff, gives skills as an array and version 1', async () => {
      await createStaff(ds, makeStaff(), NOW);
      const [s] = await listStaff(ds);
      expect(s).to.include({ code: 's01', name: 'Nino Beridze', contractHoursPerWeek: 40, version: 1, createdAt: NOW });
      expect(s.skills).to.deep.equal(['voice', 'chat']);
    });

    it('updateStaff with the current version, saves and bumps the version', async () => {
      const s = await createStaff(ds, makeStaff(), NOW);
      const saved = await updateStaff(ds, s.id, s.version, { name: 'Nino B.', skills: ['chat'] }, '2026-11-25T10:00:00.000Z');
      expect(saved).to.include({ name: 'Nino B.', version: 2, updatedAt: '2026-11-25T10:00:00.000Z' });
      expect(saved.skills).to.deep.equal(['chat']);
    });

    it('updateStaff with a stale version, throws StaleEditError and keeps the other edit', async () => {
      const s = await createStaff(ds, makeStaff(), NOW);
      await updateStaff(ds, s.id, 1, { name: 'First editor' }, NOW);
      let error: unknown;
      try {
        await updateStaff(ds, s.id, 1, { name: 'Second editor' }, NOW);
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(StaleEditError);
      expect((await listStaff(ds))[0]).to.include({ name: 'First editor', version: 2 });
    });

    it('updateStaff of a missing id, throws NotFoundError', async () => {
      let error: unknown;
      try {
        await updateStaff(ds, 999, 1, { name: 'x' }, NOW);
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(NotFoundError);
    });

    it('listStaff activeOn a day, leaves out those who left before it or start after it', async () => {
      await createStaff(ds, makeStaff({ code: 's01' }), NOW);
      await createStaff(ds, makeStaff({ code: 's02', activeTo: '2026-06-30' }), NOW);
      await createStaff(ds, makeStaff({ code: 's03', activeFrom: '2027-01-01' }), NOW);
      expect((await listStaff(ds, { activeOn: '2026-11-25' })).map((s) => s.code)).to.deep.equal(['s01']);
    });

    it('createStaff with a duplicate code, is refused by the unique constraint', async () => {
      await createStaff(ds, makeStaff(), NOW);
      let error: unknown;
      try {
        await createStaff(ds, makeStaff(), NOW);
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(Error);
    });
  });

  describe('connection', () => {
    it('SQLite connection, runs in WAL mode with foreign keys on and a busy timeout', async function () {
      if (testDbKind() !== 'sqlite') this.skip();
      expect(await ds.query('PRAGMA journal_mode')).to.deep.equal([{ journal_mode: 'wal' }]);
      expect(await ds.query('PRAGMA foreign_keys')).to.deep.equal([{ foreign_keys: 1 }]);
      expect(await ds.query('PRAGMA busy_timeout')).to.deep.equal([{ timeout: 5000 }]);
    });
  });

  describe('settings and channels', () => {
    it('updateTeamSettings with the current version, merges the rules; with a stale one, throws StaleEditError', async () => {
      const created = await createTeamSettings(
        ds,
        { name: 'Support', timeZone: 'Asia/Tbilisi', intervalMinutes: 60, locale: 'en', rules: DEFAULT_LABOUR_RULES },
        NOW,
      );
      const saved = await updateTeamSettings(
        ds,
        created.version,
        { intervalMinutes: 30, rules: { ...DEFAULT_LABOUR_RULES, minRestHours: 11 } },
        NOW,
      );
      expect(saved).to.include({ intervalMinutes: 30, version: created.version + 1 });
      expect(saved.rules).to.deep.equal({ ...DEFAULT_LABOUR_RULES, minRestHours: 11 });
      let error: unknown;
      try {
        await updateTeamSettings(ds, created.version, { intervalMinutes: 15 }, NOW);
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(StaleEditError);
      expect((await getTeamSettings(ds))?.intervalMinutes).to.equal(30);
    });

    it('updateChannel with a stale version, throws StaleEditError and keeps the stored target', async () => {
      await addVoiceChannel(ds);
      const voice = (await getChannel(ds, 'voice'))!;
      await updateChannel(ds, 'voice', voice.version, { targetServiceLevel: 0.9 });
      let error: unknown;
      try {
        await updateChannel(ds, 'voice', voice.version, { targetServiceLevel: 0.7 });
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(StaleEditError);
      expect((await getChannel(ds, 'voice'))?.targetServiceLevel).to.equal(0.9);
    });
  });

  describe('users, sessions, audit', () => {
    it('createUser then findByUsername in other case, finds it with booleans as booleans', async () => {
      await createUser(ds, { username: 'Nino.Beridze', passwordHash: 'h', role: 'agent', isDemo: true }, NOW);
      const u = await findUserByUsername(ds, 'NINO.beridze');
      expect(u).to.include({ username: 'nino.beridze', isDemo: true, disabled: false, role: 'agent' });
    });

    it('setSessionData twice, keeps the newer data; expired, reads as none', async () => {
      await setSessionData(ds, 'abc', '{"a":1}', '2026-11-25T10:00:00.000Z');
      await setSessionData(ds, 'abc', '{"a":2}', '2026-11-25T11:00:00.000Z');
      expect(await getSessionData(ds, 'abc', NOW)).to.equal('{"a":2}');
      expect(await getSessionData(ds, 'abc', '2026-11-25T12:00:00.000Z')).to.equal(null);
    });

    it('appendAudit then listAudit, gives the detail back as an object', async () => {
      await appendAudit(ds, { at: NOW, action: 'seed', entity: 'demo', detail: { staff: 35 } });
      const [entry] = await listAudit(ds);
      expect(entry).to.include({ action: 'seed', entity: 'demo', userId: null });
      expect(entry.detail).to.deep.equal({ staff: 35 });
    });
  });

  describe('history', () => {
    beforeEach(() => addVoiceChannel(ds));

    it('insertHistory of 1,200 rows in a transaction, stores them all', async () => {
      const rows = Array.from({ length: 1200 }, (_, i) => makeRow({ start: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString() }));
      await withTransaction(ds, (tx) => insertHistory(tx, rows));
      expect(await historyBounds(ds, 'voice')).to.deep.equal({ first: rows[0].start, last: rows[1199].start, count: 1200 });
    });

    it('insertHistory failing half-way in a transaction, leaves nothing stored', async () => {
      const rows = [makeRow(), makeRow({ start: '2026-11-02T06:00:00.000Z' }), makeRow()];
      let error: unknown;
      try {
        await withTransaction(ds, (tx) => insertHistory(tx, rows));
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(Error);
      expect((await historyBounds(ds)).count).to.equal(0);
    });

    it('insertHistory for a channel that does not exist, is refused by the foreign key', async () => {
      let error: unknown;
      try {
        await insertHistory(ds, [makeRow({ channelId: 'fax' })]);
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(Error);
      expect((await historyBounds(ds)).count).to.equal(0);
    });

    it('historyRange over two platforms, sums volumes and weights aht by answered contacts', async () => {
      await insertHistory(ds, [
        makeRow({ platformCode: 'a', offered: 10, answered: 10, abandoned: 0, ahtSeconds: 200 }),
        makeRow({ platformCode: 'b', offered: 30, answered: 30, abandoned: 0, ahtSeconds: 400 }),
      ]);
      const [p] = await historyRange(ds, { channelId: 'voice', from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' });
      expect(p.volume).to.equal(40);
      expect(p.answered).to.equal(40);
      expect(p.ahtSeconds).to.be.closeTo((10 * 200 + 30 * 400) / 40, 1e-9);
    });

    it('dailyTotals in Tbilisi, puts 21:00 UTC on the next local day', async () => {
      await insertHistory(ds, [
        makeRow({ start: '2026-11-02T19:00:00.000Z', offered: 5 }), // 23:00 local, 2 Nov
        makeRow({ start: '2026-11-02T21:00:00.000Z', offered: 7 }), // 01:00 local, 3 Nov
      ]);
      const days = await dailyTotals(ds, { channelId: 'voice', fromDate: '2026-11-02', toDate: '2026-11-03', zone: 'Asia/Tbilisi' });
      expect(days.map((d) => [d.date, d.volume])).to.deep.equal([
        ['2026-11-02', 5],
        ['2026-11-03', 7],
      ]);
    });

    it('hourlyTotalsForDay, 15-minute rows of two platforms, sums them per local hour', async () => {
      await insertHistory(ds, [
        makeRow({ start: '2026-11-02T05:00:00.000Z', intervalMinutes: 15, platformCode: 'a', offered: 3 }),
        makeRow({ start: '2026-11-02T05:15:00.000Z', intervalMinutes: 15, platformCode: 'a', offered: 4 }),
        makeRow({ start: '2026-11-02T05:45:00.000Z', intervalMinutes: 15, platformCode: 'b', offered: 5 }),
        makeRow({ start: '2026-11-02T06:00:00.000Z', intervalMinutes: 15, platformCode: 'b', offered: 6 }),
      ]);
      const hours = await hourlyTotalsForDay(ds, { date: '2026-11-02', zone: 'Asia/Tbilisi', channelId: 'voice' });
      expect(hours.map((h) => [h.hour, h.start, h.volume])).to.deep.equal([
        ['09:00', '2026-11-02T05:00:00.000Z', 12],
        ['10:00', '2026-11-02T06:00:00.000Z', 6],
      ]);
    });

    it('existingHistoryStarts then deleteHistoryAt, finds and removes exactly those rows', async () => {
      await insertHistory(ds, [makeRow(), makeRow({ start: '2026-11-02T06:00:00.000Z' }), makeRow({ platformCode: 'x' })]);
      const found = await existingHistoryStarts(ds, 'voice', '', '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z');
      expect([...found].sort()).to.deep.equal(['2026-11-02T05:00:00.000Z', '2026-11-02T06:00:00.000Z']);
      expect(await deleteHistoryAt(ds, 'voice', '', ['2026-11-02T05:00:00.000Z'])).to.equal(1);
      expect((await historyBounds(ds)).count).to.equal(2);
    });
  });
});
