import { expect } from 'chai';
import { defaultTeamId } from '../../support/default-team';
import { seedMinimalTeam, startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../support/app';
import { makePerson, makeRota } from '../../support/requests-builders';
import { findUserByUsername } from '../../../models/repositories/users';
import { addPreference } from '../../../models/repositories/availability';
import { fairnessHistory } from '../../../app/fairness-ledger';
import { listAudit } from '../../../models/repositories/audit';

/**
 * Wednesday 18 Nov 2026 in Tbilisi: the ledger's default week is the next one (Mon 23 Nov,
 * St George's Day), its window the 8 weeks before, of which 9 Nov and 16 Nov are published.
 * Six people are active: the four test staff, Nino and Luka.
 */
const NOW = new Date('2026-11-18T07:00:00.000Z');
const ids = {} as { agent: number; nino: number; luka: number };

async function seed(ds: Parameters<typeof seedMinimalTeam>[0]) {
  await seedMinimalTeam(ds);
  ids.agent = (await findUserByUsername(ds, 'agent'))!.staffId!;
  ids.nino = (await makePerson(ds, 'nino', { name: 'Nino Beridze' })).id;
  ids.luka = (await makePerson(ds, 'luka', { name: 'Luka Tsereteli' })).id;
  await makeRota(ds, '2026-11-09', [
    { staffId: ids.agent, start: '2026-11-10 14:00', end: '2026-11-10 23:00' }, // evening
    { staffId: ids.agent, start: '2026-11-14 14:00', end: '2026-11-14 23:00' }, // evening, Saturday
    { staffId: ids.nino, start: '2026-11-15 09:00', end: '2026-11-15 18:00' }, // Sunday
  ]);
  await makeRota(ds, '2026-11-16', [
    { staffId: ids.agent, start: '2026-11-18 09:00', end: '2026-11-18 18:00' },
    { staffId: ids.nino, start: '2026-11-17 00:00', end: '2026-11-17 08:00' }, // night, not an evening
  ]);
  // The draft of the week being planned: Luka works the holiday and an evening.
  await makeRota(
    ds,
    '2026-11-23',
    [
      { staffId: ids.luka, start: '2026-11-23 09:00', end: '2026-11-23 18:00' },
      { staffId: ids.luka, start: '2026-11-27 14:00', end: '2026-11-27 23:00' },
    ],
    'draft',
  );
  // "Rather no evenings on Saturdays": Sat 14 Nov broke it, Sat 21 Nov (no shift) kept it.
  await addPreference(ds, { staffId: ids.agent, kind: 'no_evening', weekday: 6, weight: 5 });
}

async function login(app: TestApp, username: string): Promise<TestClient> {
  const c = app.client();
  const res = await c.postForm('/login', { username, password: TEST_PASSWORD }, '/login');
  if (res.status !== 302) throw new Error(`login as ${username}: HTTP ${res.status}`);
  return c;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('fairness ledger (/rota/fairness): counts, spread, Gini, the draft, who sees names', function () {
  this.timeout(20_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ seed, now: () => NOW });
  });
  after(async () => app?.close());

  it('coordinator: every person with counts; spread and Gini by hand (evenings 0,0,0,0,0,2 → 2 and 5·2/(6·2) = 0.83)', async () => {
    const c = await login(app, 'coordinator');
    const page = text((await c.get('/rota/fairness')).text);
    expect(page).to.include('2 of them published');
    expect(page).to.match(/Evenings 0 2 2 0\.83/);
    // Weekend days 0,0,0,0,1,1: (3·1 + 5·1)/(6·2) = 0.67; nights 0,0,0,0,0,1: 5/6 = 0.83.
    expect(page).to.match(/Weekend days 0 1 1 0\.67/);
    expect(page).to.match(/Nights 0 1 1 0\.83/);
    expect(page).to.include('Nino Beridze').and.include('Luka Tsereteli');
    expect(page).to.include('uses exactly these counts');
  });

  it('coordinator: the draft changes the spread: evenings 0,0,0,0,1,2 → spread 2, Gini (3·1 + 5·2)/(6·3) = 0.72; a holiday appears', async () => {
    const c = await login(app, 'coordinator');
    const page = text((await c.get('/rota/fairness')).text);
    expect(page).to.include('With the draft (revision 1)');
    expect(page).to.match(/Evenings 0 2 2 0\.83 spread 2, Gini 0\.72/);
    // Holidays 0,0,0,0,0,1 after the draft: spread 1, Gini 5/6.
    expect(page).to.match(/Public holidays 0 0 0 0\.00 spread 1, Gini 0\.83/);
    expect(page).to.include('Luka Tsereteli 0 (+1 in the draft) 0 0 0 (+1 in the draft)');
  });

  it('agent: their own line (hours against contract, preferences asked and honoured) and the team without names', async () => {
    const c = await login(app, 'agent');
    const res = await c.get('/rota/fairness');
    expect(res.status).to.equal(200);
    const page = text(res.text);
    expect(page).to.include('Your line');
    expect(page).to.match(/Evenings 2 Nights 0 Weekend days 1 Public holidays 0/);
    // 8 + 8 + 8 worked hours; 40 h × 2 published weeks.
    expect(page).to.include('24 h of 80 h contracted');
    expect(page).to.include('1 of 2 honoured');
    expect(page).to.include('0, 0, 0, 0, 0, 2');
    for (const name of ['Nino Beridze', 'Luka Tsereteli', 'Test coordinator', 'Test head', 'Test team_lead'])
      expect(res.text).not.to.include(name);
    expect(page).not.to.include('With the draft');
    expect(page).not.to.include('Per person');
  });

  it('the optimiser gets the same counts: evenings above the mean of 2/6 → 1.7 for the agent, nothing for the others', async () => {
    const history = await fairnessHistory(app.ds, {
      teamId: await defaultTeamId(app.ds),
      weekStart: '2026-11-23',
      zone: 'Asia/Tbilisi',
      eveningAfter: '20:00',
      ids: [
        ids.agent,
        ids.nino,
        ids.luka,
        ...(await Promise.all(['team_lead', 'coordinator', 'head'].map(async (u) => (await findUserByUsername(app.ds, u))!.staffId!))),
      ].map(String),
    });
    expect(history.get(String(ids.agent))).to.deep.include({ evenings: 1.7, nights: 0, weekends: 0.7, holidays: 0 });
    expect(history.get(String(ids.nino))).to.deep.include({ evenings: 0, nights: 0.8, weekends: 0.7 });
    expect(history.has(String(ids.luka))).to.equal(false);
  });

  it('window: the coordinator sets 1 week (audited); a bad value says what is wrong; an agent may not set it', async () => {
    const agent = await login(app, 'agent');
    expect((await agent.postForm('/rota/fairness/window', { weeks: '4' }, '/rota/fairness')).status).to.equal(403);
    const c = await login(app, 'coordinator');
    const bad = await c.postForm('/rota/fairness/window', { weeks: '0' }, '/rota/fairness');
    expect(bad.status).to.equal(400);
    expect(text(bad.text)).to.include('Window: give a whole number of weeks, at least 1 and at most 52.');
    expect((await c.postForm('/rota/fairness/window', { weeks: '1' }, '/rota/fairness')).status).to.equal(303);
    const page = text((await c.get('/rota/fairness')).text);
    expect(page).to.include('The last 1 weeks before the week of 2026-11-23: 2026-11-16 to 2026-11-22 (1 of them published)');
    expect(page).to.match(/Evenings 0 0 0 0\.00/);
    expect((await listAudit(app.ds, {})).some((a) => a.action === 'settings.fairness_window')).to.equal(true);
    await c.postForm('/rota/fairness/window', { weeks: '8' }, '/rota/fairness');
  });

  it('Georgian: the ledger in Georgian words', async () => {
    const c = await login(app, 'agent');
    await c.postForm('/locale', { locale: 'ka', returnTo: '/rota/fairness' }, '/rota/fairness');
    const page = text((await c.get('/rota/fairness')).text);
    expect(page).to.include('სამართლიანობის ჟურნალი').and.include('საღამოები').and.include('შესრულდა 2-დან 1');
  });
});
