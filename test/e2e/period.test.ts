/**
 * A planning period in real Chromium: the coordinator publishes a four-week period from its
 * page (/rota/period), and the agent, on a 390 px phone, sees the shifts of all four weeks on
 * My shifts without the page scrolling sideways.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { chromiumAvailable, launchBrowser, CHROMIUM_PATH, logIn } from '../support/browser';
import { makeRota, makeShift, weekdayShifts, ZONE } from '../support/rota-builders';
import { findUserByUsername } from '../../models/repositories/users';

/** Wednesday 25 November 2026, 13:30 in Tbilisi; the period runs from Monday 30 November for four weeks. */
const NOW = new Date('2026-11-25T09:30:00Z');
const MONDAYS = ['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21'];
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('e2e (Chromium, 390 px phone): a four-week planning period, published and seen by the agent', function () {
  this.timeout(180_000);
  let app: TestApp;
  let browser: Browser;

  before(async function () {
    if (!chromiumAvailable()) {
      console.log(`    (browser tests skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`);
      this.skip();
    }
    app = await startTestApp({ now: () => NOW });
    const agent = (await findUserByUsername(app.ds, 'agent'))!.staffId!;
    // Four draft weeks: Monday-Friday 09-18, and in the third week Friday late (14-23) instead.
    for (const [w, monday] of MONDAYS.entries()) {
      const shifts = weekdayShifts(agent, monday);
      if (w === 2) shifts[4] = makeShift(agent, DateTime.fromISO(monday, { zone: ZONE }).plus({ days: 4 }).toISODate()!, '14:00', '23:00');
      await makeRota(app.ds, monday, shifts);
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('coordinator publishes the period on /rota/period; the agent on a phone sees its 20 shifts, week by week', async () => {
    const coordinator = await (await browser.newContext()).newPage();
    coordinator.setDefaultTimeout(30_000);
    await logIn(coordinator, app.baseUrl, 'coordinator');
    await coordinator.goto(`${app.baseUrl}/rota/period?start=${MONDAYS[0]}&weeks=4`);
    expect(await coordinator.locator('.period-weeks tbody tr').count()).to.equal(4);
    expect(await coordinator.locator('.period-grid tbody .shift').count()).to.equal(20);
    expect(await coordinator.locator('.period-grid tbody .shift.late').count()).to.equal(1);
    // The test team's other people have no shifts (weekly and period hours broken): a reason is asked for.
    await coordinator.fill('input[name=reason]', 'Only the agent works these weeks');
    await Promise.all([
      coordinator.waitForURL(/\/rota\/period\?start=2026-11-30&weeks=4$/),
      coordinator.click('button:has-text("Publish the period (4 drafts)")'),
    ]);
    expect(await coordinator.textContent('.flash')).to.contain('Period published: 4 weeks');
    expect(await coordinator.locator('.badge:has-text("Every week is published")').count()).to.equal(1);

    const phone = await (await browser.newContext(PHONE)).newPage();
    phone.setDefaultTimeout(30_000);
    await logIn(phone, app.baseUrl, 'agent');
    await phone.goto(`${app.baseUrl}/my-shifts`);
    // This week (23 November) is not in the period; the four weeks after it are.
    expect(await phone.locator('#next-week').innerText()).to.contain('Next week');
    for (const m of MONDAYS.slice(1)) expect(await phone.locator(`#week-${m}`).innerText()).to.contain(`week of ${m}`);
    expect(await phone.locator('.my-shift').count()).to.equal(20);
    expect(await phone.locator('.my-shift.kind-late').count()).to.equal(1);
    const lateWeek = phone.locator(`section[aria-labelledby="week-${MONDAYS[2]}"]`);
    expect(await lateWeek.locator('.my-shift.kind-late').innerText()).to.contain('14:00');
    // Readable at 390 px: nothing wider than the screen.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).to.be.at.most(390);
  });
});
