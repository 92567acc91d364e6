import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app';
import { listCalendarEvents } from '../../../models/repositories/calendar-events';
import { listStaff } from '../../../models/repositories/staff';
import { TimeOffRequest } from '../../../models/entities/time-off-request';
import { testDbKind } from '../../support/db';

describe(`input bounds: impossible dates, unknown channels, huge ids (${testDbKind()})`, function () {
  this.timeout(60_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.close());

  it('POST /requests/time-off, a leave ending on 2027-02-30: 422 with the date error on endDate, nothing stored', async () => {
    const agent = await app.loginAs('agent');
    const res = await agent.postForm(
      '/requests/time-off',
      { startDate: '2027-02-25', endDate: '2027-02-30', kind: 'vacation', note: 'impossible end' },
      '/requests',
    );
    expect(res.status).to.equal(422);
    expect(await app.ds.getRepository(TimeOffRequest).findOneBy({ note: 'impossible end' })).to.equal(null);
  });

  it('POST /forecast/events, a start on 2027-02-30: 422, nothing stored', async () => {
    const c = await app.loginAs('coordinator');
    const res = await c.postForm(
      '/forecast/events',
      { name: 'Impossible', kind: 'campaign', channel: '', startDate: '2027-02-30', endDate: '2027-03-02', effectPercent: '10' },
      '/forecast/events',
    );
    expect(res.status).to.equal(422);
    expect((await listCalendarEvents(app.ds, { fromDate: '2000-01-01' })).map((e) => e.name)).not.to.include('Impossible');
  });

  it('POST /forecast/events, an unknown channel: 422 naming the channel field, not a 500', async () => {
    const c = await app.loginAs('coordinator');
    const res = await c.postForm(
      '/forecast/events',
      { name: 'Fax campaign', kind: 'campaign', channel: 'fax', startDate: '2027-03-01', endDate: '2027-03-02', effectPercent: '10' },
      '/forecast/events',
    );
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('Choose a channel.');
    expect((await listCalendarEvents(app.ds, { fromDate: '2000-01-01' })).map((e) => e.name)).not.to.include('Fax campaign');
  });

  it('POST /staff/new, active from 2027-02-29 (not a leap year): 422, nobody added', async () => {
    const c = await app.loginAs('coordinator');
    const res = await c.postForm(
      '/staff/new',
      {
        name: 'Nino Impossible',
        role: 'agent',
        skills: ['voice'],
        contractHoursPerWeek: '30',
        activeFrom: '2027-02-29',
        activeTo: '',
        email: '',
        phone: '',
      },
      '/staff/new',
    );
    expect(res.status).to.equal(422);
    expect((await listStaff(app.ds)).map((p) => p.name)).not.to.include('Nino Impossible');
  });

  it('POST /staffing/store, week=2026-02-31: 400, not a 500', async () => {
    const c = await app.loginAs('coordinator');
    const res = await c.postForm('/staffing/store', { week: '2026-02-31', storedAt: '' }, '/staffing');
    expect(res.status).to.equal(400);
  });

  it('GET /history?week=2026-02-31 and /staffing?week=2026-02-31: this week instead of a 500', async () => {
    const c = await app.loginAs('coordinator');
    expect((await c.get('/history?week=2026-02-31')).status).to.equal(200);
    expect((await c.get('/staffing?week=2026-02-31')).status).to.equal(200);
  });

  it('ids past 32 bits in the address (GET /staff/2147483648/edit, /forecast/events/99999999999/edit): 400, not a 500', async () => {
    const c = await app.loginAs('coordinator');
    expect((await c.get('/staff/2147483648/edit')).status).to.equal(400);
    expect((await c.get('/forecast/events/99999999999/edit')).status).to.equal(400);
  });
});
