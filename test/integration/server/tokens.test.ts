import { expect } from 'chai';
import { startTestApp, type TestApp, type TestClient } from '../../support/app';
import { findUserByUsername, listApiTokens } from '../../../models/repositories/users';
import { listAudit } from '../../../models/repositories/audit';
import { makeRota } from '../../support/requests-builders';
import { TOKEN_SCOPES, type TokenScope } from '../../../app/api-tokens';
import { setPasswordByUsername } from '../../../app/accounts';

const CSV = ['timestamp,channel,volume', '2026-11-03T09:00:00+04:00,voice,12', '2026-11-03T10:00:00+04:00,voice,15'].join('\n');
const DAY_MS = 86_400_000;

/** One call per API route, as a script would make it. */
const API_CALLS: Record<string, { method: string; path: string; body?: string; type?: string; okStatus: number }> = {
  'history:import': { method: 'POST', path: '/api/history/import?dryRun=true', body: CSV, type: 'text/csv', okStatus: 200 },
  'rota:read': { method: 'GET', path: '/api/rota?week=2026-11-25', okStatus: 200 },
  'actuals:write': {
    method: 'POST',
    path: '/api/actuals?dryRun=true',
    body: 'start,channel,offered\n2026-11-24T09:00:00+04:00,voice,12',
    type: 'text/csv',
    okStatus: 200,
  },
  'calendar:read': { method: 'GET', path: '/api/my-shifts.ics', okStatus: 200 },
};
/** The scope each API route needs. */
const ROUTE_SCOPE: Record<string, TokenScope> = {
  'history:import': 'history:import',
  'actuals:write': 'actuals:write',
  'rota:read': 'rota:read',
  'calendar:read': 'calendar:read',
};

function bearer(app: TestApp, token: string, call: { method: string; path: string; body?: string; type?: string }) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (call.type) headers['content-type'] = call.type;
  return app.client().request(call.path, { method: call.method, body: call.body, headers });
}

function tokenOnPage(text: string): string {
  const token = text.match(/<code class="req-token-value">([^<]+)<\/code>/)?.[1];
  if (!token) throw new Error(`no token on the page: ${text.slice(0, 300)}`);
  return token;
}

function stampOf(page: string): string {
  const stamp = page.match(/name="stamp" value="([a-f0-9]{20})"/)?.[1];
  if (!stamp) throw new Error('no stamp on the page');
  return stamp;
}

async function makeOwnToken(client: TestClient, scopes: string[], extra: Record<string, string> = {}) {
  const res = await client.postForm('/tokens', { name: `t-${scopes.join('+')}`, scopes, ...extra }, '/tokens');
  expect(res.status, res.text.slice(0, 400)).to.equal(201);
  return { token: tokenOnPage(res.text), page: res.text };
}

