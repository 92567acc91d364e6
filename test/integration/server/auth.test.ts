import { expect } from 'chai';
import { hash } from '@node-rs/argon2';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/app';
import { createUser } from '../../../models/repositories/users';

describe('auth: login, sessions, CSRF and headers', function () {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { LOGIN_FAILURES_BEFORE_LOCK: '3' } });
  });
  after(async () => app?.close());

  it('login: right password → redirect home with a new httpOnly session cookie', async () => {
    const c = app.client();
    await c.get('/login');
    const res = await c.postForm('/login', { username: 'coordinator', password: TEST_PASSWORD });
    expect(res.status).to.equal(302);
    expect(res.headers.get('location')).to.equal('/');
    expect(res.headers.getSetCookie().join(';')).to.match(/rota\.sid=.*HttpOnly.*SameSite=Lax/i);
    expect((await c.get('/')).status).to.equal(200);
  });

  it('login: wrong password → 401 with the message, no session', async () => {
    const c = app.client();
    const res = await c.postForm('/login', { username: 'team_lead', password: 'wrong' }, '/login');
    expect(res.status).to.equal(401);
    expect(res.text).to.contain('do not match');
    expect((await c.get('/')).status).to.equal(302);
  });

  it('login: repeated failures for one user are rate-limited with 429', async () => {
    const c = app.client();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await c.postForm('/login', { username: 'someone-else', password: `bad${i}` }, '/login')).status);
    expect(statuses.slice(0, 3)).to.deep.equal([401, 401, 401]);
    expect(statuses[4]).to.equal(429);
  });

  it('login: a demo account cannot log in outside demo mode, even with the right password', async () => {
    await createUser(
      app.ds,
      { username: 'demo.person', passwordHash: await hash('rota-demo'), role: 'coordinator', isDemo: true },
      new Date().toISOString(),
    );
    const c = app.client();
    const res = await c.postForm('/login', { username: 'demo.person', password: 'rota-demo' }, '/login');
    expect(res.status).to.equal(401);
    expect((await c.get('/login')).text).not.to.contain('Demo logins');
  });

  it('login: an off-site `next` is not followed (no open redirect)', async () => {
    const c = app.client();
    await c.get('/login');
    const res = await c.postForm('/login', { username: 'agent', password: TEST_PASSWORD, next: '//evil.example/x' });
    expect(res.headers.get('location')).to.equal('/');
  });

  it('CSRF: a state-changing POST without the token is refused with 403', async () => {
    const c = await app.loginAs('coordinator');
    const res = await c.request('/logout', {
      method: 'POST',
      body: new URLSearchParams({}),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).to.equal(403);
    expect((await c.get('/')).status, 'still logged in').to.equal(200);
  });

  it('CSRF: a token from another session is refused', async () => {
    const a = await app.loginAs('coordinator');
    const b = await app.loginAs('head');
    await a.get('/');
    await b.get('/');
    const body = new URLSearchParams({ _csrf: a.csrf! });
    const res = await b.request('/logout', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).to.equal(403);
  });

  it('logout: with the token the session ends', async () => {
    const c = await app.loginAs('agent');
    await c.get('/');
    const res = await c.postForm('/logout', {});
    expect(res.status).to.equal(302);
    expect((await c.get('/')).status).to.equal(302);
  });

  it('security headers: CSP without inline scripts, no sniffing, no framing', async () => {
    const res = await app.client().get('/login');
    expect(res.headers.get('content-security-policy')).to.contain("script-src 'self'").and.to.contain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(res.headers.get('x-powered-by')).to.equal(null);
  });

  it('language switch: choosing Georgian shows the login page in Georgian', async () => {
    const c = app.client();
    await c.get('/login');
    const res = await c.postForm('/locale', { locale: 'ka', returnTo: '/login' });
    expect(res.status).to.equal(302);
    const page = await c.get('/login');
    expect(page.text).to.contain('<html lang="ka">').and.to.contain('შესვლა');
  });

  it('404: an unknown page answers 404 with the page, not a stack trace', async () => {
    const c = await app.loginAs('agent');
    const res = await c.get('/no-such-page');
    expect(res.status).to.equal(404);
    expect(res.text)
      .to.contain('Page not found')
      .and.not.to.match(/Error:|node_modules|\.ts:\d+/);
  });
});
