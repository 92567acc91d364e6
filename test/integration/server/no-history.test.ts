/**
 * A team with channels but no history yet (a new team, issue #14): nothing says how many people
 * its queue needs. Generating a forecast stores no forecast of zeros and says why; the rota page
 * says why it shows no coverage; generating a rota is refused with the reason instead of
 * planning everyone off the queue. Over HTTP, with a real server, database and solver job.
 */
import { expect } from 'chai';
import { startTestApp, seedRotaTeam, type TestApp, type TestClient } from '../../support/app';
import { makeRota, makeShift } from '../../support/rota-builders';
import { getDefaultTeam } from '../../../models';
import { listForecasts } from '../../../models/repositories/forecasts';
import { listRotasForWeek, listShifts } from '../../../models/repositories/rotas';
import { listStaff } from '../../../models/repositories/staff';
import { listRequirements } from '../../../models/repositories/requirements';
import { createTimeOff } from '../../../models/repositories/requests';
import { rotaJob, waitForRotaJob } from '../../../app/rota-jobs';
import { seedHistory } from '../../support/forecast-builders';
import { testDbKind } from '../../support/db';

const NOW = new Date('2026-11-20T08:00:00.000Z');
const WEEK = '2026-11-23';

describe(`a team with no history yet (${testDbKind()})`, function () {
  this.timeout(120_000);
  let app: TestApp;
  let coordinator: TestClient;
  let teamId = 0;
  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      seed: seedRotaTeam(6),
    });
    coordinator = await app.loginAs('coordinator');
    teamId = (await getDefaultTeam(app.ds))!.id;
  });
  after(async () => app?.close());

  it('Generate forecast: nothing stored, and the page says there is no history to forecast from', async () => {
    const res = await coordinator.postForm('/forecast/generate', { channel: 'all', week: WEEK }, '/forecast');
    expect(res.status).to.equal(303);
    expect(await listForecasts(app.ds)).to.deep.equal([]);
    const page = await coordinator.get(res.headers.get('location')!);
    expect(page.text).to.contain('No history to forecast from for Calls, Chat').and.not.contain('Forecast generated');
  });

  it('the rota page says why it has no coverage, with a link to import history', async () => {
    const page = await coordinator.get(`/rota?week=${WEEK}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('No forecast of this week and no history for Calls, Chat').and.contain('href="/history"');
  });

  it('Generate rota: refused with the reason; no revision stored', async () => {
    const res = await coordinator.postForm('/rota/generate', { week: WEEK, mode: 'all', timeLimit: '10' }, `/rota?week=${WEEK}`);
    expect(res.status).to.equal(303);
    const job = await waitForRotaJob(app.jobs, (await rotaJob(app.ds, teamId, WEEK))!);
    expect(job.state).to.equal('infeasible');
    expect(job.explanation.map((e) => [e.code, e.params.channel])).to.deep.equal([
      ['noHistory', 'voice'],
      ['noHistory', 'chat'],
    ]);
    expect(await listRotasForWeek(app.ds, teamId, WEEK)).to.deep.equal([]);
    const status = await coordinator.get(`/rota/status?week=${WEEK}`);
    expect(status.text).to.contain('no forecast of the week and no history to make one');
    expect(status.text).to.contain('No rota: nothing to plan against yet').and.not.contain('No rota keeps every rule');
  });

  it('Staffing "Recompute and store": refused with the channels named; nothing stored, so generating stays refused', async () => {
    const res = await coordinator.postForm('/staffing/store', { week: WEEK, storedAt: '' }, `/staffing?week=${WEEK}`);
    expect(res.status).to.equal(302);
    expect(await listRequirements(app.ds, WEEK)).to.deep.equal([]);
    const page = await coordinator.get(res.headers.get('location')!);
    expect(page.text).to.contain('Nothing stored: no forecast of this week and no history for Calls, Chat');
    expect((await coordinator.get(`/rota?week=${WEEK}`)).text).to.contain('No forecast of this week and no history for Calls, Chat');
  });

  it('with history of one channel: its forecast is stored, the other is named as without history', async () => {
    await seedHistory(app.ds, { channelId: 'voice', weeks: 8, endMonday: WEEK });
    const res = await coordinator.postForm('/forecast/generate', { channel: 'all', week: WEEK }, '/forecast');
    expect(res.status).to.equal(303);
    expect((await listForecasts(app.ds)).map((f) => f.channelId)).to.deep.equal(['voice']);
    const page = await coordinator.get(res.headers.get('location')!);
    expect(page.text).to.contain('Forecast generated').and.contain('No history to forecast from for Chat');
  });

  it('find cover for a shift of a week without requirement: says there is no projection, no bare arrows', async () => {
    const agent = (await listStaff(app.ds)).find((p) => p.role === 'agent')!;
    const rota = await makeRota(app.ds, WEEK, [makeShift(agent.id, '2026-11-25', '09:00', '17:00', { channel: 'chat' })], {
      publish: true,
    });
    const [shift] = await listShifts(app.ds, rota.id);
    // Approved time off takes the shift out and opens "find cover".
    const request = await createTimeOff(
      app.ds,
      { staffId: agent.id, startDate: '2026-11-25', endDate: '2026-11-25', kind: 'vacation', note: '' },
      NOW.toISOString(),
    );
    const decided = await coordinator.postForm(
      `/requests/inbox/time-off/${request.id}`,
      { version: String(request.version), decision: 'approve', note: '' },
      '/requests/inbox',
    );
    expect(decided.status).to.equal(200);
    const page = await coordinator.get(`/rota/cover?week=${WEEK}&uid=${shift!.uid}`);
    expect(page.status, page.text.slice(0, 200)).to.equal(200);
    expect(page.text).to.contain('data-cover="no-service"').and.not.contain('data-cover="sl"');
  });

  it('taking a shift out of a draft by hand says so (not "saved")', async () => {
    const agent = (await listStaff(app.ds)).find((p) => p.role === 'agent')!;
    const week = '2026-12-07';
    const rota = await makeRota(app.ds, week, [makeShift(agent.id, '2026-12-08'), makeShift(agent.id, '2026-12-09')]);
    const [first] = await listShifts(app.ds, rota.id);
    const res = await coordinator.postForm(
      '/rota/shift',
      { action: 'delete', rotaId: String(rota.id), version: String(rota.version), shiftId: String(first!.id) },
      `/rota/shift/${first!.id}/edit`,
    );
    expect(res.status).to.equal(303);
    const page = await coordinator.get(res.headers.get('location')!);
    expect(page.text).to.contain('Shift taken out.').and.not.contain('Shift saved.');
    expect(await listShifts(app.ds, rota.id)).to.have.length(1);
  });

  it('the diff shows a channel change: each side names its channel', async () => {
    const agent = (await listStaff(app.ds)).find((p) => p.skills.includes('voice') && p.skills.includes('chat'))!;
    const week = '2026-12-14';
    const rota = await makeRota(app.ds, week, [makeShift(agent.id, '2026-12-15', '09:00', '18:00', { channel: 'voice' })], {
      publish: true,
    });
    const [shift] = await listShifts(app.ds, rota.id);
    const published = (await listRotasForWeek(app.ds, teamId, week)).find((r) => r.status === 'published')!;
    const res = await coordinator.postForm(
      '/rota/shift',
      {
        action: 'update',
        rotaId: String(published.id),
        version: String(published.version),
        shiftId: String(shift!.id),
        date: '2026-12-15',
        startTime: '09:00',
        endTime: '18:00',
        channel: 'chat',
      },
      `/rota/shift/${shift!.id}/edit`,
    );
    expect(res.status, (res.text.match(/class="violation"[^>]*>[^<]*/g) ?? []).join(' | ')).to.equal(303);
    const draft = (await listRotasForWeek(app.ds, teamId, week))[0]!;
    const diff = (await coordinator.get(`/rota/diff?week=${week}&from=${published.id}&to=${draft.id}`)).text;
    const moved = diff.slice(diff.indexOf('class="diff-moved"')).split('</ul>')[0]!;
    expect(moved).to.match(/09:00–18:00 · Calls → [^<]*09:00–18:00 · Chat/);
  });
});
