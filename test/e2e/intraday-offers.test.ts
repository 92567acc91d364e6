/**
 * Overtime offered from /intraday and taken on a phone, in real Chromium (issue #12's Done-when):
 * the day's actuals come in through the real API with a surge (as `wfm demo live` sends them),
 * the coordinator's page shows the risk, previews an overtime offer's effect on the rest of the
 * day and sends it; an agent on a phone sees it on the open-shift board and accepts; the
 * coordinator's page then projects a higher service level for the rest of the day.
 */
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { chromiumAvailable, launchBrowser, CHROMIUM_PATH, logIn } from '../support/browser';
import { createServiceToken } from '../../app/api-tokens';
import { simulateLiveDay } from '../../app/demo-live';
import { findUserByUsername } from '../../models/repositories/users';
import { NOW, seedBrowserDay } from '../support/intraday-day';

const percent = (text: string | null) => Number(/(\d+)\s*%/.exec(text ?? '')?.[1]);

describe('e2e (Chromium): overtime offered from /intraday, accepted on a phone, raises the rest of the day', function () {
  this.timeout(300_000);
  let app: TestApp;
  let browser: Browser;

  before(async function () {
    if (!chromiumAvailable()) {
      console.warn(`skipped: no Chromium at ${CHROMIUM_PATH}`);
      this.skip();
    }
    app = await startTestApp({ now: () => NOW });
    await seedBrowserDay(app.ds);
    // Today so far, with a surge from 10:00, through the real API with a service token (as `wfm demo live --url` sends it).
    const admin = (await findUserByUsername(app.ds, 'admin'))!;
    const made = await createServiceToken(
      { db: app.ds, now: NOW, actor: { userId: admin.id } },
      { name: 'phones', scopes: ['actuals:write'], expiresInDays: 1 },
    );
    if (made.kind !== 'ok') throw new Error('no token');
    const day = await simulateLiveDay(app.ds, { now: NOW, seed: 7, surge: { at: '10:00', hours: 4, factor: 1.8 } });
    const res = await fetch(`${app.baseUrl}/api/actuals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${made.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(day.rows),
    });
    expect(res.status, await res.clone().text()).to.be.lessThan(300);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('previews and sends overtime 14:00-22:00 on calls; Nana accepts on her phone; the projected rest-of-day service level rises', async () => {
    const desk = await (await browser.newContext()).newPage();
    desk.setDefaultTimeout(60_000);
    await logIn(desk, app.baseUrl, 'coordinator');
    await desk.goto(`${app.baseUrl}/intraday`);
    const before = percent(await desk.locator('#intraday-voice .intraday-rest').getAttribute('data-rest-sl'));
    expect(await desk.locator('#intraday-voice').innerText()).to.match(/risk|Risk/);

    const form = desk.locator('form.intraday-offer-form');
    await form.locator('select[name=kind]').selectOption({ label: 'Overtime' });
    await form.locator('select[name=channel]').selectOption({ label: 'Calls' });
    await form.locator('select[name=from]').selectOption({ label: '14:00' });
    await form.locator('select[name=to]').selectOption({ label: '22:00' });
    await Promise.all([desk.waitForURL(/\/intraday\/offers\/preview/), form.locator('button[type=submit]').click()]);
    expect(await desk.locator('#offer-preview .offer-eligible').innerText()).to.contain('Nana Beridze');
    const effect = desk.locator('#offer-preview .offer-effect[data-channel="voice"]');
    const promised = percent(await effect.getAttribute('data-sl-after'));
    expect(percent(await effect.getAttribute('data-sl-before'))).to.equal(before);
    expect(promised).to.be.greaterThan(before);
    await Promise.all([desk.waitForURL(`${app.baseUrl}/intraday`), desk.locator('#offer-preview form.offer-send button').click()]);
    expect(await desk.locator('.flash').first().innerText()).to.contain('Offer sent; 1 colleague(s) told.');

    // Nana, on her phone.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    phone.setDefaultTimeout(60_000);
    await logIn(phone, app.baseUrl, 'nana');
    await phone.goto(`${app.baseUrl}/open-shifts`);
    const offer = phone.locator('#intraday-offers li', { hasText: 'Overtime today 14:00–22:00 · Calls' });
    await Promise.all([phone.waitForURL(`${app.baseUrl}/open-shifts`), offer.locator('button[type=submit]').tap()]);
    expect(await phone.locator('.flash').first().innerText()).to.contain('it is yours');
    expect(await phone.locator('#intraday-offers li').innerText()).to.contain('Yours');

    await desk.goto(`${app.baseUrl}/intraday`);
    const after = percent(await desk.locator('#intraday-voice .intraday-rest').getAttribute('data-rest-sl'));
    expect(after).to.be.greaterThan(before);
    expect(after).to.equal(promised);
    expect(await desk.locator('.intraday-offers-list').innerText()).to.contain('Taken by Nana Beridze');
  });
});
