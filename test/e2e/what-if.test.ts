/**
 * Issue 10's check, in real Chromium on a desktop and on a phone: a team lead of the demo team
 * answers "volume +15 %, Nino and Giorgi off on Saturday: what happens to ASA, and what would it
 * take?" and compares it with the baseline side by side. Each run: log in, open the what-if page
 * from the menu, fill the form, read ASA (baseline → scenario) and the extra agent-hours, save,
 * open the comparison. The time from opening the page to the comparison is printed (the issue's
 * bound is a minute), not asserted: a verdict never depends on the machine's speed.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { chromiumAvailable, launchBrowser, CHROMIUM_PATH, submitAndWait, logIn } from '../support/browser';
import { DEMO_PASSWORD, seedDemo } from '../../seeds';

/** Friday 20 November 2026, 12:00 in Tbilisi: the what-if page opens on the week of Monday 23rd. */
const NOW = new Date('2026-11-20T08:00:00.000Z');
const WEEK = '2026-11-23';
const SATURDAY = '6';

type Doc = {
  document: { documentElement: { scrollWidth: number; clientWidth: number }; body: { scrollWidth: number } };
  innerWidth: number;
};

/** A number as the page writes it in English ("1,234.5"). */
const num = (s: string) => Number(s.replace(/[^\d.-]/g, ''));

describe('e2e (Chromium): a lead asks what-if and compares it with the baseline', function () {
  this.timeout(300_000);
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async function () {
    if (!chromiumAvailable()) {
      console.log(`    (browser tests skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`);
      this.skip();
    }
    app = await startTestApp({
      now: () => NOW,
      env: { ROTA_DEMO: 'true' },
      seed: async (ds) => {
        await seedDemo(ds, { seed: 20261125, now: DateTime.fromJSDate(NOW) });
      },
    });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function ask(options: Parameters<Browser['newContext']>[0], name: string): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await logIn(page, app.baseUrl, 'nino.beridze', DEMO_PASSWORD);
    const started = Date.now();

    // The menu (on a phone behind its toggle, when there is one) leads to the what-if page.
    const toggle = page.locator('.nav-toggle, button[aria-controls="main-nav"]');
    if ((await toggle.count()) > 0 && (await toggle.first().isVisible())) await toggle.first().click();
    await submitAndWait(page, () => page.locator('nav a[href="/scenarios"]').first().click());
    await page.waitForURL(/\/scenarios/);

    const form = page.locator('form.scenario-form');
    await form.locator('input[name=week]').fill(WEEK);
    await form.locator('input[name=volume]').fill('15');
    await form.locator('input[name=aht]').fill('0');
    await form.locator('input[name=sick]').fill('0');
    const rows = form.locator('.absence-row');
    for (const [row, person] of ['Nino Beridze', 'Giorgi Kapanadze'].entries()) {
      await rows.nth(row).locator('select[name=off]').selectOption({ label: person });
      await rows.nth(row).locator(`input[name=offDay][value="${row}:${SATURDAY}"]`).check();
    }
    await submitAndWait(page, () => form.locator('button[type=submit]').click());
    await page.waitForSelector('#scenario-results');
    expect(await page.locator('[data-absent]').innerText())
      .to.contain('Nino Beridze')
      .and.to.contain('Giorgi Kapanadze');

    // What happens to ASA: each channel's week, baseline → scenario.
    const asaRows = page.locator('section.scenario-channel tr[data-metric="scenario.metric.asa"]');
    expect(await asaRows.count()).to.be.at.least(2);
    for (let i = 0; i < (await asaRows.count()); i++) {
      const cells = asaRows.nth(i).locator('td');
      const base = num(await cells.nth(0).innerText());
      const scen = num(await cells.nth(1).innerText());
      expect(scen, `channel ${i}: ASA ${base} → ${scen}`).to.be.above(base);
    }

    // What would it take: extra agent-hours and when.
    const takes = page.locator('#what-it-takes');
    const hours = Number(await takes.locator('[data-takes-hours]').getAttribute('data-takes-hours'));
    expect(hours).to.be.above(0);
    expect(await takes.innerText()).to.match(/\+[\d,.]+ agent-hours/);
    expect(await takes.locator('li[data-extra]').count()).to.be.above(0);
    expect(await takes.locator('li[data-extra]').first().innerText()).to.match(
      /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d–\d\d:\d\d: \d+ × /,
    );

    const first = (await takes.locator('li[data-extra]').allInnerTexts()).slice(0, 2).join('; ');

    // Saved, then beside the baseline.
    await page.locator('form.save-scenario input[name=name]').fill(name);
    await submitAndWait(page, () => page.locator('form.save-scenario button[type=submit]').click());
    await submitAndWait(page, () => page.locator('#compare-with-baseline').click());
    await page.waitForURL(/\/scenarios\/compare/);
    const cols = await page.locator('table.compare-table[data-figure="asa"]').first().locator('thead th').allInnerTexts();
    expect(cols.map((c) => c.trim())).to.deep.equal(['', 'Baseline', name]);
    const asa = (col: string) => page.locator(`td[data-compare="asa"][data-col="${col}"][data-day="week"]`);
    const scenarioCol = await page.locator('td[data-compare="asa"]:not([data-col="baseline"])').first().getAttribute('data-col');
    for (let i = 0; i < (await asa('baseline').count()); i++) {
      const b = Number(await asa('baseline').nth(i).getAttribute('data-value'));
      const s = Number(await asa(scenarioCol!).nth(i).getAttribute('data-value'));
      expect(s, 'the scenario column waits longer than the baseline').to.be.above(b);
    }
    expect(await page.locator(`.compare-take[data-col="${scenarioCol}"] [data-takes-hours]`).getAttribute('data-takes-hours')).to.equal(
      String(hours),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(`      ${name}: answered and compared in ${seconds.toFixed(1)} s; +${hours} agent-hours (${first}; …)`);
    // The time is printed, not judged: a test's verdict never depends on the machine's speed.
    return page;
  }

  it('desktop (1280×800): ASA worse than the baseline, what it would take, and both columns side by side', async () => {
    await ask({ viewport: { width: 1280, height: 800 } }, 'Desktop: +15 %, Nino and Giorgi off Saturday');
  });

  it('phone (390×844): the same answer, and the comparison fits the screen (tables scroll in their own box)', async () => {
    const page = await ask(
      { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
      'Phone: +15 %, Nino and Giorgi off Saturday',
    );
    const widths = await page.evaluate(() => {
      const w = globalThis as unknown as Doc;
      return { doc: w.document.documentElement.scrollWidth, client: w.document.documentElement.clientWidth, inner: w.innerWidth };
    });
    expect(widths.doc, JSON.stringify(widths)).to.be.at.most(widths.client);
    // Every comparison table sits inside its own scrolling box no wider than the screen.
    const boxes = await page.locator('.scenario-compare .table-wrap').evaluateAll((els) =>
      els.map((e) => {
        const el = e as unknown as { getBoundingClientRect(): { right: number; left: number } };
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
    );
    expect(boxes.length).to.be.above(0);
    for (const b of boxes) expect(b.right).to.be.at.most(390 + 0.5);
  });
});
