import { expect } from 'chai';
import { startTestApp, type TestApp, type TestClient } from '../../support/app';
import { makePerson, makeRota } from '../../support/requests-builders';
import { findUserByUsername } from '../../../models/repositories/users';
import { Shift, SwapRequest } from '../../../models';

/** Tuesday 24 Nov 2026, 08:00 UTC = 12:00 in Tbilisi; the token is made a week earlier. */
const SWAP_DAY = new Date('2026-11-24T08:00:00.000Z');
const TOKEN_DAY = new Date('2026-11-17T06:30:00.000Z');

function rowsOf(html: string): string[] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
}

describe('audit page: who did what and when, filtered, in both languages, and as CSV', function () {
  this.timeout(30_000);
  let app: TestApp;
  let clock = TOKEN_DAY;
  let coordinator: TestClient;
  let agentId: number;

  before(async () => {
    app = await startTestApp({ now: () => clock });
    const agent = (await findUserByUsername(app.ds, 'agent'))!;
    agentId = agent.id;
    const other = await makePerson(app.ds, 'other');
    const { shiftIds } = await makeRota(app.ds, '2026-11-30', [
      { staffId: agent.staffId!, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
    ]);

    // The agent makes an API token (week of 16 Nov).
    const agentClient = await app.loginAs('agent');
    expect((await agentClient.postForm('/tokens', { name: 'my calendar', scopes: 'calendar:read' }, '/tokens')).status).to.equal(201);

    // A week later: the agent gives a shift to a colleague, who accepts; the coordinator approves with a note.
    clock = SWAP_DAY;
    const asked = await agentClient.postForm(
      '/requests/swaps',
      { shiftId: String(shiftIds[0]), mode: 'give', targetStaffId: String(other.id), targetShiftId: '', note: 'Wedding' },
      '/requests',
    );
    expect(asked.status, asked.text.slice(0, 300)).to.equal(302);
    const swap = await app.ds.getRepository(SwapRequest).findOneByOrFail({ note: 'Wedding' });
    const colleague = app.client();
    await colleague.postForm('/login', { username: 'other', password: 'correct horse battery staple' }, '/login');
    expect(
      (await colleague.postForm(`/requests/swaps/${swap.id}/respond`, { version: String(swap.version), answer: 'accept' }, '/requests'))
        .status,
    ).to.equal(302);
    coordinator = await app.loginAs('coordinator');
    const accepted = await app.ds.getRepository(SwapRequest).findOneByOrFail({ id: swap.id });
    const shift = await app.ds.getRepository(Shift).findOneByOrFail({ id: shiftIds[0] });
    const approved = await coordinator.postForm(
      `/requests/inbox/swaps/${swap.id}`,
      { version: String(accepted.version), decision: 'approve', note: '=SUM(A1:A9) cover agreed', shiftVersion: String(shift.version) },
      '/requests/inbox',
    );
    expect(approved.status, approved.text.slice(0, 300)).to.equal(302);
  });
  after(async () => app?.close());

  it('GET /audit as the coordinator: the token creation and the swap approval, with who, the time in Tbilisi and the reason', async () => {
    const res = await coordinator.get('/audit');
    expect(res.status).to.equal(200);
    const rows = rowsOf(res.text);
    const token = rows.find((r) => r.includes('API token created'));
    const approval = rows.find((r) => r.includes('Swap approved'));
    expect(token, 'token row').to.be.a('string');
    expect(token).to.contain('agent').and.to.contain('10:30').and.to.contain('my calendar');
    expect(approval, 'approval row').to.be.a('string');
    expect(approval).to.contain('coordinator').and.to.contain('12:00').and.to.contain('SUM(A1:A9) cover agreed');
  });

  it('GET /audit in Georgian: the same entries in Georgian words, no raw keys', async () => {
    const c = await app.loginAs('head');
    await c.postForm('/locale', { locale: 'ka', returnTo: '/audit' }, '/audit');
    const res = await c.get('/audit');
    expect(res.text).to.contain('აუდიტის ჟურნალი').and.to.contain('API ტოკენი შეიქმნა').and.to.contain('გაცვლა დამტკიცდა');
    expect(res.text).not.to.match(/>\s*audit\.[a-zA-Z.]+/);
  });

  it('filters: by person (the agent: the token, not the approval), by kind (swap) and by week (the week of 16 Nov: only the token)', async () => {
    const byPerson = await coordinator.get(`/audit?person=${agentId}`);
    expect(byPerson.text).to.contain('API token created').and.to.contain('Swap requested').and.not.to.contain('Swap approved');
    const byKind = await coordinator.get('/audit?kind=swap');
    expect(byKind.text).to.contain('Swap approved').and.to.contain('Swap requested').and.not.to.contain('API token created');
    const byWeek = await coordinator.get('/audit?week=2026-11-18');
    expect(byWeek.text).to.contain('API token created').and.not.to.contain('Swap approved');
    const nothing = await coordinator.get('/audit?week=2026-11-02');
    expect(nothing.text).to.contain('No entries match.');
    const bad = await coordinator.get('/audit?week=2026-02-31&person=abc&kind=%3Cscript%3E');
    expect(bad.status, 'bad filters are ignored, never a 500').to.equal(200);
  });

  it('GET /audit.csv: the rows with Tbilisi times, and a reason that looks like a formula is defused', async () => {
    const res = await coordinator.get('/audit.csv?kind=swap');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).to.equal('time,who,action,what,target,before,after,detail,reason');
    const approval = lines.find((l) => l.includes('swap.approved'))!;
    expect(approval).to.match(/^2026-11-24T12:00:00\+04:00,coordinator,swap\.approved,Swap approved,/);
    expect(approval).to.contain(",'=SUM(A1:A9) cover agreed").and.not.to.contain(',=SUM');
  });

  it('a role change shows what it was before and after', async () => {
    const admin = await app.loginAs('admin');
    const other = (await findUserByUsername(app.ds, 'other'))!;
    const stamp = (await admin.get(`/accounts/${other.id}`)).text.match(/name="stamp" value="([a-f0-9]{20})"/)![1];
    const changed = await admin.postForm(`/accounts/${other.id}/role`, { stamp, role: 'team_lead', staffId: String(other.staffId) });
    expect(changed.status).to.equal(302);
    const row = rowsOf((await admin.get('/audit?kind=account')).text).find((r) => r.includes('Role changed'))!;
    expect(row)
      .to.match(/Before:<\/strong> <code>[^<]*agent/)
      .and.to.match(/After:<\/strong> <code>[^<]*team_lead/);
  });

  it('an agent and a team lead get 403 on /audit and /audit.csv; the menu shows the audit log only to admin, head and coordinator', async () => {
    for (const role of ['agent', 'team_lead'] as const) {
      const c = await app.loginAs(role);
      expect((await c.get('/audit')).status).to.equal(403);
      expect((await c.get('/audit.csv')).status).to.equal(403);
      expect((await c.get('/')).text).not.to.contain('href="/audit"');
    }
    for (const role of ['admin', 'head', 'coordinator'] as const)
      expect((await (await app.loginAs(role)).get('/')).text).to.contain('href="/audit"');
  });
});
