/**
 * Publishing under a race: several coordinators press "Publish" on different drafts of one week
 * at the same moment, through two app instances on one database (two SQLite connections, or two
 * PostgreSQL pools), round after round. The week must end with exactly one published revision,
 * and exactly the one request that published it may be told so; the others get 409.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startAppOnSameDatabase, startTestApp, seedMinimalTeam, type TestApp, type TestClient } from '../../support/app';
import { addRotaTeam, makeRota, weekdayShifts } from '../../support/rota-builders';
import { testDbKind } from '../../support/db';
import { getRota, listRotasForWeek, type RotaRecord } from '../../../models/repositories/rotas';
import { listAudit } from '../../../models/repositories/audit';
import { defaultTeamId } from '../../support/default-team';

const ZONE = 'Asia/Tbilisi';
const FIRST_WEEK = DateTime.fromISO('2027-03-01', { zone: ZONE });
const ROUNDS = 6;
const DRAFTS_PER_ROUND = 4;

describe(`rota publishing under a race (${testDbKind()})`, function () {
  this.timeout(120_000);
  let app: TestApp;
  let second: TestApp;
  let staffIds: number[];
  let clients: TestClient[];

  before(async () => {
    app = await startTestApp({
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        staffIds = (await addRotaTeam(ds, 2)).map((s) => s.id);
      },
    });
    second = await startAppOnSameDatabase(app);
    // Two coordinators on each instance, each with their own session.
    clients = [
      await app.loginAs('coordinator'),
      await second.loginAs('coordinator'),
      await app.loginAs('head'),
      await second.loginAs('head'),
    ];
    for (const c of clients) await c.get('/'); // the CSRF token of the logged-in session
  });
  after(async () => {
    await second?.close();
    await app?.close();
  });

  const publishedOf = async (week: string) =>
    (await listRotasForWeek(app.ds, await defaultTeamId(app.ds), week)).filter((r) => r.status === 'published');

  for (const withEarlierPublished of [false, true]) {
    it(`publish: ${DRAFTS_PER_ROUND} drafts of one week published at once, ${ROUNDS} rounds, ${withEarlierPublished ? 'over an earlier published revision' : 'none published before'} → one published, only its publisher told so, the rest 409`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const week = FIRST_WEEK.plus({ weeks: round + (withEarlierPublished ? ROUNDS : 0) }).toISODate()!;
        const earlier = withEarlierPublished ? await makeRota(app.ds, week, weekdayShifts(staffIds[0], week), { publish: true }) : null;
        const drafts: RotaRecord[] = [];
        for (let i = 0; i < DRAFTS_PER_ROUND; i++) drafts.push(await makeRota(app.ds, week, weekdayShifts(staffIds[i % 2], week)));
        const responses = await Promise.all(
          drafts.map((d, i) =>
            clients[i % clients.length].postForm('/rota/publish', {
              rotaId: String(d.id),
              version: String(d.version),
              published: earlier ? String(earlier.id) : '',
            }),
          ),
        );
        const statuses = responses.map((r) => r.status);
        const winners = drafts.filter((_, i) => statuses[i] === 303);
        expect(winners, `round ${round}: statuses ${statuses.join(',')}`).to.have.length(1);
        expect(
          statuses.filter((s) => s === 409),
          `round ${round}`,
        ).to.have.length(DRAFTS_PER_ROUND - 1);
        for (const [i, r] of responses.entries()) {
          if (statuses[i] === 409) expect(r.text).to.contain('Someone else published another revision of this week meanwhile');
        }
        const published = await publishedOf(week);
        expect(
          published.map((r) => r.id),
          `round ${round}: the week's published revision`,
        ).to.deep.equal([winners[0].id]);
        for (const d of drafts.filter((x) => x.id !== winners[0].id)) expect((await getRota(app.ds, d.id))!.status).to.equal('draft');
        if (earlier) expect((await getRota(app.ds, earlier.id))!.status).to.equal('archived');
      }
      const audits = (await listAudit(app.ds, { entity: 'rota' })).filter((a) => a.action === 'rota.publish');
      expect(audits.length, 'one audit entry per successful publish').to.be.at.least(ROUNDS);
    });
  }

  it('publish: a second press after a success is refused with 409, not told "published" again', async () => {
    const week = FIRST_WEEK.plus({ weeks: 2 * ROUNDS + 1 }).toISODate()!;
    const a = await makeRota(app.ds, week, weekdayShifts(staffIds[0], week));
    const b = await makeRota(app.ds, week, weekdayShifts(staffIds[1], week));
    const [c1, c2] = clients;
    await c1.get(`/rota?week=${week}`);
    await c2.get(`/rota?week=${week}`);
    expect((await c1.postForm('/rota/publish', { rotaId: String(a.id), version: String(a.version), published: '' })).status).to.equal(303);
    const late = await c2.postForm('/rota/publish', { rotaId: String(b.id), version: String(b.version), published: '' });
    expect(late.status).to.equal(409);
    expect((await publishedOf(week)).map((r) => r.id)).to.deep.equal([a.id]);
    // Knowing what is published now, the second coordinator may replace it on purpose.
    const onPurpose = await c2.postForm('/rota/publish', { rotaId: String(b.id), version: String(b.version), published: String(a.id) });
    expect(onPurpose.status).to.equal(303);
    expect((await publishedOf(week)).map((r) => r.id)).to.deep.equal([b.id]);
    expect((await getRota(app.ds, a.id))!.status).to.equal('archived');
  });

  it('publish form: a missing or malformed "published" field is a 400, nothing published', async () => {
    const week = FIRST_WEEK.plus({ weeks: 2 * ROUNDS + 2 }).toISODate()!;
    const a = await makeRota(app.ds, week, weekdayShifts(staffIds[0], week));
    const c = clients[0];
    await c.get(`/rota?week=${week}`);
    expect((await c.postForm('/rota/publish', { rotaId: String(a.id), version: String(a.version) })).status).to.equal(400);
    expect((await c.postForm('/rota/publish', { rotaId: String(a.id), version: String(a.version), published: 'x' })).status).to.equal(400);
    expect(await publishedOf(week)).to.have.length(0);
  });

  it('schema: a second published revision of one week is refused by the database itself', async () => {
    const week = FIRST_WEEK.plus({ weeks: 2 * ROUNDS + 3 }).toISODate()!;
    const a = await makeRota(app.ds, week, weekdayShifts(staffIds[0], week), { publish: true });
    const b = await makeRota(app.ds, week, weekdayShifts(staffIds[1], week));
    let refused: unknown = null;
    try {
      await app.ds.query(`UPDATE rotas SET status = 'published' WHERE id = ${b.id}`);
    } catch (err) {
      refused = err;
    }
    expect(refused, 'unique index violation').to.be.instanceOf(Error);
    expect((await publishedOf(week)).map((r) => r.id)).to.deep.equal([a.id]);
    // Other weeks and other statuses are not constrained.
    await app.ds.query(`UPDATE rotas SET status = 'archived' WHERE id = ${a.id}`);
    await app.ds.query(`UPDATE rotas SET status = 'archived' WHERE id = ${b.id}`);
    expect(await publishedOf(week)).to.have.length(0);
  });
});
