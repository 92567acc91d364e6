import { expect } from 'chai';
import { seedMinimalTeam, startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../support/app';
import { makePerson, makeRota } from '../../support/requests-builders';
import { findUserByUsername } from '../../../models/repositories/users';
import { listShifts, publishedRotaForWeek, updateShift } from '../../../models/repositories/rotas';
import { createOffQueueActivity } from '../../../models/repositories/off-queue-activities';
import { myWeek, myWeekGlance } from '../../../app/my-week';
import { defaultTeamId } from '../../support/default-team';

/** Wednesday 18 Nov 2026, 11:00 in Tbilisi (UTC+4): Monday is past, Wednesday's shift is on. */
const NOW = new Date('2026-11-18T07:00:00.000Z');
const WEEK = '2026-11-16';
const NEXT = '2026-11-23';

async function seed(ds: Parameters<typeof seedMinimalTeam>[0]) {
  await seedMinimalTeam(ds);
  const me = (await findUserByUsername(ds, 'agent'))!.staffId!;
  const nino = (await makePerson(ds, 'nino', { name: 'Nino Beridze' })).id;
  const luka = (await makePerson(ds, 'luka', { name: 'Luka Tsereteli' })).id;
  // makeRota puts a one-hour break three hours into each shift.
  await makeRota(ds, WEEK, [
    { staffId: me, start: '2026-11-16 09:00', end: '2026-11-16 17:00' },
    { staffId: me, start: '2026-11-18 10:00', end: '2026-11-18 19:00' },
    { staffId: me, start: '2026-11-20 14:00', end: '2026-11-20 23:00', channel: 'chat' },
    { staffId: me, start: '2026-11-21 09:00', end: '2026-11-21 18:00' },
    { staffId: nino, start: '2026-11-18 10:00', end: '2026-11-18 19:00', channel: 'chat' },
    { staffId: luka, start: '2026-11-18 10:00', end: '2026-11-18 18:00' },
  ]);
  // Next week: only a draft so far (not for agents' eyes).
  await makeRota(ds, NEXT, [{ staffId: me, start: '2026-11-23 08:00', end: '2026-11-23 16:00' }], 'draft');
}

async function login(app: TestApp, username: string): Promise<TestClient> {
  const c = app.client();
  const res = await c.postForm('/login', { username, password: TEST_PASSWORD }, '/login');
  if (res.status !== 302) throw new Error(`login as ${username}: HTTP ${res.status}`);
  return c;
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe('my week (/my-shifts): the whole week, now and next, colleagues, day view', function () {
  this.timeout(20_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ seed, now: () => NOW });
  });
  after(async () => app?.close());

  it('my week, mid-week: the whole week counts (7 + 8 + 8 + 8 = 31 h of 40 h), Monday is shown as past', async () => {
    const c = await login(app, 'agent');
    const page = text((await c.get('/my-shifts')).text);
    expect(page).to.include('31 h of 40 h in your contract');
    // Monday 16 Nov is before today and marked in words, not by colour alone.
    expect(page).to.match(/Mon 16 Nov past 09:00–17:00/);
    expect(page).to.match(/Wed 18 Nov Today 10:00–19:00/);
  });

  it('my week: today, now and next on top; shift kinds, breaks and channels in words (no emoji)', async () => {
    const c = await login(app, 'agent');
    const html = (await c.get('/my-shifts')).text;
    const page = text(html);
    expect(page).to.include('Now 10:00–19:00 (Calls)');
    expect(page).to.include('Next shift Fri 20 Nov 14:00–23:00 (Late shift, Chat)');
    expect(page).to.include('09:00–17:00 · Early shift · Calls · 7 h');
    expect(page).to.include('14:00–23:00 · Late shift · Chat · 8 h');
    expect(page).to.include('Breaks: 13:00–14:00');
    expect(html).not.to.include('☕');
  });

  it('my week: colleagues on exactly the same hours are named with their channel; others are not', async () => {
    const c = await login(app, 'agent');
    const page = text((await c.get('/my-shifts')).text);
    expect(page).to.include('Same hours: Nino Beridze (Chat)');
    expect(page).not.to.include('Luka Tsereteli');
  });

  it('my week: next week stays hidden while it is a draft and appears once published', async () => {
    const c = await login(app, 'agent');
    expect(text((await c.get('/my-shifts')).text)).to.include('Next week’s rota is not published yet.');
    await makeRota(app.ds, NEXT, [
      { staffId: (await findUserByUsername(app.ds, 'agent'))!.staffId!, start: '2026-11-24 08:00', end: '2026-11-24 16:00' },
    ]);
    const page = text((await c.get('/my-shifts')).text);
    expect(page).to.include('week of 2026-11-23 · 7 h');
    expect(page).to.match(/Tue 24 Nov 08:00–16:00 · Early shift/);
    expect(page).not.to.match(/Mon 23 Nov 08:00/);
  });

  it('day view: the shift as stretches of contacts and lunch, with their times', async () => {
    const c = await login(app, 'agent');
    const page = text((await c.get('/my-shifts/day/2026-11-18')).text);
    expect(page).to.include('10:00–13:00 · Taking contacts: Calls (180 min)');
    expect(page).to.include('13:00–14:00 · Lunch (60 min)');
    expect(page).to.include('14:00–19:00 · Taking contacts: Calls (300 min)');
    expect(text((await c.get('/my-shifts/day/2026-11-17')).text)).to.include('No published shift on this day.');
    expect((await c.get('/my-shifts/day/2026-02-30')).status).to.equal(400);
  });

  it('my week in Georgian: "{date}-ის კვირა" for the week, shift kinds and lunch in Georgian', async () => {
    const c = await login(app, 'agent');
    expect((await c.postForm('/locale', { locale: 'ka', returnTo: '/my-shifts' }, '/my-shifts')).status).to.equal(302);
    const page = text((await c.get('/my-shifts')).text);
    expect(page).to.include('2026-11-16-ის კვირა');
    expect(page).to.include('გვიანი ცვლა');
    expect(page).to.include('შესვენებები: 13:00–14:00');
    expect(page).to.include('31 სთ ხელშეკრულებით გათვალისწინებული 40 სთ-დან');
    expect(text((await c.get('/my-shifts/day/2026-11-18')).text)).to.include('13:00–14:00 · სადილი');
  });

  it('home: the my-week box shows now, next and the hours against the contract', async () => {
    const c = await login(app, 'nino');
    const page = text((await c.get('/')).text);
    expect(page).to.include('My week');
    expect(page).to.include('Now 10:00–19:00 (Chat)');
    expect(page).to.include('8 h of 40 h in your contract');
    expect(page).to.include('See my whole week');
  });

  it("home's glance (myWeekGlance): the same now, next and hours as the whole week (myWeek), also when the next shift is in a later week", async () => {
    // Runs after next week's rota was published (above): on Sunday 22 Nov the next shift is Tuesday 24 Nov's.
    const agent = (await findUserByUsername(app.ds, 'agent'))!.staffId!;
    const instants = ['2026-11-16T03:00:00.000Z', NOW.toISOString(), '2026-11-20T19:30:00.000Z', '2026-11-22T08:00:00.000Z'];
    for (const at of instants) {
      const q = { staffId: agent, now: new Date(at), zone: 'Asia/Tbilisi' };
      const [whole, glance] = [await myWeek(app.ds, q), await myWeekGlance(app.ds, q)];
      const brief = (w: typeof glance) => ({
        contractHours: w.contractHours,
        workedHours: w.thisWeek.workedHours,
        today: w.thisWeek.days.find((d) => d.today)?.shifts.map((s) => s.id),
        current: w.current?.id ?? null,
        next: w.next?.start ?? null,
      });
      expect(brief(glance), at).to.deep.equal(brief(whole));
    }
    const sunday = await myWeekGlance(app.ds, { staffId: agent, now: new Date(instants[3]), zone: 'Asia/Tbilisi' });
    expect(sunday.next?.start).to.equal('2026-11-24T04:00:00.000Z');
    expect(sunday.current).to.equal(null);
  });

  it('off-queue time: a planned team meeting (with its title) and the off-queue share show on the week and as stretches of the day', async () => {
    const me = (await findUserByUsername(app.ds, 'agent'))!.staffId!;
    const meeting = await createOffQueueActivity(app.ds, {
      weekStart: WEEK,
      kind: 'teamMeeting',
      title: 'Weekly team meeting',
      minutes: 60,
      attendees: [me],
      windowStart: '2026-11-21T05:00:00.000Z',
      windowEnd: '2026-11-21T14:00:00.000Z',
      createdBy: 'coordinator',
      createdAt: NOW.toISOString(),
    });
    const rota = (await publishedRotaForWeek(app.ds, await defaultTeamId(app.ds), WEEK))!;
    // Saturday 21 Nov 09:00-18:00 local (05:00-14:00 UTC), lunch 12:00-13:00.
    const saturday = (await listShifts(app.ds, rota.id)).find((s) => s.staffId === me && s.start.startsWith('2026-11-21'))!;
    await updateShift(
      app.ds,
      saturday.id,
      {
        offQueue: [
          { kind: 'teamMeeting', start: '2026-11-21T11:00:00.000Z', end: '2026-11-21T12:00:00.000Z', activityId: String(meeting.id) },
          { kind: 'offQueue', start: '2026-11-21T13:00:00.000Z', end: '2026-11-21T14:00:00.000Z' },
        ],
      },
      NOW.toISOString(),
      'test',
    );
    const c = await login(app, 'agent');
    // An earlier test saved Georgian on the account.
    await c.postForm('/locale', { locale: 'en', returnTo: '/my-shifts' }, '/my-shifts');
    const week = text((await c.get('/my-shifts')).text);
    expect(week).to.include('Away from the queue: Team meeting “Weekly team meeting” 15:00–16:00, Off queue 17:00–18:00');
    const day = text((await c.get('/my-shifts/day/2026-11-21')).text);
    expect(day).to.include('13:00–15:00 · Taking contacts: Calls (120 min)');
    expect(day).to.include('15:00–16:00 · Team meeting “Weekly team meeting” (60 min)');
    expect(day).to.include('16:00–17:00 · Taking contacts: Calls (60 min)');
    expect(day).to.include('17:00–18:00 · Off queue (60 min)');
    await c.postForm('/locale', { locale: 'ka', returnTo: '/my-shifts' }, '/my-shifts');
    expect(text((await c.get('/my-shifts')).text)).to.include('რიგის გარეთ: გუნდის შეხვედრა “Weekly team meeting” 15:00–16:00');
  });
});
