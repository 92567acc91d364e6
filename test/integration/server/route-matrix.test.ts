import { expect } from 'chai';
import type { Express } from 'express';
import { createApp } from '../../../server/app';
import { buildServices } from '../../../server/services';
import { accessOf } from '../../../server/middleware/auth';
import type { Access } from '../../../server/permissions';
import { startTestApp, TEST_ROLES, type TestApp, type TestClient } from '../../support/app';
import { makePerson, makeRota } from '../../support/requests-builders';
import { findUserByUsername, type UserRole } from '../../../models/repositories/users';
import { createSwap, createTimeOff } from '../../../models/repositories/requests';
import { addAvailability, addPreference, listAvailability, listPreferences } from '../../../models/repositories/availability';
import { SwapRequest, TimeOffRequest } from '../../../models';
import { createCalendarLink } from '../../../app/rota-calendar-link';
import { createServiceToken, createOwnToken, TOKEN_SCOPES } from '../../../app/api-tokens';

/**
 * Every route of the app × every role and an anonymous visitor. The routes and what each
 * declares (its guard's Access) are read from the Express router of the app createApp builds,
 * so a new route without a guard, or without a line in CASES below, fails this test.
 *
 * Who holds which permission is written out here by hand (not imported from the permission
 * table, which is under test). For each route, CASES gives a request whose answer to a role
 * that may use the route is known: usually a bad form (400/422, so nothing changes) or an id
 * that belongs to someone else (404: an agent cannot touch another agent's request, shift,
 * availability, token or calendar link).
 */
const HOLDERS: Record<string, UserRole[]> = {
  'schedule:own': ['agent', 'team_lead', 'coordinator', 'head'],
  'requests:own': ['agent', 'team_lead', 'coordinator', 'head'],
  'tokens:own': ['agent', 'team_lead', 'coordinator', 'head', 'admin'],
  'team:view': ['team_lead', 'coordinator', 'head', 'admin'],
  'history:view': ['team_lead', 'coordinator', 'head'],
  'forecast:view': ['team_lead', 'coordinator', 'head'],
  'staffing:view': ['team_lead', 'coordinator', 'head'],
  'scenarios:run': ['team_lead', 'coordinator', 'head'],
  'rota:view': ['team_lead', 'coordinator', 'head'],
  'rota:edit': ['coordinator', 'head'],
  'rota:publish': ['coordinator', 'head'],
  'staff:manage': ['coordinator', 'head'],
  'history:import': ['coordinator', 'head'],
  'forecast:edit': ['coordinator', 'head'],
  'requests:decide': ['coordinator', 'head'],
  'accounts:manage': ['admin'],
  'audit:view': ['coordinator', 'head', 'admin'],
  'teams:switch': ['head', 'admin'],
  'teams:manage': ['admin'],
};

type Ids = Record<string, number | string>;
interface Case {
  /** The address with its ids filled in. */
  url: (ids: Ids) => string;
  /** Form fields for state-changing methods (the CSRF token is added). */
  body?: (ids: Ids) => Record<string, string>;
  /** The answer to a role allowed to use the route (and to anyone, for a public route). */
  allowed: number;
  /** Answers that differ by role (or for 'anonymous'). */
  byRole?: Partial<Record<UserRole | 'anonymous', number>>;
  /** Log in afresh for this request (it ends or changes the session). */
  fresh?: boolean;
}

