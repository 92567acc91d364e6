import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, seedRotaTeam, type TestApp } from '../../support/app';
import { makeRota, makeShift, storeWeekRequirement, weekdayShifts } from '../../support/rota-builders';
import { getStaffByCode, listStaff } from '../../../models/repositories/staff';
import { createTimeOff } from '../../../models/repositories/requests';

const ZONE = 'Asia/Tbilisi';
// Sessions expire on the real clock: weeks relative to today. W is next week, V the one after.
const NOW = new Date();
const monday = DateTime.fromJSDate(NOW, { zone: ZONE }).startOf('week');
const W = monday.plus({ weeks: 1 }).toISODate()!;
const V = monday.plus({ weeks: 2 }).toISODate()!;
const THIS = monday.toISODate()!;

/** The items of the week's card, as text, from a page. */
function todoOf(html: string, week: string): string[] | null {
  const card = html.match(new RegExp(`<section class="card week-todo[^"]*"[^>]*data-week="${week}">([\\s\\S]*?)</section>`));
  if (!card) return null;
  return [...card[1].matchAll(/<li class="(todo-\w+)">/g)].map((m) => m[1]);
}

describe('week to-do card: what is left for the week on the rota page and on Home', function () {
  this.timeout(120_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      seed: seedRotaTeam(6),
    });
  });
  after(async () => app?.close());

  it('rota page, no rota yet: the coordinator is told to make one; a team lead sees no card', async () => {
    const coord = await app.loginAs('coordinator');
    expect(todoOf((await coord.get(`/rota?week=${W}`)).text, W)).to.deep.equal(['todo-noRota']);
    const lead = await app.loginAs('team_lead');
    expect(todoOf((await lead.get(`/rota?week=${W}`)).text, W)).to.equal(null);
  });

  it('a draft that keeps the rules but leaves every open hour short, with a pending request → four items; the five people left without shifts break their contracts', async () => {
    await storeWeekRequirement(app.ds, W, { voice: 2, chat: 1 });
    const agent = (await getStaffByCode(app.ds, 't1'))!;
    await makeRota(app.ds, W, weekdayShifts(agent.id, W));
    await createTimeOff(
      app.ds,
      {
        staffId: agent.id,
        startDate: DateTime.fromISO(W).plus({ days: 5 }).toISODate()!,
        endDate: DateTime.fromISO(W).plus({ days: 6 }).toISODate()!,
        kind: 'vacation',
        note: '',
      },
      NOW.toISOString(),
    );
    // A request in another week does not count for this one.
    await createTimeOff(app.ds, { staffId: agent.id, startDate: V, endDate: V, kind: 'personal', note: '' }, NOW.toISOString());
    const page = (await (await app.loginAs('coordinator')).get(`/rota?week=${W}`)).text;
    expect(todoOf(page, W)).to.deep.equal(['todo-pendingRequests', 'todo-unpublishedDraft', 'todo-ruleBreaks', 'todo-uncovered']);
    // Six people of 40 h each, one of them rostered: five contracts broken.
    expect(page).to.contain('Rule breaks in revision 1: 5<');
    expect(page).to.contain('Requests waiting for your decision: 1');
    // 08:00-23:00 every day, both channels: 15 × 7 × 2 intervals, and one person on voice
    // (never 2) cannot cover any of them.
    expect(page).to.match(/short of the requirement in revision 1: 210 \(/);
  });

  it('a newer draft with a seven-day week → rule breaks are listed; after publishing it the draft item goes', async () => {
    const agent = (await getStaffByCode(app.ds, 't1'))!;
    const seven = [
      ...weekdayShifts(agent.id, W),
      makeShift(agent.id, DateTime.fromISO(W).plus({ days: 5 }).toISODate()!),
      makeShift(agent.id, DateTime.fromISO(W).plus({ days: 6 }).toISODate()!),
    ];
    const rota = await makeRota(app.ds, W, seven);
    const coord = await app.loginAs('coordinator');
    const page = (await coord.get(`/rota?week=${W}`)).text;
    expect(todoOf(page, W)).to.include('todo-ruleBreaks').and.include('todo-unpublishedDraft');
    expect(page).to.match(/Rule breaks in revision 2: ([6-9]|\d\d)</);
    await makeRota(app.ds, W, weekdayShifts(agent.id, W), { publish: true });
    const after = (await coord.get(`/rota?week=${W}&rota=${rota.id}`)).text;
    expect(todoOf(after, W)).not.to.include('todo-unpublishedDraft');
  });

  it('a published week (everyone 40 h on weekdays) without requirement or requests → "nothing left"; Home shows the cards, in Georgian too', async () => {
    const people = await listStaff(app.ds);
    await makeRota(
      app.ds,
      THIS,
      people.flatMap((p) => weekdayShifts(p.id, THIS, { channel: p.skills.includes('voice') ? 'voice' : 'chat' })),
      { publish: true },
    );
    const coord = await app.loginAs('coordinator');
    const rotaPage = (await coord.get(`/rota?week=${THIS}`)).text;
    expect(todoOf(rotaPage, THIS)).to.deep.equal([]);
    expect(rotaPage).to.contain('Nothing left');
    const home = (await coord.get('/')).text;
    expect(todoOf(home, THIS)).to.deep.equal([]);
    expect(todoOf(home, W)).to.include('todo-pendingRequests');
    await coord.postForm('/locale', { locale: 'ka', returnTo: '/' });
    const ka = (await coord.get('/')).text;
    expect(ka).to.contain('დარჩენილი საქმე კვირისთვის').and.to.contain('მოლოდინში მყოფი მოთხოვნები: 1');
    const agent = await app.loginAs('agent');
    expect((await agent.get('/')).text).not.to.contain('week-todo');
  });
});
