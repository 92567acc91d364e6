import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app';
import { createServiceToken } from '../../../app/api-tokens';
import { actualsBetween, findUserByUsername } from '../../../models';
import { testDbKind } from '../../support/db';

// In the past of the real clock: the session cookie's expiry is real time, the store's the app's clock.
const NOW = new Date('2026-11-30T10:20:00.000Z'); // 14:20 in Tbilisi
const DAY = ['2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z'] as const;

describe(`POST /api/actuals and the actuals import page (${testDbKind()})`, function () {
  this.timeout(30_000);
  let app: TestApp;
  let token: string;

  before(async () => {
    app = await startTestApp({ now: () => NOW });
    const admin = (await findUserByUsername(app.ds, 'admin'))!;
    const made = await createServiceToken(
      { db: app.ds, now: NOW, actor: { userId: admin.id } },
      { name: 'phone system', scopes: ['actuals:write'], expiresInDays: 30 },
    );
    if (made.kind !== 'ok') throw new Error('no token');
    token = made.token;
  });
  after(async () => app?.close());
  beforeEach(() => app.ds.query('DELETE FROM interval_actuals'));

  const post = (body: string, type: string, auth = token) =>
    app.client().request('/api/actuals', { method: 'POST', body, headers: { authorization: `Bearer ${auth}`, 'content-type': type } });

  it('POST /api/actuals, a service token with actuals:write, stores JSON rows; the same push again replaces and adds nothing', async () => {
    const rows = JSON.stringify({
      actuals: [{ start: '2026-11-30T13:00:00+04:00', channel: 'voice', offered: 41, answered: 39, abandoned: 2, serviceLevel: 0.74 }],
    });
    const first = await post(rows, 'application/json');
    expect(first.status, first.text).to.equal(200);
    expect(JSON.parse(first.text)).to.include({ ok: true, added: 1, replaced: 0 });
    const again = await post(rows, 'application/json');
    expect(JSON.parse(again.text)).to.include({ ok: true, added: 0, replaced: 1 });
    expect(await actualsBetween(app.ds, ...DAY)).to.have.length(1);
  });

  it('POST /api/actuals, CSV with a bad row, answers 422 with the line, field and words, and stores nothing', async () => {
    const csv = 'start,channel,offered,answered\n2026-11-30T13:00:00,voice,40,38\n2026-11-30T14:00:00,voice,40,45\n';
    const res = await post(csv, 'text/csv');
    expect(res.status).to.equal(422);
    const body = JSON.parse(res.text);
    expect(body.ok).to.equal(false);
    expect(body.errors).to.deep.equal([
      {
        line: 3,
        field: 'answered',
        code: 'moreThanOffered',
        params: { answered: 45, abandoned: 0, offered: 40 },
        message: 'answered (45) + abandoned (0) is more than offered (40)',
      },
    ]);
    expect(await actualsBetween(app.ds, ...DAY)).to.have.length(0);
  });

  it('POST /api/actuals, a token without actuals:write or none at all, is refused (403 / 401)', async () => {
    const admin = (await findUserByUsername(app.ds, 'admin'))!;
    const other = await createServiceToken(
      { db: app.ds, now: NOW, actor: { userId: admin.id } },
      { name: 'reader', scopes: ['rota:read'], expiresInDays: 30 },
    );
    if (other.kind !== 'ok') throw new Error('no token');
    expect((await post('[]', 'application/json', other.token)).status).to.equal(403);
    const anonymous = await app
      .client()
      .request('/api/actuals', { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } });
    expect(anonymous.status).to.equal(401);
  });

  it('actuals import page, a coordinator uploads a clean file, sees what was stored; a bad one in Georgian stores nothing', async () => {
    const c = await app.loginAs('coordinator');
    await c.get('/actuals/import');
    const upload = async (text: string) => {
      const form = new FormData();
      form.set('file', new Blob([text], { type: 'text/csv' }), 'today.csv');
      return c.request(`/actuals/import?_csrf=${encodeURIComponent(c.csrf!)}`, { method: 'POST', body: form });
    };
    const ok = await upload('start,channel,offered\n2026-11-30T09:00:00,voice,50\n2026-11-30T10:00:00,voice,61\n');
    expect(ok.status, ok.text.slice(0, 500)).to.equal(200);
    expect(ok.text).to.contain('2 new interval(s)');
    expect(await actualsBetween(app.ds, ...DAY)).to.have.length(2);
    await c.postForm('/locale', { locale: 'ka', returnTo: '/actuals/import' }, '/actuals/import');
    await c.get('/actuals/import');
    const bad = await upload('start,channel,offered\n2026-11-30T11:00:00,voice,50\n2026-11-30T12:00:00,fax,61\n');
    expect(bad.status).to.equal(422);
    expect(bad.text).to.match(/<td class="num">3<\/td><td><code>channel<\/code><\/td><td>უცნობი channel/);
    expect(await actualsBetween(app.ds, ...DAY)).to.have.length(2);
  });
});
