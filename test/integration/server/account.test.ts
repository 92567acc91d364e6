import { expect } from 'chai';
import { verify } from '@node-rs/argon2';
import { hash } from '@node-rs/argon2';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../support/app';
import { testDbKind } from '../../support/db';
import { runCommand } from '../../support/cli';
import { run as userCommand } from '../../../bin/commands/user';
import { createUser, findUserByUsername, getUser } from '../../../models/repositories/users';
import { testDatabaseEnv } from '../../support/db';
import { DateTime } from 'luxon';
import { makeRota, makeShift } from '../../support/rota-builders';
import { getStaffByCode } from '../../../models/repositories/staff';

const NEW_PASSWORD = 'lantern orbit quietly 47';

/** The calendar feed token made on /my-shifts, as the page shows it once. */
async function makeCalendarLink(client: TestClient): Promise<string> {
  const page = await client.postForm('/my-shifts/calendar-link', {}, '/my-shifts');
  const token = page.text.match(/\/calendar\/([A-Za-z0-9_-]+)\.ics/)?.[1];
  if (!token) throw new Error('no calendar link on the page');
  return token;
}

function sessionCookie(client: TestClient): string | undefined {
  return (client as unknown as { cookies: Map<string, string> }).cookies.get('rota.sid');
}

describe(`account: a person's own password, e-mail and language (${testDbKind()})`, function () {
  this.timeout(30_000);
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => app?.close());

  it('GET /account: every role reaches it from the menu', async () => {
    for (const role of ['agent', 'admin'] as const) {
      const c = await app.loginAs(role);
      const home = await c.get('/');
      expect(home.text).to.contain('href="/account"');
      const page = await c.get('/account');
      expect(page.status).to.equal(200);
      expect(page.text).to.contain('Change password').and.contain('name="currentPassword"');
    }
    expect((await app.client().get('/account')).status, 'anonymous → login').to.equal(302);
  });

  it('an API token (a script) cannot use the account page, not even with the current password', async () => {
    // The agent's own token (only people make tokens on their own account).
    const agent = await app.loginAs('agent');
    const created = await agent.postForm('/tokens', { name: 'script', scopes: 'calendar:read' }, '/tokens');
    const token = created.text.match(/rota_[A-Za-z0-9_-]+/)![0];
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' };
    const body = new URLSearchParams({ currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    const res = await fetch(`${app.baseUrl}/account/password`, { method: 'POST', headers, body, redirect: 'manual' });
    // A bearer token never reaches a page route (middleware/auth.ts): 401 before the route runs.
    expect(res.status).to.equal(401);
    expect(await verify((await findUserByUsername(app.ds, 'agent'))!.passwordHash, TEST_PASSWORD)).to.equal(true);
  });

  it('password change: a wrong current password is refused with 422 and nothing changes', async () => {
    const c = await app.loginAs('agent');
    const res = await c.postForm(
      '/account/password',
      { currentPassword: 'not my password', password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      '/account',
    );
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('This is not your current password.');
    expect(await verify((await findUserByUsername(app.ds, 'agent'))!.passwordHash, TEST_PASSWORD)).to.equal(true);
  });

  it('password change: short, common, username-based and mismatched passwords are refused with their messages', async () => {
    const c = await app.loginAs('agent');
    const cases: [string, string, string][] = [
      ['short pass', 'short pass', 'at least 12 characters'],
      ['password1234', 'password1234', 'This password is common'],
      ['agent.agent.agent', 'agent.agent.agent', 'This password is'],
      ['aaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaa', 'too easy to guess'],
      [NEW_PASSWORD, `${NEW_PASSWORD}x`, 'The two passwords differ.'],
    ];
    await c.get('/account');
    for (const [password, confirm, message] of cases) {
      const res = await c.postForm('/account/password', { currentPassword: TEST_PASSWORD, password, confirm });
      expect(res.status, password).to.equal(422);
      expect(res.text, password).to.contain(message);
    }
    expect(await verify((await findUserByUsername(app.ds, 'agent'))!.passwordHash, TEST_PASSWORD)).to.equal(true);
  });

  it('password change: this session stays (under a new id), other sessions and the calendar link end, only the new password logs in', async () => {
    const phone = await app.loginAs('agent');
    const laptop = await app.loginAs('agent');
    const feed = await makeCalendarLink(phone);
    expect((await app.client().get(`/calendar/${feed}.ics`)).status).to.equal(200);
    const before = sessionCookie(laptop);
    const res = await laptop.postForm(
      '/account/password',
      { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      '/account',
    );
    expect(res.status).to.equal(302);
    expect(res.headers.get('location')).to.equal('/account');
    expect(sessionCookie(laptop), 'session id rotated').to.not.equal(before);
    const after = await laptop.get('/account');
    expect(after.status).to.equal(200);
    expect(after.text).to.contain('Password changed.');
    const other = await phone.get('/my-shifts');
    expect(other.status, 'the other session is logged out').to.equal(302);
    expect(other.headers.get('location')).to.match(/^\/login/);
    expect((await app.client().get(`/calendar/${feed}.ics`)).status, 'calendar link revoked').to.equal(404);
    const old = await app.client().postForm('/login', { username: 'agent', password: TEST_PASSWORD }, '/login');
    expect(old.status).to.equal(401);
    const fresh = await app.client().postForm('/login', { username: 'agent', password: NEW_PASSWORD }, '/login');
    expect(fresh.status).to.equal(302);
  });

  it('demo account: its public password cannot be changed (the demo stays open)', async () => {
    const demoApp = await startTestApp({
      env: { ROTA_DEMO: 'true' },
      seed: async (ds) => {
        await createUser(
          ds,
          { username: 'demo.agent', passwordHash: await hash('rota-demo'), role: 'agent', isDemo: true },
          '2026-11-20T08:00:00.000Z',
        );
      },
    });
    try {
      const c = demoApp.client();
      expect((await c.postForm('/login', { username: 'demo.agent', password: 'rota-demo' }, '/login')).status).to.equal(302);
      const res = await c.postForm(
        '/account/password',
        { currentPassword: 'rota-demo', password: NEW_PASSWORD, confirm: NEW_PASSWORD },
        '/account',
      );
      expect(res.status).to.equal(409);
      expect(res.text).to.contain('Demo accounts keep their public password');
      expect((await demoApp.client().postForm('/login', { username: 'demo.agent', password: 'rota-demo' }, '/login')).status).to.equal(302);
    } finally {
      await demoApp.close();
    }
  });

  it('e-mail: a valid address is saved lower-cased, a bad one refused with 422, an empty one clears it', async () => {
    const c = await app.loginAs('team_lead');
    const bad = await c.postForm('/account/email', { email: 'not an address' }, '/account');
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('Enter an e-mail address');
    expect((await c.postForm('/account/email', { email: ' Nino@Example.GE ' })).status).to.equal(302);
    expect((await findUserByUsername(app.ds, 'team_lead'))!.email).to.equal('nino@example.ge');
    expect((await c.get('/account')).text).to.contain('value="nino@example.ge"');
    await c.postForm('/account/email', { email: '' });
    expect((await findUserByUsername(app.ds, 'team_lead'))!.email).to.equal(null);
  });

  it('language: the switch saves it on the account; the next login, on a fresh browser, and the calendar feed use it', async () => {
    const c = await app.loginAs('agent');
    const feed = await makeCalendarLink(c);
    expect((await c.postForm('/locale', { locale: 'ka', returnTo: '/my-shifts' })).status).to.equal(302);
    const user = (await findUserByUsername(app.ds, 'agent'))!;
    expect(user.locale).to.equal('ka');
    const other = app.client();
    await other.postForm('/login', { username: 'agent', password: TEST_PASSWORD }, '/login');
    const home = await other.get('/');
    expect(home.text).to.contain('<html lang="ka">');
    // Next week's shift with its lunch break: the event's words follow the saved language too.
    const staffId = (await getStaffByCode(app.ds, 't1'))!.id;
    const week = DateTime.now().setZone('Asia/Tbilisi').startOf('week').plus({ weeks: 1 }).toISODate()!;
    await makeRota(app.ds, week, [makeShift(staffId, week)], { publish: true });
    const ics = await app.client().get(`/calendar/${feed}.ics`);
    const unfolded = ics.text.replace(/\r\n /g, '');
    expect(unfolded).to.contain('X-WR-CALNAME:Test agent-ის ცვლები');
    expect(unfolded, unfolded).to.match(/DESCRIPTION:შესვენება 12:00–13:00 \(Asia\/Tbilisi\)/);
    expect(unfolded).not.to.contain('Break');
    // Back to English from the other browser: saved again.
    await other.postForm('/locale', { locale: 'en', returnTo: '/' });
    expect((await getUser(app.ds, user.id))!.locale).to.equal('en');
  });

  it('the switch before login does not touch any account; a login without a saved language keeps the chosen one', async () => {
    const c = app.client();
    await c.postForm('/locale', { locale: 'ka', returnTo: '/login' }, '/login');
    await c.postForm('/login', { username: 'coordinator', password: TEST_PASSWORD });
    expect((await c.get('/')).text).to.contain('<html lang="ka">');
    expect((await findUserByUsername(app.ds, 'coordinator'))!.locale).to.equal(null);
  });
});

describe(`password policy: the same rule on every path that sets a password (${testDbKind()})`, function () {
  this.timeout(30_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.close());

  it('admin page: creating an account with a common password → 422 with the policy message; a strong one is accepted', async () => {
    const admin = await app.loginAs('admin');
    const weak = await admin.postForm(
      '/accounts',
      { username: 'new.one', role: 'agent', staffId: '', password: 'password1234' },
      '/accounts',
    );
    expect(weak.status).to.equal(422);
    expect(weak.text).to.contain('This password is common');
    expect(await findUserByUsername(app.ds, 'new.one')).to.equal(null);
    const ok = await admin.postForm('/accounts', { username: 'new.one', role: 'agent', staffId: '', password: NEW_PASSWORD }, '/accounts');
    expect(ok.status).to.equal(302);
  });

  it('admin page: resetting a password to a guessable one → 422, the old password still works', async () => {
    const admin = await app.loginAs('admin');
    const head = (await findUserByUsername(app.ds, 'head'))!;
    const page = await admin.get(`/accounts/${head.id}`);
    const stamp = page.text.match(/name="stamp" value="([a-f0-9]{20})"/)![1];
    const res = await admin.postForm(`/accounts/${head.id}/password`, { stamp, password: 'qwertyuiop123', confirm: 'qwertyuiop123' });
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('This password is common');
    expect((await app.client().postForm('/login', { username: 'head', password: TEST_PASSWORD }, '/login')).status).to.equal(302);
  });

  it('wfm user create / password: a common password exits 1 with the policy message and changes nothing', async () => {
    const env = testDatabaseEnv(app.ds);
    const create = await runCommand(userCommand, ['create', '--role', 'admin', '--username', 'boss', '--password-stdin'], {
      env,
      stdin: 'password1234\n',
    });
    expect(create.code).to.equal(1);
    expect(create.stderr).to.match(/password: This password is common/);
    expect(await findUserByUsername(app.ds, 'boss')).to.equal(null);
    const change = await runCommand(userCommand, ['password', '--username', 'coordinator', '--password-stdin'], {
      env,
      stdin: 'aaaaaaaaaaaaaaa\n',
    });
    expect(change.code).to.equal(1);
    expect(change.stderr).to.match(/password: This password is too easy to guess/);
    const strong = await runCommand(userCommand, ['password', '--username', 'coordinator', '--password-stdin'], {
      env,
      stdin: `${NEW_PASSWORD}\n`,
    });
    expect(strong.code).to.equal(0);
    expect(await verify((await findUserByUsername(app.ds, 'coordinator'))!.passwordHash, NEW_PASSWORD)).to.equal(true);
  });
});

describe('web app: manifest, icons and favicon served by the app', function () {
  this.timeout(20_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.close());

  it('GET /manifest.webmanifest: name, start_url, theme colour and icons that all answer with their type', async () => {
    const res = await app.client().get('/manifest.webmanifest');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^application\/manifest\+json/);
    const manifest = JSON.parse(res.text) as {
      name: string;
      start_url: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).to.include({ name: 'Rota', start_url: '/', theme_color: '#1c2430' });
    expect(manifest.icons.map((i) => i.sizes)).to.include.members(['192x192', '512x512', 'any']);
    for (const icon of manifest.icons) {
      const file = await fetch(app.baseUrl + icon.src);
      expect(file.status, icon.src).to.equal(200);
      expect(file.headers.get('content-type'), icon.src).to.contain(icon.type);
      const bytes = Buffer.from(await file.arrayBuffer());
      if (icon.type === 'image/png') {
        const size = Number(icon.sizes.split('x')[0]);
        expect(bytes.readUInt32BE(16), `${icon.src} width`).to.equal(size);
        expect(bytes.readUInt32BE(20), `${icon.src} height`).to.equal(size);
      }
    }
    const favicon = await fetch(`${app.baseUrl}/favicon.ico`);
    expect(favicon.status).to.equal(200);
    expect(favicon.headers.get('content-type')).to.contain('image/png');
    const page = await app.client().get('/login');
    expect(page.text).to.contain('<link rel="manifest" href="/manifest.webmanifest">').and.contain('name="theme-color"');
  });
});
