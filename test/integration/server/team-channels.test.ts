/**
 * Channels per team over HTTP with a real server (issue #14): team A (the default team, channels
 * voice and chat) and team B made by the admin's "create team", which gets copies of A's
 * channels under its own ids (voice-2, chat-2) with their opening hours. As A, B's channels are
 * on no forecasting or history page and asking for one answers 404; B's history import refuses
 * a row naming A's channel with nothing stored; a person moved to B takes B's channels as skills.
 */
import { expect } from 'chai';
import { startTestApp, seedMinimalTeam, type TestApp, type TestClient } from '../../support/app';
import { makePerson } from '../../support/requests-builders';
import {
  createChannel,
  getStaff,
  getStaffByCode,
  historyRange,
  listChannels,
  listOpeningHours,
  listTeams,
  replaceOpeningHours,
  setStaffTeam,
  type DataSource,
} from '../../../models';
import { createTeam } from '../../../app/teams';
import { testDbKind } from '../../support/db';
import { makeCalendarEvent, makeForecast } from '../../support/forecast-builders';
import { getCalendarEvent } from '../../../models/repositories/calendar-events';
import { getForecast } from '../../../models/repositories/forecasts';

const NOW = '2026-11-20T08:00:00.000Z';
const VOICE_HOURS = [
  { weekday: 1, opens: '08:00', closes: '20:00' },
  { weekday: 6, opens: '10:00', closes: '16:00' },
];
let teamB = 0;

async function seedTwoTeams(ds: DataSource): Promise<void> {
  await seedMinimalTeam(ds);
  await replaceOpeningHours(ds, 'voice', VOICE_HOURS);
  const b = await createTeam(ds, { name: 'Berlin desk', timeZone: 'Europe/Berlin', actor: { userId: null }, now: new Date(NOW) });
  if (b.kind !== 'ok') throw new Error('team B');
  teamB = b.team.id;
  // Code from before channels per team made none: give B its channels by hand then, so each
  // test below shows its own failure there rather than all failing in this fixture.
  if ((await listChannels(ds, teamB)).length === 0) {
    for (const c of await listChannels(ds)) {
      const { version: _v, teamId: _t, ...fields } = c;
      await createChannel(ds, { ...fields, id: `${c.id}-${teamB}`, teamId: teamB });
    }
  }
  for (const [username, role] of [
    ['b.coord', 'coordinator'],
    ['b.lead', 'team_lead'],
  ] as const) {
    const p = await makePerson(ds, username, { role, name: `Berliner ${username}` });
    await setStaffTeam(ds, p.id, teamB, NOW);
  }
}

const csvHeaders = (c: TestClient) => ({ 'content-type': 'text/csv', 'x-csrf-token': c.csrf! });

