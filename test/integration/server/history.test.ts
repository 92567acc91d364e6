import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app';
import { historyRange } from '../../../models/repositories/history';

const GOOD = [
  'timestamp,channel,volume,aht_seconds',
  '2026-11-02T09:00:00,voice,31,262',
  '2026-11-02T10:00:00,voice,40,250',
  '2026-11-02T09:00:00+04:00,chat,18,640',
].join('\n');

describe('history: the import endpoint for scripts and the history page', function () {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.close());

  it('POST /api/history/import: no session and no token → 401 JSON, nothing imported', async () => {
    const res = await app.client().request('/api/history/import', { method: 'POST', body: GOOD, headers: { 'content-type': 'text/csv' } });
    expect(res.status).to.equal(401);
    expect(JSON.parse(res.text).ok).to.equal(false);
  });

  it('POST /api/history/import: a session without the CSRF header → 403', async () => {
    const c = await app.loginAs('coordinator');
    const res = await c.request('/api/history/import', { method: 'POST', body: GOOD, headers: { 'content-type': 'text/csv' } });
    expect(res.status).to.equal(403);
  });

  it('POST /api/history/import: a team lead (no import permission) → 403', async () => {
    const c = await app.loginAs('team_lead');
    await c.get('/');
    const res = await c.request('/api/history/import', {
      method: 'POST',
      body: GOOD,
      headers: { 'content-type': 'text/csv', 'x-csrf-token': c.csrf! },
    });
    expect(res.status).to.equal(403);
  });

  it('POST /api/history/import: a file with bad rows → 422 listing each by line and field, nothing imported', async () => {
    const c = await app.loginAs('coordinator');
    await c.get('/');
    const bad = [
      'timestamp,channel,volume',
      '2026-11-03T09:00:00,voice,12',
      '2026-11-03T25:00:00,voice,3',
      '2026-11-03T11:00:00,fax,3',
      '2026-11-03T12:00:00,voice,-4',
      '2026-11-03T13:00:00,voice,abc',
    ].join('\n');
    const res = await c.request('/api/history/import', {
      method: 'POST',
      body: bad,
      headers: { 'content-type': 'text/csv', 'x-csrf-token': c.csrf! },
    });
    expect(res.status).to.equal(422);
    const body = JSON.parse(res.text);
    expect(body.ok).to.equal(false);
    expect(body.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).to.deep.equal([
      '3:timestamp',
      '4:channel',
      '5:volume',
      '6:volume',
    ]);
    const page = await c.get('/history?week=2026-11-02');
    expect(page.text).not.to.contain('svg class="chart"');
  });

  it('POST /api/history/import: JSON body with a dry run → summary, then a real import shows on /history', async () => {
    const c = await app.loginAs('coordinator');
    await c.get('/');
    const headers = { 'content-type': 'application/json', 'x-csrf-token': c.csrf! };
    const dry = await c.request('/api/history/import', { method: 'POST', body: JSON.stringify({ csv: GOOD, dryRun: true }), headers });
    expect(dry.status, dry.text).to.equal(200);
    expect(JSON.parse(dry.text).summary.intervalCount).to.equal(3);
    expect((await c.get('/history')).text).not.to.contain('svg class="chart"');
    const real = await c.request('/api/history/import', {
      method: 'POST',
      body: GOOD,
      headers: { 'content-type': 'text/csv', 'x-csrf-token': c.csrf! },
    });
    expect(real.status, real.text).to.equal(200);
    const page = await c.get('/history?week=2026-11-02');
    expect(page.text).to.contain('svg class="chart"');
    expect(page.text).to.match(/Calls · week total 71/);
  });

  it('POST /api/history/import: re-importing an overlapping period is refused by default and replaced when asked', async () => {
    const c = await app.loginAs('head');
    await c.get('/');
    const headers = { 'content-type': 'text/csv', 'x-csrf-token': c.csrf! };
    const again = ['timestamp,channel,volume', '2026-11-02T09:00:00,voice,50'].join('\n');
    const refused = await c.request('/api/history/import', { method: 'POST', body: again, headers });
    expect(refused.status).to.equal(422);
    expect(JSON.parse(refused.text).overlapCount).to.equal(1);
    const replaced = await c.request('/api/history/import?onOverlap=replace', { method: 'POST', body: again, headers });
    expect(replaced.status, replaced.text).to.equal(200);
    expect(JSON.parse(replaced.text).summary.replaced).to.equal(1);
    expect((await c.get('/history?week=2026-11-02')).text).to.match(/Calls · week total 90/);
  });

  it('import page: in Georgian, every bad row is explained in Georgian with its line and field, and nothing is imported', async () => {
    const c = await app.loginAs('coordinator');
    await c.postForm('/locale', { locale: 'ka', returnTo: '/history/import' }, '/history/import');
    await c.get('/history/import');
    const form = new FormData();
    form.set('onOverlap', 'refuse');
    form.set(
      'file',
      new Blob(['timestamp,channel,volume\n2026-11-09T09:00:00,voice,abc\n2026-11-09T10:00:00,voice,7\n2026-11-09T10:00:00,voice,8\n'], {
        type: 'text/csv',
      }),
      'bad.csv',
    );
    const res = await c.request(`/history/import?_csrf=${encodeURIComponent(c.csrf!)}`, { method: 'POST', body: form });
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('volume არ არის რიცხვი').and.to.contain('განმეორებული ინტერვალი');
    expect(res.text)
      .to.match(/<td class="num">2<\/td><td><code>volume<\/code>/)
      .and.to.match(/<td class="num">4<\/td><td><code>timestamp<\/code>/);
    const stored = await historyRange(app.ds, { channelId: 'voice', from: '2026-11-09T00:00:00.000Z', to: '2026-11-10T00:00:00.000Z' });
    expect(stored).to.deep.equal([]);
  });

  it('import page: decimal volumes (38.5) preview and commit as written; a negative one among them is refused with its line and field', async () => {
    const c = await app.loginAs('coordinator');
    await c.get('/history/import');
    const upload = async (csv: string) => {
      const form = new FormData();
      form.set('onOverlap', 'refuse');
      form.set('file', new Blob([csv], { type: 'text/csv' }), 'decimal.csv');
      return c.request(`/history/import?_csrf=${encodeURIComponent(c.csrf!)}`, { method: 'POST', body: form });
    };
    const bad = await upload('timestamp,channel,volume\n2026-11-10T09:00:00,voice,38.5\n2026-11-10T10:00:00,voice,-0.5\n');
    expect(bad.status).to.equal(422);
    expect(bad.text).to.match(/<td class="num">3<\/td><td><code>volume<\/code>/);
    const good = await upload('timestamp,channel,volume\n2026-11-10T09:00:00,voice,38.5\n2026-11-10T10:00:00,voice,0.25\n');
    expect(good.status, good.text.slice(0, 300)).to.equal(200);
    const id = good.text.match(/name="id" value="([a-f0-9]{24})"/)![1];
    expect((await c.postForm('/history/import/commit', { id })).status).to.equal(302);
    const stored = await historyRange(app.ds, { channelId: 'voice', from: '2026-11-10T00:00:00.000Z', to: '2026-11-11T00:00:00.000Z' });
    expect(stored.map((s) => s.volume)).to.deep.equal([38.5, 0.25]);
  });
});
