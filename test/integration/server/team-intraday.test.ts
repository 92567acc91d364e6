/**
 * Intraday and what-if per team over HTTP with a real server (issue #14): two teams in one
 * install, each with its own channel, people and published rota of today. Each team's
 * /intraday shows its own channels and people; an action or offer on the other team's shift
 * or offer answers 404 and changes nothing, on its own it goes through; a what-if runs on the
 * team's week, is saved for the team, and another team's scenario is 404 (open, compare, draft).
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, type TestApp, type TestClient } from '../../support/app';
import { makePerson, makeRota } from '../../support/requests-builders';
import { seedSurgeDay, history, NOW, TODAY, WEEK, ZONE } from '../../support/intraday-day';
import { testDbKind } from '../../support/db';
import { createTeam } from '../../../app/teams';
import { insertHistory, setStaffTeam, type DataSource } from '../../../models';
import { addTeamChannel } from '../../support/team';
import { listShifts, publishedRotaForWeek } from '../../../models/repositories/rotas';
import { getIntradayOffer, listIntradayOffers } from '../../../models/repositories/intraday-offers';
import { getScenario } from '../../../models/repositories/scenarios';
import { defaultTeamId } from '../../support/default-team';

interface Fixture {
  teamB: number;
  bRotaId: number;
  bia: number;
  beka: number;
  bPeople: Set<number>;
}
const fx = {} as Fixture;
const at = (hhmm: string) => DateTime.fromISO(`${TODAY}T${hhmm}`, { zone: ZONE }).toUTC().toISO()!;

/** Team B (same zone as A): its channel 'bvoice' with the same six weeks of calls, three agents, its own published rota of today. */
async function seedTeamB(ds: DataSource): Promise<void> {
  const b = await createTeam(ds, { name: 'Second desk', timeZone: ZONE, actor: { userId: null }, now: NOW });
  if (b.kind !== 'ok') throw new Error('team B');
  fx.teamB = b.team.id;
  // B answers one channel of its own: the copies a new team gets (voice-N, chat-N) give way to it.
  await addTeamChannel(ds, { id: 'bvoice', teamId: fx.teamB, kind: 'voice', sortOrder: 3, only: true });
  await insertHistory(
    ds,
    history(5).map((r) => ({ ...r, channelId: 'bvoice' })),
  );
  const inB = async (username: string, o: Parameters<typeof makePerson>[2]) => {
    const p = await makePerson(ds, username, o);
    await setStaffTeam(ds, p.id, fx.teamB, NOW.toISOString());
    return p.id;
  };
  const people = [
    await inB('b.coord', { role: 'coordinator', skills: ['chat'], name: 'Second coordinator' }),
    await inB('b.lead', { role: 'team_lead', skills: ['chat'], name: 'Second lead' }),
    (fx.bia = await inB('b.bia', { skills: ['bvoice'], name: 'Bia Early' })),
    (fx.beka = await inB('b.beka', { skills: ['bvoice'], name: 'Beka Late' })),
    await inB('b.bora', { skills: ['bvoice'], name: 'Bora Free' }),
  ];
  fx.bPeople = new Set(people);
  fx.bRotaId = (
    await makeRota(
      ds,
      WEEK,
      [
        { staffId: fx.bia, start: `${TODAY} 09:00`, end: `${TODAY} 18:00`, channel: 'bvoice' },
        { staffId: fx.beka, start: `${TODAY} 15:00`, end: `${TODAY} 23:00`, channel: 'bvoice' },
      ],
      'published',
      { teamId: fx.teamB },
    )
  ).rotaId;
}

