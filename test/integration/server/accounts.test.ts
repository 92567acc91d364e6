import { expect } from 'chai';
import { verify } from '@node-rs/argon2';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../support/app';
import { findUserByUsername, listApiTokens } from '../../../models/repositories/users';
import { listAudit } from '../../../models/repositories/audit';

const CSV = ['timestamp,channel,volume', '2026-11-03T09:00:00+04:00,voice,12', '2026-11-03T10:00:00+04:00,voice,15'].join('\n');

/** The account's concurrency stamp, as the edit page's forms carry it. */
function stampOf(page: string): string {
  const stamp = page.match(/name="stamp" value="([a-f0-9]{20})"/)?.[1];
  if (!stamp) throw new Error('no stamp on the page');
  return stamp;
}

function importWithToken(app: TestApp, token: string) {
  return app.client().request('/api/history/import', {
    method: 'POST',
    body: CSV,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
  });
}

describe('accounts: the administrator manages logins and API tokens', function () {
  this.timeout(20_000);
  let app: TestApp;
  let admin: TestClient;
  before(async () => {
    app = await startTestApp();
    admin = await app.loginAs('admin');
  });
  after(async () => app?.close());

  it('GET /accounts: only the admin (coordinator and agent get 403); the list shows usernames and roles', async () => {
    for (const role of ['agent', 'coordinator'] as const) expect((await (await app.loginAs(role)).get('/accounts')).status).to.equal(403);
    const res = await admin.get('/accounts');
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('<code>coordinator</code>').and.to.contain('Test head').and.to.contain('Administrator');
  });

  it('POST /accounts: an 11-character password → 422 with the field message; a good one creates an argon2id login that works', async () => {
    const short = await admin.postForm(
      '/accounts',
      { username: 'Nino.B', role: 'agent', staffId: '', password: '12345678901' },
      '/accounts',
    );
    expect(short.status).to.equal(422);
    expect(short.text).to.contain('at least 12 characters');
    expect(await findUserByUsername(app.ds, 'nino.b')).to.equal(null);
    const ok = await admin.postForm(
      '/accounts',
      { username: 'Nino.B', role: 'team_lead', staffId: '', password: 'long enough secret' },
      '/accounts',
    );
    expect(ok.status).to.equal(302);
    const user = (await findUserByUsername(app.ds, 'nino.b'))!;
    expect(user.role).to.equal('team_lead');
    expect(user.passwordHash).to.match(/^\$argon2id\$/);
    expect(await verify(user.passwordHash, 'long enough secret')).to.equal(true);
    const dup = await admin.postForm(
      '/accounts',
      { username: 'nino.b', role: 'agent', staffId: '', password: 'another long one' },
      '/accounts',
    );
    expect(dup.status).to.equal(422);
    expect(dup.text).to.contain('already taken');
  });

  it('POST /accounts/:id/status: disabling stops the login; an old stamp afterwards → 409', async () => {
    const user = (await findUserByUsername(app.ds, 'team_lead'))!;
    const page = await admin.get(`/accounts/${user.id}`);
    const stamp = stampOf(page.text);
    expect((await admin.postForm(`/accounts/${user.id}/status`, { stamp, disabled: 'true' })).status).to.equal(302);
    const login = await app.client().postForm('/login', { username: 'team_lead', password: TEST_PASSWORD }, '/login');
    expect(login.status).to.equal(401);
    const stale = await admin.postForm(
      `/accounts/${user.id}/role`,
      { stamp, role: 'coordinator', staffId: String(user.staffId) },
      `/accounts/${user.id}`,
    );
    expect(stale.status).to.equal(409);
    expect((await findUserByUsername(app.ds, 'team_lead'))!.role).to.equal('team_lead');
    const fresh = stampOf((await admin.get(`/accounts/${user.id}`)).text);
    expect((await admin.postForm(`/accounts/${user.id}/status`, { stamp: fresh, disabled: 'false' })).status).to.equal(302);
    expect((await app.client().postForm('/login', { username: 'team_lead', password: TEST_PASSWORD }, '/login')).status).to.equal(302);
  });

  it('POST /accounts/:id/password: the new password works, the old one does not; the admin cannot disable themselves', async () => {
    const user = (await findUserByUsername(app.ds, 'head'))!;
    const stamp = stampOf((await admin.get(`/accounts/${user.id}`)).text);
    const res = await admin.postForm(`/accounts/${user.id}/password`, {
      stamp,
      password: 'a brand new password',
      confirm: 'a brand new password',
    });
    expect(res.status).to.equal(302);
    expect((await app.client().postForm('/login', { username: 'head', password: TEST_PASSWORD }, '/login')).status).to.equal(401);
    expect((await app.client().postForm('/login', { username: 'head', password: 'a brand new password' }, '/login')).status).to.equal(302);
    const me = (await findUserByUsername(app.ds, 'admin'))!;
    const self = await admin.postForm(`/accounts/${me.id}/status`, {
      stamp: stampOf((await admin.get(`/accounts/${me.id}`)).text),
      disabled: 'true',
    });
    expect(self.status).to.equal(409);
    expect((await findUserByUsername(app.ds, 'admin'))!.disabled).to.equal(false);
  });

  it('API token: the coordinator makes one on /tokens (shown once, hash stored); the admin sees it on the account and revokes it → 401', async () => {
    const coordinator = (await findUserByUsername(app.ds, 'coordinator'))!;
    const own = await app.loginAs('coordinator');
    const created = await own.postForm('/tokens', { name: 'nightly import', scopes: 'history:import' }, '/tokens');
    expect(created.status).to.equal(201);
    const token = created.text.match(/<code class="req-token-value">([^<]+)<\/code>/)?.[1];
    expect(token).to.match(/^rota_[A-Za-z0-9_-]{40,}$/);
    const stored = await listApiTokens(app.ds, coordinator.id);
    expect(stored).to.have.length(1);
    expect(stored[0].tokenHash)
      .to.match(/^[a-f0-9]{64}$/)
      .and.not.to.contain(token!);
    expect(stored[0].scopes).to.deep.equal(['history:import']);
    const accountPage = await admin.get(`/accounts/${coordinator.id}`);
    expect(accountPage.text).to.contain('nightly import').and.to.contain('history:import').and.not.to.contain(token!);

    const imported = await importWithToken(app, token!);
    expect(imported.status, imported.text).to.equal(200);
    expect(JSON.parse(imported.text)).to.deep.include({ ok: true });
    expect(JSON.parse(imported.text).summary.rowCount).to.equal(2);

    const revoked = await admin.postForm(`/accounts/${coordinator.id}/tokens/${stored[0].id}/revoke`, {}, `/accounts/${coordinator.id}`);
    expect(revoked.status).to.equal(302);
    expect((await importWithToken(app, token!)).status).to.equal(401);
    const actions = (await listAudit(app.ds, { entity: 'api_token' })).map((a) => a.action);
    expect(actions).to.include.members(['api_token.created', 'api_token.revoked']);
  });

  it('GET /accounts: renders in Georgian', async () => {
    const c = await app.loginAs('admin');
    await c.postForm('/locale', { locale: 'ka', returnTo: '/accounts' }, '/accounts');
    const res = await c.get('/accounts');
    expect(res.text)
      .to.contain('ანგარიშები')
      .and.not.to.match(/>\s*accounts\.[a-zA-Z.]+/);
  });
});
