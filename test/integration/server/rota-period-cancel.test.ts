/**
 * Cancelling a planning period's generation over HTTP: the running job (held at its start, so
 * it is running when the cancel comes however fast the machine) shows a cancel button to those
 * who may edit the rota, stops on POST /rota/period/cancel, stores nothing, and says so.
 */
import { expect } from 'chai';
import { startTestApp, seedRotaTeam, type TestApp } from '../../support/app';

import { holdJobs } from '../../support/jobs';
import { listRotasForWeek } from '../../../models/repositories/rotas';
import { periodJob, waitForPeriodJob } from '../../../app/rota-period-jobs';
import { defaultTeamId } from '../../support/default-team';

/** Wednesday 25 November 2026 in Tbilisi; the period starts Monday 7 December. */
const NOW = new Date('2026-11-25T09:30:00Z');
const START = '2026-12-07';
const PAGE = `/rota/period?start=${START}&weeks=2`;

describe('planning period: cancel a running generation', function () {
  this.timeout(120_000);
  let app: TestApp;
  const jobHold = holdJobs();
  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      wrapJobHandlers: jobHold.wrap,
      seed: seedRotaTeam(4),
    });
  });
  after(async () => app?.close());

  it('the coordinator cancels; the lead sees no button; nothing stored; a second cancel is 404', async () => {
    const coord = await app.loginAs('coordinator');
    jobHold.hold(START);
    const res = await coord.postForm('/rota/period/generate', { start: START, weeks: '2', timeLimit: '60' }, PAGE);
    expect(res.status).to.equal(303);
    const deadline = Date.now() + 60_000;
    let page = await coord.get(PAGE);
    while (!page.text.includes('Generating the period') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      page = await coord.get(PAGE);
    }
    expect(page.text).to.contain('Generating the period').and.contain('action="/rota/period/cancel"').and.contain('Cancel generation');
    const lead = await app.loginAs('team_lead');
    const leadPage = await lead.get(PAGE);
    expect(leadPage.text).to.contain('Generating the period').and.not.to.contain('/rota/period/cancel');
    expect((await lead.postForm('/rota/period/cancel', { start: START, weeks: '2' }, PAGE)).status, 'lead may not cancel').to.equal(403);

    const cancel = await coord.postForm('/rota/period/cancel', { start: START, weeks: '2' }, PAGE);
    expect(cancel.status).to.equal(303);
    expect(cancel.headers.get('location')).to.equal(PAGE);
    const job = await waitForPeriodJob(app.jobs, (await periodJob(app.ds, await defaultTeamId(app.ds), START, 2))!);
    expect(job.state).to.equal('cancelled');
    const after = await coord.get(PAGE);
    expect(after.text).to.contain('The generation was cancelled').and.contain('Weeks generated before the cancel stay as drafts');
    expect(after.text).not.to.contain('action="/rota/period/cancel"');
    expect(await listRotasForWeek(app.ds, await defaultTeamId(app.ds), START)).to.have.length(0);
    expect(await listRotasForWeek(app.ds, await defaultTeamId(app.ds), '2026-12-14')).to.have.length(0);
    expect((await coord.postForm('/rota/period/cancel', { start: START, weeks: '2' }, PAGE)).status, 'nothing left to cancel').to.equal(
      404,
    );
    jobHold.release(START);
  });
});
