import { expect } from 'chai';
import { verify } from '@node-rs/argon2';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/app';
import { testDbKind } from '../../support/db';
import { startTestSmtp, type TestSmtp } from '../../support/smtp';
import { deliverDueNotifications, startOutboxLoop, type OutboxLoop } from '../../../app/notification-outbox';
import { smtpSender } from '../../../server/mailer';
import { findUserByUsername, setUserEmail, setUserLocale } from '../../../models/repositories/users';
import { listOutboxMessages } from '../../../models/repositories/outbox';

const PUBLIC_URL = 'http://rota.test:8080';
const NEW_PASSWORD = 'copper meadow sailing 93';

/** The link in a reset mail, and its path on the app under test. */
function linkIn(text: string): { url: string; path: string } {
  const url = text.match(/https?:\/\/\S+\/password\/reset\/[A-Za-z0-9_-]+/)?.[0];
  if (!url) throw new Error(`no reset link in the mail:\n${text}`);
  return { url, path: new URL(url).pathname };
}

/** The answer paragraph of /password/forgot, whatever the account. */
const answerOf = (html: string) => html.match(/<p role="status">([^<]*)<\/p>/)?.[1] ?? null;

async function askForLink(app: TestApp, identifier: string): Promise<{ status: number; answer: string | null }> {
  const res = await app.client().postForm('/password/forgot', { identifier }, '/password/forgot');
  return { status: res.status, answer: answerOf(res.text) };
}

async function passwordOf(app: TestApp, username: string, password: string): Promise<boolean> {
  return verify((await findUserByUsername(app.ds, username))!.passwordHash, password);
}

