import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app';
import { listAudit } from '../../../models/repositories/audit';
import { listStaff } from '../../../models/repositories/staff';

const form = (over: Record<string, string | string[]> = {}) => ({
  name: 'Ana Gelashvili',
  role: 'agent',
  skills: ['voice', 'chat'],
  contractHoursPerWeek: '30',
  activeFrom: '2026-12-01',
  activeTo: '',
  email: '',
  phone: '',
  ...over,
});

describe('staff: add and edit people', function () {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.close());

  it('add: a valid form creates the person with the next code and an audit entry', async () => {
    const c = await app.loginAs('coordinator');
    const res = await c.postForm('/staff/new', form(), '/staff/new');
    expect(res.status).to.equal(302);
    const ana = (await listStaff(app.ds)).find((p) => p.name === 'Ana Gelashvili')!;
    expect(ana.skills).to.deep.equal(['voice', 'chat']);
    expect(ana.contractHoursPerWeek).to.equal(30);
    expect(ana.code).to.equal('s01');
    const audit = await listAudit(app.ds, { entity: 'staff' });
    expect(audit[0]).to.include({ action: 'staff.create', entityId: String(ana.id) });
  });

  it('add: 45 contract hours, no skill and an end before the start → 422 naming each field, nothing saved', async () => {
    const c = await app.loginAs('head');
    const before = (await listStaff(app.ds)).length;
    const res = await c.postForm(
      '/staff/new',
      form({ name: 'Too Many Hours', contractHoursPerWeek: '45', skills: [], activeTo: '2026-11-01' }),
      '/staff/new',
    );
    expect(res.status).to.equal(422);
    expect(res.text)
      .to.contain('Contract hours must be a number from 1 to 40')
      .and.to.contain('at least one skill')
      .and.to.contain('must not be before');
    expect(res.text).to.contain('value="Too Many Hours"');
    expect((await listStaff(app.ds)).length).to.equal(before);
  });

  it('edit: two coordinators edit the same person; the second save is refused with 409 and shows both versions', async () => {
    const person = (await listStaff(app.ds)).find((p) => p.name === 'Test agent')!;
    const first = await app.loginAs('coordinator');
    const second = await app.loginAs('head');
    await first.get(`/staff/${person.id}/edit`);
    await second.get(`/staff/${person.id}/edit`);
    const base = form({ name: 'Test agent', version: String(person.version) });
    const ok = await first.postForm(`/staff/${person.id}/edit`, { ...base, contractHoursPerWeek: '24' });
    expect(ok.status).to.equal(302);
    const stale = await second.postForm(`/staff/${person.id}/edit`, { ...base, contractHoursPerWeek: '36' });
    expect(stale.status).to.equal(409);
    expect(stale.text).to.contain('Someone else changed this record');
    expect(stale.text).to.contain('value="24"').and.to.contain('36 h');
    const after = (await listStaff(app.ds)).find((p) => p.id === person.id)!;
    expect(after.contractHoursPerWeek).to.equal(24);
  });

  it('queue share: 50 % on the form is stored as 0.5, shown back as 50 and listed', async () => {
    const c = await app.loginAs('coordinator');
    const res = await c.postForm('/staff/new', form({ name: 'Lead At Half', role: 'team_lead', queueSharePercent: '50' }), '/staff/new');
    expect(res.status).to.equal(302);
    const lead = (await listStaff(app.ds)).find((p) => p.name === 'Lead At Half')!;
    expect(lead.queueShare).to.equal(0.5);
    const page = await c.get(`/staff/${lead.id}/edit`);
    expect(page.text).to.match(/name="queueSharePercent"[^>]*value="50"/);
  });

  it('queue share: left out means 100 %; 150 or "half" → 422 naming the field, nothing saved', async () => {
    const c = await app.loginAs('coordinator');
    await c.postForm('/staff/new', form({ name: 'Agent Full Share' }), '/staff/new');
    expect((await listStaff(app.ds)).find((p) => p.name === 'Agent Full Share')!.queueShare).to.equal(1);
    for (const bad of ['150', 'half', '-5']) {
      const res = await c.postForm('/staff/new', form({ name: `Bad Share ${bad}`, queueSharePercent: bad }), '/staff/new');
      expect(res.status, bad).to.equal(422);
      expect(res.text).to.contain('The share on the queue must be a number from 0 to 100');
      expect((await listStaff(app.ds)).some((p) => p.name === `Bad Share ${bad}`)).to.equal(false);
    }
  });

  it('list: filters by skill and role', async () => {
    const c = await app.loginAs('team_lead');
    const leads = await c.get('/staff?role=team_lead');
    expect(leads.text).to.contain('Test team_lead').and.not.to.contain('Test coordinator');
    const bad = await c.get('/staff?role=pilot');
    expect(bad.status).to.equal(200);
  });
});
