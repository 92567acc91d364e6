/**
 * Calendar events on one platform (issue #13): the form through the real HTTP server, the
 * platform's forecast moved by the event while the channel stays the sum of its platforms in
 * every interval, and the channel's own forecast (the one staffing uses) moved by the
 * platform's share of the change.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { Platform, type DataSource } from '../../../models';
import { DEMO_PLATFORMS } from '../../../seeds/demo-team';
import { insertHistory } from '../../../models/repositories/history';
import { listCalendarEvents } from '../../../models/repositories/calendar-events';
import { forecastPlatformsPage } from '../../../app/forecast-platforms';
import { forecastForWeek } from '../../../app/forecast-for-week';
import { runPlatformForecast, type EngineEventInput } from '../../../app/forecast-engine';
import { createTestDataSource, destroyTestDataSource } from '../../support/db';
import { seedMinimalTeam, startTestApp, type TestApp } from '../../support/app';
import { ZONE, expectedVolume, historyRows, makeCalendarEvent } from '../../support/forecast-builders';

const NOW = new Date('2026-11-16T06:00:00.000Z');
const WEEK = '2026-11-30';
const WEDNESDAY = '2026-12-02';

/** Voice split over two platforms, Bazari twice Sadili's size (scales 20 and 10) in every hour. */
async function seedPlatforms(ds: DataSource) {
  await seedMinimalTeam(ds);
  await ds.getRepository(Platform).insert(DEMO_PLATFORMS.filter((p) => ['bazari', 'sadili'].includes(p.code)));
  await insertHistory(ds, [
    ...historyRows({ weeks: 10, endMonday: '2026-11-16', scale: 20 }).map((r) => ({ ...r, platformCode: 'bazari' })),
    ...historyRows({ weeks: 10, endMonday: '2026-11-16', scale: 10 }).map((r) => ({ ...r, platformCode: 'sadili' })),
  ]);
}

const launch = (o: Partial<Parameters<typeof makeCalendarEvent>[1]> = {}) => ({
  name: 'Sadili app launch',
  kind: 'campaign' as const,
  channelId: 'voice',
  platformCode: 'sadili',
  startDate: WEDNESDAY,
  endDate: WEDNESDAY,
  effectPercent: 50,
  ...o,
});