const CASES: Record<string, Case> = {
  'GET /vendor/htmx.min.js': { url: () => '/vendor/htmx.min.js', allowed: 200 },
  'GET /healthz': { url: () => '/healthz', allowed: 200 },
  'GET /login': { url: () => '/login', allowed: 302, byRole: { anonymous: 200 } },
  'POST /login': { url: () => '/login', body: () => ({ username: 'nobody', password: 'wrong' }), allowed: 401 },
  'POST /logout': { url: () => '/logout', allowed: 302, fresh: true },
  'POST /locale': { url: () => '/locale', body: () => ({ locale: 'xx' }), allowed: 302 },
  'GET /': { url: () => '/', allowed: 200 },
  'GET /staff': { url: () => '/staff', allowed: 200 },
  'GET /staff/new': { url: () => '/staff/new', allowed: 200 },
  'GET /staff/:id/edit': { url: (i) => `/staff/${i.otherStaff}/edit`, allowed: 200 },
  'POST /staff/new': { url: () => '/staff/new', body: () => ({ name: '' }), allowed: 422 },
  'POST /staff/:id/edit': { url: (i) => `/staff/${i.otherStaff}/edit`, body: () => ({ name: '' }), allowed: 422 },
  'GET /history': { url: () => '/history', allowed: 200 },
  'GET /history/import': { url: () => '/history/import', allowed: 200 },
  'POST /history/import': { url: () => '/history/import', allowed: 400 },
  'POST /history/import/commit': { url: () => '/history/import/commit', body: () => ({ id: 'nope' }), allowed: 400 },
  'POST /api/history/import': { url: () => '/api/history/import', allowed: 415 },
  'GET /actuals/import': { url: () => '/actuals/import', allowed: 200 },
  'POST /actuals/import': { url: () => '/actuals/import', allowed: 400 },
  'POST /api/actuals': { url: () => '/api/actuals', allowed: 415 },
  'GET /intraday': { url: () => '/intraday', allowed: 200 },
  'GET /intraday/panel': { url: () => '/intraday/panel', allowed: 200 },
  'GET /intraday/actions': { url: () => '/intraday/actions', allowed: 200 },
  'POST /intraday/actions/apply': { url: () => '/intraday/actions/apply', body: () => ({ kind: 'x' }), allowed: 400 },
  'GET /intraday/plan': { url: () => '/intraday/plan', allowed: 200 },
  'POST /intraday/plan/apply': { url: () => '/intraday/plan/apply', body: () => ({ plan: 'x' }), allowed: 400 },
  'GET /intraday/offers/preview': { url: () => '/intraday/offers/preview?kind=x', allowed: 400 },
  'POST /intraday/offers': { url: () => '/intraday/offers', body: () => ({ kind: 'x' }), allowed: 400 },
  'POST /intraday/offers/:id/withdraw': { url: () => '/intraday/offers/999999/withdraw', body: () => ({ version: 'x' }), allowed: 400 },
  'POST /intraday/offers/:id/accept': { url: () => '/intraday/offers/999999/accept', body: () => ({ version: '1' }), allowed: 404 },
  'GET /forecast': { url: () => '/forecast', allowed: 200 },
  'GET /forecast/platforms': { url: () => '/forecast/platforms', allowed: 200 },
  'POST /forecast/generate': { url: () => '/forecast/generate', body: () => ({ week: 'x' }), allowed: 400 },
  'POST /forecast/:id/accept': { url: () => '/forecast/999999/accept', body: () => ({ version: 'x' }), allowed: 400 },
  'POST /forecast/:id/adjust': { url: () => '/forecast/999999/adjust', body: () => ({ version: 'x' }), allowed: 404 },
  // A half-typed preview form is answered with what is missing (200: htmx shows it); nothing is saved.
  'POST /forecast/:id/adjust/preview': { url: () => '/forecast/999999/adjust/preview', body: () => ({ unit: 'x' }), allowed: 200 },
  'POST /forecast/:id/adjustments/:adjustmentId/undo': {
    url: () => '/forecast/999999/adjustments/1/undo',
    body: () => ({ version: 'x' }),
    allowed: 400,
  },
  'POST /forecast/:id/adjustments/:adjustmentId/restore': {
    url: () => '/forecast/999999/adjustments/1/restore',
    body: () => ({ version: 'x' }),
    allowed: 400,
  },
  'GET /forecast/accuracy': { url: () => '/forecast/accuracy', allowed: 200 },
  'GET /forecast/events': { url: () => '/forecast/events', allowed: 200 },
  'GET /forecast/events/:id/edit': { url: () => '/forecast/events/999999/edit', allowed: 404 },
  'POST /forecast/events': { url: () => '/forecast/events', body: () => ({ name: '' }), allowed: 422 },
  'POST /forecast/events/:id/edit': { url: () => '/forecast/events/999999/edit', body: () => ({ name: '' }), allowed: 422 },
  'POST /forecast/events/:id/delete': { url: () => '/forecast/events/999999/delete', allowed: 400 },
  'GET /rota': { url: () => '/rota', allowed: 200 },
  'GET /rota/status': { url: () => '/rota/status', allowed: 200 },
  'GET /rota/simulate': { url: () => '/rota/simulate', allowed: 400 },
  'POST /rota/generate': { url: () => '/rota/generate', body: () => ({ week: 'x' }), allowed: 400 },
  'POST /rota/cancel': { url: () => '/rota/cancel', body: () => ({ week: 'x' }), allowed: 400 },
  'GET /rota/shift/new': { url: () => '/rota/shift/new', allowed: 404 },
  'GET /rota/shift/:id/edit': { url: (i) => `/rota/shift/${i.otherShift}/edit`, allowed: 200 },
  'POST /rota/shift/check': { url: () => '/rota/shift/check', body: () => ({ action: 'x' }), allowed: 200 },
  'POST /rota/shift': { url: () => '/rota/shift', body: () => ({ action: 'x' }), allowed: 400 },
  'POST /rota/publish': { url: () => '/rota/publish', body: () => ({ rotaId: 'x' }), allowed: 400 },
  'POST /rota/copy': { url: () => '/rota/copy', body: () => ({ week: 'x' }), allowed: 400 },
  'GET /rota/activities': { url: () => '/rota/activities?week=2026-12-07', allowed: 200 },
  'POST /rota/activities': { url: () => '/rota/activities', body: () => ({ week: '2026-12-07', title: '' }), allowed: 422 },
  'POST /rota/activities/:id/delete': { url: () => '/rota/activities/2147483647/delete', body: () => ({}), allowed: 404 },
  'GET /rota/publish': { url: () => '/rota/publish?rota=x', allowed: 400 },
  'GET /rota/cover': { url: () => '/rota/cover', allowed: 400 },
  'POST /rota/cover': { url: () => '/rota/cover', body: () => ({ week: 'x' }), allowed: 400 },
  'GET /rota/diff': { url: () => '/rota/diff', allowed: 400 },
  'GET /rota/period': { url: () => '/rota/period?start=2026-12-07&weeks=2', allowed: 200 },
  'POST /rota/period/generate': { url: () => '/rota/period/generate', body: () => ({ start: 'x', weeks: '4' }), allowed: 400 },
  'POST /rota/period/rules': { url: () => '/rota/period/rules', body: () => ({ start: 'x', weeks: '4' }), allowed: 400 },
  'POST /rota/period/cancel': { url: () => '/rota/period/cancel', body: () => ({ start: 'x', weeks: '4' }), allowed: 400 },
  'POST /rota/period/publish': { url: () => '/rota/period/publish', body: () => ({ start: '2026-12-07', weeks: '7' }), allowed: 400 },
  'GET /account': { url: () => '/account', allowed: 200 },
  'POST /account/password': { url: () => '/account/password', body: () => ({ current: '' }), allowed: 422 },
  'POST /account/email': { url: () => '/account/email', body: () => ({ email: 'not an address' }), allowed: 422 },
  'POST /account/notifications': { url: () => '/account/notifications', body: () => ({ 'rota.app': 'yes' }), allowed: 422 },
  'GET /notifications': { url: () => '/notifications', allowed: 200 },
  'POST /notifications/read': { url: () => '/notifications/read', body: () => ({ upTo: 'x' }), allowed: 400 },
  'GET /password/forgot': { url: () => '/password/forgot', allowed: 200 },
  'POST /password/forgot': { url: () => '/password/forgot', body: () => ({ identifier: '' }), allowed: 200 },
  'GET /password/reset/:token': { url: () => '/password/reset/not-a-real-link', allowed: 410 },
  'POST /password/reset/:token': { url: () => '/password/reset/not-a-real-link', body: () => ({ password: '' }), allowed: 410 },
  'GET /manifest.webmanifest': { url: () => '/manifest.webmanifest', allowed: 200 },
  'GET /favicon.ico': { url: () => '/favicon.ico', allowed: 200 },
  'GET /rota/print': { url: () => '/rota/print', allowed: 200 },
  'GET /rota.csv': { url: () => '/rota.csv', allowed: 200 },
  'GET /my-shifts': { url: () => '/my-shifts', allowed: 200 },
  'GET /my-shifts/day/:date': { url: () => '/my-shifts/day/2026-11-30', allowed: 200 },
  'GET /rota/fairness': { url: () => '/rota/fairness', allowed: 200 },
  'POST /rota/fairness/window': { url: () => '/rota/fairness/window', body: () => ({ weeks: 'x' }), allowed: 400 },
  'POST /my-shifts/calendar-link': { url: () => '/my-shifts/calendar-link', allowed: 200 },
  'GET /my-shifts.ics': { url: () => '/my-shifts.ics', allowed: 200 },
  'GET /api/my-shifts.ics': { url: () => '/api/my-shifts.ics', allowed: 200 },
  // Someone else's feed secret is the credential itself (200 to anyone); a wrong one is 404.
  'GET /calendar/:token.ics': { url: (i) => `/calendar/${i.otherCalendar}.ics`, allowed: 200 },
  'GET /requests': { url: () => '/requests', allowed: 200 },
  'POST /requests/time-off': { url: () => '/requests/time-off', body: () => ({ kind: 'x' }), allowed: 422 },
  'POST /requests/time-off/:id/cancel': {
    url: (i) => `/requests/time-off/${i.otherTimeOff}/cancel`,
    body: () => ({ version: '1' }),
    allowed: 404,
  },
  // Giving away someone else's shift: refused, nothing made.
  'POST /requests/swaps': {
    url: () => '/requests/swaps',
    body: (i) => ({ shiftId: String(i.otherShift), mode: 'give', targetStaffId: String(i.thirdStaff), targetShiftId: '', note: '' }),
    allowed: 422,
  },
  'POST /requests/swaps/:id/respond': {
    url: (i) => `/requests/swaps/${i.otherSwap}/respond`,
    body: () => ({ version: '1', answer: 'accept' }),
    allowed: 404,
  },
  'POST /requests/swaps/:id/cancel': { url: (i) => `/requests/swaps/${i.otherSwap}/cancel`, body: () => ({ version: '1' }), allowed: 404 },
  'GET /requests/swap-check': {
    url: (i) => `/requests/swap-check?shiftId=${i.otherShift}&mode=give&targetStaffId=${i.otherStaff}`,
    allowed: 200,
  },
  'GET /requests/swap-targets': { url: (i) => `/requests/swap-targets?shiftId=${i.otherShift}`, allowed: 404 },
  'GET /requests/availability': { url: () => '/requests/availability', allowed: 200 },
  'POST /requests/availability': { url: () => '/requests/availability', body: () => ({ kind: 'x' }), allowed: 422 },
  'POST /requests/availability/:id/delete': { url: (i) => `/requests/availability/${i.otherAvailability}/delete`, allowed: 404 },
  'POST /requests/preferences': { url: () => '/requests/preferences', body: () => ({ kind: 'x' }), allowed: 422 },
  'POST /requests/preferences/:id/delete': { url: (i) => `/requests/preferences/${i.otherPreference}/delete`, allowed: 404 },
  'GET /requests/inbox': { url: () => '/requests/inbox', allowed: 200 },
  'POST /requests/inbox/time-off/:id': {
    url: (i) => `/requests/inbox/time-off/${i.otherTimeOff}`,
    body: () => ({ decision: 'x' }),
    allowed: 422,
  },
  'POST /requests/inbox/swaps/:id': { url: (i) => `/requests/inbox/swaps/${i.otherSwap}`, body: () => ({ decision: 'x' }), allowed: 422 },
  'GET /open-shifts': { url: () => '/open-shifts', allowed: 200 },
  'POST /open-shifts': { url: () => '/open-shifts', body: () => ({ week: 'x' }), allowed: 400 },
  // No such offer: 404 to anyone allowed (a bad form would be 400).
  'POST /open-shifts/mine': { url: () => '/open-shifts/mine', body: () => ({ shiftId: 'x' }), allowed: 422 },
  'POST /open-shifts/:id/claim': { url: () => '/open-shifts/999999/claim', body: () => ({ version: '1' }), allowed: 404 },
  'POST /open-shifts/:id/decide': { url: () => '/open-shifts/999999/decide', body: () => ({ version: 'x' }), allowed: 400 },
  'POST /open-shifts/:id/withdraw': { url: () => '/open-shifts/999999/withdraw', body: () => ({ version: '1' }), allowed: 404 },
  'GET /tokens': { url: () => '/tokens', allowed: 200 },
  'POST /tokens': { url: () => '/tokens', body: () => ({ name: '' }), allowed: 422 },
  // The head's token: nobody else may revoke it through their own page (the head may).
  'POST /tokens/:tokenId/revoke': { url: (i) => `/tokens/${i.headToken}/revoke`, allowed: 404, byRole: { head: 302 } },
  'GET /accounts/service-tokens': { url: () => '/accounts/service-tokens', allowed: 200 },
  'POST /accounts/service-tokens': { url: () => '/accounts/service-tokens', body: () => ({ name: '' }), allowed: 422 },
  'POST /accounts/service-tokens/:tokenId/revoke': { url: () => '/accounts/service-tokens/999999/revoke', allowed: 404 },
  'GET /accounts': { url: () => '/accounts', allowed: 200 },
  'POST /accounts': { url: () => '/accounts', body: () => ({ username: '' }), allowed: 422 },
  'GET /accounts/:id': { url: (i) => `/accounts/${i.otherUser}`, allowed: 200 },
  'POST /accounts/:id/role': { url: (i) => `/accounts/${i.otherUser}/role`, body: () => ({ stamp: 'x' }), allowed: 422 },
  'POST /accounts/:id/password': { url: (i) => `/accounts/${i.otherUser}/password`, body: () => ({ stamp: 'x' }), allowed: 422 },
  'POST /accounts/:id/status': { url: (i) => `/accounts/${i.otherUser}/status`, body: () => ({ stamp: 'x' }), allowed: 422 },
  'POST /accounts/:id/tokens/:tokenId/revoke': { url: (i) => `/accounts/${i.otherUser}/tokens/${i.headToken}/revoke`, allowed: 404 },
  'GET /erlang': { url: () => '/erlang', allowed: 200 },
  'GET /staffing': { url: () => '/staffing', allowed: 200 },
  'POST /staffing/store': { url: () => '/staffing/store', body: () => ({ week: 'x' }), allowed: 400 },
  'GET /scenarios': { url: () => '/scenarios', allowed: 200 },
  'POST /scenarios': { url: () => '/scenarios', body: () => ({ name: '' }), allowed: 422 },
  'GET /scenarios/compare': { url: () => '/scenarios/compare', allowed: 422 },
  'POST /scenarios/:id/draft': { url: () => '/scenarios/999999/draft', body: () => ({}), allowed: 404 },
  'GET /api/rota': { url: () => '/api/rota?week=2026-11-23', allowed: 200 },
  'GET /audit': { url: () => '/audit', allowed: 200 },
  'GET /audit.csv': { url: () => '/audit.csv', allowed: 200 },
  'GET /teams': { url: () => '/teams', allowed: 200 },
  'POST /teams': { url: () => '/teams', body: () => ({ name: '' }), allowed: 422 },
  'POST /teams/move': { url: () => '/teams/move', body: () => ({ staffId: 'x' }), allowed: 400 },
  'POST /teams/current': { url: () => '/teams/current', body: () => ({ teamId: '999999' }), allowed: 404 },
};

