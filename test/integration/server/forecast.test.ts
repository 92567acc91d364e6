import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { DataSource } from '../../../models';
import {
  acceptForecast,
  addForecastAdjustment,
  forecastValues,
  getForecast,
  listForecastAdjustments,
  listForecasts,
} from '../../../models/repositories/forecasts';
import { listCalendarEvents } from '../../../models/repositories/calendar-events';
import { listAudit } from '../../../models/repositories/audit';
import { forecastForWeek } from '../../../app/forecast-for-week';
import { replayAdjustments } from '../../../app/forecast-adjustments';
import { forecastAccuracy } from '../../../app/forecast-accuracy';
import { createTestDataSource, destroyTestDataSource } from '../../support/db';
import { seedMinimalTeam, startTestApp, type TestApp, type TestClient } from '../../support/app';
import { ZONE, expectedVolume, makeCalendarEvent, makeForecast, seedHistory } from '../../support/forecast-builders';

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
    await replayAdjustments(ds, f.id);
    const week = await forecastForWeek(ds, { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW });
    const byStart = new Map(week.points.map((p) => [p.start, p]));
    expect(byStart.get('2026-11-16T06:00:00.000Z')).to.include({ volume: 15, upper80: 16.5, lower95: 12 });
    expect(byStart.get('2026-11-16T07:00:00.000Z')!.volume).to.equal(15);
    expect(byStart.get('2026-11-16T08:00:00.000Z')!.volume).to.equal(10);
    expect((await getForecast(ds, f.id))!.version).to.equal(f.version + 1);
  });

  it('forecastAccuracy: a 24/7 channel and an accepted flat forecast of last week → one week whose WAPE counts Monday 00:00-04:00 local too', async () => {
    const hours = { open: 0, close: 24 };
    await seedHistory(ds, { weeks: 3, endMonday: WEEK, hours });
    const f = await makeForecast(ds, { weekStart: '2026-11-09', volume: 10 });
    await acceptForecast(ds, f.id, f.version, '2026-11-08T10:00:00.000Z');
    let absError = 0;
    let actual = 0;
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const a = expectedVolume(weekday, hour, 10, hours);
        absError += Math.abs(10 - a);
        actual += a;
      }
    }
    const page = await forecastAccuracy(ds, { fallbackZone: ZONE, weeks: 2 });
    const voice = page.channels.find((c) => c.channelId === 'voice')!;
    expect(voice.stored).to.have.length(1);
    expect(voice.stored[0]).to.include({ weekStart: '2026-11-09', forecastId: f.id });
    expect(voice.stored[0].actual).to.equal(actual);
    expect(voice.stored[0].wape).to.be.closeTo(absError / actual, 1e-12);
  });

  it('forecastForWeek: computed twice with an event added in between → the second answer has the event (no stale cache)', async () => {
    await seedHistory(ds, { weeks: 6, endMonday: WEEK });
    const q = { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW };
    const total = (w: Awaited<ReturnType<typeof forecastForWeek>>) => w.points.reduce((sum, p) => sum + p.volume, 0);
    const before = total(await forecastForWeek(ds, q));
    await makeCalendarEvent(ds, {
      kind: 'outage',
      channelId: 'voice',
      startDate: '2026-11-16',
      endDate: '2026-11-22',
      effectPercent: -100,
    });
    expect(total(await forecastForWeek(ds, q))).to.equal(0);
    expect(before).to.be.greaterThan(0);
  });

  it('forecastForWeek: a stored hourly forecast while the team now plans in 30 minutes → not used, computed instead', async () => {
    await makeForecast(ds, { volume: 10 });
    await seedHistory(ds, { weeks: 3, endMonday: WEEK });
    const week = await forecastForWeek(ds, { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 30, now: NOW });
    expect(week.status).to.equal('computed');
    expect(week.points).to.have.length(336);
    // The hourly history is spread over half-hours: each half of 10:00-11:00 on Monday holds half the hour.
    let weekTotal = 0;
    for (let weekday = 1; weekday <= 7; weekday++) for (let hour = 9; hour < 23; hour++) weekTotal += expectedVolume(weekday, hour);
    expect(week.points.reduce((s, p) => s + p.volume, 0)).to.be.closeTo(weekTotal, 1);
    const monday10 = week.points.filter((p) => p.start === '2026-11-16T06:00:00.000Z' || p.start === '2026-11-16T06:30:00.000Z');
    for (const p of monday10) expect(p.volume).to.be.closeTo(expectedVolume(1, 10) / 2, 0.01);
  });
});

