import { expect } from 'chai';
import { forecastValues, getForecast, listForecastAdjustments, type ForecastRecord } from '../../../models/repositories/forecasts';
import { forecastForWeek } from '../../../app/forecast-for-week';
import { seedMinimalTeam, startTestApp, type TestApp, type TestClient } from '../../support/app';
import { ZONE, makeForecast } from '../../support/forecast-builders';

/** Wednesday 18 November 2026; the planning week is the next one. */
const NOW = new Date('2026-11-18T06:00:00.000Z');
const WEEK = '2026-11-23';
/** Tuesday 24 November, 10:00 and 11:00 in Tbilisi (UTC+4). */
const TUE_10 = '2026-11-24T06:00:00.000Z';
const TUE_11 = '2026-11-24T07:00:00.000Z';
const TUE_12 = '2026-11-24T08:00:00.000Z';
const TUE_RANGE = { from: '2026-11-24 10:00', to: '2026-11-24 12:00' };

/** Adjusted volume (or the model's) at each start of [from, to), from the database. */
async function stored(app: TestApp, id: number, from = TUE_10, to = '2026-11-24T09:00:00.000Z') {
  return (await forecastValues(app.ds, id, { from, to })).map((v) => v.adjustedVolume ?? v.volume);
}

describe('forecast edits: explicit units, preview, undo and restore, acceptance again', function () {
  let app: TestApp;
  let f: ForecastRecord;
  let c: TestClient;
  beforeEach(async () => {
    app = await startTestApp({ now: () => NOW, seed: seedMinimalTeam });
    // Every hour of the week at 10 contacts: the expected values below are computed from that.
    f = await makeForecast(app.ds, { weekStart: WEEK, volume: 10 });
    c = await app.loginAs('coordinator');
    await c.get(`/forecast?channel=voice&week=${WEEK}`);
  });
  afterEach(async () => app?.close());

  const adjust = async (fields: Record<string, string>, version?: number) => {
    const current = (await getForecast(app.ds, f.id))!;
    return c.postForm(`/forecast/${f.id}/adjust`, {
      version: String(version ?? current.version),
      week: WEEK,
      note: '',
      ...TUE_RANGE,
      ...fields,
    });
  };
  const undo = async (adjustmentId: number, action: 'undo' | 'restore', version?: number) => {
    const current = (await getForecast(app.ds, f.id))!;
    return c.postForm(`/forecast/${f.id}/adjustments/${adjustmentId}/${action}`, {
      version: String(version ?? current.version),
      week: WEEK,
    });
  };

  it('adjust: × factor 1.15 multiplies by 1.15 (not 1.0115); + % 15 by 1.15 too; set to 7 sets 7', async () => {
    expect((await adjust({ unit: 'factor', value: '1.15' })).status).to.equal(303);
    expect(await stored(app, f.id)).to.deep.equal([11.5, 11.5, 10]);
    expect((await adjust({ unit: 'percent', value: '15' })).status).to.equal(303);
    const twice = await stored(app, f.id);
    expect(twice[0]).to.be.closeTo(10 * 1.15 * 1.15, 1e-9);
    expect((await adjust({ unit: 'set', value: '7', from: '2026-11-24 11:00', to: '2026-11-24 12:00' })).status).to.equal(303);
    expect((await stored(app, f.id))[1]).to.equal(7);
    const page = (await c.get(`/forecast?channel=voice&week=${WEEK}`)).text;
    expect(page).to.contain('×1.15').and.contain('+15 %').and.contain('7 per interval');
    // A team without platforms: every edit is on the whole channel, and the form offers no platform.
    expect(page)
      .to.match(/class="adjustment-platform">Whole channel</)
      .and.not.contain('<select name="platform"');
  });

  it('adjust: no unit, or a factor of 1.15 typed as a percentage above +900 → 422 naming the field; nothing changes', async () => {
    const none = await adjust({ value: '1.15' });
    expect(none.status).to.equal(422);
    expect(none.text).to.contain('Choose a unit: × factor, + % or set to N.');
    const tooBig = await adjust({ unit: 'factor', value: '15' });
    expect(tooBig.status).to.equal(422);
    expect(tooBig.text).to.contain('Enter a factor from 0 to 10');
    expect(await listForecastAdjustments(app.ds, f.id)).to.deep.equal([]);
    expect(await stored(app, f.id)).to.deep.equal([10, 10, 10]);
  });

  it('preview: × 2 over Tuesday 10-12 → a chart fragment saying 2 intervals change, 140 → 160 on that day; nothing saved', async () => {
    const res = await c.postForm(`/forecast/${f.id}/adjust/preview`, { unit: 'factor', value: '2', ...TUE_RANGE });
    expect(res.status).to.equal(200);
    expect(res.text).not.to.contain('<html');
    expect(res.text).to.contain('<svg').and.contain('data-changed="2"');
    // The preview covers Tuesday, 24 hours at 10: 240 before, 2 hours doubled: 260 after.
    expect(res.text).to.contain('2 intervals change; these days go from 240 to 260 contacts');
    expect(await stored(app, f.id)).to.deep.equal([10, 10, 10]);
    expect((await getForecast(app.ds, f.id))!.version).to.equal(f.version);
    const bad = await c.postForm(`/forecast/${f.id}/adjust/preview`, {
      unit: 'percent',
      value: '10',
      from: '2026-11-24 12:00',
      to: '2026-11-24 10:00',
    });
    expect(bad.text).to.contain('The end must come after the start.');
  });

  it('undo and restore: undoing the first of two edits replays the second alone; restoring brings both back; a stale version → 409', async () => {
    await adjust({ unit: 'factor', value: '2', note: 'campaign' });
    await adjust({ unit: 'set', value: '5', from: '2026-11-24 11:00', to: '2026-11-24 12:00', note: 'outage' });
    expect(await stored(app, f.id)).to.deep.equal([20, 5, 10]);
    const [first, second] = await listForecastAdjustments(app.ds, f.id);
    const before = (await getForecast(app.ds, f.id))!.version;
    expect((await undo(first.id, 'undo')).status).to.equal(303);
    expect(await stored(app, f.id)).to.deep.equal([10, 5, 10]);
    const page = (await c.get(`/forecast?channel=voice&week=${WEEK}`)).text;
    expect(page).to.contain('undone by coordinator').and.contain('adjustment-undone');
    expect((await undo(first.id, 'restore', before)).status, 'an old version').to.equal(409);
    expect(await stored(app, f.id)).to.deep.equal([10, 5, 10]);
    expect((await undo(first.id, 'restore')).status).to.equal(303);
    // Restored in its place, before the set to 5: 10 × 2 at 10:00, 5 at 11:00.
    expect(await stored(app, f.id)).to.deep.equal([20, 5, 10]);
    expect((await undo(second.id, 'undo')).status).to.equal(303);
    expect(await stored(app, f.id)).to.deep.equal([20, 20, 10]);
    expect((await getForecast(app.ds, f.id))!.version).to.equal(before + 3);
  });

  it('undo: an adjustment of another forecast → 404, nothing changes', async () => {
    const other = await makeForecast(app.ds, { weekStart: '2026-11-30', volume: 10 });
    await adjust({ unit: 'factor', value: '2' });
    const [mine] = await listForecastAdjustments(app.ds, f.id);
    const res = await c.postForm(`/forecast/${other.id}/adjustments/${mine.id}/undo`, { version: String(other.version), week: WEEK });
    expect(res.status).to.equal(404);
    expect(await stored(app, f.id)).to.deep.equal([20, 20, 10]);
  });

  it('an edit after acceptance: needs accepting again; the plan and the rota keep the accepted volumes and say so until then', async () => {
    const accept = async () =>
      c.postForm(`/forecast/${f.id}/accept`, { version: String((await getForecast(app.ds, f.id))!.version), week: WEEK });
    expect((await accept()).status).to.equal(303);
    const plan = () => forecastForWeek(app.ds, { channelId: 'voice', weekStart: WEEK, zone: ZONE, intervalMinutes: 60, now: NOW });
    const at = async (start: string) => (await plan()).points.find((p) => p.start === start)!.volume;
    expect((await c.get(`/rota?week=${WEEK}`)).text).not.to.contain('forecast-pending');

    await adjust({ unit: 'factor', value: '2' });
    const page = (await c.get(`/forecast?channel=voice&week=${WEEK}`)).text;
    expect(page).to.contain('Accepted, edited since').and.contain('Accept again, with the edits');
    expect(await at(TUE_10), 'the plan keeps the accepted 10').to.equal(10);
    expect((await plan()).pendingEdits).to.equal(true);
    const rota = (await c.get(`/rota?week=${WEEK}`)).text;
    expect(rota).to.contain('forecast-pending').and.contain('The requirement for Calls comes from the forecast as accepted');
    expect(rota).to.contain(`/forecast?channel=voice&week=${WEEK}&forecast=${f.id}`);

    expect((await accept()).status).to.equal(303);
    expect(await at(TUE_10), 'accepted again: the edit is the plan').to.equal(20);
    expect(await at(TUE_12)).to.equal(10);
    expect((await c.get(`/rota?week=${WEEK}`)).text).not.to.contain('forecast-pending');
    const accepted = (await c.get(`/forecast?channel=voice&week=${WEEK}`)).text;
    expect(accepted).not.to.contain('Accepted, edited since');

    // Undo is an edit too: accepted again needed, the plan keeps 20 until then.
    const [adj] = await listForecastAdjustments(app.ds, f.id);
    await undo(adj.id, 'undo');
    expect(await at(TUE_10)).to.equal(20);
    expect((await plan()).pendingEdits).to.equal(true);
    expect(await stored(app, f.id, TUE_10, TUE_11)).to.deep.equal([10]);
  });

  it('in Georgian: the unit choice, the preview and the re-acceptance note are in Georgian', async () => {
    await c.postForm('/locale', { locale: 'ka', returnTo: '/forecast' }, '/forecast');
    const page = (await c.get(`/forecast?channel=voice&week=${WEEK}`)).text;
    // Handlebars writes '=' as an entity: the words around it are checked.
    expect(page).to.contain('× კოეფიციენტი (1.15').and.contain('N კონტაქტი ინტერვალზე');
    const preview = await c.postForm(`/forecast/${f.id}/adjust/preview`, { unit: 'percent', value: '50', ...TUE_RANGE });
    expect(preview.text).to.contain('იცვლება 2 ინტერვალი');
  });
});
