import crypto from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { georgianHolidaysBetween } from '../../../forecasting/calendar/georgian-holidays';
import {
  dailyTotals,
  historyBounds,
  listStaff,
  listUsers,
  listChannels,
  listPlatforms,
  listAudit,
  type DataSource,
  type DailyTotal,
} from '../../../models';
import { DEMO_PASSWORD, ensureDemoData, resetDatabase, seedDemo } from '../../../seeds';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';

const NOW = DateTime.fromISO('2026-11-25T09:30:00Z');
const ZONE = 'Asia/Tbilisi';

/** SHA-256 over every history row in a fixed order: equal checksums mean equal history. */
async function historyChecksum(ds: DataSource): Promise<string> {
  const rows = (await ds.query(
    'SELECT "start", "channelId", "offered", "answered", "abandoned", "ahtSeconds" FROM contact_history ORDER BY "channelId", "start"',
  )) as Record<string, unknown>[];
  const h = crypto.createHash('sha256');
  for (const r of rows) h.update(`${r.start}|${r.channelId}|${r.offered}|${r.answered}|${r.abandoned}|${Number(r.ahtSeconds)}\n`);
  return h.digest('hex');
}

async function staffSnapshot(ds: DataSource) {
  return (await listStaff(ds)).map(({ createdAt, updatedAt, ...s }) => s);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe(`demo seed (${testDbKind()})`, function () {
  this.timeout(60_000);
  let ds: DataSource;
  let voice: DailyTotal[];
  let chat: DailyTotal[];
  const lastFullDay = NOW.setZone(ZONE).startOf('day').minus({ days: 1 });
  const yearAgo = lastFullDay.minus({ days: 364 });
  const holidays = new Set(georgianHolidaysBetween('2020-01-01', '2030-12-31').map((h) => h.date));
  const isWeekday = (date: string) => DateTime.fromISO(date).weekday <= 5;
  const inLastYear = (date: string) => date >= yearAgo.toISODate()!;

  before(async () => {
    ds = await createTestDataSource();
    await seedDemo(ds, { seed: 20261125, now: NOW });
    const range = { fromDate: lastFullDay.minus({ years: 3 }).toISODate()!, toDate: lastFullDay.toISODate()!, zone: ZONE };
    voice = await dailyTotals(ds, { channelId: 'voice', ...range });
    chat = await dailyTotals(ds, { channelId: 'chat', ...range });
  });
  after(() => destroyTestDataSource(ds));

  describe('team', () => {
    it('seedDemo, team of 35, has 1 head, 1 coordinator, 3 team leads and 30 agents', async () => {
      const roles = (await listStaff(ds)).map((s) => s.role);
      expect(roles.length).to.equal(35);
      const count = (r: string) => roles.filter((x) => x === r).length;
      expect([count('head'), count('coordinator'), count('team_lead'), count('agent')]).to.deep.equal([1, 1, 3, 30]);
    });

    it('seedDemo, skills, are 16 voice only, 8 chat only, 11 both with every lead on both', async () => {
      const staff = await listStaff(ds);
      const key = (s: { skills: string[] }) => [...s.skills].sort().join('+');
      const count = (k: string) => staff.filter((s) => key(s) === k).length;
      expect([count('voice'), count('chat'), count('chat+voice')]).to.deep.equal([16, 8, 11]);
      expect(staff.filter((s) => s.role !== 'agent').every((s) => key(s) === 'chat+voice')).to.equal(true);
    });

    it('seedDemo, queue shares, are 50 % for each lead, 30 % for the coordinator, 20 % for the head and whole for agents', async () => {
      const staff = await listStaff(ds);
      const shares = (role: string) => staff.filter((s) => s.role === role).map((s) => s.queueShare);
      expect(shares('team_lead')).to.deep.equal([0.5, 0.5, 0.5]);
      expect(shares('coordinator')).to.deep.equal([0.3]);
      expect(shares('head')).to.deep.equal([0.2]);
      expect(shares('agent').every((x) => x === 1)).to.equal(true);
    });

    it('seedDemo, contracts, are 40 h except about five part-timers on 24 or 30 h', async () => {
      const hours = (await listStaff(ds)).map((s) => s.contractHoursPerWeek);
      const partTime = hours.filter((h) => h !== 40);
      expect(partTime.length).to.be.within(4, 6);
      expect(partTime.every((h) => h === 24 || h === 30)).to.equal(true);
    });

    it('seedDemo, logins, one demo login per person plus admin, all opening with the demo password', async () => {
      const users = await listUsers(ds);
      expect(users.length).to.equal(36);
      expect(users.every((u) => u.isDemo)).to.equal(true);
      expect(users.find((u) => u.username === 'admin')?.role).to.equal('admin');
      expect(users.filter((u) => u.staffId !== null).length).to.equal(35);
      expect(users.every((u) => /^[a-z]+(\.[a-z]+)?$/.test(u.username))).to.equal(true);
      expect(await verify(users[0].passwordHash, DEMO_PASSWORD)).to.equal(true);
      expect(await verify(users[0].passwordHash, 'wrong-password')).to.equal(false);
    });

    it('seedDemo, reference data, has 10 platforms, voice and chat channels and an audit entry', async () => {
      expect((await listPlatforms(ds)).length).to.equal(10);
      const channels = await listChannels(ds);
      expect(channels.map((c) => c.id)).to.deep.equal(['voice', 'chat']);
      expect(channels[0]).to.include({
        targetServiceLevel: 0.8,
        thresholdSeconds: 20,
        targetAsaSeconds: 25,
        shrinkage: 0.3,
        patienceSeconds: 120,
      });
      expect(channels[1]).to.include({ thresholdSeconds: 180, concurrency: 2 });
      expect((await listAudit(ds)).map((a) => a.action)).to.include('demo.seed');
    });
  });

  describe('history', () => {
    it('seedDemo, history span, covers at least two years and ends with the last full day before now', async () => {
      const { first, last } = await historyBounds(ds);
      const firstLocal = DateTime.fromISO(first!, { zone: ZONE });
      const lastLocal = DateTime.fromISO(last!, { zone: ZONE });
      expect(lastLocal.toISODate()).to.equal(lastFullDay.toISODate());
      expect(lastFullDay.diff(firstLocal.startOf('day'), 'days').days).to.be.at.least(2 * 365);
    });

    it('seedDemo, history hours, only inside opening hours 09:00-23:00 local', async () => {
      const rows = (await ds.query('SELECT DISTINCT "start" FROM contact_history')) as { start: string }[];
      const hours = new Set(rows.map((r) => DateTime.fromISO(r.start, { zone: ZONE }).hour));
      expect([...hours].sort((a, b) => a - b)).to.deep.equal([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    });

    it('seedDemo, calls on ordinary weekdays of the last year, average 450-500 a day', () => {
      const days = voice.filter((d) => inLastYear(d.date) && isWeekday(d.date) && !holidays.has(d.date));
      expect(days.length).to.be.greaterThan(240);
      expect(mean(days.map((d) => d.volume))).to.be.within(450, 500);
    });

    it('seedDemo, weekends, have fewer calls than weekdays', () => {
      const last = voice.filter((d) => inLastYear(d.date) && !holidays.has(d.date));
      const weekend = mean(last.filter((d) => !isWeekday(d.date)).map((d) => d.volume));
      const weekday = mean(last.filter((d) => isWeekday(d.date)).map((d) => d.volume));
      expect(weekend / weekday).to.be.within(0.5, 0.8);
    });

    it('seedDemo, chats in the last year, stay at or under about 330 a day', () => {
      const volumes = chat
        .filter((d) => inLastYear(d.date))
        .map((d) => d.volume)
        .sort((a, b) => a - b);
      expect(volumes[Math.floor(volumes.length * 0.95)]).to.be.at.most(330);
      expect(volumes[volumes.length - 1]).to.be.at.most(360);
      expect(mean(volumes)).to.be.within(180, 300);
    });

    it('seedDemo, calls year over year, grow 20 % ± 5 %', () => {
      const yearBefore = yearAgo.minus({ days: 365 }).toISODate()!;
      const sum = (from: string, to: string) => voice.filter((d) => d.date >= from && d.date < to).reduce((a, d) => a + d.volume, 0);
      const ratio = sum(yearAgo.toISODate()!, '9999') / sum(yearBefore, yearAgo.toISODate()!);
      expect(ratio).to.be.within(1.15, 1.25);
    });

    it('seedDemo, public holidays on weekdays, have clearly fewer calls than other weekdays', () => {
      const weekdays = voice.filter((d) => isWeekday(d.date));
      const onHolidays = weekdays.filter((d) => holidays.has(d.date)).map((d) => d.volume);
      const others = weekdays.filter((d) => !holidays.has(d.date)).map((d) => d.volume);
      expect(onHolidays.length).to.be.greaterThan(10);
      expect(mean(onHolidays) / mean(others)).to.be.below(0.7);
    });

    it('seedDemo, handle times, are about 4-5 min for calls and 9-12 min for chats', () => {
      const aht = (days: DailyTotal[]) => mean(days.filter((d) => d.ahtSeconds !== null).map((d) => d.ahtSeconds!));
      expect(aht(voice) / 60).to.be.within(4, 5);
      expect(aht(chat) / 60).to.be.within(9, 12);
    });

    it('seedDemo, abandoned calls, are a few percent and more frequent in busy hours', async () => {
      const rows = (await ds.query(
        'SELECT "offered", "abandoned", "answered" FROM contact_history WHERE "channelId" = \'voice\'',
      )) as Record<string, number>[];
      const rate = (rs: Record<string, number>[]) =>
        rs.reduce((a, r) => a + Number(r.abandoned), 0) / rs.reduce((a, r) => a + Number(r.offered), 0);
      expect(rate(rows)).to.be.within(0.02, 0.1);
      expect(rows.every((r) => Number(r.answered) + Number(r.abandoned) === Number(r.offered))).to.equal(true);
      expect(rate(rows.filter((r) => Number(r.offered) >= 40))).to.be.greaterThan(rate(rows.filter((r) => Number(r.offered) < 20)));
    });
  });

  describe('reproducibility', () => {
    it('seedDemo, same seed and clock in another database, gives identical staff and history', async () => {
      const other = await createTestDataSource();
      try {
        await seedDemo(other, { seed: 20261125, now: NOW });
        expect(await staffSnapshot(other)).to.deep.equal(await staffSnapshot(ds));
        expect(await historyChecksum(other)).to.equal(await historyChecksum(ds));
      } finally {
        await destroyTestDataSource(other);
      }
    });

    it('seedDemo, another seed, gives different history', async () => {
      const other = await createTestDataSource();
      try {
        await seedDemo(other, { seed: 1, now: NOW });
        expect(await historyChecksum(other)).to.not.equal(await historyChecksum(ds));
      } finally {
        await destroyTestDataSource(other);
      }
    });
  });

  describe('ensureDemoData and reset', () => {
    it('ensureDemoData, on a seeded database, does nothing and says so', async () => {
      expect(await ensureDemoData(ds, NOW)).to.equal(false);
      expect((await listStaff(ds)).length).to.equal(35);
    });

    it('ensureDemoData on an empty database, then resetDatabase, seeds and then empties it', async () => {
      const other = await createTestDataSource();
      try {
        expect(await ensureDemoData(other, NOW)).to.equal(true);
        expect((await listStaff(other)).length).to.equal(35);
        await resetDatabase(other);
        expect((await listStaff(other)).length).to.equal(0);
        expect((await historyBounds(other)).count).to.equal(0);
      } finally {
        await destroyTestDataSource(other);
      }
    });
  });
});
