/**
 * The login limiter (app/login.ts) against real app instances on one database: the account key
 * is the normalised username, the counts live in the database (shared by instances, kept over a
 * restart), the wait grows, and a locked unknown username reads exactly like a locked account.
 */
import { expect } from 'chai';
import { startAppOnSameDatabase, startTestApp, TEST_PASSWORD, type TestApp } from '../../support/app';
import { testDbKind } from '../../support/db';

const LIMITS = { LOGIN_FAILURES_BEFORE_LOCK: '3', LOGIN_LOCK_MINUTES: '1', LOGIN_LOCK_MAX_MINUTES: '4' };

async function attempt(app: TestApp, username: string, password: string) {
  return app.client().postForm('/login', { username, password }, '/login');
}

/** The message paragraph of the login page (the username field aside, which echoes the input). */
const alertOf = (html: string) => html.match(/<p class="error" role="alert">([^<]*)<\/p>/)?.[1] ?? null;

describe(`login limiter (${testDbKind()})`, function () {
  this.timeout(60_000);
  // Sessions expire on the real clock (express-session), so the injected one starts at real now.
  let clock = Date.now();
  const now = () => new Date(clock);
  const advanceSeconds = (s: number) => {
    clock += s * 1000;
  };
  let app: TestApp;
  let other: TestApp;
  before(async () => {
    app = await startTestApp({ env: LIMITS, now });
    other = await startAppOnSameDatabase(app, { env: LIMITS, now });
  });
  after(async () => {
    await other?.close();
    await app?.close();
  });

  it('account key: failures as "coordinator", " Coordinator" and "COORDINATOR " count together; the locked account refuses even the right password', async () => {
    expect((await attempt(app, 'coordinator', 'wrong1')).status).to.equal(401);
    expect((await attempt(app, ' Coordinator', 'wrong2')).status).to.equal(401);
    expect((await attempt(app, 'COORDINATOR ', 'wrong3')).status).to.equal(401);
    const locked = await attempt(app, ' COORDINATOR', TEST_PASSWORD);
    expect(locked.status).to.equal(429);
    expect(locked.headers.get('retry-after')).to.equal('60');
    expect(alertOf(locked.text)).to.equal('Too many failed logins with this username. Try again in 1 min.');
    advanceSeconds(61);
    expect((await attempt(app, ' COORDINATOR', TEST_PASSWORD)).status, 'after the wait, the normalised name logs in').to.equal(302);
  });

  it('unknown username: locked after the same number of failures, with exactly the same answer as an existing account', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await attempt(app, 'head', `bad${i}`)).status).to.equal(401);
      expect((await attempt(app, 'no.such.person', `bad${i}`)).status).to.equal(401);
    }
    const existing = await attempt(app, 'head', 'bad');
    const unknown = await attempt(app, 'no.such.person', 'bad');
    expect([existing.status, unknown.status]).to.deep.equal([429, 429]);
    expect(existing.headers.get('retry-after')).to.equal(unknown.headers.get('retry-after'));
    expect(alertOf(unknown.text)).to.equal(alertOf(existing.text)).and.to.contain('Too many failed logins');
    advanceSeconds(61);
  });

  it('restart: the lock is in the database, so a new app instance on it still refuses the account', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt(app, 'team_lead', `bad${i}`)).status).to.equal(401);
    const restarted = await startAppOnSameDatabase(app, { env: LIMITS, now });
    try {
      expect((await attempt(restarted, 'team_lead', TEST_PASSWORD)).status).to.equal(429);
    } finally {
      await restarted.close();
    }
    advanceSeconds(61);
    expect((await attempt(app, 'team_lead', TEST_PASSWORD)).status).to.equal(302);
  });

  it('two instances on one database: failures spread over both count together and lock the account on both', async () => {
    expect((await attempt(app, 'agent', 'bad1')).status).to.equal(401);
    expect((await attempt(other, 'agent', 'bad2')).status).to.equal(401);
    expect((await attempt(app, 'agent', 'bad3')).status).to.equal(401);
    expect((await attempt(other, 'agent', TEST_PASSWORD)).status).to.equal(429);
    expect((await attempt(app, 'agent', TEST_PASSWORD)).status).to.equal(429);
    advanceSeconds(61);
  });

  it('growing wait: 1, 2, 4 minutes after each further failure, capped at the maximum (4); a successful login clears it', async () => {
    const retryAfter = async () => {
      const res = await attempt(other, 'admin', TEST_PASSWORD);
      expect(res.status).to.equal(429);
      return Number(res.headers.get('retry-after'));
    };
    for (let i = 0; i < 3; i++) expect((await attempt(app, 'admin', `bad${i}`)).status).to.equal(401);
    const waits: number[] = [await retryAfter()];
    for (let round = 0; round < 3; round++) {
      advanceSeconds(waits[waits.length - 1]);
      expect((await attempt(app, 'admin', 'bad again')).status, 'free again after the wait: the password is checked').to.equal(401);
      waits.push(await retryAfter());
    }
    expect(waits).to.deep.equal([60, 120, 240, 240]);
    advanceSeconds(240);
    expect((await attempt(app, 'admin', TEST_PASSWORD)).status).to.equal(302);
    // Cleared: three new failures are needed before the next lock, and it starts at 1 minute again.
    for (let i = 0; i < 3; i++) expect((await attempt(app, 'admin', `bad${i}`)).status).to.equal(401);
    expect(await retryAfter()).to.equal(60);
    advanceSeconds(61);
  });

  it('another account is not affected by a locked one', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt(app, 'coordinator', `bad${i}`)).status).to.equal(401);
    expect((await attempt(app, 'coordinator', TEST_PASSWORD)).status).to.equal(429);
    expect((await attempt(app, 'head', TEST_PASSWORD)).status).to.equal(302);
  });

  it('Georgian: the lock message is in Georgian', async () => {
    const c = other.client();
    await c.postForm('/locale', { locale: 'ka', returnTo: '/login' }, '/login');
    const res = await c.postForm('/login', { username: 'coordinator', password: 'x' }, '/login');
    expect(res.status).to.equal(429);
    expect(alertOf(res.text)).to.contain('წუთში');
  });
});

