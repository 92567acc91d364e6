/**
 * The coordinator's weekly job in real Chromium, from the menu only (no URL typed after the
 * login): import last week's history (a future row refused with its line first, then the
 * clean file), generate and accept the next week's forecast, adjust it with a unit and a
 * preview, see the rota page say the plan still uses the accepted forecast, undo the edit,
 * and accept again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { startTestApp, seedMinimalTeam, TEST_PASSWORD, type TestApp } from '../support/app';
import { chromiumAvailable, launchBrowser, CHROMIUM_PATH, submitAndWait } from '../support/browser';
import { seedHistory } from '../support/forecast-builders';
import { forecastValues, listForecasts } from '../../models/repositories/forecasts';

/** Friday 20 November 2026, 12:00 in Tbilisi; the planning week starts Monday 23rd. */
const NOW = new Date('2026-11-20T08:00:00.000Z');

/** Monday 16 to Thursday 19 November, 09:00-20:00, voice, without answered/abandoned columns. */
function historyFile(extraRow?: string): string {
  const rows = ['timestamp,channel,volume,aht_seconds'];
  for (let day = 16; day <= 19; day++)
    for (let h = 9; h <= 20; h++) rows.push(`2026-11-${day}T${String(h).padStart(2, '0')}:00:00,voice,${20 + h},250`);
  if (extraRow) rows.splice(2, 0, extraRow);
  const file = path.join(os.tmpdir(), `rota-weekly-${process.pid}-${extraRow ? 'bad' : 'good'}.csv`);
  fs.writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

describe('e2e (Chromium): the weekly job, import → forecast edit with preview → undo → accept', function () {
  this.timeout(300_000); // a backstop: generating six weeks of forecast takes seconds on a busy machine
  let app: TestApp;
  let browser: Browser;
  const files: string[] = [];

  before(async function () {
    if (!chromiumAvailable()) {
      console.log(`    (browser tests skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`);
      this.skip();
    }
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        await seedHistory(ds, { channelId: 'voice', endMonday: '2026-11-16', weeks: 6 });
      },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    for (const f of files) fs.rmSync(f, { force: true });
  });

  it('coordinator: does the week from the menu, and every step says what it did', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.baseUrl}/login`);
    await page.fill('input[name=username]', 'coordinator');
    await page.fill('input[name=password]', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${app.baseUrl}/`), page.click('button[type=submit].primary')]);

    // 1. History: the import is in the menu; a row dated tomorrow is refused by line and field.
    await page.click('nav a[href="/history/import"]');
    const bad = historyFile('2026-11-21T10:00:00,voice,5,250');
    const good = historyFile();
    files.push(bad, good);
    await page.setInputFiles('input[type=file]', bad);
    await submitAndWait(page, () => page.click('button:has-text("Check and preview")'));
    const errorRow = page.locator('#import-errors tbody tr').first();
    expect(await errorRow.innerText()).to.match(/^3\s+timestamp\s+the timestamp is in the future/);
    await page.setInputFiles('input[type=file]', good);
    await submitAndWait(page, () => page.click('button:has-text("Check and preview")'));
    expect(await page.textContent('body')).to.contain('48 intervals');
    await submitAndWait(page, () => page.click('button:has-text("Import now")'));
    expect(await page.textContent('.flash')).to.contain('History imported');
    // No answered column in the file: unknown, not 0.
    const monday = page.locator('table.compact tbody tr').first();
    expect((await monday.locator('td').nth(2).innerText()).trim()).to.equal('—');

    // 2. Forecast: generate next week, accept it.
    await page.click('nav a[href="/forecast"]');
    const generate = page.locator('form[action="/forecast/generate"].toolbar');
    await generate.locator('select[name=channel]').selectOption('voice');
    await submitAndWait(page, () => generate.locator('button[type=submit]').click());
    await submitAndWait(page, () => page.click('form[action$="/accept"] button[type=submit]'));
    expect(await page.locator('h2 .badge').first().innerText()).to.equal('Accepted');
    const [forecast] = await listForecasts(app.ds);
    const wedNine = { from: '2026-11-25T05:00:00.000Z', to: '2026-11-25T06:00:00.000Z' };
    const model = (await forecastValues(app.ds, forecast.id, wedNine))[0].volume;

    // 3. Adjust Wednesday 09:00-12:00 × 1.5: the preview shows it before anything is saved.
    const adjust = page.locator('form.forecast-adjust');
    await adjust.locator('select[name=unit]').selectOption('factor');
    await adjust.locator('input[name=value]').fill('1.5');
    await adjust.locator('input[name=from]').fill('2026-11-25 09:00');
    await adjust.locator('input[name=to]').fill('2026-11-25 12:00');
    await adjust.locator('input[name=note]').fill('Mailing on Wednesday morning');
    await adjust.locator('button:has-text("Preview")').click();
    await page.locator('#adjust-preview .adjust-preview[data-changed="3"]').waitFor();
    expect(await page.locator('#adjust-preview svg').count()).to.equal(1);
    expect((await forecastValues(app.ds, forecast.id, wedNine))[0].adjustedVolume, 'nothing saved by the preview').to.equal(null);
    await submitAndWait(page, () => adjust.locator('button[type=submit].primary').click());
    const row = page.locator('#adjustment-list tr:has-text("Mailing on Wednesday morning")');
    expect(await row.innerText())
      .to.contain('×1.5')
      .and.contain('in force');
    expect(await page.locator('h2 .badge').first().innerText()).to.equal('Accepted, edited since');
    expect((await forecastValues(app.ds, forecast.id, wedNine))[0].adjustedVolume).to.be.closeTo(model * 1.5, 1e-9);

    // 4. The rota page says its requirement comes from the forecast as accepted, and links back.
    await page.click('nav a[href="/rota"]');
    await submitAndWait(page, () => page.click('a.button:has-text("Next week")'));
    await page.locator('a:has-text("Open the forecast to accept the edits")').first().waitFor();
    expect(await page.locator('.forecast-pending').count()).to.be.greaterThan(0);
    await submitAndWait(page, () => page.click('a:has-text("Open the forecast to accept the edits")'));

    // 5. Undo the edit: the list keeps it, struck out; the values are the model's again.
    await submitAndWait(page, () => page.locator('#adjustment-list tr:has-text("Mailing") button:has-text("Undo")').click());
    expect(await page.textContent('.flash')).to.contain('Adjustment undone');
    expect(await page.locator('#adjustment-list tr.adjustment-undone').innerText()).to.contain('undone by coordinator');
    expect((await forecastValues(app.ds, forecast.id, wedNine))[0].adjustedVolume).to.equal(null);

    // 6. Accept again: accepted, and the rota page has nothing more to say about it.
    await submitAndWait(page, () => page.click('form[action$="/accept"] button:has-text("Accept again")'));
    expect(await page.locator('h2 .badge').first().innerText()).to.equal('Accepted');
    await page.click('nav a[href="/rota"]');
    await submitAndWait(page, () => page.click('a.button:has-text("Next week")'));
    expect(await page.locator('.forecast-pending').count()).to.equal(0);
  });
});
