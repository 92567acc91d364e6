/**
 * The swap picker: for the agent's Friday shift, /requests offers only the colleagues and the
 * colleague shifts that keep every hard rule, and says why the others are not offered (rest,
 * skill, time off, overlap). Checked against the swap's own check (previewSwap, the one used
 * when the request is sent), run separately for every colleague and every colleague shift.
 */
import { expect } from 'chai';
import { startTestApp, seedMinimalTeam, TEST_PASSWORD, type TestApp, type TestClient } from '../../support/app';
import { testDbKind } from '../../support/db';
import { makePerson, makeRota } from '../../support/requests-builders';
import { findUserByUsername } from '../../../models/repositories/users';
import { createTimeOff, setTimeOffStatus } from '../../../models/repositories/requests';
import { previewSwap } from '../../../app/swap';
import { myRequests } from '../../../app/time-off-pages';
import type { RequestsContext } from '../../../app/time-off';

const NOW = new Date('2026-11-25T08:00:00.000Z');
const WEEK = '2026-11-30';
const ZONE = 'Asia/Tbilisi';

interface World {
  app: TestApp;
  agent: number;
  nino: number;
  chat: number;
  levan: number;
  dato: number;
  ids: number[];
}

async function world(): Promise<World> {
  const w = {} as World;
  w.app = await startTestApp({
    now: () => NOW,
    seed: async (ds) => {
      await seedMinimalTeam(ds);
      w.agent = (await findUserByUsername(ds, 'agent'))!.staffId!;
      w.nino = (await makePerson(ds, 'nino', { name: 'Nino Beridze' })).id;
      w.chat = (await makePerson(ds, 'chatonly', { name: 'Chat Only', skills: ['chat'] })).id;
      w.levan = (await makePerson(ds, 'levan', { name: 'Levan Chkheidze' })).id;
      w.dato = (await makePerson(ds, 'dato', { name: 'Dato Free' })).id;
      const { shiftIds } = await makeRota(ds, WEEK, [
        { staffId: w.agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
        { staffId: w.agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
        { staffId: w.agent, start: '2026-12-04 09:00', end: '2026-12-04 18:00' },
        { staffId: w.nino, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
        { staffId: w.nino, start: '2026-12-02 09:00', end: '2026-12-02 18:00' },
        { staffId: w.nino, start: '2026-12-03 14:00', end: '2026-12-03 23:00' },
        { staffId: w.chat, start: '2026-12-01 09:00', end: '2026-12-01 18:00', channel: 'chat' },
        { staffId: w.chat, start: '2026-12-02 09:00', end: '2026-12-02 18:00', channel: 'chat' },
      ]);
      w.ids = shiftIds;
      const leave = await createTimeOff(
        ds,
        { staffId: w.levan, startDate: '2026-11-30', endDate: '2026-12-06', kind: 'vacation', note: '' },
        NOW.toISOString(),
      );
      await setTimeOffStatus(ds, leave.id, leave.version, { status: 'approved', decidedBy: 'coordinator', decidedAt: NOW.toISOString() });
    },
  });
  return w;
}

async function login(app: TestApp, username: string): Promise<TestClient> {
  const c = app.client();
  const res = await c.postForm('/login', { username, password: TEST_PASSWORD }, '/login');
  if (res.status !== 302) throw new Error(`login as ${username}: HTTP ${res.status}`);
  return c;
}

const optionsOf = (html: string, name: string) => {
  const select = new RegExp(`<select name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)![1];
  return [...select.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1]));
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe(`swap picker: only what keeps every rule, and why not the rest (${testDbKind()})`, function () {
  this.timeout(120_000);
  let w: World;

  before(async () => {
    w = await world();
  });
  after(async () => {
    await w?.app?.close();
  });

  it('Friday shift: give to the free colleague only; exchange only for Nino’s Thursday late; reasons for the others', async () => {
    const [, , aFri, , , bThuLate] = w.ids;
    const agent = await login(w.app, 'agent');
    const page = await agent.get(`/requests?shift=${aFri}`);
    expect(page.status).to.equal(200);
    expect(optionsOf(page.text, 'targetStaffId')).to.deep.equal([w.dato]);
    expect(optionsOf(page.text, 'targetShiftId')).to.deep.equal([bThuLate]);
    const why = text(page.text);
    expect(why).to.contain('Not offered (');
    expect(why).to.match(/Nino Beridze : Less than the minimum rest between shifts \(only 10 h rest, need 12 h\)/);
    expect(why).to.match(/Chat Only : Channel without the skill/);
    expect(why).to.match(/Levan Chkheidze : During time off or unavailability/);
    expect(why).to.match(/Chat Only , Tue 1 Dec, 09:00–18:00: .*You: Overlaps another shift/);

    // The htmx fragment gives the same choices; someone else's shift is not pickable.
    const fragment = await agent.get(`/requests/swap-targets?shiftId=${aFri}`);
    expect(fragment.status).to.equal(200);
    expect(optionsOf(fragment.text, 'targetStaffId')).to.deep.equal([w.dato]);
    expect((await agent.get(`/requests/swap-targets?shiftId=${bThuLate}`)).status).to.equal(404);
  });

  it('/requests without a picked shift: no shift chosen, no choice or reason computed; picking one (htmx) gives its choices', async () => {
    const [aMon, , aFri] = w.ids;
    const agent = await login(w.app, 'agent');
    const page = await agent.get('/requests');
    expect(page.status).to.equal(200);
    expect(optionsOf(page.text, 'shiftId')).to.have.members([aMon, w.ids[1], aFri]);
    expect(page.text).to.not.match(/<option value="\d+"[^>]*selected/);
    expect(optionsOf(page.text, 'targetStaffId')).to.deep.equal([]);
    expect(optionsOf(page.text, 'targetShiftId')).to.deep.equal([]);
    expect(text(page.text)).to.contain('Choose your shift first').and.not.contain('Not offered (');
    const user = (await findUserByUsername(w.app.ds, 'agent'))!;
    const ctx: RequestsContext = { db: w.app.ds, zone: ZONE, now: NOW, actor: { userId: user.id, username: 'agent', staffId: w.agent } };
    expect((await myRequests(ctx)).picker).to.equal(null);

    const picked = await agent.get(`/requests?shift=${aFri}`);
    expect(picked.text).to.match(new RegExp(`<option value="${aFri}" selected`));
    expect(optionsOf(picked.text, 'targetStaffId')).to.deep.equal([w.dato]);
  });

  it('/requests, a swap sent without a colleague (no scripts): the form again, with the picked shift’s choices', async () => {
    const [, , aFri] = w.ids;
    const agent = await login(w.app, 'agent');
    const res = await agent.postForm(
      '/requests/swaps',
      { shiftId: String(aFri), mode: 'give', targetShiftId: '', targetStaffId: '', note: '' },
      '/requests',
    );
    expect(res.status).to.equal(422);
    expect(optionsOf(res.text, 'targetStaffId')).to.deep.equal([w.dato]);
  });

  it('every offered choice passes the swap check and every other fails it, for each of the agent’s shifts', async () => {
    const user = (await findUserByUsername(w.app.ds, 'agent'))!;
    const ctx: RequestsContext = { db: w.app.ds, zone: ZONE, now: NOW, actor: { userId: user.id, username: 'agent', staffId: w.agent } };
    const base = await myRequests(ctx);
    expect(base.myShifts).to.have.length(3);
    for (const mine of base.myShifts) {
      const { picker } = await myRequests(ctx, { withInboxCount: false, pickShiftId: mine.id });
      expect(picker!.shiftId).to.equal(mine.id);
      const given = new Set(picker!.giveTo.map((c) => c.id));
      for (const c of base.colleagues) {
        const check = await previewSwap(ctx, { shiftId: mine.id, targetShiftId: null, targetStaffId: c.id });
        expect(given.has(c.id), `give ${mine.start} to ${c.name}`).to.equal(check!.ok);
      }
      const offered = new Set(picker!.exchange.map((s) => s.id));
      for (const theirs of base.colleagueShifts) {
        const check = await previewSwap(ctx, { shiftId: mine.id, targetShiftId: theirs.id, targetStaffId: null });
        expect(offered.has(theirs.id), `exchange ${mine.start} for ${theirs.staffName} ${theirs.start}`).to.equal(check!.ok);
      }
      expect(picker!.giveTo.length + picker!.notGiveTo.length).to.equal(base.colleagues.length);
      expect(picker!.exchange.length + picker!.notExchange.length).to.equal(base.colleagueShifts.length);
    }
  });
});
