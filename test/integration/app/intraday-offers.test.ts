/**
 * Overtime and voluntary time off offered from /intraday (app/intraday-offers.ts), on the real
 * database: first to accept wins, the rules checked again at acceptance, withdrawal, expiry,
 * the audit trail, a shift shortened by time off. Wednesday 13:30 in Tbilisi.
 */
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app';
import { localIso, makePerson, makeRota } from '../../support/requests-builders';
import { Staff } from '../../../models';
import { listAudit } from '../../../models/repositories/audit';
import { insertShift, listShifts, publishedRotaForWeek } from '../../../models/repositories/rotas';
import { findUserByUsername } from '../../../models/repositories/users';
import { listNotifications } from '../../../models/repositories/notifications';
import {
  acceptIntradayOffer,
  previewIntradayOffer,
  sendIntradayOffer,
  todaysIntradayOffers,
  withdrawIntradayOffer,
  type OfferStretch,
} from '../../../app/intraday-offers';
import type { RequestsContext } from '../../../app/time-off';
import { testDbKind } from '../../support/db';
import { defaultTeamId } from '../../support/default-team';

const ZONE = 'Asia/Tbilisi';
const NOW = new Date('2026-11-25T09:30:00.000Z');
const TODAY = '2026-11-25';
const WEEK = '2026-11-23';

