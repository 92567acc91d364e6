/**
 * Teams over HTTP with a real server (issue #14): two teams in one install. A lead or
 * coordinator of team A sees only A's staff, rota and requests, and asking for B's by id is
 * answered 404 with nothing changed; each team's pages are in its own zone; the admin and the
 * head switch teams (others may not), the admin creates teams and moves people.
 */
import { expect } from 'chai';
import { startTestApp, seedMinimalTeam, type TestApp, type TestClient } from '../../support/app';
import { makePerson, makeRota } from '../../support/requests-builders';
import { createTimeOff, getTimeOff, listSwaps } from '../../../models/repositories/requests';
import { getStaff, getStaffByCode, getTeamSettings, listTeams, setStaffTeam, type DataSource } from '../../../models';
import { createTeam } from '../../../app/teams';
import { getOpenShift, listOpenShifts } from '../../../models/repositories/open-shifts';
import { listOffQueueActivities } from '../../../models/repositories/off-queue-activities';
import { testDbKind } from '../../support/db';
import { listAudit } from '../../../models/repositories/audit';

const NOW = '2026-11-20T08:00:00.000Z';
const WEEK = '2026-11-23';

interface Fixture {
  teamB: number;
  bAgent: number;
  bTimeOff: number;
  aShift: number;
  bShift: number;
  rotaId: number;
  bRotaId: number;
}
const fx = {} as Fixture;

async function seedTwoTeams(ds: DataSource): Promise<void> {
  await seedMinimalTeam(ds);
  const b = await createTeam(ds, { name: 'Berlin desk', timeZone: 'Europe/Berlin', actor: { userId: null }, now: new Date(NOW) });
  if (b.kind !== 'ok') throw new Error('team B');
  fx.teamB = b.team.id;
  const inB = async (username: string, role: 'agent' | 'team_lead' | 'coordinator') => {
    const p = await makePerson(ds, username, { role, name: `Berliner ${username}` });
    await setStaffTeam(ds, p.id, fx.teamB, NOW);
    return p;
  };
  const bAgent = await inB('b.agent', 'agent');
  await inB('b.lead', 'team_lead');
  await inB('b.coord', 'coordinator');
  fx.bAgent = bAgent.id;
  fx.bTimeOff = (
    await createTimeOff(
      ds,
      { staffId: bAgent.id, startDate: '2026-11-25', endDate: '2026-11-25', kind: 'vacation', note: 'berlin-leave' },
      NOW,
    )
  ).id;
  const aAgent = (await getStaffByCode(ds, 't1'))!;
  // Each team its own published rota of the week.
  const rota = await makeRota(ds, WEEK, [
    { staffId: aAgent.id, start: '2026-11-24 09:00', end: '2026-11-24 17:00' },
    // The same hours in both teams: "same hours" on My shifts names only the own team's.
    { staffId: aAgent.id, start: '2026-11-26 09:00', end: '2026-11-26 17:00' },
  ]);
  const bRota = await makeRota(
    ds,
    WEEK,
    [
      { staffId: bAgent.id, start: '2026-11-24 10:00', end: '2026-11-24 18:00' },
      { staffId: bAgent.id, start: '2026-11-26 09:00', end: '2026-11-26 17:00' },
    ],
    'published',
    { teamId: fx.teamB },
  );
  fx.aShift = rota.shiftIds[0];
  fx.bShift = bRota.shiftIds[0];
  fx.rotaId = rota.rotaId;
  fx.bRotaId = bRota.rotaId;
}

