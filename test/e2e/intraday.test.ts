/**
 * The intraday journey in real Chromium, as a coordinator lives it: the day's actuals have come
 * in (the demo feed, a surge this morning), /intraday shows the re-forecast and the risk; the
 * coordinator opens one action, reads what it costs and gives (service level and ASA before →
 * after, per interval, the labour rules), applies it, and the rota and the page show it.
 */
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { chromiumAvailable, launchBrowser, CHROMIUM_PATH, logIn } from '../support/browser';
import { feedLiveDay } from '../../app/demo-live';
import { NOW, WEEK, seedBrowserDay } from '../support/intraday-day';

const percent = (text: string | null) => Number(/(\d+)\s*%/.exec(text ?? '')?.[1]);

describe('e2e (Chromium): the coordinator acts on the rest of today from /intraday', function () {
  this.timeout(240_000); // a backstop: pages on a busy 2-core machine take seconds each
  let app: TestApp;
  let browser: Browser;

  before(async function () {
    if (!chromiumAvailable()) {
      console.warn(`skipped: no Chromium at ${CHROMIUM_PATH}`);
      this.skip();
    }
    app = await startTestApp({ now: () => NOW });
    await seedBrowserDay(app.ds);
    // The day so far, as `wfm demo live` would feed it (chat too, which has no history): a surge from 10:00.
    const fed = await feedLiveDay(app.ds, { now: NOW, seed: 7, surge: { at: '10:00', hours: 4, factor: 1.8 } });
    expect(fed.result?.kind).to.equal('ok');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens /intraday, sees the re-forecast, picks the call-in, sees its cost, applies it; the rota and the page show it', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(60_000);
    await logIn(page, app.baseUrl, 'coordinator');
    expect((await page.goto(`${app.baseUrl}/intraday`))?.status()).to.equal(200);

    // The re-forecast: the morning ran above the plan, so the rest of the day is raised.
    const voice = page.locator('#intraday-voice');
    const multiplier = Number(/rest of the day × ([\d.]+)/.exec(await voice.innerText())?.[1]);
    expect(multiplier).to.be.greaterThan(1);
    expect(await voice.locator('tr[data-time="10:00"] td').nth(2).innerText()).to.match(/^\d+$/);
    const restBefore = percent(await voice.locator('.intraday-rest').getAttribute('data-rest-sl'));

    // The action and its cost, before anything is applied.
    const action = page.locator('li.intraday-action', { hasText: 'Nana Beridze: call in for 14:00–22:00 on Calls' });
    const effect = await action.locator('.action-effect[data-channel="voice"]').innerText();
    expect(effect).to.match(/Calls, rest of the day: service level \d+\s*% → \d+\s*%, ASA/);
    const promised = percent(await action.locator('.action-effect[data-channel="voice"]').getAttribute('data-sl-after'));
    expect(promised).to.be.greaterThan(restBefore);
    expect(await action.locator('.action-rules').innerText()).to.contain('Keeps every labour rule');
    await action.locator('details.action-details summary').click();
    const row = action.locator('details.action-details tr[data-time="15:00"]');
    expect(await row.isVisible()).to.equal(true);
    expect(await row.innerText()).to.match(/4\.0 → 5\.0/);

    await Promise.all([page.waitForURL(`${app.baseUrl}/intraday`), action.locator('button[type=submit]').click()]);
    expect(await page.locator('.flash').first().innerText()).to.contain('Done: the rota is changed');
    // The page now projects what the action promised, with one more person on the queue at 15:00.
    expect(percent(await page.locator('#intraday-voice .intraday-rest').getAttribute('data-rest-sl'))).to.equal(promised);
    expect(await page.locator('#intraday-voice tr[data-time="15:00"] td').nth(6).innerText()).to.equal('5');
    expect(await page.locator('li.intraday-action', { hasText: 'Nana Beridze: call in' }).count()).to.equal(0);

    // The published rota has Nana's Wednesday shift.
    await page.goto(`${app.baseUrl}/rota?week=${WEEK}`);
    const wednesday = page.locator('.rota-grid tbody tr:has-text("Nana Beridze")').locator('td:not(.num)').nth(2);
    expect(await wednesday.innerText())
      .to.contain('14:00')
      .and.to.contain('22:00');
  });
});
