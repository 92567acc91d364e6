/**
 * Transport and caching headers: HSTS and Secure cookies under TLS, no-store on logged-in pages
 * (not on static files), and links that leave the page built from PUBLIC_URL, not the Host header.
 */
import http from 'node:http';
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, type TestApp } from '../../support/app';
import { testDbKind } from '../../support/db';
import { makeRota, weekdayShifts } from '../../support/rota-builders';
import { findUserByUsername } from '../../../models/repositories/users';

/** A raw GET with headers fetch() will not send (Host). */
function rawGet(baseUrl: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(baseUrl + path, { headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

describe(`headers: HSTS, Secure cookies, no-store, public URL (${testDbKind()})`, function () {
  this.timeout(60_000);

  describe('COOKIE_SECURE=true behind a trusted TLS proxy', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ env: { COOKIE_SECURE: 'true', TRUST_PROXY: 'true' } });
    });
    after(async () => app?.close());

    it('every response carries HSTS; the session cookie is Secure', async () => {
      const res = await fetch(`${app.baseUrl}/login`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers.get('strict-transport-security')).to.match(/max-age=\d{7,}; includeSubDomains/);
      expect(res.headers.getSetCookie().join(';')).to.match(/rota\.sid=.*;.*Secure/i);
      const plain = await fetch(`${app.baseUrl}/healthz`);
      expect(plain.headers.get('strict-transport-security'), 'declared HTTPS-only: always').to.match(/max-age/);
    });
  });

  describe('defaults (COOKIE_SECURE unset), TRUST_PROXY=true', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    });
    after(async () => app?.close());

    it('a request that came over TLS gets HSTS and a Secure cookie; plain http gets neither', async () => {
      const tls = await fetch(`${app.baseUrl}/login`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(tls.headers.get('strict-transport-security')).to.match(/max-age/);
      expect(tls.headers.getSetCookie().join(';')).to.match(/rota\.sid=.*;.*Secure/i);
      const plain = await fetch(`${app.baseUrl}/login`);
      expect(plain.headers.get('strict-transport-security')).to.equal(null);
      const cookie = plain.headers.getSetCookie().join(';');
      expect(cookie).to.match(/rota\.sid=/);
      expect(cookie).not.to.match(/Secure/i);
    });
  });

  describe('caching and the public URL', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ env: { PUBLIC_URL: 'https://rota.example.ge/' } });
      // A published week ahead with the agent's shifts, so the feed has events (and UIDs).
      const week = DateTime.now().setZone('Asia/Tbilisi').startOf('week').plus({ weeks: 1 }).toISODate()!;
      const agent = (await findUserByUsername(app.ds, 'agent'))!;
      await makeRota(app.ds, week, weekdayShifts(agent.staffId!, week), { publish: true });
    });
    after(async () => app?.close());

    it('Cache-Control: no-store on logged-in pages, not on static files', async () => {
      const coord = await app.loginAs('coordinator');
      for (const path of ['/', '/rota', '/staff']) {
        const res = await coord.get(path);
        expect(res.status, path).to.equal(200);
        expect(res.headers.get('cache-control'), path).to.equal('no-store');
        // The form's page reaches the app as Referer (the switchers on a form's answer go back
        // there); no other site is told where the user was.
        expect(res.headers.get('referrer-policy'), path).to.equal('same-origin');
      }
      const css = await coord.get('/static/css/app.css');
      expect(css.status).to.equal(200);
      expect(css.headers.get('cache-control'))
        .to.match(/max-age=3600/)
        .and.not.to.contain('no-store');
    });

    it('calendar link: built from PUBLIC_URL, whatever Host the request named; the feed is no-store', async () => {
      const agent = await app.loginAs('agent');
      const page = await agent.postForm('/my-shifts/calendar-link', {}, '/my-shifts');
      expect(page.status).to.equal(200);
      const url = page.text.match(/value="([^"]+\/calendar\/([A-Za-z0-9_-]+)\.ics)"/);
      expect(url?.[1]).to.match(/^https:\/\/rota\.example\.ge\/calendar\/[A-Za-z0-9_-]+\.ics$/);
      const feed = await rawGet(app.baseUrl, `/calendar/${url![2]}.ics`, { host: 'evil.example' });
      expect(feed.status).to.equal(200);
      expect(feed.body).to.contain('BEGIN:VEVENT').and.to.contain('@rota.example.ge');
      expect(feed.body).not.to.contain('evil.example');
      const res = await fetch(`${app.baseUrl}/calendar/${url![2]}.ics`);
      expect(res.headers.get('cache-control')).to.equal('no-store');
    });
  });
});