describe(`teams over HTTP: two teams in one install (${testDbKind()})`, function () {
  this.timeout(120_000);
  let app: TestApp;
  const as: Record<string, TestClient> = {};
  before(async () => {
    app = await startTestApp({ seed: seedTwoTeams });
    for (const who of ['team_lead', 'coordinator', 'admin', 'head', 'b.lead', 'b.coord']) as[who] = await app.loginAs(who as never);
  });
  after(async () => app?.close());

  it("GET /staff, as the lead of A, lists A's people and none of B's; as the lead of B, the reverse", async () => {
    const a = await as.team_lead.get('/staff');
    expect(a.status).to.equal(200);
    expect(a.text).to.contain('Test agent').and.not.contain('Berliner');
    const b = await as['b.lead'].get('/staff');
    expect(b.text).to.contain('Berliner b.agent').and.not.contain('Test agent');
  });

  it("staff by id, as the coordinator of A: B's person answers 404 to the form and to a save, and is unchanged", async () => {
    expect((await as.coordinator.get(`/staff/${fx.bAgent}/edit`)).status).to.equal(404);
    const before = await getStaff(app.ds, fx.bAgent);
    const res = await as.coordinator.postForm(
      `/staff/${fx.bAgent}/edit`,
      {
        name: 'Taken over',
        role: 'agent',
        skills: 'voice',
        contractHoursPerWeek: '40',
        activeFrom: '2025-01-01',
        version: String(before!.version),
      },
      '/staff',
    );
    expect(res.status).to.equal(404);
    // A form with errors too: 404, never the edit page (with B's person's id) for A's coordinator.
    const invalid = await as.coordinator.postForm(
      `/staff/${fx.bAgent}/edit`,
      { name: '', role: 'agent', contractHoursPerWeek: 'x', version: String(before!.version) },
      '/staff',
    );
    expect(invalid.status).to.equal(404);
    expect(invalid.text).to.not.contain('name="contractHoursPerWeek"');
    expect((await getStaff(app.ds, fx.bAgent))?.name).to.equal('Berliner b.agent');
    expect((await as['b.coord'].get(`/staff/${fx.bAgent}/edit`)).status).to.equal(200);
  });

  it('a new person added by the coordinator of B joins team B', async () => {
    const res = await as['b.coord'].postForm(
      '/staff/new',
      {
        name: 'Newcomer Berlin',
        role: 'agent',
        skills: `chat-${fx.teamB}`,
        contractHoursPerWeek: '30',
        activeFrom: '2026-01-01',
        version: '0',
      },
      '/staff/new',
    );
    expect(res.status).to.equal(302);
    const lead = await as.team_lead.get('/staff');
    expect(lead.text).to.not.contain('Newcomer Berlin');
    expect((await as['b.lead'].get('/staff')).text).to.contain('Newcomer Berlin');
  });

  it("the audit trail, as the coordinator of A, holds nothing B's accounts did (page and CSV); B's coordinator sees it", async () => {
    for (const url of ['/audit', '/audit.csv']) {
      const a = await as.coordinator.get(url);
      expect(a.status, url).to.equal(200);
      expect(a.text, url).to.not.contain('Newcomer Berlin');
      expect((await as['b.coord'].get(url)).text, url).to.contain('Newcomer Berlin');
    }
  });

  it("the week's exports and the planning period, as A, list none of B's people", async () => {
    for (const url of [`/rota.csv?week=${WEEK}`, `/rota/print?week=${WEEK}`, `/rota/period?start=${WEEK}&weeks=1`]) {
      const a = await as.team_lead.get(url);
      expect(a.status, url).to.equal(200);
      expect(a.text, url).to.contain('Test agent').and.not.contain('Berliner');
    }
  });

  it("activities: B's coordinator cannot book A's people; A neither sees nor deletes B's activity", async () => {
    const aAgent = (await getStaffByCode(app.ds, 't1'))!;
    const form = (attendee: number, title: string) => ({
      week: WEEK,
      kind: 'meeting',
      title,
      minutes: '30',
      attendees: String(attendee),
      fromDate: '2026-11-24',
      fromTime: '10:00',
      toDate: '2026-11-24',
      toTime: '12:00',
    });
    const page = `/rota/activities?week=${WEEK}`;
    expect((await as['b.coord'].postForm('/rota/activities', form(aAgent.id, 'Cross-team grab'), page)).status).to.equal(422);
    expect((await as['b.coord'].postForm('/rota/activities', form(fx.bAgent, 'Berlin huddle'), page)).status).to.equal(303);
    expect((await as['b.coord'].get(page)).text).to.contain('Berlin huddle');
    expect((await as.coordinator.get(page)).text)
      .to.not.contain('Berlin huddle')
      .and.not.contain('Berliner');
    const [huddle] = await listOffQueueActivities(app.ds, WEEK);
    expect((await as.coordinator.postForm(`/rota/activities/${huddle!.id}/delete`, {}, page)).status).to.equal(404);
    expect(await listOffQueueActivities(app.ds, WEEK)).to.have.length(1);
  });

  it("requests, as the coordinator of A: B's time off is not in the inbox and deciding it answers 404, leaving it pending", async () => {
    expect((await as.coordinator.get('/requests/inbox')).text).to.not.contain('berlin-leave');
    const res = await as.coordinator.postForm(
      `/requests/inbox/time-off/${fx.bTimeOff}`,
      { version: '1', decision: 'reject', note: '' },
      '/requests/inbox',
    );
    expect(res.status).to.equal(404);
    expect((await getTimeOff(app.ds, fx.bTimeOff))?.status).to.equal('pending');
    expect((await as['b.coord'].get('/requests/inbox')).text).to.contain('berlin-leave');
  });

  it("rota, as A: the week shows A's shift and not B's; editing B's shift answers 404 to the form and the save", async () => {
    const page = await as.team_lead.get(`/rota?week=${WEEK}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Test agent').and.not.contain('Berliner b.agent');
    expect((await as.coordinator.get(`/rota/shift/${fx.bShift}/edit`)).status).to.equal(404);
    expect((await as.coordinator.get(`/rota/shift/${fx.aShift}/edit`)).status).to.equal(200);
    const res = await as.coordinator.postForm(
      '/rota/shift',
      { action: 'delete', rotaId: String(fx.rotaId), version: '1', shiftId: String(fx.bShift) },
      `/rota?week=${WEEK}`,
    );
    expect(res.status).to.equal(404);
    const b = await as['b.lead'].get(`/rota?week=${WEEK}`);
    expect(b.text).to.contain('Berliner b.agent').and.not.contain('Test agent');
  });

  it("each team's pages are shown in its own zone", async () => {
    expect((await as.team_lead.get('/staff')).text).to.contain('Asia/Tbilisi');
    const b = (await as['b.lead'].get('/staff')).text;
    expect(b).to.contain('Europe/Berlin').and.not.contain('Asia/Tbilisi');
    expect((await getTeamSettings(app.ds, fx.teamB))?.timeZone).to.equal('Europe/Berlin');
  });

  it('the switcher: the admin and the head switch to B and see its people; a lead may not (403)', async () => {
    for (const who of ['admin', 'head']) {
      const res = await as[who].postForm('/teams/current', { teamId: String(fx.teamB), returnTo: '/staff' }, '/');
      expect(res.status, who).to.equal(302);
      const page = (await as[who].get('/staff')).text;
      expect(page, who).to.contain('Berliner b.agent').and.not.contain('Test agent');
      expect(page, who).to.contain('Europe/Berlin');
    }
    expect((await as.team_lead.postForm('/teams/current', { teamId: String(fx.teamB), returnTo: '/' }, '/')).status).to.equal(403);
  });

  it("the switchers come back to the page with its week: the team switcher keeps only what is no team's own", async () => {
    const page = (await as.head.get(`/rota?week=${WEEK}&skill=voice`)).text;
    const returnTo = (form: string) =>
      page
        .match(new RegExp(`action="${form}"[\\s\\S]*?name="returnTo" value="([^"]*)"`))?.[1]
        ?.replace(/&#x3D;/g, '=')
        .replace(/&amp;/g, '&');
    expect(returnTo('/teams/current')).to.equal(`/rota?week=${WEEK}`);
    expect(returnTo('/locale')).to.equal(`/rota?week=${WEEK}&skill=voice`);
    // A page about one of the team's records: the team switcher lands on its section.
    const review = (await as.head.get(`/rota/diff?week=${WEEK}&from=${fx.rotaId}&to=${fx.rotaId}`)).text;
    expect(review.match(/action="\/teams\/current"[\s\S]*?name="returnTo" value="([^"]*)"/)?.[1]?.replace(/&#x3D;/g, '=')).to.equal(
      `/rota?week=${WEEK}`,
    );
    // A page answering a form (a refused save) switches back to the page the form was on.
    const refused = await as.admin.postForm('/teams', { name: '', timeZone: 'Mars/Olympus' }, '/teams?x=1');
    expect(refused.status).to.equal(422);
    expect(refused.text.match(/action="\/locale"[\s\S]*?name="returnTo" value="([^"]*)"/)?.[1]?.replace(/&#x3D;/g, '=')).to.equal(
      '/teams?x=1',
    );
    const back = await as.head.postForm('/teams/current', { teamId: String(fx.teamB), returnTo: `/rota?week=${WEEK}` }, '/');
    expect(back.status, back.text.slice(0, 300)).to.equal(302);
    expect(back.headers.get('location')).to.equal(`/rota?week=${WEEK}`);
    for (const evil of ['//evil.example/', '/\\evil.example/', 'https://evil.example/']) {
      const res = await as.head.postForm('/teams/current', { teamId: String(fx.teamB), returnTo: evil }, '/');
      expect(res.headers.get('location'), evil).to.equal('/');
    }
  });

  it("/accounts: with two teams, each account shows its person's team", async () => {
    const page = (await as.admin.get('/accounts')).text;
    expect(page).to.contain('<th>Team</th>');
    const row = (username: string) => page.slice(page.indexOf(`<code>${username}</code>`)).split('</tr>')[0]!;
    expect(row('b.lead')).to.match(/data-team>Berlin desk</);
    expect(row('team_lead')).to.match(/data-team>Test team</);
  });

  it('the admin creates a team (a bad zone is refused with 422) and moves a person to it', async () => {
    const bad = await as.admin.postForm('/teams', { name: 'Nowhere', timeZone: 'Mars/Olympus' }, '/teams');
    expect(bad.status).to.equal(422);
    const ok = await as.admin.postForm('/teams', { name: 'Kutaisi', timeZone: 'Asia/Tbilisi' }, '/teams');
    expect(ok.status).to.equal(302);
    const kutaisi = (await listTeams(app.ds)).find((t) => t.name === 'Kutaisi')!;
    expect(kutaisi).to.include({ timeZone: 'Asia/Tbilisi' });
    const moved = await as.admin.postForm('/teams/move', { staffId: String(fx.bAgent), teamId: String(kutaisi.id) }, '/teams');
    expect(moved.status).to.equal(302);
    expect((await getStaff(app.ds, fx.bAgent))?.teamId).to.equal(kutaisi.id);
    expect((await as['b.lead'].get('/staff')).text).to.not.contain('Berliner b.agent');
    // Moving them again to the team they are in: the page says nothing changed; no audit entry.
    const audits = (await listAudit(app.ds, { entity: 'staff', limit: 1000 })).filter((e) => e.action === 'staff.moveTeam').length;
    const again = await as.admin.postForm('/teams/move', { staffId: String(fx.bAgent), teamId: String(kutaisi.id) }, '/teams');
    expect(again.status).to.equal(302);
    const page = (await as.admin.get('/teams')).text;
    expect(page).to.contain('Berliner b.agent is already in Kutaisi: nothing changed.').and.not.contain('Moved.');
    expect((await listAudit(app.ds, { entity: 'staff', limit: 1000 })).filter((e) => e.action === 'staff.moveTeam').length).to.equal(
      audits,
    );
  });
});

