/**
 * The agent's side on a phone (Chromium, 390 px), in English and Georgian: My week (today, the
 * next shift, hours against the contract, the day view), the fairness ledger (own line, the
 * team without names), an open shift told by the bell, claimed on the board and approved, and
 * the swap picker with its "not offered and why". axe finds no violation on these pages and no
 * page scrolls sideways.
 */
import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, seedMinimalTeam, type TestApp } from '../support/app';
import { chromiumAvailable, launchBrowser, pickSwapShift, CHROMIUM_PATH, logIn } from '../support/browser';
import { makePerson, makeRota } from '../support/requests-builders';
import { storeWeekRequirement } from '../support/rota-builders';
import { findUserByUsername } from '../../models/repositories/users';
import { createTimeOff } from '../../models/repositories/requests';
import { listShifts, publishedRotaForWeek } from '../../models/repositories/rotas';
import { decideTimeOff } from '../../app/time-off';
import { offerOpenShift } from '../../app/open-shifts';
import { defaultTeamId } from '../support/default-team';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** Wednesday 25 Nov 2026, 12:00 in Tbilisi. */
const NOW = new Date('2026-11-25T08:00:00.000Z');
const ZONE = 'Asia/Tbilisi';

async function expectAccessible(page: Page, label: string) {
  await page.addScriptTag({ path: AXE });
  const r = (await page.evaluate(`axe.run().then((r) => ({
    passed: r.passes.length,
    violations: r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => String(n.target)) })),
  }))`)) as { passed: number; violations: unknown[] };
  expect(r.passed, `${label}: axe ran its rules`).to.be.greaterThan(10);
  expect(r.violations, `${label}: ${JSON.stringify(r.violations, null, 1)}`).to.deep.equal([]);
  const wide = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(wide, `${label}: no sideways scroll at 390 px`).to.be.at.most(390);
}

async function switchLanguage(page: Page, locale: 'en' | 'ka') {
  await Promise.all([page.waitForLoadState('load'), page.selectOption('#locale-select', locale)]);
  await page.waitForSelector(`html[lang=${locale}]`);
}

