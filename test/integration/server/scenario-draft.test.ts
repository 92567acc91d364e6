/**
 * A saved scenario becomes a draft rota through the generation job: a coordinator's button, a
 * new draft of the week in which the named person off on Saturday has no Saturday shift.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, seedMinimalTeam, type TestApp } from '../../support/app';
import { addRotaTeam, storeWeekRequirement, ZONE } from '../../support/rota-builders';
import { listStaff } from '../../../models/repositories/staff';
import { listRotasForWeek, listShifts } from '../../../models/repositories/rotas';
import { rotaJob, waitForRotaJob } from '../../../app/rota-jobs';
import { defaultTeamId } from '../../support/default-team';

const NOW = new Date('2026-11-20T08:00:00.000Z');
const WEEK = '2026-11-23';

describe('what-if: a scenario becomes a draft rota (HTTP)', function () {
  this.timeout(300_000);
  let app: TestApp;
  let off: number;
  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        await addRotaTeam(ds, 8);
        await storeWeekRequirement(ds, WEEK, { voice: 2, chat: 1 });
        off = (await listStaff(ds)).find((p) => p.code === 'r4')!.id;
      },
    });
  });
  after(async () => app?.close());

  it('coordinator: POST /scenarios/:id/draft → a new draft; the person off on Saturday works no Saturday', async () => {
    const lead = await app.loginAs('team_lead');
    const saved = await lead.postForm(
      '/scenarios',
      { week: WEEK, channel: 'all', volume: '20', aht: '0', sick: '0', name: 'Busy', off: String(off), offDay: '0:6' },
      '/scenarios',
    );
    const id = Number(saved.headers.get('location')!.match(/saved=(\d+)/)![1]);
    expect((await lead.get(`/scenarios?saved=${id}`)).text).to.not.contain(`action="/scenarios/${id}/draft"`);
    const coordinator = await app.loginAs('coordinator');
    const page = await coordinator.get(`/scenarios?saved=${id}`);
    expect(page.text).to.contain(`action="/scenarios/${id}/draft"`).and.to.contain('Make it a draft rota');
    const res = await coordinator.postForm(`/scenarios/${id}/draft`, { timeLimit: '10', seed: '1' }, `/scenarios?saved=${id}`);
    expect(res.status).to.equal(303);
    expect(res.headers.get('location')).to.equal(`/rota?week=${WEEK}`);
    const job = await waitForRotaJob(app.jobs, (await rotaJob(app.ds, await defaultTeamId(app.ds), WEEK))!);
    expect(job.state, JSON.stringify(job)).to.equal('done');
    const [draft] = await listRotasForWeek(app.ds, await defaultTeamId(app.ds), WEEK);
    expect(draft!.status).to.equal('draft');
    const shifts = await listShifts(app.ds, draft!.id);
    expect(shifts.length).to.be.above(0);
    const saturday = shifts.filter((s) => s.staffId === off && DateTime.fromISO(s.start, { zone: ZONE }).weekday === 6);
    expect(saturday).to.deep.equal([]);
    expect(JSON.parse(draft!.solverLog ?? '{}').scenarioId).to.equal(id);
  });
});
