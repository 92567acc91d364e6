/**
 * A four-week planning period for the demo team (35 people, its history and time off), over
 * HTTP on a real database with the real solver: generated as one background job, checked with
 * the period rules on all four weeks, published, and shown to the coordinator, to an agent on
 * My shifts and in the agent's calendar feed.
 */
import { expect } from 'chai';
import { defaultTeamId } from '../../support/default-team';
import { DateTime } from 'luxon';
import { startTestApp, type TestApp, type TestClient } from '../../support/app';
import { testDbKind } from '../../support/db';
import { DEMO_PASSWORD, seedDemo } from '../../../seeds';
import { loadPeriod } from '../../../app/rota-period';
import { periodJob, waitForPeriodJob } from '../../../app/rota-period-jobs';
import { listStaff } from '../../../models/repositories/staff';
import { publishedShiftsForStaff } from '../../../models/repositories/rotas';
import { loadTeamSettings } from '../../../app/team-settings';

/** Wednesday 25 November 2026, 13:30 in Tbilisi; the period is 30 November - 27 December. */
const NOW = new Date('2026-11-25T09:30:00Z');
const ZONE = 'Asia/Tbilisi';
const START = '2026-11-30';
const MONDAYS = ['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21'];
const PAGE = `/rota/period?start=${START}&weeks=4`;

async function logIn(app: TestApp, username: string): Promise<TestClient> {
  const c = app.client();
  const res = await c.postForm('/login', { username, password: DEMO_PASSWORD }, '/login');
  expect(res.status, `login ${username}`).to.equal(302);
  return c;
}

