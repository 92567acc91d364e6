import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app';
import { listStaff } from '../../../models/repositories/staff';
import { listOffQueueActivities } from '../../../models/repositories/off-queue-activities';
import { listAudit } from '../../../models/repositories/audit';
import { loadRotaContext } from '../../../app/rota-problem';

const WEEK = '2026-12-07';

describe('rota activities: plan off-queue activities over HTTP', function () {
  let app: TestApp;
  let ids: number[];
  before(async () => {
    app = await startTestApp();
    ids = (await listStaff(app.ds)).slice(0, 2).map((p) => p.id);
  });
  after(async () => app?.close());

  const form = (over: Record<string, string | string[]> = {}) => ({
    week: WEEK,
    kind: 'teamMeeting',
    title: 'Weekly team meeting',
    minutes: '60',
    attendees: ids.map(String),
    fromDate: '2026-12-08',
    fromTime: '09:00',
    toDate: '2026-12-10',
    toTime: '18:00',
    ...over,
  });

  it('add: a valid form stores the activity with its window in UTC, audits it and the problem of the week carries it', async () => {
    const c = await app.loginAs('coordinator');
    const res = await c.postForm('/rota/activities', form(), `/rota/activities?week=${WEEK}`);
    expect(res.status).to.equal(303);
    const [saved] = await listOffQueueActivities(app.ds, WEEK);
    expect(saved).to.include({
      kind: 'teamMeeting',
      minutes: 60,
      windowStart: '2026-12-08T05:00:00.000Z',
      windowEnd: '2026-12-10T14:00:00.000Z',
    });
    expect(saved.attendees).to.deep.equal(ids);
    expect((await listAudit(app.ds, { entity: 'off_queue_activity' }))[0]).to.include({ action: 'activity.create' });
    const ctx = await loadRotaContext(app.ds, {
      weekStart: WEEK,
      zone: 'Asia/Tbilisi',
      intervalMinutes: 60,
      withRequirement: false,
      now: new Date('2026-12-05T08:00:00Z'),
    });
    expect(ctx.problem.activities).to.deep.equal([
      {
        id: String(saved.id),
        kind: 'teamMeeting',
        minutes: 60,
        attendees: ids.map(String),
        window: { start: '2026-12-08T09:00:00+04:00', end: '2026-12-10T18:00:00+04:00' },
      },
    ]);
    const page = await c.get(`/rota/activities?week=${WEEK}`);
    expect(page.text).to.contain('Weekly team meeting').and.to.contain('Team meeting');
  });

  it('add: no attendee, 5 minutes, a window ending before it starts → 422 naming each field, nothing saved', async () => {
    const c = await app.loginAs('head');
    const before = (await listOffQueueActivities(app.ds, WEEK)).length;
    const res = await c.postForm(
      '/rota/activities',
      form({ attendees: [], minutes: '5', toDate: '2026-12-08', toTime: '08:00' }),
      `/rota/activities?week=${WEEK}`,
    );
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('Choose at least one person').and.to.contain('from 15 to 600').and.to.contain('must end after it starts');
    expect((await listOffQueueActivities(app.ds, WEEK)).length).to.equal(before);
  });

  it('add: a window outside the week or shorter than the activity → 422 with the reason', async () => {
    const c = await app.loginAs('coordinator');
    const outside = await c.postForm(
      '/rota/activities',
      form({ fromDate: '2026-12-20', toDate: '2026-12-21' }),
      `/rota/activities?week=${WEEK}`,
    );
    expect(outside.status).to.equal(422);
    expect(outside.text).to.contain('inside the week shown');
    const short = await c.postForm(
      '/rota/activities',
      form({ minutes: '120', toDate: '2026-12-08', toTime: '10:00' }),
      `/rota/activities?week=${WEEK}`,
    );
    expect(short.status).to.equal(422);
    expect(short.text).to.contain('shorter than the activity');
  });

  it('remove: the coordinator removes it (303, audited); a team lead may look but not remove (403)', async () => {
    const [saved] = await listOffQueueActivities(app.ds, WEEK);
    const lead = await app.loginAs('team_lead');
    expect((await lead.get(`/rota/activities?week=${WEEK}`)).status).to.equal(200);
    const refused = await lead.postForm(`/rota/activities/${saved.id}/delete`, {}, `/rota/activities?week=${WEEK}`);
    expect(refused.status).to.equal(403);
    const c = await app.loginAs('coordinator');
    const res = await c.postForm(`/rota/activities/${saved.id}/delete`, {}, `/rota/activities?week=${WEEK}`);
    expect(res.status).to.equal(303);
    expect(await listOffQueueActivities(app.ds, WEEK)).to.deep.equal([]);
    expect((await listAudit(app.ds, { entity: 'off_queue_activity' }))[0]).to.include({ action: 'activity.delete' });
  });
});
