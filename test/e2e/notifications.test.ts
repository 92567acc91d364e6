/**
 * Notifications on a phone (Chromium, 390 px): a colleague asks the agent to take a shift; the
 * agent sees the unread count on the bell without opening the menu, the news on Home and in the
 * list, in English and Georgian, marks it read and the count goes. axe checks the list page.
 */
import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, seedMinimalTeam, TEST_PASSWORD, type TestApp } from '../support/app';
import { chromiumAvailable, launchBrowser, CHROMIUM_PATH } from '../support/browser';
import { makePerson, makeRota } from '../support/requests-builders';
import { findUserByUsername } from '../../models/repositories/users';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const NOW = new Date('2026-11-20T08:00:00.000Z');

async function axeViolations(page: Page): Promise<unknown[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(`axe.run().then((r) => r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => String(n.target)) })))`);
}

describe('e2e (Chromium, 390 px phone): the agent sees the notification count and the list', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;

  before(async function () {
    if (!chromiumAvailable()) {
      console.log(`    (browser tests skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`);
      this.skip();
    }
    let colleague = 0;
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        colleague = (await makePerson(ds, 'nino', { name: 'Nino Beridze' })).id;
      },
    });
    const agentStaff = (await findUserByUsername(app.ds, 'agent'))!.staffId!;
    const { shiftIds } = await makeRota(app.ds, '2026-11-30', [
      { staffId: colleague, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
      { staffId: agentStaff, start: '2026-12-02 09:00', end: '2026-12-02 18:00' },
    ]);
    const nino = app.client();
    await nino.postForm('/login', { username: 'nino', password: TEST_PASSWORD }, '/login');
    const asked = await nino.postForm(
      '/requests/swaps',
      { shiftId: String(shiftIds[0]), mode: 'give', targetShiftId: '', targetStaffId: String(agentStaff), note: '' },
      '/requests',
    );
    expect(asked.status).to.equal(302);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('bell with 1 unread in the top bar (menu closed) → Home shows it → the list → mark read → no count; in Georgian too', async () => {
    const context = await browser.newContext({ ...PHONE, bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${app.baseUrl}/login`);
      await page.fill('input[name=username]', 'agent');
      await page.fill('input[name=password]', TEST_PASSWORD);
      await Promise.all([page.waitForURL(`${app.baseUrl}/`), page.click('button[type=submit].primary')]);

      const bell = page.locator('a.bell');
      expect(await bell.isVisible(), 'the bell shows with the menu closed').to.equal(true);
      expect(await page.locator('#main-nav').isVisible(), 'the menu is folded at 390 px').to.equal(false);
      expect(await bell.getAttribute('aria-label')).to.equal('Notifications: 1 unread');
      expect((await bell.locator('.badge').textContent())?.trim()).to.equal('1');
      const box = (await bell.boundingBox())!;
      expect(box.x + box.width, 'the bell fits the phone width').to.be.at.most(390);
      expect(await page.locator('#home-notifications').isVisible()).to.equal(true);
      expect(await page.textContent('.notification-list')).to.contain(
        'Nino Beridze asks you to take the shift Tue 1 Dec 09:00–18:00 (Calls)',
      );

      await Promise.all([page.waitForURL(`${app.baseUrl}/notifications`), bell.click()]);
      expect(await page.textContent('h1')).to.equal('Notifications');
      expect(await page.locator('.notification.unread').count()).to.equal(1);
      expect(await axeViolations(page)).to.deep.equal([]);

      await Promise.all([page.waitForLoadState('load'), page.selectOption('#locale-select', 'ka')]);
      await page.waitForSelector('html[lang=ka]');
      expect(await page.textContent('.notification-list')).to.contain('Nino Beridze გთხოვთ, აიღოთ ცვლა');
      expect(await page.locator('a.bell').getAttribute('aria-label')).to.equal('შეტყობინებები: 1 წაუკითხავი');

      await Promise.all([page.waitForURL(`${app.baseUrl}/notifications`), page.click('form[action="/notifications/read"] button')]);
      expect(await page.locator('.notification.unread').count()).to.equal(0);
      expect(await page.locator('a.bell .badge').count(), 'no count once read').to.equal(0);
      expect(await page.locator('a.bell').getAttribute('aria-label')).to.equal('შეტყობინებები: 0 წაუკითხავი');
      expect(await axeViolations(page)).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