describe('e2e (Chromium, 390 px phone): my week, the fairness ledger, an open shift taken, the swap picker', function () {
  this.timeout(180_000);
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let agent: number;
  let nino: number;
  let openUid: string;

  before(async function () {
    if (!chromiumAvailable()) {
      console.log(`    (browser tests skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`);
      this.skip();
    }
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        agent = (await findUserByUsername(ds, 'agent'))!.staffId!;
        nino = (await makePerson(ds, 'nino', { name: 'Nino Beridze' })).id;
        await makePerson(ds, 'chatonly', { name: 'Chat Only', skills: ['chat'] });
        // This week (Mon 23 Nov): the agent works today, Wednesday, and Friday evening.
        await makeRota(ds, '2026-11-23', [
          { staffId: agent, start: '2026-11-23 09:00', end: '2026-11-23 18:00' },
          { staffId: agent, start: '2026-11-25 09:00', end: '2026-11-25 18:00' },
          { staffId: agent, start: '2026-11-27 14:00', end: '2026-11-27 23:00' },
          { staffId: nino, start: '2026-11-25 09:00', end: '2026-11-25 18:00' },
        ]);
        // A requirement for both weeks, so the board shows how many more could be off.
        await storeWeekRequirement(ds, '2026-11-23');
        await storeWeekRequirement(ds, '2026-11-30');
        // Next week: Nino's Tuesday will be left uncovered by her time off.
        await makeRota(ds, '2026-11-30', [
          { staffId: agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
          { staffId: nino, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
          { staffId: nino, start: '2026-12-03 14:00', end: '2026-12-03 23:00' },
        ]);
      },
    });
    // Nino's Tuesday off is approved; the coordinator puts the shift on the board.
    const coordinator = (await findUserByUsername(app.ds, 'coordinator'))!;
    const coordCtx = {
      db: app.ds,
      zone: ZONE,
      now: NOW,
      actor: { userId: coordinator.id, username: coordinator.username, staffId: coordinator.staffId },
    };
    const request = await createTimeOff(
      app.ds,
      { staffId: nino, startDate: '2026-12-01', endDate: '2026-12-01', kind: 'vacation', note: '' },
      NOW.toISOString(),
    );
    const decided = await decideTimeOff(coordCtx, { id: request.id, version: request.version, approve: true, note: '' });
    if (decided.kind !== 'ok') throw new Error(`time off: ${decided.kind}`);
    openUid = decided.affected[0].uid;
    const offered = await offerOpenShift(coordCtx, { weekStart: '2026-11-30', uid: openUid, autoApprove: false });
    if (offered.kind !== 'ok') throw new Error(`offer: ${offered.kind}`);
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

  for (const locale of ['en', 'ka'] as const) {
    it(`my week and the fairness ledger from the menu, read on a phone (${locale})`, async () => {
      const page = await context.newPage();
      await logIn(page, app.baseUrl, 'agent');
      if (locale === 'ka') await switchLanguage(page, 'ka');
      await page.tap('button.nav-toggle');
      await Promise.all([page.waitForURL(`${app.baseUrl}/my-shifts`), page.tap('#main-nav a[href="/my-shifts"]')]);
      const week = (await page.textContent('main'))!.replace(/\s+/g, ' ');
      if (locale === 'en') {
        expect(week).to.contain('Now 09:00–18:00 (Calls)');
        expect(week).to.contain('Next shift Fri 27 Nov 14:00–23:00');
        expect(week).to.contain('of 40 h in your contract');
      }
      await expectAccessible(page, `/my-shifts (${locale})`);
      await Promise.all([page.waitForURL(/\/my-shifts\/day\/2026-11-25/), page.tap('a[href="/my-shifts/day/2026-11-25"]')]);
      await expectAccessible(page, `/my-shifts/day (${locale})`);

      await page.tap('button.nav-toggle');
      await Promise.all([page.waitForURL(/\/rota\/fairness/), page.tap('#main-nav a[href="/rota/fairness"]')]);
      const ledger = (await page.textContent('main'))!;
      expect(ledger, 'an agent sees no colleague by name').not.to.contain('Nino Beridze');
      if (locale === 'en') expect(ledger).to.contain('Your line');
      await expectAccessible(page, `/rota/fairness (${locale})`);
      if (locale === 'ka') await switchLanguage(page, 'en');
    });
  }

  it('the swap picker offers only what keeps the rules; the folded "not offered" says why; axe is content (en, ka)', async () => {
    const page = await context.newPage();
    await logIn(page, app.baseUrl, 'agent');
    await page.goto(`${app.baseUrl}/requests`);
    const form = page.locator('form[action="/requests/swaps"]');
    await pickSwapShift(page, '27 Nov');
    await form.locator('input[name=mode][value=give]').check();
    // Nino is free on Friday: she is offered. The chat-only colleague is not, and the folded list says why.
    await form.locator('#swap-targets select[name=targetStaffId] option:has-text("Nino Beridze")').waitFor({ state: 'attached' });
    expect(await form.locator('select[name=targetStaffId] option:has-text("Chat Only")').count()).to.equal(0);
    const why = form.locator('details.req-not-offered');
    await why.locator('summary').tap();
    expect(await why.locator('li:has-text("Chat Only")').first().innerText()).to.contain('Channel without the skill');
    await expectAccessible(page, '/requests with the picker (en)');
    await switchLanguage(page, 'ka');
    await expectAccessible(page, '/requests with the picker (ka)');
    await switchLanguage(page, 'en');
  });

  it('an open shift: the bell tells the agent, the board shows it, one tap claims it, the coordinator approves (en, ka)', async () => {
    const page = await context.newPage();
    await logIn(page, app.baseUrl, 'agent');
    expect(await page.locator('a.bell .badge').textContent()).to.match(/\d/);
    expect(await page.textContent('.notification-list')).to.contain('An open shift you could take: Tue 1 Dec 09:00–18:00 (Calls)');
    await page.tap('button.nav-toggle');
    await Promise.all([page.waitForURL(`${app.baseUrl}/open-shifts`), page.tap('#main-nav a[href="/open-shifts"]')]);
    await switchLanguage(page, 'ka');
    expect(await page.textContent('h1')).to.equal('თავისუფალი ცვლები');
    expect(await page.locator('table.headroom').count(), 'this week and next').to.equal(2);
    await expectAccessible(page, '/open-shifts (ka)');
    await switchLanguage(page, 'en');
    await expectAccessible(page, '/open-shifts (en)');
    await Promise.all([page.waitForURL(`${app.baseUrl}/open-shifts`), page.tap('button:has-text("Take this shift")')]);
    expect(await page.textContent('.flash')).to.contain('Claimed: the coordinator will decide.');
    expect(await page.textContent('main')).to.contain('Your claims waiting for the coordinator');

    const coordinator = await context.browser()!.newContext({ ...PHONE, bypassCSP: true });
    try {
      const coord = await coordinator.newPage();
      await logIn(coord, app.baseUrl, 'coordinator');
      await coord.goto(`${app.baseUrl}/open-shifts`);
      expect(await coord.textContent('main')).to.contain('Claimed by Test agent');
      await expectAccessible(coord, '/open-shifts, coordinator (en)');
      await Promise.all([coord.waitForURL(`${app.baseUrl}/open-shifts`), coord.tap('button[value=approve]')]);
      expect(await coord.textContent('.flash')).to.contain('Approved');
    } finally {
      await coordinator.close();
    }
    const published = (await publishedRotaForWeek(app.ds, await defaultTeamId(app.ds), '2026-11-30'))!;
    const taken = (await listShifts(app.ds, published.id)).find((s) => s.uid === openUid)!;
    expect(taken.staffId).to.equal(agent);
    await page.goto(`${app.baseUrl}/notifications`);
    expect(await page.textContent('.notification-list')).to.contain('The open shift Tue 1 Dec 09:00–18:00 (Calls) is yours');
  });
});