describe('calendar events on one platform', function () {
  this.timeout(180_000);

  describe('runPlatformForecast with an event on one platform', () => {
    const history = (scale: number) =>
      historyRows({ weeks: 10, endMonday: '2026-11-16', scale }).map((r) => ({ start: r.start, volume: r.offered, ahtSeconds: null }));
    const platforms = [
      { platform: 'bazari', history: history(20) },
      { platform: 'sadili', history: history(10) },
    ];
    const range = {
      start: DateTime.fromISO(WEEK, { zone: ZONE }).toUTC().toISO()!,
      end: DateTime.fromISO('2026-12-07', { zone: ZONE }).toUTC().toISO()!,
    };
    const event: EngineEventInput = {
      from: WEDNESDAY,
      to: WEDNESDAY,
      dayOff: false,
      effectPercent: 50,
      name: 'launch',
      platform: 'sadili',
    };
    const run = (events: EngineEventInput[]) => runPlatformForecast(platforms, { zone: ZONE, intervalMinutes: 60, ...range, events })!;

    it('runPlatformForecast, +50 % on Sadili one Wednesday, scales Sadili that day only, Bazari untouched, channel = Σ platforms in every interval', () => {
      const before = run([]);
      const after = run([event]);
      expect(after.channel.points).to.have.length(168);
      const localDate = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toISODate();
      let changed = 0;
      after.channel.points.forEach((p, h) => {
        const sum = after.platforms.reduce((a, pl) => a + pl.points[h].volume, 0);
        expect(p.volume, p.start).to.be.closeTo(sum, 1e-6);
        const [bazari, sadili] = after.platforms;
        expect(bazari.points[h].volume, p.start).to.be.closeTo(before.platforms[0].points[h].volume, 1e-9);
        const factor = localDate(p.start) === WEDNESDAY ? 1.5 : 1;
        expect(sadili.points[h].volume, p.start).to.be.closeTo(before.platforms[1].points[h].volume * factor, 1e-9);
        if (factor !== 1 && sadili.points[h].volume > 0) changed++;
      });
      expect(changed).to.be.greaterThan(0);
    });
  });

  describe('the pages and forecasts, on the database', () => {
    let ds: DataSource;
    beforeEach(async () => {
      ds = await createTestDataSource();
      await seedPlatforms(ds);
    });
    afterEach(async () => destroyTestDataSource(ds));

    it('forecastPlatformsPage, a +50 % launch on Sadili, makes Sadili’s Wednesday 1.5× and the channel’s days still Σ platforms', async () => {
      const q = { channelId: 'voice', weekStart: WEEK, fallbackZone: ZONE, now: NOW };
      const before = (await forecastPlatformsPage(ds, q))!;
      await makeCalendarEvent(ds, launch());
      const after = (await forecastPlatformsPage(ds, q))!;
      const code = (d: typeof after, c: string) => d.platforms.find((p) => p.code === c)!;
      const wed = after.dates.indexOf(WEDNESDAY);
      expect(wed).to.equal(2);
      expect(code(after, 'sadili').days[wed]).to.be.closeTo(1.5 * code(before, 'sadili').days[wed], 1e-6);
      expect(code(after, 'sadili').days[wed]).to.be.greaterThan(0);
      expect(code(after, 'bazari').days[wed]).to.be.closeTo(code(before, 'bazari').days[wed], 1e-6);
      for (let k = 0; k < 7; k++) {
        if (k !== wed) expect(code(after, 'sadili').days[k]).to.be.closeTo(code(before, 'sadili').days[k], 1e-6);
        expect(after.channel.days[k]).to.be.closeTo(code(after, 'sadili').days[k] + code(after, 'bazari').days[k], 1e-6);
      }
    });

    it('forecastForWeek (the channel forecast staffing uses), +50 % on Sadili, a third of the contacts → that Wednesday × (1 + 0.5 × its share)', async () => {
      const q = { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW };
      const dayTotal = (w: Awaited<ReturnType<typeof forecastForWeek>>, date: string) =>
        w.points.filter((p) => DateTime.fromISO(p.start, { zone: ZONE }).toISODate() === date).reduce((a, p) => a + p.volume, 0);
      const before = await forecastForWeek(ds, q);
      await makeCalendarEvent(ds, launch());
      const after = await forecastForWeek(ds, q);
      // Sadili's share of the seeded weeks, from the builders' pattern (every week the same).
      let sadili = 0;
      let all = 0;
      for (let weekday = 1; weekday <= 7; weekday++)
        for (let hour = 0; hour < 24; hour++) {
          sadili += expectedVolume(weekday, hour, 10);
          all += expectedVolume(weekday, hour, 10) + expectedVolume(weekday, hour, 20);
        }
      expect(sadili / all).to.be.closeTo(1 / 3, 0.01);
      expect(dayTotal(after, WEDNESDAY)).to.be.closeTo(dayTotal(before, WEDNESDAY) * (1 + 0.5 * (sadili / all)), 0.5);
      expect(dayTotal(after, '2026-12-01')).to.be.closeTo(dayTotal(before, '2026-12-01'), 1e-6);
    });
  });

  describe('the event form over HTTP', () => {
    let app: TestApp;
    beforeEach(async () => {
      app = await startTestApp({ now: () => NOW, seed: seedPlatforms });
    });
    afterEach(async () => app?.close());

    const form = (o: Record<string, string> = {}) => ({
      name: 'Sadili app launch',
      kind: 'campaign',
      channel: 'voice',
      platform: 'sadili',
      startDate: WEDNESDAY,
      endDate: WEDNESDAY,
      effectPercent: '50',
      note: '',
      version: '0',
      ...o,
    });

    it('POST /forecast/events with a platform: coordinator → stored on that platform, listed with its name, chosen again on edit', async () => {
      const coordinator = await app.loginAs('coordinator');
      const page = await coordinator.get('/forecast/events');
      expect(page.text).to.contain('<select name="platform"').and.contain('<option value="sadili"').and.contain('All platforms');
      const res = await coordinator.postForm('/forecast/events', form(), '/forecast/events');
      expect(res.status).to.equal(303);
      const [event] = await listCalendarEvents(app.ds);
      expect(event).to.include({ channelId: 'voice', platformCode: 'sadili', effectPercent: 50, startDate: WEDNESDAY });
      const list = await coordinator.get('/forecast/events');
      expect(list.text).to.contain('Sadili — food delivery');
      const edit = await coordinator.get(`/forecast/events/${event.id}/edit`);
      expect(edit.text).to.match(/<option value="sadili"\s+selected>/);
      const whole = await coordinator.postForm(
        `/forecast/events/${event.id}/edit`,
        form({ platform: '', version: String(event.version) }),
        `/forecast/events/${event.id}/edit`,
      );
      expect(whole.status).to.equal(303);
      expect((await listCalendarEvents(app.ds))[0].platformCode).to.equal(null);
    });

    it('POST /forecast/events: an unknown platform, or a platform without a channel or on a day off → 422 with the reason, nothing saved', async () => {
      const coordinator = await app.loginAs('coordinator');
      const unknown = await coordinator.postForm('/forecast/events', form({ platform: 'fax' }), '/forecast/events');
      expect(unknown.status).to.equal(422);
      expect(unknown.text).to.contain('Choose one of the team’s platforms.');
      const noChannel = await coordinator.postForm('/forecast/events', form({ channel: '' }), '/forecast/events');
      expect(noChannel.status).to.equal(422);
      expect(noChannel.text).to.contain('An event on one platform needs a channel, and cannot be a day off.');
      const dayOff = await coordinator.postForm('/forecast/events', form({ kind: 'holiday' }), '/forecast/events');
      expect(dayOff.status).to.equal(422);
      expect(await listCalendarEvents(app.ds)).to.deep.equal([]);
    });

    it('GET /forecast/events: Georgian → the platform field and its choices in Georgian', async () => {
      const coordinator = await app.loginAs('coordinator');
      const res = await coordinator.request('/forecast/events', { headers: { 'accept-language': 'ka' } });
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('პლატფორმა').and.contain('ყველა პლატფორმა');
    });
  });
});
