import { expect } from 'chai';
import { hash } from '@node-rs/argon2';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/app';
import { findUserByUsername, setUserPasswordHash } from '../../../models/repositories/users';
import { createCalendarLink } from '../../../app/rota-calendar-link';

describe('security review: findings fixed', function () {
  this.timeout(30_000);
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await app.close();
  });

  it('a calendar feed secret never authenticates as a bearer token, not even as "calendar:<secret>"', async () => {
    const agent = await app.loginAs('agent');
    const page = await agent.postForm('/my-shifts/calendar-link', {}, '/my-shifts');
    const secret = page.text.match(/\/calendar\/([A-Za-z0-9_-]+)\.ics/)?.[1];
    expect(secret, 'calendar URL on the page').to.be.a('string');
    expect((await app.client().get(`/calendar/${secret}.ics`)).status, 'the feed still works').to.equal(200);
    for (const bearer of [secret, `calendar:${secret}`]) {
      const read = await fetch(`${app.baseUrl}/requests`, { headers: { authorization: `Bearer ${bearer}` }, redirect: 'manual' });
      expect(read.status, `GET /requests with Bearer ${bearer}`).to.equal(401);
      const write = await fetch(`${app.baseUrl}/requests/time-off`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ startDate: '2030-01-07', endDate: '2030-01-08', kind: 'vacation' }),
        redirect: 'manual',
      });
      expect(write.status, `POST /requests/time-off with Bearer ${bearer}`).to.equal(401);
    }
  });

  it("an impossible date in the rota pages' week falls back to this week instead of a 500", async () => {
    const coord = await app.loginAs('coordinator');
    for (const path of [
      '/rota?week=2026-02-30',
      '/rota.csv?week=2026-02-31',
      '/rota/print?week=0000-00-00',
      '/rota/status?week=9999-99-99',
    ]) {
      expect((await coord.get(path)).status, path).to.equal(200);
    }
    const copy = await coord.postForm('/rota/copy', { week: '2026-02-30' }, '/rota');
    expect(copy.status, 'POST /rota/copy with an impossible week').to.equal(400);
  });

  it('a password change ends the sessions that logged in with the old password', async () => {
    const agent = await app.loginAs('agent');
    expect((await agent.get('/')).status).to.equal(200);
    const user = (await findUserByUsername(app.ds, 'agent'))!;
    await setUserPasswordHash(app.ds, user.id, await hash(TEST_PASSWORD));
    const after = await agent.get('/');
    expect(after.status, 'same password, new hash: the old session is void').to.equal(302);
    expect(after.headers.get('location')).to.match(/^\/login/);
  });

  it('a calendar feed fetch creates no session (no cookie, no session row)', async () => {
    const token = await createCalendarLink(app.ds, (await findUserByUsername(app.ds, 'team_lead'))!.id, new Date());
    const res = await fetch(`${app.baseUrl}/calendar/${token}.ics`);
    expect(res.status).to.equal(200);
    expect(res.headers.getSetCookie()).to.deep.equal([]);
  });

  it('a malformed id in the address answers 400, not 500', async () => {
    const coord = await app.loginAs('coordinator');
    expect((await coord.get('/staff/abc/edit')).status).to.equal(400);
    expect((await coord.get('/forecast?week=2026-02-30')).status, 'impossible week: this week instead').to.equal(200);
  });

  it('one address trying many usernames is rate-limited even though each username is new', async () => {
    const limited = await startTestApp({ env: { LOGIN_FAILURES_PER_ADDRESS_15_MIN: '10' } });
    try {
      const c = limited.client();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await c.postForm('/login', { username: `nobody${i}`, password: 'x' }, '/login')).status);
      expect(statuses.slice(0, 10).every((s) => s === 401)).to.equal(true);
      expect(statuses[11]).to.equal(429);
    } finally {
      await limited.close();
    }
  });
});
