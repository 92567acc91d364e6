import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app';

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

  it('an impossible date in the rota pages\' week falls back to this week instead of a 500', async () => {
    const coord = await app.loginAs('coordinator');
    for (const path of ['/rota?week=2026-02-30', '/rota.csv?week=2026-02-31', '/rota/print?week=0000-00-00', '/rota/status?week=9999-99-99']) {
      expect((await coord.get(path)).status, path).to.equal(200);
    }
    const copy = await coord.postForm('/rota/copy', { week: '2026-02-30' }, '/rota');
    expect(copy.status, 'POST /rota/copy with an impossible week').to.equal(400);
  });
});
