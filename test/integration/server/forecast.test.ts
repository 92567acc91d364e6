import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { DataSource } from '../../../models';
import { acceptForecast, addForecastAdjustment, getForecast } from '../../../models/repositories/forecasts';
import { forecastForWeek } from '../../../server/use-cases/forecast-for-week';
import { createTestDataSource, destroyTestDataSource } from '../../support/db';
import { seedMinimalTeam } from '../../support/app';
import { ZONE, expectedVolume, makeForecast, seedHistory } from '../../support/forecast-builders';

const NOW = new Date('2026-11-16T06:00:00.000Z');
const WEEK = '2026-11-16';

describe('forecastForWeek: the plan input of one channel and week', function () {
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
    await seedMinimalTeam(ds);
  });
  afterEach(async () => destroyTestDataSource(ds));

  it('forecastForWeek: no stored forecast, ten identical weeks of history → computed, every hour equals the repeating pattern', async () => {
    await seedHistory(ds, { weeks: 10, endMonday: WEEK });
    const week = await forecastForWeek(ds, { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW });
    expect(week.status).to.equal('computed');
    expect(week.forecastId).to.equal(null);
    expect(week.points).to.have.length(168);
    expect(week.points[0].start).to.equal('2026-11-15T20:00:00.000Z');
    for (const p of week.points) {
      const local = DateTime.fromISO(p.start, { zone: ZONE });
      expect(p.volume, p.start).to.be.closeTo(expectedVolume(local.weekday, local.hour), 0.5);
      expect(p.lower95).to.be.at.most(p.lower80 + 1e-9);
      expect(p.lower80).to.be.at.most(p.volume + 1e-9);
      expect(p.upper80).to.be.at.least(p.volume - 1e-9);
      expect(p.upper95).to.be.at.least(p.upper80 - 1e-9);
    }
    expect(week.points.find((p) => p.volume > 0)!.ahtSeconds).to.be.closeTo(300, 1e-6);
  });

  it('forecastForWeek: history without AHT → computed points carry null AHT (the caller decides)', async () => {
    await seedHistory(ds, { weeks: 4, endMonday: WEEK, ahtSeconds: null });
    const week = await forecastForWeek(ds, { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW });
    expect(week.points.every((p) => p.ahtSeconds === null)).to.equal(true);
  });

  it('forecastForWeek: a draft and an accepted forecast cover the week → the accepted one is used', async () => {
    const accepted = await makeForecast(ds, { volume: 7, createdAt: '2026-11-10T08:00:00.000Z' });
    await acceptForecast(ds, accepted.id, accepted.version, '2026-11-10T09:00:00.000Z');
    await makeForecast(ds, { volume: 9, createdAt: '2026-11-12T08:00:00.000Z' });
    const week = await forecastForWeek(ds, { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW });
    expect(week.status).to.equal('accepted');
    expect(week.forecastId).to.equal(accepted.id);
    expect(week.points.map((p) => p.volume)).to.deep.equal(new Array(168).fill(7));
  });

  it('forecastForWeek: two drafts and no accepted one → the newest draft is used', async () => {
    await makeForecast(ds, { volume: 5, createdAt: '2026-11-10T08:00:00.000Z' });
    const newer = await makeForecast(ds, { volume: 6, createdAt: '2026-11-12T08:00:00.000Z' });
    const week = await forecastForWeek(ds, { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW });
    expect(week).to.include({ status: 'draft', forecastId: newer.id });
    expect(week.points[0].volume).to.equal(6);
  });

  it('forecastForWeek: the second week of a six-week forecast → that week’s 168 values', async () => {
    const f = await makeForecast(ds, { weeks: 6, weekStart: '2026-11-09', volume: 4 });
    const week = await forecastForWeek(ds, { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW });
    expect(week.forecastId).to.equal(f.id);
    expect(week.points).to.have.length(168);
    expect(week.points[0].start).to.equal('2026-11-15T20:00:00.000Z');
  });

  it('forecastForWeek: an adjusted draft (+50 % on Monday 10:00-12:00) → volume and bands scaled on those two hours only', async () => {
    const f = await makeForecast(ds, { volume: 10 });
    await addForecastAdjustment(ds, f.version, {
      forecastId: f.id,
      fromStart: '2026-11-16T06:00:00.000Z',
      toStart: '2026-11-16T08:00:00.000Z',
      kind: 'scale',
      value: 1.5,
      note: 'mailing',
      createdBy: 'coordinator',
      createdAt: '2026-11-14T09:00:00.000Z',
    });
    const week = await forecastForWeek(ds, { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW });
    const byStart = new Map(week.points.map((p) => [p.start, p]));
    expect(byStart.get('2026-11-16T06:00:00.000Z')).to.include({ volume: 15, upper80: 16.5, lower95: 12 });
    expect(byStart.get('2026-11-16T07:00:00.000Z')!.volume).to.equal(15);
    expect(byStart.get('2026-11-16T08:00:00.000Z')!.volume).to.equal(10);
    expect((await getForecast(ds, f.id))!.version).to.equal(f.version + 1);
  });

  it('forecastForWeek: a stored hourly forecast while the team now plans in 30 minutes → not used, computed instead', async () => {
    await makeForecast(ds, { volume: 10 });
    await seedHistory(ds, { weeks: 3, endMonday: WEEK });
    const week = await forecastForWeek(ds, { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 30, now: NOW });
    expect(week.status).to.equal('computed');
    expect(week.points).to.have.length(336);
  });
});