describe('forecast pages over HTTP', function () {
  let app: TestApp;
  const now = () => NOW;
  const seed = async (ds: DataSource) => {
    await seedMinimalTeam(ds);
    await seedHistory(ds, { channelId: 'voice', weeks: 10, endMonday: WEEK });
    await seedHistory(ds, { channelId: 'chat', weeks: 10, endMonday: WEEK, scale: 6, ahtSeconds: 600 });
  };
  beforeEach(async () => {
    app = await startTestApp({ now, seed });
  });
  afterEach(async () => app?.close());

  const generate = async (client: TestClient, fields: Record<string, string> = { channel: 'voice' }) =>
    client.postForm('/forecast/generate', fields, '/forecast');

  it('GET /forecast: team lead, no stored forecast → computed forecast of next week with chart, candidates and shapes, no coordinator forms', async () => {
    const lead = await app.loginAs('team_lead');
    const res = await lead.get('/forecast?channel=voice');
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('Week of 23 Nov 2026').and.contain('Computed').and.contain('<svg');
    expect(res.text).to.contain('Same interval last week').and.contain('WAPE');
    expect(res.text).to.contain('Giorgoba'); // 23 November, a public holiday in the week
    expect(res.text).to.contain('Only a coordinator can generate');
    expect(res.text).not.to.contain('action="/forecast/generate"').and.not.to.contain('Generate and store');
  });

  it('GET /forecast: Georgian browser → the page in Georgian', async () => {
    const lead = await app.loginAs('team_lead');
    const res = await lead.request('/forecast?channel=chat', { headers: { 'accept-language': 'ka' } });
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('პროგნოზი').and.contain('რომელი მოდელი და რატომ');
  });

  it('GET /forecast: a stored reason in codes is worded in the reader’s language; one stored as an English sentence is shown as it is', async () => {
    const next = '2026-11-23';
    const coded = await makeForecast(app.ds, {
      weekStart: next,
      chosenBecause: [
        { code: 'lowestWape', params: { wape: '0.081', folds: 4 } },
        { code: 'combinationNeedsHistory', params: { method: 'week-average' } },
      ],
    });
    expect((await getForecast(app.ds, coded.id))!.chosenBecause).to.deep.equal(coded.chosenBecause);
    const lead = await app.loginAs('team_lead');
    const en = (await lead.get(`/forecast?channel=voice&week=${next}&forecast=${coded.id}`)).text;
    expect(en).to.contain(
      'lowest WAPE 0.081 over 4 backtest week(s) before the start; the combination needs more history, so Average of the last 4 weeks is used',
    );
    const ka = (await lead.request(`/forecast?channel=voice&week=${next}&forecast=${coded.id}`, { headers: { 'accept-language': 'ka' } }))
      .text;
    expect(ka).to.contain('ყველაზე დაბალი WAPE 0.081 დაწყებამდე 4 უკუტესტის კვირაზე').and.contain('ბოლო 4 კვირის საშუალო');
    const legacy = await makeForecast(app.ds, {
      weekStart: next,
      chosenBecause: 'lowest WAPE 0.2 over 3 backtest week(s) before the origin',
    });
    expect((await getForecast(app.ds, legacy.id))!.chosenBecause).to.equal('lowest WAPE 0.2 over 3 backtest week(s) before the origin');
    const old = (await lead.get(`/forecast?channel=voice&week=${next}&forecast=${legacy.id}`)).text;
    expect(old).to.contain('lowest WAPE 0.2 over 3 backtest week(s) before the origin');
  });

  it('GET /forecast: unknown channel → 404', async () => {
    const lead = await app.loginAs('team_lead');
    expect((await lead.get('/forecast?channel=fax')).status).to.equal(404);
  });

  it('POST /forecast/generate: coordinator, one channel → a draft of 6 weeks × 168 hourly values, audited, shown as the week’s forecast', async () => {
    const coordinator = await app.loginAs('coordinator');
    expect((await coordinator.get('/forecast?channel=voice')).text).to.contain('Generate and store 6 weeks from this one');
    const res = await generate(coordinator);
    expect(res.status).to.equal(303);
    const [f] = await listForecasts(app.ds);
    expect(f).to.include({
      channelId: 'voice',
      weekStart: '2026-11-23',
      status: 'draft',
      horizonStart: '2026-11-22T20:00:00.000Z',
      horizonEnd: '2027-01-03T20:00:00.000Z',
    });
    expect(f.candidates.length).to.be.greaterThan(1);
    expect(await forecastValues(app.ds, f.id)).to.have.length(6 * 168);
    expect((await listAudit(app.ds, { entity: 'forecast' }))[0].action).to.equal('forecast.generate');
    const page = await coordinator.get(res.headers.get('location')!);
    expect(page.text).to.contain('Draft').and.contain('Accept as the plan');
  });

  it('GET /forecast: a stored forecast asked for outside its weeks → the usual choice (computed) instead; span 6 → 200', async () => {
    const coordinator = await app.loginAs('coordinator');
    await generate(coordinator);
    const [f] = await listForecasts(app.ds);
    const outside = await coordinator.get(`/forecast?channel=voice&week=2027-02-01&forecast=${f.id}`);
    expect(outside.status).to.equal(200);
    expect(outside.text).to.contain('Computed');
    const inside = await coordinator.get(`/forecast?channel=voice&week=2026-12-14&forecast=${f.id}&span=6`);
    expect(inside.status).to.equal(200);
    expect(inside.text).to.contain(`#${f.id}`).and.contain('Draft');
  });

  it('POST /forecast/generate: all channels → one draft per channel', async () => {
    const coordinator = await app.loginAs('coordinator');
    expect((await generate(coordinator, { channel: 'all', week: '2026-11-25' })).status).to.equal(303);
    const forecasts = await listForecasts(app.ds);
    expect(forecasts.map((f) => f.channelId).sort()).to.deep.equal(['chat', 'voice']);
    expect(forecasts.every((f) => f.weekStart === '2026-11-23')).to.equal(true);
  });

  it('POST /forecast/generate: team lead → 403 and nothing stored', async () => {
    const lead = await app.loginAs('team_lead');
    expect((await generate(lead)).status).to.equal(403);
    expect(await listForecasts(app.ds)).to.have.length(0);
  });

  it('POST /forecast/:id/accept: a second overlapping forecast accepted → the first becomes superseded, the plan takes the second', async () => {
    const coordinator = await app.loginAs('coordinator');
    await generate(coordinator);
    const [first] = await listForecasts(app.ds);
    expect((await coordinator.postForm(`/forecast/${first.id}/accept`, { version: String(first.version) }, '/forecast')).status).to.equal(
      303,
    );
    await generate(coordinator, { channel: 'voice', week: '2026-11-30' });
    const second = (await listForecasts(app.ds)).find((f) => f.id !== first.id)!;
    expect((await coordinator.postForm(`/forecast/${second.id}/accept`, { version: String(second.version) }, '/forecast')).status).to.equal(
      303,
    );
    expect((await getForecast(app.ds, first.id))!.status).to.equal('superseded');
    expect((await getForecast(app.ds, second.id))!.status).to.equal('accepted');
    const week = await forecastForWeek(app.ds, { channelId: 'voice', weekStart: '2026-11-30', zone: ZONE, intervalMinutes: 60, now: NOW });
    expect(week).to.include({ forecastId: second.id, status: 'accepted' });
  });

  it('POST /forecast/:id/accept: stale version → 409 with error.stale, still a draft', async () => {
    const coordinator = await app.loginAs('coordinator');
    await generate(coordinator);
    const [f] = await listForecasts(app.ds);
    await addForecastAdjustment(app.ds, f.version, {
      forecastId: f.id,
      fromStart: f.horizonStart,
      toStart: f.horizonEnd,
      kind: 'scale',
      value: 1.1,
      note: 'someone else',
      createdBy: 'head',
      createdAt: NOW.toISOString(),
    });
    const res = await coordinator.postForm(`/forecast/${f.id}/accept`, { version: String(f.version) }, '/forecast');
    expect(res.status).to.equal(409);
    expect(res.text).to.contain('Someone else changed this record');
    expect((await getForecast(app.ds, f.id))!.status).to.equal('draft');
  });

  it('POST /forecast/:id/adjust: +50 % (Tuesday 10:00-12:00) → those two values × 1.5, listed with its note; the same version again → 409, nothing more changed', async () => {
    const coordinator = await app.loginAs('coordinator');
    await generate(coordinator);
    const [f] = await listForecasts(app.ds);
    const fields = {
      version: String(f.version),
      unit: 'percent',
      value: '50',
      from: '2026-11-24T10:00',
      to: '2026-11-24T12:00',
      note: 'mailing to all customers',
      week: '2026-11-23',
    };
    const res = await coordinator.postForm(`/forecast/${f.id}/adjust`, fields, '/forecast');
    expect(res.status).to.equal(303);
    const values = await forecastValues(app.ds, f.id, { from: '2026-11-24T05:00:00.000Z', to: '2026-11-24T09:00:00.000Z' });
    expect(values.map((v) => v.adjustedVolume === null)).to.deep.equal([true, false, false, true]);
    for (const v of values.slice(1, 3)) expect(v.adjustedVolume).to.be.closeTo(v.volume * 1.5, 1e-9);
    const page = await coordinator.get(res.headers.get('location')!);
    expect(page.text).to.contain('mailing to all customers').and.contain('+50 %');
    const again = await coordinator.postForm(`/forecast/${f.id}/adjust`, { ...fields, unit: 'set', value: '1' }, '/forecast');
    expect(again.status).to.equal(409);
    expect(await listForecastAdjustments(app.ds, f.id)).to.have.length(1);
    const after = await forecastValues(app.ds, f.id, { from: '2026-11-24T06:00:00.000Z', to: '2026-11-24T07:00:00.000Z' });
    expect(after[0].adjustedVolume).to.be.closeTo(after[0].volume * 1.5, 1e-9);
  });

  it('POST /forecast/:id/adjust: end before start, or outside the forecast → 422 with the field’s message, nothing stored', async () => {
    const coordinator = await app.loginAs('coordinator');
    await generate(coordinator);
    const [f] = await listForecasts(app.ds);
    const base = { version: String(f.version), unit: 'percent', value: '10', note: '', week: '2026-11-23' };
    const backwards = await coordinator.postForm(
      `/forecast/${f.id}/adjust`,
      { ...base, from: '2026-11-24T12:00', to: '2026-11-24T10:00' },
      '/forecast',
    );
    expect(backwards.status).to.equal(422);
    expect(backwards.text).to.contain('The end must come after the start.');
    const outside = await coordinator.postForm(
      `/forecast/${f.id}/adjust`,
      { ...base, from: '2026-11-10T10:00', to: '2026-11-10T12:00' },
      '/forecast',
    );
    expect(outside.status).to.equal(422);
    expect(outside.text).to.contain('inside the forecast’s weeks');
    expect(await listForecastAdjustments(app.ds, f.id)).to.have.length(0);
  });

  it('GET /forecast/accuracy: an accepted forecast of 10 contacts an hour for a past week → its WAPE against the history, and a backtest per week', async () => {
    const f = await makeForecast(app.ds, { weekStart: '2026-11-09', volume: 10 });
    await acceptForecast(app.ds, f.id, f.version, '2026-11-08T10:00:00.000Z');
    // Independent WAPE: open hours only (closed hours have no actual row).
    let absError = 0;
    let actual = 0;
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 9; hour < 23; hour++) {
        const a = expectedVolume(weekday, hour);
        absError += Math.abs(10 - a);
        actual += a;
      }
    }
    const lead = await app.loginAs('team_lead');
    const res = await lead.get('/forecast/accuracy?weeks=4');
    expect(res.status).to.equal(200);
    expect(res.text).to.contain(`forecast=${f.id}`);
    const wape = ((100 * absError) / actual).toFixed(1);
    expect(res.text).to.contain(`${wape}%`);
    expect(res.text).to.contain('What the automatic method would have scored').and.contain('Automatic choice');
  });

  it('events: coordinator adds, edits (stale version → 409) and deletes an event; a team lead sees it but cannot post', async () => {
    const coordinator = await app.loginAs('coordinator');
    const created = await coordinator.postForm(
      '/forecast/events',
      {
        name: 'Tariff campaign',
        kind: 'campaign',
        channel: 'voice',
        startDate: '2026-12-01',
        endDate: '2026-12-03',
        effectPercent: '25',
        note: 'SMS to all',
        version: '0',
      },
      '/forecast/events',
    );
    expect(created.status).to.equal(303);
    const [event] = await listCalendarEvents(app.ds);
    expect(event).to.include({
      name: 'Tariff campaign',
      channelId: 'voice',
      effectPercent: 25,
      startDate: '2026-12-01',
      endDate: '2026-12-03',
    });
    const lead = await app.loginAs('team_lead');
    const view = await lead.get('/forecast/events');
    expect(view.text).to.contain('Tariff campaign').and.contain('Giorgoba').and.contain('Only a coordinator can add');
    expect(
      (await lead.postForm(`/forecast/events/${event.id}/delete`, { version: String(event.version) }, '/forecast/events')).status,
    ).to.equal(403);
    const edit = {
      name: 'Tariff campaign (longer)',
      kind: 'campaign',
      channel: '',
      startDate: '2026-12-01',
      endDate: '2026-12-05',
      effectPercent: '20',
      note: '',
      version: String(event.version),
    };
    expect((await coordinator.postForm(`/forecast/events/${event.id}/edit`, edit, `/forecast/events/${event.id}/edit`)).status).to.equal(
      303,
    );
    const stale = await coordinator.postForm(
      `/forecast/events/${event.id}/edit`,
      { ...edit, name: 'Lost update' },
      `/forecast/events/${event.id}/edit`,
    );
    expect(stale.status).to.equal(409);
    expect((await listCalendarEvents(app.ds))[0]).to.include({ name: 'Tariff campaign (longer)', channelId: null, endDate: '2026-12-05' });
    const current = (await listCalendarEvents(app.ds))[0];
    expect(
      (await coordinator.postForm(`/forecast/events/${event.id}/delete`, { version: String(current.version) }, '/forecast/events')).status,
    ).to.equal(303);
    expect(await listCalendarEvents(app.ds)).to.have.length(0);
  });

  it('events: last day before the first and an effect of −150 % → 422 with the effect’s message, nothing saved', async () => {
    const coordinator = await app.loginAs('coordinator');
    const res = await coordinator.postForm(
      '/forecast/events',
      {
        name: 'Oops',
        kind: 'outage',
        channel: '',
        startDate: '2026-12-03',
        endDate: '2026-12-01',
        effectPercent: '-150',
        note: '',
        version: '0',
      },
      '/forecast/events',
    );
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('Enter a percentage between −100 and +1000.');
    expect(await listCalendarEvents(app.ds)).to.have.length(0);
  });

  it('events feed the forecast: an outage of −50 % on Wednesday → the computed Wednesday is half the repeating pattern', async () => {
    await makeCalendarEvent(app.ds, {
      name: 'Switch upgrade',
      kind: 'outage',
      channelId: 'voice',
      startDate: '2026-11-25',
      endDate: '2026-11-25',
      effectPercent: -50,
    });
    const week = await forecastForWeek(app.ds, { channelId: 'voice', weekStart: '2026-11-23', zone: ZONE, intervalMinutes: 60, now: NOW });
    const wednesday = week.points.filter((p) => DateTime.fromISO(p.start, { zone: ZONE }).toISODate() === '2026-11-25');
    let pattern = 0;
    for (let hour = 9; hour < 23; hour++) pattern += expectedVolume(3, hour);
    expect(wednesday.reduce((s, p) => s + p.volume, 0)).to.be.closeTo(pattern / 2, 0.5);
  });
});
