/**
 * The week for the notice board in real Chromium: a 35-person published week printed to PDF
 * (A4 landscape) fits the sheet's width, splits no person's row across sheets, and shows each
 * shift's times, channel, lunch and time off the queue, in English or Georgian as asked.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, seedMinimalTeam, TEST_PASSWORD, type TestApp } from '../support/app';
import { chromiumAvailable, launchBrowser, CHROMIUM_PATH } from '../support/browser';
import { makeRota, makeShift, ZONE } from '../support/rota-builders';
import { createStaff, listStaff } from '../../models/repositories/staff';
import { demoTeam } from '../../seeds/demo-team';

// Sessions expire on the real clock: next week.
const NOW = new Date();
const WEEK = DateTime.fromJSDate(NOW, { zone: ZONE }).startOf('week').plus({ weeks: 1 });
const TIMES: [string, string][] = [
  ['08:00', '17:00'],
  ['10:00', '19:00'],
  ['14:00', '23:00'],
];
/** A4 landscape less the 8 mm margins of the print stylesheet, in CSS pixels (96 per inch). */
const PRINTABLE_WIDTH_PX = Math.floor(((297 - 16) / 25.4) * 96);

async function seed(ds: Parameters<typeof seedMinimalTeam>[0]): Promise<void> {
  await seedMinimalTeam(ds);
  let n = 0;
  for (const p of demoTeam('2026-11-20', (min) => min).slice(0, 31)) {
    await createStaff(ds, { ...p.staff, code: `p${++n}` }, '2026-11-20T08:00:00.000Z');
  }
  const people = await listStaff(ds);
  const shifts = people.flatMap((p, i) =>
    [0, 1, 2, 3, 4].map((k) => {
      const date = WEEK.plus({ days: (i + k) % 7 }).toISODate()!;
      const [from, to] = TIMES[(i + k) % 3];
      const over = { channel: p.skills.includes('voice') ? 'voice' : 'chat' } as const;
      // Everyone who works Tuesday from 10:00 meets at 17:00-18:00; leads spend 10:00-12:00 off the queue.
      const start = DateTime.fromISO(`${date}T${from}`, { zone: ZONE });
      const off = [];
      if (start.weekday === 2 && from === '10:00')
        off.push({ kind: 'teamMeeting', start: start.set({ hour: 17 }).toUTC().toISO()!, end: start.set({ hour: 18 }).toUTC().toISO()! });
      if (p.role !== 'agent') off.push({ kind: 'offQueue', start: start.toUTC().toISO()!, end: start.plus({ hours: 2 }).toUTC().toISO()! });
      return makeShift(p.id, date, from, to, { ...over, offQueue: off });
    }),
  );
  await makeRota(ds, WEEK.toISODate()!, shifts, { publish: true });
}

/** Pages of a PDF: its page objects. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('e2e (Chromium): the printed week for the notice board', function () {
  this.timeout(180_000);
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  before(async function () {
    if (!chromiumAvailable()) {
      console.log(`    (browser tests skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`);
      this.skip();
    }
    app = await startTestApp({ now: () => NOW, seed });
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.baseUrl}/login`);
    await page.fill('input[name=username]', 'coordinator');
    await page.fill('input[name=password]', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${app.baseUrl}/`), page.click('button[type=submit].primary')]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('from the rota page: the Print button opens the week; 35 people, each shift with times, channel, lunch and off-queue time', async () => {
    await page.goto(`${app.baseUrl}/rota?week=${WEEK.toISODate()}`);
    await Promise.all([page.waitForLoadState('load'), page.click('.rota-actions a:has-text("Print")')]);
    expect(page.url()).to.contain('/rota/print?week=');
    expect(await page.locator('table.rota-grid.print tbody tr').count()).to.equal(35);
    expect(await page.locator('table.rota-grid.print .shift').count()).to.equal(35 * 5);
    const body = await page.textContent('body');
    expect(body).to.contain('Rota · week of').and.contain('(Published)');
    expect(body).to.match(/10:00–19:00\s*Calls · break 1[2-4]:00–1[3-5]:00/);
    expect(body).to.contain('Team meeting 17:00–18:00').and.contain('Off queue 10:00–12:00');
  });

  it('printed to PDF (A4 landscape): the table fits the sheet width, no row is split, 35 people on at most 3 sheets', async () => {
    await page.goto(`${app.baseUrl}/rota/print?week=${WEEK.toISODate()}&lang=en`);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 700 });
    // In the page (a string: the test's types have no DOM): widths, and cells whose content is
    // wider than the cell (cut off or spilling into the neighbour on paper).
    const widths = (await page.evaluate(`({
      doc: document.documentElement.scrollWidth,
      table: document.querySelector('table.rota-grid').getBoundingClientRect().right,
      overflowing: [...document.querySelectorAll('table.rota-grid td, table.rota-grid th')].filter((c) => c.scrollWidth > c.clientWidth + 1).length,
    })`)) as { doc: number; table: number; overflowing: number };
    expect(widths.doc, 'page width').to.be.at.most(PRINTABLE_WIDTH_PX);
    expect(widths.table, 'table right edge').to.be.at.most(PRINTABLE_WIDTH_PX);
    expect(widths.overflowing, 'cells wider than their column').to.equal(0);
    expect(await page.evaluate(`getComputedStyle(document.querySelector('.print-tools')).display`)).to.equal('none');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const sheets = pdfPages(pdf);
    console.log(`      (35 people: ${sheets} A4 sheet(s), ${pdf.length} bytes)`);
    expect(sheets).to.be.within(1, 3);
    // Rows kept whole: the rows' total height fits the sheets the PDF has.
    const rowStyle = await page.evaluate(`getComputedStyle(document.querySelector('table.rota-grid tbody tr')).breakInside`);
    expect(rowStyle).to.equal('avoid');
  });

  it("in Georgian when asked (?lang=ka), whatever the reader's own language: days, channels, lunch, activities, legend", async () => {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${app.baseUrl}/rota/print?week=${WEEK.toISODate()}`);
    await page.click('a[lang=ka]');
    await page.waitForURL(/lang=ka/);
    expect(await page.getAttribute('html', 'lang')).to.equal('ka');
    const body = (await page.textContent('body'))!;
    expect(body).to.contain('ორშ').and.contain('კვი').and.contain('შესვენება').and.contain('გუნდის შეხვედრა 17:00–18:00');
    expect(body).to.contain('დაბეჭდილია').and.contain('უქმე დღე');
    // No English words but the names and the language switch.
    const words = body.replace(/English/g, '').match(/\b(Calls|Chat|break|Team meeting|Off queue|Published|Rota|week of|printed)\b/g);
    expect(words).to.equal(null);
    // The coordinator's own pages stay in English.
    await page.goto(`${app.baseUrl}/rota?week=${WEEK.toISODate()}`);
    expect(await page.textContent('h1')).to.contain('Rota');
  });
});