describe(`teams over HTTP: an agent's requests stay in the agent's team (${testDbKind()})`, function () {
  this.timeout(120_000);
  let app: TestApp;
  const as: Record<string, TestClient> = {};
  before(async () => {
    // Before the week, so its shifts can still be swapped.
    app = await startTestApp({ seed: seedTwoTeams, now: () => new Date(NOW) });
    for (const who of ['agent', 'coordinator', 'b.coord', 'b.agent']) as[who] = await app.loginAs(who as never);
  });
  after(async () => app?.close());

  it('the swap picker offers no colleague of another team, and a give-away to one is refused with nothing made', async () => {
    const targets = await as.agent.get(`/requests/swap-targets?shiftId=${fx.aShift}`);
    expect(targets.status).to.equal(200);
    expect(targets.text).to.not.contain('Berliner b.agent');
    const res = await as.agent.postForm(
      '/requests/swaps',
      { shiftId: String(fx.aShift), mode: 'give', targetStaffId: String(fx.bAgent), note: '' },
      '/requests',
    );
    expect(res.status).to.equal(422);
    expect(await listSwaps(app.ds, {})).to.have.length(0);
  });

  it('My shifts names no one of another team among the colleagues on the same hours', async () => {
    const page = await as.agent.get('/my-shifts');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('17:00').and.not.contain('Berliner');
  });

  // The what-if's people (of the team's channels; B here answers none): team-intraday.test.ts.
  it("the fairness ledger's people are the team's", async () => {
    for (const url of [`/rota/fairness?week=${WEEK}`]) {
      const a = await as.coordinator.get(url);
      expect(a.status, url).to.equal(200);
      expect(a.text, url).to.contain('Test agent').and.not.contain('Berliner');
      expect((await as['b.coord'].get(url)).text, url)
        .to.contain('Berliner b.agent')
        .and.not.contain('Test agent');
    }
  });

  it("the inbox badge counts only the team's requests waiting for a decision", async () => {
    const badge = async (who: string) => /class="badge">(\d+)</.exec((await as[who].get('/requests')).text)?.[1];
    expect(await badge('coordinator')).to.equal('0');
    expect(await badge('b.coord')).to.equal('1');
  });

  it("a shift an agent of B puts on the board is B's: A's coordinator does not see it, A's agent cannot claim it", async () => {
    const res = await as['b.agent'].postForm('/open-shifts/mine', { shiftId: String(fx.bShift) }, '/open-shifts');
    expect(res.status).to.equal(303);
    const [offer] = await listOpenShifts(app.ds, { statuses: ['open'] });
    expect(offer, 'the offer').to.not.equal(undefined);
    expect((await as.coordinator.get('/open-shifts')).text).to.not.contain('Berliner b.agent');
    expect((await as['b.coord'].get('/open-shifts')).text).to.contain('Berliner b.agent');
    const claim = await as.agent.postForm(`/open-shifts/${offer!.id}/claim`, { version: String(offer!.version) }, '/open-shifts');
    expect(claim.status).to.equal(404);
    const withdraw = await as.coordinator.postForm(
      `/open-shifts/${offer!.id}/withdraw`,
      { version: String(offer!.version) },
      '/open-shifts',
    );
    expect(withdraw.status).to.equal(404);
    expect((await getOpenShift(app.ds, offer!.id))?.status).to.equal('open');
  });

  it("the swap form's rule check says nothing about a colleague of another team", async () => {
    const res = await as.agent.get(`/requests/swap-check?shiftId=${fx.aShift}&mode=give&targetStaffId=${fx.bAgent}`);
    expect(res.status).to.equal(200);
    expect(res.text).to.not.contain('Berliner');
  });
});
