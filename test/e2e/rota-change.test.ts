/**
 * The one change path clicked through in real Chromium, as a coordinator and agents would:
 * a swap that breaks a rule is refused (the agent's form says why; the coordinator may override
 * it with a reason that shows on the rota and in the audit log), an approved swap survives a
 * later publish of a draft, approved time off takes the shift off My shifts and out of the
 * calendar feed (as cancelled), calendar UIDs stay over a republish while SEQUENCE rises on the
 * changed shift, and publishing a draft that breaks rules asks for a reason. Each test has its
 * own app and data.
 */
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { chromiumAvailable, launchBrowser, pickSwapShift, CHROMIUM_PATH, submitAndWait, logIn } from '../support/browser';
import { makePerson, makeRota } from '../support/requests-builders';
import { findUserByUsername } from '../../models/repositories/users';
import { getRota, listRotasForWeek } from '../../models/repositories/rotas';
import { defaultTeamId } from '../support/default-team';

/** Wednesday 25 November 2026, 12:00 in Tbilisi; the rota under test is next week's. */
const NOW = new Date('2026-11-25T08:00:00.000Z');
const WEEK = '2026-11-30';

interface CalendarEvent {
  uid: string;
  sequence: number;
  start: string;
  cancelled: boolean;
}

const eventsOf = (ics: string): CalendarEvent[] =>
  ics
    .split('BEGIN:VEVENT')
    .slice(1)
    .map((e) => ({
      uid: /UID:([^\r\n]+)/.exec(e)![1],
      sequence: Number(/SEQUENCE:(\d+)/.exec(e)![1]),
      start: /DTSTART:([^\r\n]+)/.exec(e)![1],
      cancelled: e.includes('STATUS:CANCELLED'),
    }));

/** The person's calendar feed as their browser downloads it (their session's cookies). */
async function feedOf(page: Page, baseUrl: string): Promise<CalendarEvent[]> {
  const res = await page.request.get(`${baseUrl}/my-shifts.ics`);
  expect(res.status()).to.equal(200);
  return eventsOf(await res.text());
}

/** What My shifts says for one day ('Tue 1 Dec'). */
async function myDay(page: Page, baseUrl: string, day: string): Promise<string> {
  await page.goto(`${baseUrl}/my-shifts`);
  return page
    .locator('li.my-day', { has: page.locator('h3', { hasText: day }) })
    .first()
    .innerText();
}