describe(`channels per team over HTTP (${testDbKind()})`, function () {
  this.timeout(120_000);
  let app: TestApp;
  const as: Record<string, TestClient> = {};
  const bVoice = () => `voice-${teamB}`;
  before(async () => {
    app = await startTestApp({ seed: seedTwoTeams, now: () => new Date(NOW) });
    for (const who of ['coordinator', 'admin', 'b.coord']) {
      as[who] = await app.loginAs(who as never);
      await as[who].get('/');
    }
    // B's own history: a Tuesday of 4321 calls on B's voice channel.
    const csv = `timestamp,channel,volume\n2026-11-10T09:00:00,${bVoice()},4321\n`;
    const res = await as['b.coord'].request('/api/history/import', { method: 'POST', body: csv, headers: csvHeaders(as['b.coord']) });
    expect(res.status, res.text).to.equal(200);
  });
  after(async () => app?.close());

  it("a created team has its own channels (ids <id>-<team>, same kind and targets) and the default team's opening hours", async () => {
    const a = await listChannels(app.ds, (await listTeams(app.ds))[0].id);
    const b = await listChannels(app.ds, teamB);
    expect(b.map((c) => c.id)).to.deep.equal([`voice-${teamB}`, `chat-${teamB}`]);
    expect(b.map((c) => [c.kind, c.nameKey, c.targetServiceLevel, c.thresholdSeconds, c.shrinkage, c.concurrency])).to.deep.equal(
      a.map((c) => [c.kind, c.nameKey, c.targetServiceLevel, c.thresholdSeconds, c.shrinkage, c.concurrency]),
    );
    const hours = (await listOpeningHours(app.ds, bVoice())).map(({ weekday, opens, closes }) => ({ weekday, opens, closes }));
    expect(hours).to.deep.equal(VOICE_HOURS);
    // The admin's page names each team's channel ids, for those who import history.
    const page = await as.admin.get('/teams');
    expect(page.text).to.contain(`voice-${teamB}, chat-${teamB}`).and.contain('voice, chat');
  });

  it("the admin's /teams form creates a team with channels of its own", async () => {
    const res = await as.admin.postForm('/teams', { name: 'Kutaisi', timeZone: 'Asia/Tbilisi' }, '/teams');
    expect(res.status).to.equal(302);
    const kutaisi = (await listTeams(app.ds)).find((t) => t.name === 'Kutaisi')!;
    expect((await listChannels(app.ds, kutaisi.id)).map((c) => c.id)).to.deep.equal([`voice-${kutaisi.id}`, `chat-${kutaisi.id}`]);
    expect(await listOpeningHours(app.ds, `voice-${kutaisi.id}`)).to.have.length(VOICE_HOURS.length);
  });

  it("forecast pages as A: B's channel is not offered, and asking for it answers 404 (forecast, platforms, Erlang)", async () => {
    const page = await as.coordinator.get('/forecast?week=2026-11-23');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('?channel=voice&').and.not.contain(bVoice());
    for (const path of [`/forecast?channel=${bVoice()}`, `/forecast/platforms?channel=${bVoice()}`, `/erlang?channel=${bVoice()}`]) {
      expect((await as.coordinator.get(path)).status, path).to.equal(404);
    }
    // B sees its own channel and not A's.
    expect((await as['b.coord'].get(`/forecast?channel=${bVoice()}&week=2026-11-23`)).status).to.equal(200);
    expect((await as['b.coord'].get('/forecast?channel=voice')).status).to.equal(404);
  });

  it("as A, B's forecast by id answers 404 to the page, accept and preview, and stays a draft", async () => {
    const f = await makeForecast(app.ds, { channelId: bVoice(), weekStart: '2026-11-23' });
    expect((await as.coordinator.get(`/forecast?forecast=${f.id}`)).status).to.equal(404);
    const page = '/forecast?week=2026-11-23';
    const accept = await as.coordinator.postForm(`/forecast/${f.id}/accept`, { version: String(f.version) }, page);
    expect(accept.status).to.equal(404);
    const preview = await as.coordinator.postForm(`/forecast/${f.id}/adjust/preview`, { unit: 'factor', value: '2' }, page);
    expect(preview.status).to.equal(404);
    expect((await getForecast(app.ds, f.id))?.status).to.equal('draft');
  });

  it("events as A: B's channel event is not listed and editing or deleting it answers 404; naming B's channel is refused", async () => {
    const e = await makeCalendarEvent(app.ds, { name: 'Berlin launch', channelId: bVoice() });
    const list = await as.coordinator.get('/forecast/events');
    expect(list.text).not.to.contain('Berlin launch');
    expect((await as.coordinator.get(`/forecast/events/${e.id}/edit`)).status).to.equal(404);
    const del = await as.coordinator.postForm(`/forecast/events/${e.id}/delete`, { version: String(e.version) }, '/forecast/events');
    expect(del.status).to.equal(404);
    expect(await getCalendarEvent(app.ds, e.id)).to.not.equal(null);
    const fields = { name: 'Cross launch', kind: 'campaign', startDate: '2026-12-01', endDate: '2026-12-01', effectPercent: '10' };
    const refused = await as.coordinator.postForm('/forecast/events', { ...fields, channel: bVoice() }, '/forecast/events');
    expect(refused.status).to.equal(422);
    expect((await as['b.coord'].get('/forecast/events')).text)
      .to.contain('Berlin launch')
      .and.not.contain('Cross launch');
  });

  it("history as A: B's channel and its contacts are not shown; B sees them", async () => {
    const a = await as.coordinator.get('/history?week=2026-11-09');
    expect(a.status).to.equal(200);
    expect(a.text).not.to.contain('4,321');
    const b = await as['b.coord'].get('/history?week=2026-11-09');
    expect(b.text).to.contain('4,321');
  });

  it("an import for B naming A's channel is refused with its line and field, and nothing of the file is stored", async () => {
    const c = as['b.coord'];
    const csv = ['timestamp,channel,volume', `2026-11-11T09:00:00,${bVoice()},10`, '2026-11-11T10:00:00,voice,12'].join('\n');
    const res = await c.request('/api/history/import', { method: 'POST', body: csv, headers: csvHeaders(c) });
    expect(res.status).to.equal(422);
    const body = JSON.parse(res.text) as { errors: { line: number; field: string }[] };
    expect(body.errors.map((e) => `${e.line}:${e.field}`)).to.deep.equal(['3:channel']);
    const day = { from: '2026-11-11T00:00:00.000Z', to: '2026-11-12T00:00:00.000Z' };
    expect(await historyRange(app.ds, { channelId: bVoice(), ...day })).to.deep.equal([]);
    expect(await historyRange(app.ds, { channelId: 'voice', ...day })).to.deep.equal([]);
  });

  it("the staff form offers B's channels as skills to B's coordinator, and refuses A's channel (422, nothing made)", async () => {
    const form = await as['b.coord'].get('/staff/new');
    expect(form.text).to.contain(`name="skills" value="${bVoice()}"`).and.not.contain('name="skills" value="voice"');
    const fields = { name: 'Cross skilled', role: 'agent', contractHoursPerWeek: '40', activeFrom: '2026-01-01', version: '0' };
    const refused = await as['b.coord'].postForm('/staff/new', { ...fields, skills: 'voice' }, '/staff/new');
    expect(refused.status).to.equal(422);
    expect((await as['b.coord'].get('/staff')).text).not.to.contain('Cross skilled');
    const ok = await as['b.coord'].postForm('/staff/new', { ...fields, skills: bVoice() }, '/staff/new');
    expect(ok.status).to.equal(302);
  });

  it("a person moved from A to B takes B's channels of the same kinds as skills", async () => {
    const agent = (await getStaffByCode(app.ds, 't1'))!;
    expect(agent.skills).to.deep.equal(['voice', 'chat']);
    const res = await as.admin.postForm('/teams/move', { staffId: String(agent.id), teamId: String(teamB) }, '/teams');
    expect(res.status).to.equal(302);
    const moved = (await getStaff(app.ds, agent.id))!;
    expect(moved.teamId).to.equal(teamB);
    expect(moved.skills).to.deep.equal([`voice-${teamB}`, `chat-${teamB}`]);
    expect(moved.version).to.be.greaterThan(agent.version);
  });
});