describe(`intraday offers: overtime and time off, first to accept (${testDbKind()})`, function () {
  this.timeout(180_000);
  let app: TestApp;
  const ids: Record<string, number> = {};

  const ctxOf = async (username: string, now = NOW): Promise<RequestsContext> => {
    const u = (await findUserByUsername(app.ds, username))!;
    return { db: app.ds, zone: ZONE, now, actor: { userId: u.id, username, staffId: u.staffId } };
  };
  const stretch = (kind: OfferStretch['kind'], channel: string, from: string, to: string): OfferStretch => ({
    kind,
    channel,
    start: localIso(`${TODAY} ${from}`),
    end: localIso(`${TODAY} ${to}`),
  });
  const shiftOf = async (staffId: number) => {
    const rota = (await publishedRotaForWeek(app.ds, await defaultTeamId(app.ds), WEEK))!;
    return (await listShifts(app.ds, rota.id)).filter((s) => s.staffId === staffId && s.start.startsWith(TODAY.slice(0, 8)));
  };
  const todays = async (staffId: number) =>
    (await shiftOf(staffId)).filter(
      (s) => Date.parse(s.start) >= Date.parse(localIso(`${TODAY} 00:00`)) && Date.parse(s.start) < Date.parse(localIso(`${TODAY} 23:59`)),
    );

  before(async () => {
    app = await startTestApp({ now: () => NOW });
    // The fixture accounts' staff work chat and are off today.
    await app.ds
      .getRepository(Staff)
      .createQueryBuilder()
      .update()
      .set({ skills: 'chat' })
      .where('name LIKE :n', { n: 'Test %' })
      .execute();
    for (const name of ['ia', 'eka', 'gela', 'nana'])
      ids[name] = (await makePerson(app.ds, name, { skills: ['voice'], name: `Agent ${name}` })).id;
    ids.dato = (await makePerson(app.ds, 'dato', { skills: ['chat'], name: 'Agent dato' })).id;
    await makeRota(app.ds, WEEK, [
      { staffId: ids.ia!, start: `${TODAY} 09:00`, end: `${TODAY} 18:00`, channel: 'voice' },
      { staffId: ids.eka!, start: `${TODAY} 09:00`, end: `${TODAY} 18:00`, channel: 'voice' },
      { staffId: ids.gela!, start: `${TODAY} 10:00`, end: `${TODAY} 19:00`, channel: 'voice' },
      { staffId: ids.dato!, start: `${TODAY} 09:00`, end: `${TODAY} 18:00`, channel: 'chat' },
    ]);
  });
  after(async () => app?.close());

  it('previewIntradayOffer, overtime 18:00-20:00 on calls, lists the two whose shifts end at 18:00 (no 2 h call-in for someone off)', async () => {
    const p = await previewIntradayOffer(app.ds, { now: NOW, zone: ZONE, stretch: stretch('overtime', 'voice', '18:00', '20:00') });
    expect(p.refusal).to.equal(null);
    expect(p.eligible.map((e) => e.staffId).sort()).to.deep.equal([ids.ia, ids.eka].sort());
    expect(p.eligible.every((e) => e.how === 'extend')).to.equal(true);
    // Only Gela (to 19:00) works calls after 18:00: one more person on the queue at 18:00 and 19:00.
    const voice = p.effects.find((e) => e.channel === 'voice')!;
    expect(voice.rows.map((r) => [r.onQueueBefore, r.onQueueAfter])).to.deep.equal([
      [1, 2],
      [0, 1],
    ]);
  });

  it('sendIntradayOffer, a stretch already begun, is refused', async () => {
    const out = await sendIntradayOffer(await ctxOf('coordinator'), stretch('overtime', 'voice', '13:00', '15:00'));
    expect(out).to.deep.include({ kind: 'refused', key: 'intradayOffers.error.past' });
  });

  it('acceptIntradayOffer, two agents accept at once, gives it to one and refuses the other clearly; the shift runs on, audited, the coordinator told', async () => {
    const sent = await sendIntradayOffer(await ctxOf('coordinator'), stretch('overtime', 'voice', '18:00', '20:00'));
    expect(sent.kind).to.equal('ok');
    if (sent.kind !== 'ok') return;
    expect(sent.told).to.equal(2);
    const [a, b] = await Promise.all([
      acceptIntradayOffer(await ctxOf('ia'), { id: sent.offer.id, version: sent.offer.version }),
      acceptIntradayOffer(await ctxOf('eka'), { id: sent.offer.id, version: sent.offer.version }),
    ]);
    const outcomes = [a, b];
    expect(outcomes.filter((o) => o.kind === 'ok')).to.have.length(1);
    expect(outcomes.filter((o) => o.kind !== 'ok')).to.deep.equal([{ kind: 'refused', key: 'intradayOffers.error.taken' }]);
    const winner = a.kind === 'ok' ? ids.ia! : ids.eka!;
    const loser = winner === ids.ia ? ids.eka! : ids.ia!;
    expect((await todays(winner)).map((s) => s.end)).to.deep.equal([localIso(`${TODAY} 20:00`)]);
    expect((await todays(loser)).map((s) => s.end)).to.deep.equal([localIso(`${TODAY} 18:00`)]);

    const audit = await listAudit(app.ds, {});
    const taken = audit.find((r) => r.action === 'intraday_offer.taken' && r.entityId === String(sent.offer.id));
    expect(taken, 'audit row of the acceptance').to.not.equal(undefined);
    expect(audit.some((r) => r.action === 'rota.change' && JSON.stringify(r.detail).includes('"action":"overtime"'))).to.equal(true);
    const coordinator = (await findUserByUsername(app.ds, 'coordinator'))!;
    const told = await listNotifications(app.ds, coordinator.id, 20);
    expect(told.map((n) => n.kind)).to.include('intradayOffer.taken');
    // The eligible agents were told when it was sent.
    const eka = (await findUserByUsername(app.ds, 'eka'))!;
    expect((await listNotifications(app.ds, eka.id, 20)).map((n) => n.kind)).to.include('intradayOffer.available');
  });

  it('withdrawIntradayOffer, an open offer, closes it: accepting is then refused and a second withdrawal too', async () => {
    const sent = await sendIntradayOffer(await ctxOf('coordinator'), stretch('overtime', 'voice', '19:00', '20:00'));
    if (sent.kind !== 'ok') throw new Error(JSON.stringify(sent));
    expect(sent.offer.eligible).to.deep.equal([ids.gela]);
    const w = await withdrawIntradayOffer(await ctxOf('coordinator'), { id: sent.offer.id, version: sent.offer.version });
    expect(w.kind).to.equal('ok');
    expect(await acceptIntradayOffer(await ctxOf('gela'), { id: sent.offer.id, version: sent.offer.version })).to.deep.equal({
      kind: 'notFound',
    });
    const again = await withdrawIntradayOffer(await ctxOf('coordinator'), { id: sent.offer.id, version: sent.offer.version + 1 });
    expect(again).to.deep.equal({ kind: 'refused', key: 'intradayOffers.error.notOpen' });
    expect((await todays(ids.gela!)).map((s) => s.end)).to.deep.equal([localIso(`${TODAY} 19:00`)]);
    expect((await listAudit(app.ds, {})).some((r) => r.action === 'intraday_offer.withdrawn')).to.equal(true);
  });

  it('acceptIntradayOffer, when the rules no longer hold (40 h reached since), is refused with the rule and the offer stays open; at its end it expires', async () => {
    const sent = await sendIntradayOffer(await ctxOf('coordinator'), stretch('overtime', 'voice', '19:00', '21:00'));
    if (sent.kind !== 'ok') throw new Error(JSON.stringify(sent));
    expect(sent.offer.eligible).to.deep.equal([ids.gela]);
    // Since then Gela got four more days: 40 h this week, two more would be 42.
    const rota = (await publishedRotaForWeek(app.ds, await defaultTeamId(app.ds), WEEK))!;
    for (const d of ['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27'])
      await insertShift(
        app.ds,
        rota.id,
        {
          staffId: ids.gela!,
          start: localIso(`${d} 09:00`),
          end: localIso(`${d} 18:00`),
          breaks: [{ start: localIso(`${d} 12:00`), end: localIso(`${d} 13:00`) }],
          channel: 'voice',
          activities: null,
          locked: false,
        },
        NOW.toISOString(),
        'test',
      );
    const out = await acceptIntradayOffer(await ctxOf('gela'), { id: sent.offer.id, version: sent.offer.version });
    expect(out.kind).to.equal('refused');
    if (out.kind !== 'refused') return;
    expect(out.key).to.equal('intradayOffers.error.rules');
    expect(out.violations?.map((v) => v.rule)).to.include('maxHours');
    expect((await todays(ids.gela!)).map((s) => s.end)).to.deep.equal([localIso(`${TODAY} 19:00`)]);
    const open = (await todaysIntradayOffers(app.ds, { now: NOW, zone: ZONE })).find((o) => o.id === sent.offer.id)!;
    expect(open.status).to.equal('open');

    // 21:00: the stretch is over.
    const late = new Date(localIso(`${TODAY} 21:00`));
    expect(await acceptIntradayOffer(await ctxOf('gela', late), { id: sent.offer.id, version: sent.offer.version })).to.deep.equal({
      kind: 'refused',
      key: 'intradayOffers.error.expired',
    });
    const after = (await todaysIntradayOffers(app.ds, { now: late, zone: ZONE })).find((o) => o.id === sent.offer.id)!;
    expect(after.status).to.equal('expired');
  });

  it('acceptIntradayOffer, voluntary time off 16:00-18:00 on chat, shortens the shift to end at 16:00', async () => {
    const sent = await sendIntradayOffer(await ctxOf('coordinator'), stretch('vto', 'chat', '16:00', '18:00'));
    if (sent.kind !== 'ok') throw new Error(JSON.stringify(sent));
    expect(sent.offer.eligible).to.deep.equal([ids.dato]);
    const out = await acceptIntradayOffer(await ctxOf('dato'), { id: sent.offer.id, version: sent.offer.version });
    expect(out.kind).to.equal('ok');
    const [shift] = await todays(ids.dato!);
    expect([shift!.start, shift!.end]).to.deep.equal([localIso(`${TODAY} 09:00`), localIso(`${TODAY} 16:00`)]);
    const list = await todaysIntradayOffers(app.ds, { now: NOW, zone: ZONE });
    expect(list.find((o) => o.id === sent.offer.id)).to.deep.include({ status: 'taken', takenByName: 'Agent dato' });
  });
});