describe(`login limiter behind a proxy (${testDbKind()})`, function () {
  this.timeout(60_000);

  it('X-Forwarded-For without TRUST_PROXY: the operator is warned once, naming TRUST_PROXY', async () => {
    const lines: string[] = [];
    const app = await startTestApp({ log: (m) => lines.push(m) });
    try {
      for (let i = 0; i < 2; i++) {
        const c = app.client();
        await c.get('/login');
        await c.request('/login', {
          method: 'POST',
          body: new URLSearchParams({ _csrf: c.csrf!, username: 'agent', password: 'bad' }),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.7' },
        });
      }
      expect(lines.filter((l) => l.includes('TRUST_PROXY'))).to.have.length(1);
    } finally {
      await app.close();
    }
  });

  it('with TRUST_PROXY=true: no warning, and the address limit counts the client address, not the proxy', async () => {
    const lines: string[] = [];
    const app = await startTestApp({ env: { TRUST_PROXY: 'true', LOGIN_FAILURES_PER_ADDRESS_15_MIN: '2' }, log: (m) => lines.push(m) });
    try {
      const from = async (address: string, username: string) => {
        const c = app.client();
        await c.get('/login');
        return (
          await c.request('/login', {
            method: 'POST',
            body: new URLSearchParams({ _csrf: c.csrf!, username, password: 'bad' }),
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
          })
        ).status;
      };
      expect([await from('203.0.113.7', 'a1'), await from('203.0.113.7', 'a2'), await from('203.0.113.7', 'a3')]).to.deep.equal([
        401, 401, 429,
      ]);
      expect(await from('198.51.100.9', 'a4'), 'another client behind the same proxy').to.equal(401);
      expect(lines.filter((l) => l.includes('TRUST_PROXY'))).to.deep.equal([]);
    } finally {
      await app.close();
    }
  });
});
