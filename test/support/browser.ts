/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Where it is not
 * installed, browser tests skip with a message instead of failing.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './app';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // This machine has no network but loopback: keep Chromium from calling home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Picks the shift (by its option's text, e.g. '10 Dec') in the swap form of /requests and waits
 * until htmx has replaced the choices that follow it: a choice made before then is lost when the
 * new ones arrive, and on a busy machine they arrive late.
 */
export async function pickSwapShift(page: Page, text: string): Promise<void> {
  const select = page.locator('form[action="/requests/swaps"] select[name=shiftId]');
  const value = await select.locator(`option:has-text("${text}")`).getAttribute('value');
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/requests/swap-targets') && r.request().method() === 'GET'),
    select.selectOption(value!),
  ]);
  // A function, not a string: the app's CSP (no 'unsafe-eval') would refuse a string to evaluate.
  await page.waitForFunction(
    () =>
      !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
        '.htmx-request, .htmx-swapping, .htmx-settling',
      ),
  );
}

/** Runs `act` (a click that submits a form) and waits until the next page has loaded, not just the current one. */
export async function submitAndWait(page: Page, act: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { __before?: boolean }).__before = true));
  await act();
  // A function, not a string: the app's CSP (no 'unsafe-eval') refuses a string to evaluate.
  await page.waitForFunction(() => (globalThis as unknown as { __before?: boolean }).__before !== true);
  await page.waitForLoadState('load');
}

/** Logs in through the form and waits for Home (the test accounts' password unless another is given). */
export async function logIn(page: Page, baseUrl: string, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('button[type=submit].primary')]);
}