describe(`forgotten password: a single-use link by real SMTP (${testDbKind()})`, function () {
  this.timeout(60_000);
  let smtp: TestSmtp;
  let app: TestApp;
  let loop: OutboxLoop;
  let offsetMs = 0;

  beforeEach(async () => {
    offsetMs = 0;
    smtp = await startTestSmtp();
    app = await startTestApp({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL: PUBLIC_URL, MAIL_FROM: 'Rota <rota@example.ge>' },
      now: () => new Date(Date.now() + offsetMs),
    });
    loop = startOutboxLoop({ ds: app.ds, send: smtpSender(app.config.smtp!), now: () => new Date() }, 100);
  });
  afterEach(async () => {
    await loop?.stop();
    await app?.close();
    await smtp?.close();
  });

  it('the mail arrives, its link sets a new password under the policy, the new password logs in, other sessions end', async () => {
    const agent = await app.loginAs('agent');
    expect((await agent.postForm('/account/email', { email: 'agent@example.ge' }, '/account')).status).to.equal(302);
    const login = await app.client().get('/login');
    expect(login.text).to.contain('href="/password/forgot"');

    const asked = await askForLink(app, 'agent');
    expect(asked.status).to.equal(200);
    expect(asked.answer).to.contain('a link is on its way');
    const mail = await smtp.waitFor('agent@example.ge');
    expect(mail.from).to.equal('rota@example.ge');
    expect(mail.subject).to.equal('Rota: set a new password');
    expect(mail.text).to.contain('Rota account agent').and.contain('within 60 minutes');
    const link = linkIn(mail.text);
    expect(link.url.startsWith(`${PUBLIC_URL}/password/reset/`), 'the link uses the configured public address').to.equal(true);

    const visitor = app.client();
    const form = await visitor.get(link.path);
    expect(form.status).to.equal(200);
    expect(form.headers.get('cache-control')).to.equal('no-store');
    expect(form.text).to.contain('For the account agent.');
    const weak = await visitor.postForm(link.path, { password: 'password1234', confirm: 'password1234' });
    expect(weak.status).to.equal(422);
    expect(weak.text).to.contain('This password is common');
    const done = await visitor.postForm(link.path, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(done.status).to.equal(302);
    expect(done.headers.get('location')).to.equal('/login');
    expect((await visitor.get('/login')).text).to.contain('Your new password is set');

    expect((await app.client().postForm('/login', { username: 'agent', password: TEST_PASSWORD }, '/login')).status).to.equal(401);
    expect((await app.client().postForm('/login', { username: 'agent', password: NEW_PASSWORD }, '/login')).status).to.equal(302);
    expect((await agent.get('/account')).status, 'the session from before is logged out').to.equal(302);

    const reused = await app.client().get(link.path);
    expect(reused.status, 'a used link is refused').to.equal(410);
    expect(reused.text).to.contain('has expired or has already been used');
    const again = await visitor.postForm(
      link.path,
      { password: 'another strong phrase 55', confirm: 'another strong phrase 55' },
      link.path,
    );
    expect(again.status).to.equal(410);
    expect(await passwordOf(app, 'agent', NEW_PASSWORD)).to.equal(true);
  });

  it('the answer is the same for an unknown name, an account without e-mail and a real one asked by address; one mail goes out', async () => {
    const user = (await findUserByUsername(app.ds, 'team_lead'))!;
    await setUserEmail(app.ds, user.id, 'lead@example.ge');
    const unknown = await askForLink(app, 'nobody.here');
    const noEmail = await askForLink(app, 'coordinator');
    const byAddress = await askForLink(app, 'LEAD@example.ge');
    expect(unknown.status).to.equal(200);
    expect(noEmail).to.deep.equal(unknown);
    expect(byAddress).to.deep.equal(unknown);
    await smtp.waitFor('lead@example.ge');
    const queued = await listOutboxMessages(app.ds);
    expect(queued.map((m) => m.recipient)).to.deep.equal(['lead@example.ge']);
  });

  it('an expired link (after one hour) is refused and sets nothing', async () => {
    const user = (await findUserByUsername(app.ds, 'head'))!;
    await setUserEmail(app.ds, user.id, 'head@example.ge');
    await askForLink(app, 'head');
    const link = linkIn((await smtp.waitFor('head@example.ge')).text);
    offsetMs = 61 * 60_000;
    const visitor = app.client();
    expect((await visitor.get(link.path)).status).to.equal(410);
    offsetMs = 59 * 60_000;
    const page = await visitor.get(link.path);
    expect(page.status, 'still valid within the hour').to.equal(200);
    offsetMs = 61 * 60_000;
    const res = await visitor.postForm(link.path, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(res.status).to.equal(410);
    expect(await passwordOf(app, 'head', TEST_PASSWORD)).to.equal(true);
  });

  it('the mail is written in the language saved on the account', async () => {
    const user = (await findUserByUsername(app.ds, 'coordinator'))!;
    await setUserEmail(app.ds, user.id, 'coord@example.ge');
    await setUserLocale(app.ds, user.id, 'ka');
    await askForLink(app, 'coordinator');
    const mail = await smtp.waitFor('coord@example.ge');
    expect(mail.subject).to.equal('Rota: ახალი პაროლის დაყენება');
    expect(mail.text).to.contain('გამარჯობა').and.contain('60 წუთის განმავლობაში');
    linkIn(mail.text);
  });
});

describe(`notification outbox: a mail server that is down loses nothing (${testDbKind()})`, function () {
  this.timeout(60_000);
  let smtp: TestSmtp;
  let app: TestApp;
  before(async () => {
    smtp = await startTestSmtp();
    app = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL: PUBLIC_URL } });
  });
  after(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('queued while the server is down: the attempt fails and is kept; after a restart the retry delivers it', async () => {
    const port = smtp.port;
    await smtp.close();
    const user = (await findUserByUsername(app.ds, 'agent'))!;
    await setUserEmail(app.ds, user.id, 'agent@example.ge');
    expect((await askForLink(app, 'agent')).status).to.equal(200);
    const send = smtpSender(app.config.smtp!);
    const t0 = Date.now();
    const down = await deliverDueNotifications({ ds: app.ds, send, now: () => new Date(t0) });
    expect(down).to.deep.equal({ sent: 0, failed: 1 });
    const [kept] = await listOutboxMessages(app.ds);
    expect(kept.sentAt).to.equal(null);
    expect(kept.attempts).to.equal(1);
    expect(kept.lastError).to.be.a('string').and.not.equal('');
    expect(kept.nextAttemptAt > new Date(t0).toISOString(), 'retried later, not at once').to.equal(true);
    expect(await deliverDueNotifications({ ds: app.ds, send, now: () => new Date(t0) }), 'not due yet').to.deep.equal({
      sent: 0,
      failed: 0,
    });

    smtp = await startTestSmtp(port);
    const later = () => new Date(t0 + 10 * 60_000);
    expect(await deliverDueNotifications({ ds: app.ds, send, now: later })).to.deep.equal({ sent: 1, failed: 0 });
    const mail = await smtp.waitFor('agent@example.ge');
    linkIn(mail.text);
    const [sent] = await listOutboxMessages(app.ds);
    expect(sent.sentAt).to.not.equal(null);
    expect(await deliverDueNotifications({ ds: app.ds, send, now: later }), 'sent once only').to.deep.equal({ sent: 0, failed: 0 });
  });
});

describe('forgotten password without a mail server', function () {
  this.timeout(30_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.close());

  it('the page says to ask an administrator, shows no form, and a posted request queues nothing', async () => {
    const page = await app.client().get('/password/forgot');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('ask your administrator to reset your password').and.not.contain('name="identifier"');
    const user = (await findUserByUsername(app.ds, 'agent'))!;
    await setUserEmail(app.ds, user.id, 'agent@example.ge');
    const res = await app.client().postForm('/password/forgot', { identifier: 'agent' }, '/password/forgot');
    expect(res.status).to.equal(200);
    expect(await listOutboxMessages(app.ds)).to.deep.equal([]);
  });

  it('a made-up or malformed reset link answers 410, never 500', async () => {
    for (const path of ['/password/reset/abcdefghijklmnopqrstuvwxyz012345', '/password/reset/short', '/password/reset/%E0%A4%A']) {
      const res = await app.client().get(path);
      expect(res.status, path).to.be.oneOf([410, 400]);
    }
    const post = await app
      .client()
      .postForm('/password/reset/abcdefghijklmnopqrstuvwxyz012345', { password: NEW_PASSWORD, confirm: NEW_PASSWORD }, '/login');
    expect(post.status).to.equal(410);
  });
});
