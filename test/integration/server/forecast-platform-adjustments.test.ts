/**
 * Forecast adjustments on one platform (issue #13), on SQLite and PostgreSQL: the use case
 * stores the forecast's split at its first platform adjustment, moves that platform's part and
 * the channel by exactly as much, keeps channel = Σ platforms in every interval through channel
 * edits, undo and restore, and refuses a platform the team does not know; then the form over HTTP.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { Platform, type DataSource } from '../../../models';
import { DEMO_PLATFORMS } from '../../../seeds/demo-team';
import {
  forecastPlatformValues,
  forecastValues,
  getForecast,
  listForecastAdjustments,
  type ForecastRecord,
} from '../../../models/repositories/forecasts';
import { listAudit } from '../../../models/repositories/audit';
import { forecastPlatformsPage } from '../../../app/forecast-platforms';
import { adjustForecastEdit, undoAdjustmentEdit, type AdjustRequest } from '../../../app/forecast-edit';
import { createTestDataSource, destroyTestDataSource } from '../../support/db';
import { startTestApp, type TestApp } from '../../support/app';
import { ZONE, makeForecast, seedTwoPlatforms } from '../../support/forecast-builders';

const NOW = new Date('2026-11-16T06:00:00.000Z');
const WEEK = '2026-11-30';
/** Tuesday 1 December, 10:00, 11:00 and 12:00 in Tbilisi (UTC+4). */
const TUE_10 = '2026-12-01T06:00:00.000Z';
const TUE_11 = '2026-12-01T07:00:00.000Z';
const TUE_12 = '2026-12-01T08:00:00.000Z';
const USER = { id: 1, username: 'coordinator' };

/** The channel's volume (adjusted, else the model's) and each platform's part, per interval start, read back from the tables. */
async function state(ds: DataSource, id: number) {
  const channel = new Map((await forecastValues(ds, id)).map((v) => [v.start, v.adjustedVolume ?? v.volume]));
  const parts = new Map<string, Map<string, number>>();
  for (const r of await forecastPlatformValues(ds, id)) {
    if (!parts.has(r.platformCode)) parts.set(r.platformCode, new Map());
    parts.get(r.platformCode)!.set(r.start, r.adjustedVolume ?? r.volume);
  }
  return { channel, parts };
}

/** Channel = Σ platforms in every interval, the sum made here from the stored rows. */
function expectCoherent(s: Awaited<ReturnType<typeof state>>) {
  expect(s.parts.size).to.be.greaterThan(0);
  for (const [start, volume] of s.channel) {
    let sum = 0;
    for (const p of s.parts.values()) sum += p.get(start) ?? NaN;
    expect(volume, start).to.be.closeTo(sum, 1e-9);
  }
}