interface RouteEntry {
  key: string;
  method: string;
  path: string;
  access: Access | null;
  /** The guard is the route's first handler (nothing runs before the check). */
  guardFirst: boolean;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
}

/** Every method+path the app answers, with its declared access, read from the router itself. */
function routesOf(app: Express): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const handlers = layer.route.stack.map((s) => s.handle);
        const declared = handlers.map(accessOf);
        const access = declared.find((a) => a !== null) ?? null;
        for (const path of [layer.route.path].flat())
          for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all'))
            out.push({
              key: `${method.toUpperCase()} ${path}`,
              method: method.toUpperCase(),
              path,
              access,
              guardFirst: declared[0] !== null,
            });
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

function allowedRoles(access: Access): UserRole[] {
  if (access.kind === 'public' || access.kind === 'login') return [...TEST_ROLES];
  const perms = access.kind === 'scope' ? [access.permission] : access.permissions;
  return TEST_ROLES.filter((r) => perms.some((p) => HOLDERS[p]?.includes(r)));
}

function expected(entry: RouteEntry, c: Case, who: UserRole | 'anonymous'): number {
  const access = entry.access!;
  const override = c.byRole?.[who];
  if (access.kind === 'public') return override ?? c.allowed;
  if (who === 'anonymous') return entry.path.startsWith('/api/') ? 401 : 302;
  if (!allowedRoles(access).includes(who)) return 403;
  return override ?? c.allowed;
}

