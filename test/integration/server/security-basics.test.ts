import { expect } from 'chai';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/app';
import { findUserByUsername } from '../../../models/repositories/users';

/** What security issue #11 found right, held by a test each (CSRF: the route matrix; CSV: csv-cell.test.ts). */
describe('security basics kept: argon2id, session rotation at login, helmet headers', function () {
  this.timeout(30_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.close());

  const sessionId = (setCookies: string[]) => setCookies.map((c) => c.match(/^rota\.sid=([^;]+)/)?.[1]).find(Boolean);

  it('a new account: the stored hash is argon2id ($argon2id$…), never the password', async () => {
    const admin = await app.loginAs('admin');
    const res = await admin.postForm(
      '/accounts',
      { username: 'keti', role: 'agent', staffId: '', password: 'a fine long password' },
      '/accounts',
    );
    expect(res.status).to.equal(302);
    const user = (await findUserByUsername(app.ds, 'keti'))!;
    expect(user.passwordHash).to.match(/^\$argon2id\$v=19\$/);
    expect(user.passwordHash).not.to.contain('a fine long password');
  });

  it('login: the session id before login (anonymous session with a CSRF token) is replaced by a new one', async () => {
    const page = await fetch(`${app.baseUrl}/login`);
    const before = sessionId(page.headers.getSetCookie());
    expect(before, 'the login form starts an anonymous session').to.be.a('string');
    const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)![1];
    const login = await fetch(`${app.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `rota.sid=${before}` },
      body: new URLSearchParams({ _csrf: csrf, username: 'agent', password: TEST_PASSWORD }),
    });
    expect(login.status).to.equal(302);
    const after = sessionId(login.headers.getSetCookie());
    expect(after, 'a new session cookie at login').to.be.a('string');
    expect(after).not.to.equal(before);
    const old = await fetch(`${app.baseUrl}/`, { redirect: 'manual', headers: { cookie: `rota.sid=${before}` } });
    expect(old.status, 'the pre-login session id does not open the app').to.equal(302);
  });

  it('every page carries helmet headers: a CSP with default-src self and frame-ancestors none, nosniff, no X-Powered-By', async () => {
    for (const path of ['/login', '/healthz']) {
      const res = await fetch(`${app.baseUrl}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).to.contain("default-src 'self'").and.to.contain("frame-ancestors 'none'").and.to.contain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('x-powered-by')).to.equal(null);
    }
  });
});