describe(`planning period over HTTP, demo team (${testDbKind()})`, function () {
  // A backstop far above need: four weeks at 20 s of solver each, on a busy machine.
  this.timeout(900_000);
  let app: TestApp;
  let coordinator: TestClient;

  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      env: { ROTA_DEMO: 'true' },
      seed: async (ds) => {
        await seedDemo(ds, { seed: 20261125, now: DateTime.fromJSDate(NOW) });
      },
    });
    coordinator = await logIn(app, 'giorgi.kapanadze');
  });
  after(() => app?.close());

  it('POST /rota/period/generate, four weeks, stores a draft per week; checkPeriod reports exactly the breaks an independent count finds', async () => {
    const res = await coordinator.postForm('/rota/period/generate', { start: START, weeks: '4', timeLimit: '20', seed: '1' }, PAGE);
    expect(res.status).to.equal(303);
    expect(res.headers.get('location')).to.equal(PAGE);
    const job = await waitForPeriodJob(app.jobs, (await periodJob(app.ds, await defaultTeamId(app.ds), START, 4))!);
    expect(job.state, JSON.stringify(job)).to.equal('done');
    expect(job.rotaIds).to.have.length(4);

    const view = await loadPeriod(app.ds, { start: START, weeks: 4, zone: ZONE, intervalMinutes: 60, now: NOW });
    expect(view.weeks.map((w) => w.weekStart)).to.deep.equal(MONDAYS);
    expect(view.weeks.map((w) => w.rota?.status)).to.deep.equal(['draft', 'draft', 'draft', 'draft']);
    // Every week keeps the weekly rules (with the period's week before as last week).
    for (const w of view.weeks) expect(w.violations, `${w.weekStart}: ${JSON.stringify(w.violations.slice(0, 3))}`).to.deep.equal([]);

    // Independently of checkPeriod: people over 3 weekends in the 4 weeks, early (before 10:00)
    // the day after a late (ending after 20:00), and over 12 lates; then the same from checkPeriod.
    const shifts = view.weeks.flatMap((w) => w.shifts);
    const local = (iso: string) => DateTime.fromISO(iso).setZone(ZONE);
    const count = { weekends: 0, succession: 0, kindCount: 0 };
    let people = 0;
    for (const p of await listStaff(app.ds)) {
      const mine = shifts.filter((s) => s.staffId === p.id).map((s) => ({ start: local(s.start), end: local(s.end) }));
      if (!mine.length) continue;
      people++;
      const late = (s: { end: DateTime }) => s.end.hour * 60 + s.end.minute > 20 * 60;
      if (new Set(mine.filter((s) => s.start.weekday >= 6).map((s) => s.start.startOf('week').toISODate())).size > 3) count.weekends++;
      for (const s of mine)
        if (late(s) && mine.some((n) => n.start.toISODate() === s.start.plus({ days: 1 }).toISODate() && n.start.hour < 10))
          count.succession++;
      if (mine.filter(late).length > 12) count.kindCount++;
    }
    expect(people).to.be.at.least(30);
    const reported = (rule: string) => view.violations.filter((v) => v.rule === rule).length;
    expect({ weekends: reported('weekends'), succession: reported('succession'), kindCount: reported('kindCount') }).to.deep.equal(count);
    // The rest of the period rules are kept by construction with the defaults (runs of at most 6 days,
    // hours within 4 of 160 when every week is within 1 of 40, no minimum runs).
    expect(view.violations.filter((v) => !['weekends', 'succession', 'kindCount'].includes(v.rule))).to.deep.equal([]);
    console.log(`      period: ${view.violations.length} period-rule breaks (${JSON.stringify(count)}), ${people} people`);
  });

  it('GET /rota/period shows the four weeks, the grid and that the period keeps its rules, in English and Georgian', async () => {
    const page = await coordinator.get(`/rota/period?start=${START}&weeks=4`);
    expect(page.status).to.equal(200);
    for (const m of MONDAYS) expect(page.text).to.contain(`href="/rota?week=${m}`);
    const broken = (await loadPeriod(app.ds, { start: START, weeks: 4, zone: ZONE, intervalMinutes: 60, now: NOW })).violations.length;
    expect(page.text).to.contain(broken ? `Period rules broken: ${broken}` : 'The period keeps every period rule.');
    expect(page.text.match(/<li class="violation" data-code=/g) ?? []).to.have.length(broken);
    expect(page.text).to.contain('Publish the period (4 drafts)');
    // 28 day columns (plus the name and the hours).
    const header = page.text.match(/<table class="rota-grid period-grid">[\s\S]*?<\/thead>/)![0];
    expect(header.match(/<th[ >]/g)).to.have.length(30);
    await coordinator.postForm('/locale', { locale: 'ka', returnTo: '/rota/period' }, PAGE);
    const ka = await coordinator.get(`/rota/period?start=${START}&weeks=4`);
    expect(ka.text).to.contain(broken ? `დარღვეული პერიოდის წესები: ${broken}` : 'პერიოდი იცავს პერიოდის ყველა წესს.');
    expect(ka.text).to.contain('პერიოდის ცვლები');
    await coordinator.postForm('/locale', { locale: 'en', returnTo: '/rota/period' }, PAGE);
  });

  it('POST /rota/period/publish publishes every week; the agent sees all four on My shifts and in the calendar feed', async () => {
    const broken = (await loadPeriod(app.ds, { start: START, weeks: 4, zone: ZONE, intervalMinutes: 60, now: NOW })).violations.length;
    if (broken) {
      // Rules broken: without a reason nothing is published, and the page says why.
      await coordinator.postForm('/rota/period/publish', { start: START, weeks: '4' }, PAGE);
      expect((await coordinator.get(PAGE)).text).to.contain(`Not published: the drafts break ${broken} period rules and 0 weekly rules.`);
      expect((await loadPeriod(app.ds, { start: START, weeks: 4, zone: ZONE, intervalMinutes: 60, now: NOW })).drafts).to.equal(4);
    }
    const res = await coordinator.postForm('/rota/period/publish', { start: START, weeks: '4', reason: 'Agreed with the team' }, PAGE);
    expect(res.status).to.equal(303);
    expect((await coordinator.get(PAGE)).text).to.contain('Period published: 4 weeks');
    const view = await loadPeriod(app.ds, { start: START, weeks: 4, zone: ZONE, intervalMinutes: 60, now: NOW, which: 'published' });
    expect(view.allPublished).to.equal(true);

    const ana = (await listStaff(app.ds)).find((p) => p.name === 'Ana Tsiklauri')!;
    const from = DateTime.fromISO(START, { zone: ZONE });
    const hers = await publishedShiftsForStaff(app.ds, ana.id, from.toUTC().toISO()!, from.plus({ weeks: 4 }).toUTC().toISO()!);
    expect(hers.length).to.be.at.least(12);
    const agent = await logIn(app, 'ana.tsiklauri');
    const mine = await agent.get('/my-shifts');
    expect(mine.status).to.equal(200);
    for (const m of MONDAYS.slice(1)) expect(mine.text).to.contain(`week of ${m}`);
    const ics = await agent.get('/my-shifts.ics');
    const starts = [...ics.text.matchAll(/^DTSTART[^:]*:(\d{8}T\d{4})/gm)].map((x) => x[1]);
    for (const s of hers) expect(starts).to.include(DateTime.fromISO(s.start).toUTC().toFormat("yyyyMMdd'T'HHmm"));
  });

  it('POST /rota/period/rules refuses a value out of bounds with the field named, and saves good ones with the team settings', async () => {
    const form = {
      start: START,
      weeks: '4',
      maxWeekendsPer4Weeks: '2',
      minDaysOffRun: '9',
      minWorkRunDays: '1',
      maxWorkRunDays: '6',
      maxLateShiftsPer4Weeks: '12',
      maxNightShiftsPer4Weeks: '8',
      periodHoursToleranceHours: '4',
      succession: ['late>early', 'night>day'],
    };
    const bad = await coordinator.postForm('/rota/period/rules', form, PAGE);
    expect(bad.status).to.equal(303);
    expect((await coordinator.get(PAGE)).text).to.contain(
      'Not saved: “Days off in a row, at least (1 &#x3D; any)” must be a whole number from 1 to 7.',
    );
    expect((await loadTeamSettings(app.ds)).rules.period.minDaysOffRun).to.equal(1);
    await coordinator.postForm('/rota/period/rules', { ...form, minDaysOffRun: '2' }, PAGE);
    const saved = (await loadTeamSettings(app.ds)).rules.period;
    expect(saved).to.deep.include({ maxWeekendsPer4Weeks: 2, minDaysOffRun: 2 });
    expect(saved.forbiddenSuccessions).to.deep.equal([
      { from: 'late', to: 'early' },
      { from: 'night', to: 'day' },
    ]);
    expect((await coordinator.get(PAGE)).text).to.contain('Period rules saved.');
  });
});