describe('forecast adjustments on one platform', function () {
  this.timeout(180_000);

  describe('adjustForecastEdit and undoAdjustmentEdit on the database', () => {
    let ds: DataSource;
    let f: ForecastRecord;
    beforeEach(async () => {
      ds = await createTestDataSource();
      await seedTwoPlatforms(ds);
      // Every hour of the week at 30 contacts: the stored channel the split divides.
      f = await makeForecast(ds, { weekStart: WEEK, volume: 30 });
    });
    afterEach(async () => destroyTestDataSource(ds));

    const adjust = async (o: Partial<AdjustRequest>) =>
      adjustForecastEdit(ds, {
        id: f.id,
        version: (await getForecast(ds, f.id))!.version,
        unit: 'percent',
        value: 20,
        platform: 'sadili',
        fromLocal: '2026-12-01T10:00',
        toLocal: '2026-12-01T12:00',
        note: 'Sadili push',
        zone: ZONE,
        now: NOW,
        user: USER,
        ...o,
      });

    it('+20 % on Sadili Tuesday 10-12 → split stored, Sadili × 1.2 there, the channel up by Sadili’s change only, Σ platforms everywhere; listed and audited with the platform', async () => {
      expect(await forecastPlatformValues(ds, f.id)).to.deep.equal([]);
      expect((await adjust({})).kind).to.equal('ok');
      const s = await state(ds, f.id);
      expect([...s.parts.keys()].sort()).to.deep.equal(['bazari', 'sadili']);
      expectCoherent(s);
      const model = new Map((await forecastPlatformValues(ds, f.id)).map((r) => [`${r.platformCode} ${r.start}`, r.volume]));
      // The open hours are split 2:1 as the history is; Sadili's model part at 10:00 is about 10.
      expect(model.get(`sadili ${TUE_10}`)).to.be.closeTo(10, 0.6);
      for (const start of [TUE_10, TUE_11]) {
        const sadili = model.get(`sadili ${start}`)!;
        expect(s.parts.get('sadili')!.get(start)).to.be.closeTo(sadili * 1.2, 1e-9);
        expect(s.parts.get('bazari')!.get(start)).to.equal(model.get(`bazari ${start}`));
        expect(s.channel.get(start)).to.be.closeTo(30 + 0.2 * sadili, 1e-9);
      }
      expect(s.channel.get(TUE_12)).to.equal(30);
      const [a] = await listForecastAdjustments(ds, f.id);
      expect(a).to.include({ platformCode: 'sadili', kind: 'scale', unit: 'percent', entered: 20 });
      const [audit] = await listAudit(ds, { entity: 'forecast' });
      expect(audit.action).to.equal('forecast.adjust');
      expect(audit.detail).to.include({ platformCode: 'sadili', changed: 2 });
      expect((await getForecast(ds, f.id))!.version).to.equal(f.version + 1);
    });

    it('then set the channel to 60 at 11:00, undo the Sadili edit, restore it → Σ platforms after each; the platforms keep their proportions under the channel edit', async () => {
      await adjust({});
      expect((await adjust({ platform: null, unit: 'set', value: 60, fromLocal: '2026-12-01T11:00' })).kind).to.equal('ok');
      let s = await state(ds, f.id);
      expectCoherent(s);
      expect(s.channel.get(TUE_11)).to.be.closeTo(60, 1e-9);
      const sadili11 = s.parts.get('sadili')!.get(TUE_11)!;
      const model = new Map((await forecastPlatformValues(ds, f.id)).map((r) => [`${r.platformCode} ${r.start}`, r.volume]));
      const s0 = model.get(`sadili ${TUE_11}`)!;
      // Sadili was s0 × 1.2 of a channel at 30 + 0.2 s0: it keeps that share of 60.
      expect(sadili11).to.be.closeTo((60 * (1.2 * s0)) / (30 + 0.2 * s0), 1e-9);

      const [first] = await listForecastAdjustments(ds, f.id);
      const version = () => getForecast(ds, f.id).then((x) => x!.version);
      const undo = async (restore: boolean) =>
        undoAdjustmentEdit(ds, { id: f.id, adjustmentId: first.id, version: await version(), restore, now: NOW, user: USER });
      expect((await undo(false)).kind).to.equal('ok');
      s = await state(ds, f.id);
      expectCoherent(s);
      expect(s.channel.get(TUE_10), 'the model again').to.be.closeTo(30, 1e-9);
      expect(s.parts.get('sadili')!.get(TUE_10)).to.equal(model.get(`sadili ${TUE_10}`));
      expect(s.channel.get(TUE_11), 'the set alone').to.be.closeTo(60, 1e-9);
      expect(s.parts.get('sadili')!.get(TUE_11)).to.be.closeTo(2 * s0, 1e-9);

      expect((await undo(true)).kind).to.equal('ok');
      s = await state(ds, f.id);
      expectCoherent(s);
      expect(s.parts.get('sadili')!.get(TUE_11)).to.be.closeTo(sadili11, 1e-9);
      expect(s.channel.get(TUE_10)).to.be.closeTo(30 + 0.2 * model.get(`sadili ${TUE_10}`)!, 1e-9);
      // A stale version is refused as for a channel adjustment.
      const stale = await adjust({ version: f.version });
      expect(stale.kind).to.equal('stale');
    });

    it('an unknown platform → invalid on the platform field, nothing stored, the version unchanged', async () => {
      const res = await adjust({ platform: 'fax' });
      expect(res).to.deep.equal({ kind: 'invalid', field: 'platform', messageKey: 'forecast.error.platform' });
      expect(await listForecastAdjustments(ds, f.id)).to.deep.equal([]);
      expect(await forecastPlatformValues(ds, f.id)).to.deep.equal([]);
      expect((await getForecast(ds, f.id))!.version).to.equal(f.version);
    });

    it('set a known platform without history here to 5 → a part of zeros added for it, then 5; the channel up by 5', async () => {
      await ds.getRepository(Platform).insert(DEMO_PLATFORMS.filter((p) => !['bazari', 'sadili'].includes(p.code)).slice(0, 1));
      const code = DEMO_PLATFORMS.filter((p) => !['bazari', 'sadili'].includes(p.code))[0].code;
      expect((await adjust({ platform: code, unit: 'set', value: 5 })).kind).to.equal('ok');
      const s = await state(ds, f.id);
      expectCoherent(s);
      expect(s.parts.get(code)!.get(TUE_10)).to.equal(5);
      expect(s.parts.get(code)!.get(TUE_12)).to.equal(0);
      expect(s.channel.get(TUE_10)).to.be.closeTo(35, 1e-9);
    });
    it('forecastPlatformsPage, stored forecast + Sadili +20 % Tuesday 10-12 + channel ×1.1 Wednesday → the stored figures adjusted: Tuesday moves by Sadili’s change, Wednesday ×1.1 on both, channel = forecast page total = Σ platforms', async () => {
      const q = { channelId: 'voice', weekStart: WEEK, fallbackZone: ZONE, now: NOW };
      const before = (await forecastPlatformsPage(ds, q))!;
      expect(before.storedForecastId).to.equal(f.id);
      // The stored channel, 30 an hour, is what the page shows, split by platform.
      before.channel.days.forEach((v) => expect(v).to.be.closeTo(720, 1e-6));
      await adjust({});
      await adjust({ platform: null, unit: 'factor', value: 1.1, fromLocal: '2026-12-02T00:00', toLocal: '2026-12-03T00:00' });
      const after = (await forecastPlatformsPage(ds, q))!;
      const row = (d: typeof after, code: string) => d.platforms.find((p) => p.code === code)!;
      const [tue, wed] = [1, 2];
      // Independent figures: the stored split's model parts and the channel's stored values.
      const model = new Map((await forecastPlatformValues(ds, f.id)).map((r) => [`${r.platformCode} ${r.start}`, r.volume]));
      const lift = 0.2 * (model.get(`sadili ${TUE_10}`)! + model.get(`sadili ${TUE_11}`)!);
      expect(row(after, 'sadili').days[tue]).to.be.closeTo(row(before, 'sadili').days[tue] + lift, 1e-6);
      expect(row(after, 'bazari').days[tue]).to.be.closeTo(row(before, 'bazari').days[tue], 1e-6);
      for (const code of ['bazari', 'sadili']) expect(row(after, code).days[wed]).to.be.closeTo(1.1 * row(before, code).days[wed], 1e-6);
      const stored = await forecastValues(ds, f.id);
      for (let k = 0; k < 7; k++) {
        const day = DateTime.fromISO(after.dates[k], { zone: ZONE });
        const [dayFrom, dayTo] = [day.toUTC().toISO()!, day.plus({ days: 1 }).toUTC().toISO()!];
        const forecastPageDay = stored
          .filter((v) => v.start >= dayFrom && v.start < dayTo)
          .reduce((a, v) => a + (v.adjustedVolume ?? v.volume), 0);
        expect(after.channel.days[k], after.dates[k]).to.be.closeTo(forecastPageDay, 1e-6);
        expect(after.channel.days[k]).to.be.closeTo(row(after, 'bazari').days[k] + row(after, 'sadili').days[k], 1e-6);
      }
      expect(row(after, 'sadili').share + row(after, 'bazari').share).to.be.closeTo(1, 1e-9);
      expect(row(after, 'sadili').share).to.be.greaterThan(row(before, 'sadili').share);
      expect(row(after, 'sadili').trend!).to.be.greaterThan(row(before, 'sadili').trend!);
    });
  });

  describe('the adjust form over HTTP', () => {
    let app: TestApp;
    let f: ForecastRecord;
    beforeEach(async () => {
      app = await startTestApp({ now: () => NOW, seed: seedTwoPlatforms });
      f = await makeForecast(app.ds, { weekStart: WEEK, volume: 30 });
    });
    afterEach(async () => app?.close());

    const form = async (o: Record<string, string> = {}) => ({
      version: String((await getForecast(app.ds, f.id))!.version),
      week: WEEK,
      unit: 'percent',
      value: '20',
      platform: 'sadili',
      from: '2026-12-01 10:00',
      to: '2026-12-01 12:00',
      note: 'Sadili push',
      ...o,
    });

    it('POST /forecast/:id/adjust with a platform: coordinator → 303; the list names the platform, a channel edit says whole channel; the preview counts its 2 intervals', async () => {
      const c = await app.loginAs('coordinator');
      const page = (await c.get(`/forecast?channel=voice&week=${WEEK}&forecast=${f.id}`)).text;
      expect(page)
        .to.contain('<select name="platform"')
        .and.contain('<option value="sadili"')
        .and.contain('Whole channel (every platform)');
      const preview = await c.postForm(`/forecast/${f.id}/adjust/preview`, await form());
      expect(preview.text).to.contain('data-changed="2"');
      expect((await c.postForm(`/forecast/${f.id}/adjust`, await form())).status).to.equal(303);
      expect((await c.postForm(`/forecast/${f.id}/adjust`, await form({ platform: '', unit: 'factor', value: '1.1' }))).status).to.equal(
        303,
      );
      expectCoherent(await state(app.ds, f.id));
      const list = (await c.get(`/forecast?channel=voice&week=${WEEK}&forecast=${f.id}`)).text;
      const rows = list.slice(list.indexOf('id="adjustment-list"'));
      expect(rows).to.match(/class="adjustment-platform">Sadili — food delivery</);
      expect(rows).to.match(/class="adjustment-platform">Whole channel</);
      const platforms = (await c.get(`/forecast/platforms?channel=voice&week=${WEEK}`)).text;
      expect(platforms).to.contain(`Forecast #${f.id} as stored, with its adjustments in force`);
    });

    it('POST /forecast/:id/adjust with an unknown platform → 422 saying to choose one of the team’s platforms, nothing stored', async () => {
      const c = await app.loginAs('coordinator');
      await c.get(`/forecast?channel=voice&week=${WEEK}&forecast=${f.id}`);
      const res = await c.postForm(`/forecast/${f.id}/adjust`, await form({ platform: 'fax' }));
      expect(res.status).to.equal(422);
      expect(res.text).to.contain('Choose one of the team’s platforms, or the whole channel.');
      const long = await c.postForm(`/forecast/${f.id}/adjust`, await form({ platform: 'x'.repeat(40) }));
      expect(long.status).to.equal(422);
      expect(long.text).to.contain('Choose one of the team’s platforms, or the whole channel.');
      expect(await listForecastAdjustments(app.ds, f.id)).to.deep.equal([]);
    });

    it('GET /forecast in Georgian → the platform field and the whole-channel choice in Georgian', async () => {
      const c = await app.loginAs('coordinator');
      const res = await c.request(`/forecast?channel=voice&week=${WEEK}&forecast=${f.id}`, { headers: { 'accept-language': 'ka' } });
      expect(res.text).to.contain('მთელი არხი (ყველა პლატფორმა)').and.contain('მხოლოდ ერთი პლატფორმა');
    });
  });
});