describe(`intraday and what-if per team over HTTP (${testDbKind()})`, function () {
  this.timeout(300_000);
  let app: TestApp;
  const as: Record<string, TestClient> = {};

  before(async () => {
    app = await startTestApp({ now: () => NOW });
    await seedSurgeDay(app.ds);
    await seedTeamB(app.ds);
    for (const who of ['coordinator', 'team_lead', 'b.coord', 'b.lead']) as[who] = await app.loginAs(who as never);
  });
  after(async () => app?.close());

  it("GET /intraday shows the team's own channels and people: A's voice and Nana, B's bvoice and Bora", async () => {
    const a = await as.coordinator.get('/intraday');
    expect(a.status).to.equal(200);
    expect(a.text).to.contain('id="intraday-voice"').and.not.to.contain('id="intraday-bvoice"');
    expect(a.text)
      .to.contain('Nana Free')
      .and.not.to.match(/Bora Free|Bia Early|Beka Late/);
    const b = await as['b.coord'].get('/intraday');
    expect(b.status).to.equal(200);
    expect(b.text).to.contain('id="intraday-bvoice"').and.not.to.contain('id="intraday-voice"');
    expect(b.text)
      .to.contain('Bora Free')
      .and.not.to.match(/Nana Free|Temo Full/);
    const plan = await as['b.coord'].get('/intraday/plan');
    expect(plan.status).to.equal(200);
    expect(plan.text).not.to.match(/Nana Free|Temo Full/);
  });

  it("POST /intraday/actions/apply on B's shift: as A answers 404 and changes nothing; as B it goes through B's rota", async () => {
    const shift = (await listShifts(app.ds, fx.bRotaId)).find((s) => s.staffId === fx.beka)!;
    const form = { kind: 'offerVto', staffId: String(fx.beka), uid: shift.uid, from: shift.start, to: shift.end, channel: '' };
    expect((await as.coordinator.postForm('/intraday/actions/apply', form)).status).to.equal(404);
    expect((await listShifts(app.ds, fx.bRotaId)).filter((s) => s.staffId === fx.beka)).to.have.length(1);
    // A call-in of A's person on B's channel is not A's either.
    const aRota = (await publishedRotaForWeek(app.ds, await defaultTeamId(app.ds), WEEK))!;
    const aShifts = (await listShifts(app.ds, aRota.id)).length;
    const nanaId = (await app.ds.query(`SELECT id FROM staff WHERE name = 'Nana Free'`)) as { id: number }[];
    const callIn = { kind: 'callIn', staffId: String(nanaId[0]!.id), uid: '', from: at('14:00'), to: at('22:00'), channel: 'bvoice' };
    expect((await as.coordinator.postForm('/intraday/actions/apply', callIn)).status).to.equal(404);
    expect((await listShifts(app.ds, aRota.id)).length).to.equal(aShifts);

    const res = await as['b.coord'].postForm('/intraday/actions/apply', form);
    expect(res.status).to.equal(303);
    const bRota = (await publishedRotaForWeek(app.ds, fx.teamB, WEEK))!;
    expect((await listShifts(app.ds, bRota.id)).filter((s) => s.staffId === fx.beka)).to.have.length(0);
    expect((await listShifts(app.ds, aRota.id)).length, "A's rota untouched").to.equal(aShifts);
  });

  it("an offer of B goes to B's people only; A cannot withdraw it (404), B can", async () => {
    const sent = await as['b.coord'].postForm('/intraday/offers', { kind: 'vto', channel: 'bvoice', from: at('17:00'), to: at('18:00') });
    expect(sent.status).to.equal(303);
    const offers = (await listIntradayOffers(app.ds, { statuses: ['open'] })).filter((o) => o.channel === 'bvoice');
    expect(offers, 'the offer was sent').to.have.length(1);
    const offer = offers[0]!;
    expect(offer.eligible).to.deep.equal([fx.bia]);
    expect(offer.eligible.every((id) => fx.bPeople.has(id))).to.equal(true);

    const a = await as.coordinator.postForm(`/intraday/offers/${offer.id}/withdraw`, { version: String(offer.version) });
    expect(a.status).to.equal(404);
    expect((await getIntradayOffer(app.ds, offer.id))!.status).to.equal('open');
    const b = await as['b.coord'].postForm(`/intraday/offers/${offer.id}/withdraw`, { version: String(offer.version) });
    expect(b.status).to.equal(303);
    expect((await getIntradayOffer(app.ds, offer.id))!.status).to.equal('withdrawn');
  });

  it("a what-if of B runs on B's week and people, is B's, and is 404 to A (open, compare, draft)", async () => {
    const saved = await as['b.lead'].postForm(
      '/scenarios',
      { week: WEEK, channel: 'all', volume: '10', aht: '0', sick: '5', name: 'Second desk surge' },
      '/scenarios',
    );
    expect(saved.status).to.equal(302);
    const id = Number(saved.headers.get('location')!.match(/saved=(\d+)/)![1]);
    const s = (await getScenario(app.ds, id))!;
    expect(s.teamId).to.equal(fx.teamB);
    const result = s.result as { channels: { channel: string }[]; rota: { id: number } | null; sickStaffIds: number[] };
    expect(result.channels.map((c) => c.channel)).to.deep.equal(['bvoice']);
    expect(result.rota?.id).to.equal(fx.bRotaId);
    expect(result.sickStaffIds).to.deep.equal([fx.bia]);

    // The people the form offers as absent are the team's.
    expect((await as['b.lead'].get('/scenarios')).text)
      .to.contain('Bora Free')
      .and.not.to.contain('Nana Free');
    expect((await as.team_lead.get('/scenarios')).text)
      .to.contain('Nana Free')
      .and.not.to.contain('Bora Free');
    expect((await as['b.lead'].get(`/scenarios?saved=${id}`)).text).to.contain('Second desk surge');
    expect((await as.team_lead.get(`/scenarios?saved=${id}`)).status).to.equal(404);
    expect((await as.team_lead.get('/scenarios')).text).not.to.contain('Second desk surge');
    expect((await as.team_lead.get(`/scenarios/compare?ids=${id}`)).status).to.equal(404);
    expect((await as['b.lead'].get(`/scenarios/compare?ids=${id}`)).status).to.equal(200);
    const draft = await as.coordinator.postForm(`/scenarios/${id}/draft`, { timeLimit: '5', seed: '1' }, '/scenarios');
    expect(draft.status).to.equal(404);
  });
});