describe('route matrix: every route × every role, read from the router', function () {
  this.timeout(120_000);
  let app: TestApp;
  let routes: RouteEntry[];
  const ids: Ids = {};
  const clients = new Map<UserRole | 'anonymous', TestClient>();
  let serviceToken = '';

  async function send(client: TestClient, entry: RouteEntry, c: Case, csrf: boolean) {
    if (entry.method === 'GET') return client.get(c.url(ids));
    const body = new URLSearchParams(c.body?.(ids) ?? {});
    if (csrf) body.set('_csrf', client.csrf ?? '');
    return client.request(c.url(ids), { method: entry.method, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async function clientFor(who: UserRole | 'anonymous', fresh: boolean): Promise<TestClient> {
    if (who === 'anonymous') {
      const c = app.client();
      await c.get('/login'); // an anonymous session with a CSRF token, as a browser would have
      return c;
    }
    if (fresh) {
      const c = await app.loginAs(who);
      await c.get('/');
      return c;
    }
    return clients.get(who)!;
  }

  before(async () => {
    app = await startTestApp({ env: { LOGIN_FAILURES_BEFORE_LOCK: '1000', LOGIN_FAILURES_PER_ADDRESS_15_MIN: '100000' } });
    const ds = app.ds;
    const now = new Date('2026-11-20T08:00:00.000Z');
    const other = await makePerson(ds, 'other');
    const third = await makePerson(ds, 'third');
    const otherUser = (await findUserByUsername(ds, 'other'))!;
    const { shiftIds } = await makeRota(ds, '2030-01-07', [
      { staffId: other.id, start: '2030-01-08 09:00', end: '2030-01-08 18:00' },
      { staffId: third.id, start: '2030-01-09 09:00', end: '2030-01-09 18:00' },
    ]);
    const timeOff = await createTimeOff(
      ds,
      { staffId: other.id, startDate: '2030-02-04', endDate: '2030-02-05', kind: 'vacation', note: '' },
      now.toISOString(),
    );
    const swap = await createSwap(
      ds,
      { requesterStaffId: other.id, shiftId: shiftIds[0], targetStaffId: third.id, targetShiftId: null, note: '' },
      now.toISOString(),
    );
    const availability = await addAvailability(ds, {
      staffId: other.id,
      weekday: 1,
      date: null,
      fromTime: '08:00',
      toTime: '10:00',
      kind: 'unavailable',
      note: '',
    });
    const preference = await addPreference(ds, { staffId: other.id, kind: 'early', weekday: null, weight: 5 });
    const head = (await findUserByUsername(ds, 'head'))!;
    const headToken = await createOwnToken(
      { db: ds, now, actor: { userId: head.id } },
      { name: 'h', scopes: ['rota:read'], expiresInDays: 90 },
      ['rota:read'],
    );
    const admin = (await findUserByUsername(ds, 'admin'))!;
    const service = await createServiceToken(
      { db: ds, now: new Date(), actor: { userId: admin.id } },
      { name: 's', scopes: [...TOKEN_SCOPES], expiresInDays: 90 },
    );
    if (headToken.kind !== 'ok' || service.kind !== 'ok') throw new Error('token fixtures');
    serviceToken = service.token;
    Object.assign(ids, {
      otherStaff: other.id,
      thirdStaff: third.id,
      otherUser: otherUser.id,
      otherShift: shiftIds[0],
      otherTimeOff: timeOff.id,
      otherSwap: swap.id,
      otherAvailability: availability.id,
      otherPreference: preference.id,
      otherCalendar: await createCalendarLink(ds, otherUser.id, now),
      headToken: headToken.record.id,
    });
    for (const role of TEST_ROLES) clients.set(role, await clientFor(role, true));
    // The same app as the one listening, built the same way, for its router.
    routes = routesOf(createApp({ config: app.config, services: buildServices(ds, app.config), now: () => new Date() }));
  });
  after(async () => app?.close());

  it('the router: every route declares its access with a guard as its first handler, and has a case here', () => {
    expect(routes.length).to.be.greaterThan(60);
    expect(
      routes.filter((r) => r.access === null).map((r) => r.key),
      'routes without a declared access',
    ).to.deep.equal([]);
    expect(
      routes.filter((r) => !r.guardFirst).map((r) => r.key),
      'routes whose guard is not the first handler',
    ).to.deep.equal([]);
    expect(
      routes.filter((r) => !CASES[r.key]).map((r) => r.key),
      'routes without a case in this test',
    ).to.deep.equal([]);
    const known = new Set(routes.map((r) => r.key));
    expect(
      Object.keys(CASES).filter((k) => !known.has(k)),
      'cases for routes that no longer exist',
    ).to.deep.equal([]);
  });

  it('each route × anonymous and the five roles: the declared answer (with a valid CSRF token on state-changing methods)', async () => {
    const wrong: string[] = [];
    for (const entry of routes) {
      const c = CASES[entry.key];
      if (!c || !entry.access) continue;
      for (const who of ['anonymous', ...TEST_ROLES] as const) {
        const res = await send(await clientFor(who, c.fresh === true), entry, c, true);
        const want = expected(entry, c, who);
        if (res.status !== want) wrong.push(`${entry.key} as ${who}: ${res.status}, expected ${want}`);
        if (who !== 'anonymous' && !c.fresh && want === 302 && res.headers.get('location')?.startsWith('/login'))
          wrong.push(`${entry.key} as ${who}: sent to the login page (session lost?)`);
      }
    }
    expect(wrong).to.deep.equal([]);
    // Someone else's things are as they were.
    expect(await app.ds.getRepository(SwapRequest).count(), 'no swap made from another person’s shift').to.equal(1);
    expect((await app.ds.getRepository(SwapRequest).findOneByOrFail({ id: Number(ids.otherSwap) })).status).to.equal('pending');
    expect((await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ id: Number(ids.otherTimeOff) })).status).to.equal('pending');
    expect(await listAvailability(app.ds, Number(ids.otherStaff))).to.have.length(1);
    expect(await listPreferences(app.ds, Number(ids.otherStaff))).to.have.length(1);
  });

  it('each state-changing route without the CSRF token: 403 for a role that may use it (public ones: anonymous)', async () => {
    const wrong: string[] = [];
    for (const entry of routes.filter((r) => r.method !== 'GET')) {
      const c = CASES[entry.key];
      if (!c || !entry.access) continue;
      const who = entry.access.kind === 'public' ? 'anonymous' : allowedRoles(entry.access)[0];
      const res = await send(await clientFor(who, c.fresh === true), entry, c, false);
      if (res.status !== 403) wrong.push(`${entry.key} as ${who} without CSRF: ${res.status}`);
    }
    expect(wrong).to.deep.equal([]);
  });

  it('each page route with a bearer token (a service token with every scope): 401, never the page', async () => {
    const wrong: string[] = [];
    for (const entry of routes.filter((r) => !r.path.startsWith('/api/'))) {
      const c = CASES[entry.key];
      if (!c || !entry.access || entry.access.kind === 'public') continue;
      const body = entry.method === 'GET' ? undefined : new URLSearchParams(c.body?.(ids) ?? {});
      const res = await app
        .client()
        .request(c.url(ids), { method: entry.method, body, headers: { authorization: `Bearer ${serviceToken}` } });
      if (res.status !== 401) wrong.push(`${entry.key} with Bearer: ${res.status}`);
    }
    expect(wrong).to.deep.equal([]);
  });
});