describe('e2e (Chromium): every change to a week through one checked path', function () {
  this.timeout(180_000); // a backstop: pages on a busy 2-core machine take seconds each
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function session(username: string): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logIn(page, app.baseUrl, username);
    return page;
  }

  /** Staff ids of the test agent ('Test agent') and of Nino Beridze, who also has a login. */
  async function people(): Promise<{ agent: number; nino: number }> {
    const agent = (await findUserByUsername(app.ds, 'agent'))!.staffId!;
    const nino = (await makePerson(app.ds, 'nino', { role: 'agent', name: 'Nino Beridze' })).id;
    return { agent, nino };
  }

  /** The coordinator opens `person`'s shift on `dayIndex` (0 = Monday) of the shown rota and sets new times. */
  async function editTimes(page: Page, person: string, dayIndex: number, start: string, end: string): Promise<void> {
    const cell = page.locator(`.rota-grid tbody tr:has-text("${person}")`).locator('td:not(.num)').nth(dayIndex);
    await Promise.all([page.waitForURL(/\/rota\/shift\/\d+\/edit/), cell.locator('.shift a').first().click()]);
    await page.fill('input[name=startTime]', start);
    await page.fill('input[name=endTime]', end);
  }

  const saveShift = (page: Page) =>
    Promise.all([page.waitForURL(/\/rota\?week=/), page.click('form.rota-shift-form button[type=submit].primary')]);

  /** The agent asks to give the shift of `day` ('4 Dec') to `colleague`, with `note`. */
  async function askToGive(page: Page, day: string, colleague: string, note: string): Promise<void> {
    await page.goto(`${app.baseUrl}/requests`);
    const form = page.locator('form[action="/requests/swaps"]');
    const pick = async (select: string, text: string) =>
      form.locator(select).selectOption((await form.locator(`${select} option:has-text("${text}")`).getAttribute('value'))!);
    await pickSwapShift(page, day);
    await form.locator('input[name=mode][value=give]').check();
    await pick('select[name=targetStaffId]', colleague);
    await form.locator('textarea[name=note]').fill(note);
    await submitAndWait(page, () => form.locator('button[type=submit]').click());
  }

  async function colleagueAccepts(note: string): Promise<void> {
    const nino = await session('nino');
    await nino.goto(`${app.baseUrl}/requests`);
    await submitAndWait(nino, () => nino.locator(`article.req-item:has-text("${note}") button[value=accept]`).click());
    expect(await nino.locator('.flash').first().innerText()).to.contain('You accepted the swap');
  }

  /** From the rota page showing a draft: the publish review, then Publish (with `reason` when given). */
  async function publishShown(page: Page, reason?: string): Promise<void> {
    await Promise.all([
      page.waitForURL(/\/rota\/publish\?rota=/),
      page.click('form[action="/rota/publish"][method=get] button[type=submit]'),
    ]);
    if (reason) await page.fill('form.publish-confirm input[name=reason]', reason);
    await Promise.all([page.waitForURL(/\/rota\?week=/), page.click('form.publish-confirm button[type=submit]')]);
  }

  before(async function () {
    if (!chromiumAvailable()) {
      console.log(`    (browser tests skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`);
      this.skip();
    }
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    app = await startTestApp({ now: () => NOW });
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await app?.close();
  });
  after(async () => browser?.close());

  it('a swap that breaks the rest rule: the agent cannot send it; the coordinator overrides it with a reason, shown on the rota and in /audit', async () => {
    const { agent, nino } = await people();
    const tamar = (await makePerson(app.ds, 'tamar', { role: 'agent', name: 'Tamar Kapanadze' })).id;
    await makeRota(app.ds, WEEK, [
      { staffId: agent, start: '2026-12-04 09:00', end: '2026-12-04 18:00' },
      { staffId: nino, start: '2026-12-03 09:00', end: '2026-12-03 18:00' },
      { staffId: tamar, start: '2026-12-03 14:00', end: '2026-12-03 23:00' },
    ]);
    // To Tamar, who works until 23:00 on Thursday: 10 h rest. Not offered; the picker says which rule.
    const me = await session('agent');
    await me.goto(`${app.baseUrl}/requests`);
    const form = me.locator('form[action="/requests/swaps"]');
    await pickSwapShift(me, '4 Dec');
    expect(await form.locator('select[name=targetStaffId] option:has-text("Tamar Kapanadze")').count()).to.equal(0);
    expect(await form.locator('details.req-not-offered li:has-text("Tamar Kapanadze")').first().textContent()).to.contain(
      'Less than the minimum rest',
    );

    // To Nino, who ends at 18:00 on Thursday: fine, sent and accepted.
    await askToGive(me, '4 Dec', 'Nino Beridze', 'Dentist on Friday');
    expect(await me.locator('tr:has-text("Nino Beridze")').first().innerText()).to.contain('Waiting for the colleague');
    await colleagueAccepts('Dentist on Friday');

    // Meanwhile the coordinator moves Nino's Thursday late (a new draft): now the swap leaves Nino 10 h rest.
    const coordinator = await session('coordinator');
    await coordinator.goto(`${app.baseUrl}/rota?week=${WEEK}`);
    await editTimes(coordinator, 'Nino Beridze', 3, '14:00', '23:00');
    await saveShift(coordinator);
    expect(await coordinator.locator('.flash').first().innerText()).to.contain('new draft');

    await coordinator.goto(`${app.baseUrl}/requests/inbox`);
    const item = coordinator.locator('article.req-item:has-text("Dentist on Friday")');
    expect(await item.locator('.req-effect').innerText())
      .to.contain('The swap would break labour rules')
      .and.to.contain('Nino Beridze');
    await submitAndWait(coordinator, () => item.locator('button[value=approve]').click());
    expect(await coordinator.locator('main').innerText()).to.contain('Not done: the change breaks the labour rules');
    expect((await coordinator.locator('.violations .violation').allInnerTexts()).join(' ')).to.contain('Less than the minimum rest');
    const again = coordinator.locator('article.req-item:has-text("Dentist on Friday")');
    await again.locator('input[name=overrideReason]').fill('Nino asked for the extra shift');
    await submitAndWait(coordinator, () => again.locator('button[value=approve]').click());
    expect(await coordinator.locator('.flash').first().innerText()).to.contain('Swap approved');

    // The reason is on the rota (published and draft) and in the audit log with the rule in words.
    for (const rota of await listRotasForWeek(app.ds, await defaultTeamId(app.ds), WEEK)) {
      await coordinator.goto(`${app.baseUrl}/rota?week=${WEEK}&rota=${rota.id}`);
      expect(await coordinator.locator('.rota-overrides').innerText(), `revision ${rota.revision}`)
        .to.contain('Nino asked for the extra shift')
        .and.to.contain('Nino Beridze');
    }
    await coordinator.goto(`${app.baseUrl}/audit?kind=rota`);
    const change = await coordinator.locator('tr:has-text("Rota changed")').first().innerText();
    expect(change)
      .to.contain('Nino asked for the extra shift')
      .and.to.match(/Nino Beridze, Fri 04\.12 09:00: Less than the minimum rest between shifts \(only 10 h rest, need 12 h\)/);
  });

  it('a swap approved while a draft exists survives the later publish of that draft', async () => {
    const { agent, nino } = await people();
    await makeRota(app.ds, WEEK, [
      { staffId: agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
      { staffId: agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
      { staffId: nino, start: '2026-12-02 09:00', end: '2026-12-02 18:00' },
    ]);
    const coordinator = await session('coordinator');
    await coordinator.goto(`${app.baseUrl}/rota?week=${WEEK}`);
    await editTimes(coordinator, 'Nino Beridze', 2, '10:00', '19:00');
    await saveShift(coordinator);
    const draftUrl = coordinator.url();
    expect(draftUrl).to.match(/[?&]rota=\d+/);

    const me = await session('agent');
    await askToGive(me, '1 Dec', 'Nino Beridze', 'Parents visiting');
    await colleagueAccepts('Parents visiting');
    await coordinator.goto(`${app.baseUrl}/requests/inbox`);
    await submitAndWait(coordinator, () =>
      coordinator.locator('article.req-item:has-text("Parents visiting") button[value=approve]').click(),
    );
    expect(await coordinator.locator('.flash').first().innerText()).to.contain('Swap approved');

    // The draft made before the approval is published: it must not hand Tuesday back.
    await coordinator.goto(draftUrl);
    await publishShown(coordinator);
    const published = (await listRotasForWeek(app.ds, await defaultTeamId(app.ds), WEEK)).find((r) => r.status === 'published')!;
    expect(published.revision).to.equal(2);

    expect(await myDay(me, app.baseUrl, 'Tue 1 Dec'))
      .to.contain('Day off')
      .and.not.to.contain('09:00–18:00');
    expect(await myDay(me, app.baseUrl, 'Mon 30 Nov')).to.contain('09:00–18:00');
    await me.goto(`${app.baseUrl}/requests`);
    expect(await me.locator('tr:has-text("Nino Beridze")').first().innerText()).to.contain('Approved');
    const ninoPage = await session('nino');
    expect(await myDay(ninoPage, app.baseUrl, 'Tue 1 Dec')).to.contain('09:00–18:00');
    expect(await myDay(ninoPage, app.baseUrl, 'Wed 2 Dec')).to.contain('10:00–19:00');
  });

  it('approved time off takes the shift off My shifts at once, and the calendar feed keeps it as cancelled', async () => {
    const { agent } = await people();
    await makeRota(app.ds, WEEK, [
      { staffId: agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
      { staffId: agent, start: '2026-12-02 09:00', end: '2026-12-02 18:00' },
    ]);
    const me = await session('agent');
    const before = await feedOf(me, app.baseUrl);
    const tuesday = before.find((e) => e.start === '20261201T050000Z')!;
    expect(tuesday, 'Tuesday in the feed').to.include({ cancelled: false });
    expect(await myDay(me, app.baseUrl, 'Tue 1 Dec')).to.contain('09:00–18:00');

    await me.goto(`${app.baseUrl}/requests`);
    const form = me.locator('form[action="/requests/time-off"]');
    await form.locator('input[name=startDate]').fill('2026-12-01');
    await form.locator('input[name=endDate]').fill('2026-12-01');
    await form.locator('select[name=kind]').selectOption({ index: 0 });
    await form.locator('textarea[name=note]').fill('Moving house');
    await submitAndWait(me, () => form.locator('button[type=submit]').click());

    const coordinator = await session('coordinator');
    await coordinator.goto(`${app.baseUrl}/requests/inbox`);
    await submitAndWait(coordinator, () => coordinator.locator('article.req-item:has-text("Moving house") button[value=approve]').click());
    // The coordinator is offered cover for the shift that left the rota.
    expect(await coordinator.locator('a[href^="/rota/cover"]').count()).to.equal(1);

    expect(await myDay(me, app.baseUrl, 'Tue 1 Dec'))
      .to.contain('Day off')
      .and.not.to.contain('09:00–18:00');
    expect(await myDay(me, app.baseUrl, 'Wed 2 Dec')).to.contain('09:00–18:00');
    const after = await feedOf(me, app.baseUrl);
    const gone = after.find((e) => e.uid === tuesday.uid)!;
    expect(gone, 'the same event, not a new one').to.not.equal(undefined);
    expect(gone.cancelled).to.equal(true);
    expect(gone.sequence).to.be.greaterThan(tuesday.sequence);
    expect(after.filter((e) => e.start === '20261202T050000Z').map((e) => e.cancelled)).to.deep.equal([false]);
  });

  it('a republish keeps every calendar UID; SEQUENCE rises only on the moved shift', async () => {
    const { agent } = await people();
    await makeRota(app.ds, WEEK, [
      { staffId: agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
      { staffId: agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
      { staffId: agent, start: '2026-12-04 09:00', end: '2026-12-04 18:00' },
    ]);
    const me = await session('agent');
    const before = await feedOf(me, app.baseUrl);
    expect(before).to.have.length(3);

    const coordinator = await session('coordinator');
    await coordinator.goto(`${app.baseUrl}/rota?week=${WEEK}`);
    await editTimes(coordinator, 'Test agent', 4, '10:00', '19:00');
    await saveShift(coordinator);
    await publishShown(coordinator);
    expect((await listRotasForWeek(app.ds, await defaultTeamId(app.ds), WEEK)).find((r) => r.status === 'published')!.revision).to.equal(2);

    const after = await feedOf(me, app.baseUrl);
    expect(after.map((e) => e.uid).sort()).to.deep.equal(before.map((e) => e.uid).sort());
    const friday = before.find((e) => e.start === '20261204T050000Z')!;
    const moved = after.find((e) => e.uid === friday.uid)!;
    expect(moved.start).to.equal('20261204T060000Z');
    expect(moved.sequence).to.be.greaterThan(friday.sequence);
    for (const e of before.filter((x) => x !== friday)) expect(after.find((x) => x.uid === e.uid)).to.deep.equal(e);
  });

  it('publishing a draft that breaks a rule asks for a reason; with one it is published and the reason shown', async () => {
    const { agent } = await people();
    await makeRota(app.ds, WEEK, [
      { staffId: agent, start: '2026-11-30 12:00', end: '2026-11-30 21:00' },
      { staffId: agent, start: '2026-12-01 12:00', end: '2026-12-01 21:00' },
    ]);
    const coordinator = await session('coordinator');
    await coordinator.goto(`${app.baseUrl}/rota?week=${WEEK}`);
    // Tuesday at 08:00 leaves 11 h rest after Monday 21:00: saved only with a reason.
    await editTimes(coordinator, 'Test agent', 1, '08:00', '17:00');
    await submitAndWait(coordinator, () => coordinator.click('form.rota-shift-form button[type=submit].primary'));
    expect((await coordinator.locator('.violation').allInnerTexts()).join(' ')).to.contain('Less than the minimum rest');
    await coordinator.check('form.rota-shift-form input[name=saveAnyway]');
    await coordinator.fill('form.rota-shift-form input[name=overrideReason]', 'Training at 08:00');
    await saveShift(coordinator);
    const draftId = Number(/[?&]rota=(\d+)/.exec(coordinator.url())![1]);

    await Promise.all([
      coordinator.waitForURL(/\/rota\/publish\?rota=/),
      coordinator.click('form[action="/rota/publish"][method=get] button[type=submit]'),
    ]);
    expect(await coordinator.locator('.flash-warn').innerText())
      .to.contain('This draft breaks 1 rule(s). Publishing it needs a reason.')
      .and.to.contain('Less than the minimum rest');
    // Without a reason nothing is published: the browser asks for the field, and the server refuses too.
    await coordinator.click('form.publish-confirm button[type=submit]');
    expect(coordinator.url()).to.match(/\/rota\/publish\?rota=/);
    await coordinator.evaluate("document.querySelector('form.publish-confirm input[name=reason]').removeAttribute('required')");
    await submitAndWait(coordinator, () => coordinator.click('form.publish-confirm button[type=submit]'));
    expect(await coordinator.locator('.flash-warn').innerText()).to.contain('Give a reason to publish a draft that breaks rules.');
    expect((await getRota(app.ds, draftId))!.status).to.equal('draft');

    await coordinator.fill('form.publish-confirm input[name=reason]', 'Training week, agreed with the team');
    await Promise.all([coordinator.waitForURL(/\/rota\?week=/), coordinator.click('form.publish-confirm button[type=submit]')]);
    expect((await getRota(app.ds, draftId))!.status).to.equal('published');
    expect(await coordinator.locator('.rota-overrides').innerText()).to.contain('Training week, agreed with the team');
    const me = await session('agent');
    expect(await myDay(me, app.baseUrl, 'Tue 1 Dec')).to.contain('08:00–17:00');
  });
});
