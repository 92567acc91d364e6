import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';
import { chromiumAvailable, launchBrowser, CHROMIUM_PATH, logIn } from '../support/browser';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const NEW_PASSWORD = 'harbour violet tramline 62';

interface Violation {
  id: string;
  help: string;
  targets: string[];
}

/** axe-core's verdict on the page as it stands (every rule axe runs by default). */
async function axeCheck(page: Page): Promise<{ violations: Violation[]; passed: number }> {
  await page.addScriptTag({ path: AXE });
  // A string runs in the page (this project type-checks without the DOM library).
  return page.evaluate(`axe.run().then((r) => ({
    passed: r.passes.length,
    violations: r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => String(n.target)) })),
  }))`);
}

async function expectAccessible(page: Page, label: string) {
  const { violations, passed } = await axeCheck(page);
  expect(passed, `${label}: axe ran its rules`).to.be.greaterThan(10);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).to.deep.equal([]);
}

async function switchLanguage(page: Page, locale: 'en' | 'ka') {
  await Promise.all([page.waitForLoadState('load'), page.selectOption('#locale-select', locale)]);
  await page.waitForSelector(`html[lang=${locale}]`);
}

const focusIs = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);

/** Presses Tab until the focus is on `selector` (at most `limit` times); false if it never gets there. */
async function tabTo(page: Page, selector: string, limit = 15): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await focusIs(page, selector)) return true;
  }
  return false;
}

describe('e2e (Chromium, 390 px phone): menu by keyboard, own password, accessibility', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  before(async function () {
    if (!chromiumAvailable()) {
      console.log(`    (browser tests skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`);
      this.skip();
    }
    app = await startTestApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });
  beforeEach(async () => {
    // The CSP allows no inline script; axe is injected as one, so this browser ignores the CSP.
    context = await browser?.newContext({ ...PHONE, bypassCSP: true });
  });
  afterEach(async () => context?.close());

  it('the menu button is reached with Tab, opens with Enter, and its links then take the focus; Escape closes it', async () => {
    const page = await context.newPage();
    await logIn(page, app.baseUrl, 'agent');
    const toggle = page.locator('button.nav-toggle');
    expect(await toggle.isVisible()).to.equal(true);
    expect(await toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(await toggle.getAttribute('aria-controls')).to.equal('main-nav');
    expect(await page.isVisible('#main-nav a[href="/account"]'), 'links hidden while closed').to.equal(false);

    await page.keyboard.press('Escape');
    expect(await tabTo(page, 'button.nav-toggle'), 'Tab reaches the menu button').to.equal(true);
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(await page.isVisible('#main-nav a[href="/account"]')).to.equal(true);
    await page.keyboard.press('Tab');
    expect(await focusIs(page, '#main-nav *'), 'the next Tab is in the menu').to.equal(true);
    expect(await tabTo(page, '#main-nav a[href="/account"]'), 'Tab reaches My account').to.equal(true);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(await focusIs(page, 'button.nav-toggle'), 'the focus is back on the button').to.equal(true);

    await page.keyboard.press('Enter');
    expect(await tabTo(page, '#main-nav a[href="/account"]')).to.equal(true);
    await Promise.all([page.waitForURL(`${app.baseUrl}/account`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).to.contain('My account');
  });

  it('a team lead changes the password on the account page (a common one is refused) and logs in with the new one', async () => {
    const page = await context.newPage();
    await logIn(page, app.baseUrl, 'team_lead');
    await page.tap('button.nav-toggle');
    await Promise.all([page.waitForURL(`${app.baseUrl}/account`), page.tap('#main-nav a[href="/account"]')]);
    await page.fill('input[name=currentPassword]', TEST_PASSWORD);
    await page.fill('input[name=password]', 'password1234');
    await page.fill('input[name=confirm]', 'password1234');
    await page.click('button:has-text("Change password")');
    expect(await page.textContent('#err-password')).to.contain('This password is common');
    await page.fill('input[name=currentPassword]', TEST_PASSWORD);
    await page.fill('input[name=password]', NEW_PASSWORD);
    await page.fill('input[name=confirm]', NEW_PASSWORD);
    await Promise.all([page.waitForURL(`${app.baseUrl}/account`), page.click('button:has-text("Change password")')]);
    expect(await page.textContent('.flash')).to.contain('Password changed');

    const other = await context.browser()!.newContext(PHONE);
    const second = await other.newPage();
    await logIn(second, app.baseUrl, 'team_lead', NEW_PASSWORD);
    expect(await second.textContent('h1')).to.contain('Hello');
    await other.close();
  });

  for (const locale of ['en', 'ka'] as const) {
    it(`axe finds no violations on the login, home, my shifts and account pages (${locale})`, async () => {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/login`);
      if (locale === 'ka') await switchLanguage(page, 'ka');
      await expectAccessible(page, `login (${locale})`);
      await page.goto(`${app.baseUrl}/password/forgot`);
      await expectAccessible(page, `forgotten password (${locale})`);
      await page.goto(`${app.baseUrl}/login`);
      await page.fill('input[name=username]', 'agent');
      await page.fill('input[name=password]', TEST_PASSWORD);
      await Promise.all([page.waitForURL(`${app.baseUrl}/`), page.click('button[type=submit].primary')]);
      expect(await page.getAttribute('html', 'lang')).to.equal(locale);
      await expectAccessible(page, `home (${locale})`);
      await page.tap('button.nav-toggle');
      await expectAccessible(page, `home, menu open (${locale})`);
      for (const path of ['/my-shifts', '/account']) {
        await page.goto(app.baseUrl + path);
        await expectAccessible(page, `${path} (${locale})`);
      }
      // A form with errors is part of the page too.
      await page.fill('input[name=currentPassword]', 'wrong password');
      await page.fill('input[name=password]', 'short');
      await page.fill('input[name=confirm]', 'short');
      await page.evaluate("document.querySelector('input[name=password]').removeAttribute('minlength')");
      await page.click('form[action="/account/password"] button[type=submit]');
      await page.waitForSelector('#err-password');
      await expectAccessible(page, `/account with errors (${locale})`);
      if (locale === 'ka') await switchLanguage(page, 'en'); // leave the saved language as the other tests expect
    });
  }
});