describe('API tokens: scopes, expiry, revocation, service tokens', function () {
  this.timeout(30_000);
  let app: TestApp;
  let clock = new Date('2026-11-24T08:00:00.000Z');

  before(async () => {
    app = await startTestApp({ now: () => clock });
    const agent = (await findUserByUsername(app.ds, 'agent'))!;
    await makeRota(app.ds, '2026-11-23', [{ staffId: agent.staffId!, start: '2026-11-25 09:00', end: '2026-11-25 18:00' }]);
  });
  after(async () => app?.close());
  afterEach(() => {
    clock = new Date('2026-11-24T08:00:00.000Z');
  });

  for (const scope of TOKEN_SCOPES) {
    it(`a token with only ${scope}: accepted on its own API route, 403 on every other API route, 401 on pages`, async () => {
      // The head holds every scope's permission (and has a person, for calendar:read).
      const head = await app.loginAs('head');
      const { token } = await makeOwnToken(head, [scope]);
      for (const [route, call] of Object.entries(API_CALLS)) {
        const res = await bearer(app, token, call);
        if (ROUTE_SCOPE[route] === scope)
          expect(res.status, `${call.method} ${call.path}: ${res.text.slice(0, 200)}`).to.equal(call.okStatus);
        else expect(res.status, `${call.method} ${call.path}`).to.equal(403);
      }
      for (const path of ['/', '/rota', '/my-shifts.ics', '/rota.csv', '/audit']) {
        expect((await bearer(app, token, { method: 'GET', path })).status, `GET ${path}`).to.equal(401);
      }
      const publish = await bearer(app, token, {
        method: 'POST',
        path: '/rota/publish',
        body: 'rotaId=1&version=0',
        type: 'application/x-www-form-urlencoded',
      });
      expect(publish.status, 'POST /rota/publish with a bearer token').to.equal(401);
    });
  }

  it('GET /api/rota: the published week as JSON, local times with the Tbilisi offset', async () => {
    const lead = await app.loginAs('team_lead');
    const { token } = await makeOwnToken(lead, ['rota:read']);
    const res = await bearer(app, token, API_CALLS['rota:read']);
    const body = JSON.parse(res.text);
    expect(body.weekStart).to.equal('2026-11-23');
    expect(body.published).to.not.equal(null);
    expect(body.shifts).to.have.length(1);
    expect(body.shifts[0]).to.include({ start: '2026-11-25T09:00:00+04:00', staffName: 'Test agent' });
    expect(body.shifts[0].offQueue).to.deep.equal([]);
    expect((await bearer(app, token, { method: 'GET', path: '/api/rota?week=2026-13-45' })).status).to.equal(400);
    const lead0 = (await findUserByUsername(app.ds, 'team_lead'))!;
    const [stored] = (await listApiTokens(app.ds, lead0.id)).filter((t) => t.kind === 'personal').slice(-1);
    expect(stored.lastUsedAt, 'last used: stamped with the app clock').to.equal(clock.toISOString());
  });

  it('/tokens: an agent is offered only calendar:read; asking for history:import → 422 and no token', async () => {
    const agent = await app.loginAs('agent');
    const page = await agent.get('/tokens');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('value="calendar:read"').and.not.to.contain('value="history:import"');
    const refused = await agent.postForm('/tokens', { name: 'sneaky', scopes: 'history:import' }, '/tokens');
    expect(refused.status).to.equal(422);
    const user = (await findUserByUsername(app.ds, 'agent'))!;
    expect((await listApiTokens(app.ds, user.id)).filter((t) => t.kind === 'personal')).to.deep.equal([]);
    const { token, page: created } = await makeOwnToken(agent, ['calendar:read']);
    expect(created, 'the expiry (90 days later) is shown').to.match(/22 Feb 2027/);
    const ics = await bearer(app, token, API_CALLS['calendar:read']);
    expect(ics.headers.get('content-type')).to.match(/^text\/calendar/);
  });

  it('a token is refused once it expires (the default is 90 days; here 1 day, then the clock moves 2 days)', async () => {
    const lead = await app.loginAs('team_lead');
    const { token } = await makeOwnToken(lead, ['rota:read'], { expiresInDays: '1' });
    expect((await bearer(app, token, API_CALLS['rota:read'])).status).to.equal(200);
    clock = new Date(clock.getTime() + 2 * DAY_MS);
    expect((await bearer(app, token, API_CALLS['rota:read'])).status).to.equal(401);
    expect((await lead.postForm('/tokens', { name: 'x', scopes: 'rota:read', expiresInDays: '400' }, '/tokens')).status).to.equal(422);
  });

  it('a password reset revokes the person’s tokens and calendar link', async () => {
    const coordinator = await app.loginAs('coordinator');
    const { token } = await makeOwnToken(coordinator, ['rota:read']);
    await coordinator.postForm('/my-shifts/calendar-link', {}, '/my-shifts');
    const user = (await findUserByUsername(app.ds, 'coordinator'))!;
    expect(await listApiTokens(app.ds, user.id)).to.have.length.greaterThan(1);
    const admin = await app.loginAs('admin');
    const stamp = stampOf((await admin.get(`/accounts/${user.id}`)).text);
    const reset = await admin.postForm(`/accounts/${user.id}/password`, {
      stamp,
      password: 'another long secret',
      confirm: 'another long secret',
    });
    expect(reset.status).to.equal(302);
    expect((await bearer(app, token, API_CALLS['rota:read'])).status).to.equal(401);
    expect(await listApiTokens(app.ds, user.id)).to.deep.equal([]);
  });

  it('a password set from the command line (wfm user password) revokes the person’s tokens too', async () => {
    const head = await app.loginAs('head');
    const { token } = await makeOwnToken(head, ['rota:read']);
    const set = await setPasswordByUsername(
      { db: app.ds, now: clock, actor: { userId: null, username: 'wfm' } },
      'head',
      'a new command line password',
    );
    expect(set.kind).to.equal('ok');
    expect((await bearer(app, token, API_CALLS['rota:read'])).status).to.equal(401);
  });

  it('a role change revokes the person’s tokens and ends their sessions', async () => {
    const lead = await app.loginAs('team_lead');
    const { token } = await makeOwnToken(lead, ['rota:read']);
    const user = (await findUserByUsername(app.ds, 'team_lead'))!;
    const admin = await app.loginAs('admin');
    const stamp = stampOf((await admin.get(`/accounts/${user.id}`)).text);
    const changed = await admin.postForm(`/accounts/${user.id}/role`, { stamp, role: 'coordinator', staffId: String(user.staffId) });
    expect(changed.status).to.equal(302);
    expect((await bearer(app, token, API_CALLS['rota:read'])).status).to.equal(401);
    const again = await lead.get('/rota');
    expect(again.status, 'the old session is over').to.equal(302);
    expect(again.headers.get('location')).to.match(/^\/login/);
  });

  it('a disabled account’s tokens are refused (401) and work again once it is enabled', async () => {
    const lead = await app.loginAs('team_lead');
    const { token } = await makeOwnToken(lead, ['rota:read']);
    const user = (await findUserByUsername(app.ds, 'team_lead'))!;
    const admin = await app.loginAs('admin');
    const status = async (disabled: string) => {
      const stamp = stampOf((await admin.get(`/accounts/${user.id}`)).text);
      expect((await admin.postForm(`/accounts/${user.id}/status`, { stamp, disabled })).status).to.equal(302);
    };
    await status('true');
    expect((await bearer(app, token, API_CALLS['rota:read'])).status).to.equal(401);
    await status('false');
    expect((await bearer(app, token, API_CALLS['rota:read'])).status).to.equal(200);
  });

  it('the admin cannot make a token on someone else’s account; a service token acts as itself in the audit log', async () => {
    const admin = await app.loginAs('admin');
    const agent = (await findUserByUsername(app.ds, 'agent'))!;
    const onAgent = await admin.postForm(
      `/accounts/${agent.id}/tokens`,
      { name: 'as agent', scopes: 'calendar:read' },
      `/accounts/${agent.id}`,
    );
    expect(onAgent.status).to.equal(404);
    expect((await admin.get('/tokens')).text, 'the admin role carries no scope of its own').to.contain('no scope');

    const created = await admin.postForm(
      '/accounts/service-tokens',
      { name: 'nightly import', scopes: ['history:import', 'calendar:read'] },
      '/accounts/service-tokens',
    );
    expect(created.status).to.equal(201);
    const token = tokenOnPage(created.text);
    const imported = await bearer(app, token, { method: 'POST', path: '/api/history/import', body: CSV, type: 'text/csv' });
    expect(imported.status, imported.text).to.equal(200);
    expect((await bearer(app, token, API_CALLS['calendar:read'])).status, 'a service token has no shifts').to.equal(403);
    expect((await bearer(app, token, API_CALLS['rota:read'])).status).to.equal(403);

    const [made] = await listAudit(app.ds, { kind: 'service_token' });
    expect(made).to.include({ action: 'service_token.created', userId: (await findUserByUsername(app.ds, 'admin'))!.id });
    const [imp] = await listAudit(app.ds, { kind: 'history' });
    expect(imp.userId).to.equal(null);
    expect(imp.serviceTokenId).to.be.a('number');
    const audit = await admin.get('/audit?kind=history');
    expect(audit.text).to.contain('Service token “nightly import”');

    const list = await admin.get('/accounts/service-tokens');
    const id = list.text.match(/action="\/accounts\/service-tokens\/(\d+)\/revoke"/)?.[1];
    expect((await admin.postForm(`/accounts/service-tokens/${id}/revoke`, {})).status).to.equal(302);
    expect((await bearer(app, token, API_CALLS['rota:read'])).status).to.equal(401);
  });

  it('a calendar feed secret works for its feed and nowhere else, not even on the API', async () => {
    const agent = await app.loginAs('agent');
    const page = await agent.postForm('/my-shifts/calendar-link', {}, '/my-shifts');
    const secret = page.text.match(/\/calendar\/([A-Za-z0-9_-]+)\.ics/)?.[1];
    expect((await app.client().get(`/calendar/${secret}.ics`)).status).to.equal(200);
    for (const call of Object.values(API_CALLS)) expect((await bearer(app, secret!, call)).status, call.path).to.equal(401);
    expect((await bearer(app, `calendar:${secret}`, API_CALLS['calendar:read'])).status).to.equal(401);
  });
});
