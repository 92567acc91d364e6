/**
 * Notifications end to end: the action over HTTP → the line in the person's in-app list (in
 * their saved language) → the mail at a real SMTP server, written by the delivery loop in that
 * language. One agent reads English, the colleague Georgian. Also: the switches on /account,
 * mail off, an SMTP outage (nothing lost) and two delivering instances (nothing sent twice).
 */
import { expect } from 'chai';
import { startAppOnSameDatabase, startTestApp, seedMinimalTeam, TEST_PASSWORD, type TestApp, type TestClient } from '../../support/app';
import { testDbKind } from '../../support/db';
import { startTestSmtp, type TestSmtp } from '../../support/smtp';
import { localIso, makePerson, makeRota } from '../../support/requests-builders';
import { deliverDueNotifications, startOutboxLoop, type OutboxLoop } from '../../../app/notification-outbox';
import { smtpSender } from '../../../server/mailer';
import { notificationMailRenderer } from '../../../server/view-models/notifications';
import { findUserByUsername, setUserEmail, setUserLocale } from '../../../models/repositories/users';
import { listOutboxMessages } from '../../../models/repositories/outbox';
import { Rota, Shift, SwapRequest, TimeOffRequest, type DataSource } from '../../../models';

const PUBLIC_URL = 'http://rota.test';
const NOW = new Date('2026-11-20T08:00:00.000Z');
const WEEK = '2026-11-30';
const render = notificationMailRenderer(PUBLIC_URL, () => 'Asia/Tbilisi');

interface World {
  agent: number;
  colleague: number;
}

async function seed(ds: DataSource, w: World): Promise<void> {
  await seedMinimalTeam(ds);
  w.agent = (await findUserByUsername(ds, 'agent'))!.staffId!;
  w.colleague = (await makePerson(ds, 'nino', { name: 'Nino Beridze' })).id;
  for (const [username, email, locale] of [
    ['agent', 'agent@example.ge', 'en'],
    ['nino', 'nino@example.ge', 'ka'],
  ] as const) {
    const user = (await findUserByUsername(ds, username))!;
    await setUserEmail(ds, user.id, email);
    await setUserLocale(ds, user.id, locale);
  }
}

async function login(app: TestApp, username: string): Promise<TestClient> {
  const c = app.client();
  const res = await c.postForm('/login', { username, password: TEST_PASSWORD }, '/login');
  if (res.status !== 302) throw new Error(`login as ${username}: HTTP ${res.status}`);
  return c;
}

/** A draft of the published week with the same shift identities, `edit` applied to its shift list. */
async function draftFrom(ds: DataSource, publishedId: number, edit: (shifts: Shift[]) => Shift[]): Promise<Rota> {
  const rota = await ds.getRepository(Rota).save(
    ds.getRepository(Rota).create({
      teamId: (await ds.getRepository(Rota).findOneByOrFail({ id: publishedId })).teamId,
      weekStart: WEEK,
      status: 'draft',
      revision: 2,
      basedOnRotaId: publishedId,
      createdAt: NOW.toISOString(),
    }),
  );
  const shifts = await ds.getRepository(Shift).find({ where: { rotaId: publishedId }, order: { id: 'ASC' } });
  for (const s of edit(shifts)) {
    const { id: _id, ...rest } = s;
    await ds.getRepository(Shift).save(ds.getRepository(Shift).create({ ...rest, rotaId: rota.id, version: 1 }));
  }
  return rota;
}

describe(`notifications: in the app and by real SMTP, in English and Georgian (${testDbKind()})`, function () {
  this.timeout(60_000);
  let smtp: TestSmtp;
  let app: TestApp;
  let loop: OutboxLoop;
  const w = {} as World;

  beforeEach(async () => {
    smtp = await startTestSmtp();
    app = await startTestApp({
      seed: (ds) => seed(ds, w),
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL, MAIL_FROM: 'Rota <rota@example.ge>' },
      now: () => NOW,
    });
    loop = startOutboxLoop({ ds: app.ds, send: smtpSender(app.config.smtp!), render, now: () => new Date() }, 100);
  });
  afterEach(async () => {
    await loop?.stop();
    await app?.close();
    await smtp?.close();
  });

  it('rota published, then changed: each person gets their own shifts and a short diff, in the app and by mail, in their language', async () => {
    const draft = await makeRota(
      app.ds,
      WEEK,
      [
        { staffId: w.agent, start: '2026-11-30 09:00', end: '2026-11-30 18:00' },
        { staffId: w.agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00', channel: 'chat' },
        { staffId: w.colleague, start: '2026-12-02 09:00', end: '2026-12-02 18:00' },
      ],
      'draft',
    );
    const coordinator = await app.loginAs('coordinator');
    await coordinator.get('/');
    expect((await coordinator.postForm('/rota/publish', { rotaId: String(draft.rotaId), version: '1', published: '' })).status).to.equal(
      303,
    );

    const en = await smtp.waitFor('agent@example.ge');
    expect(en.subject).to.equal('Rota: The rota for the week of 30 Nov 2026 is published');
    expect(en.text).to.contain('You work 2 shift(s), 18 h in all.');
    expect(en.text).to.contain('Added: Mon 30 Nov 09:00–18:00 (Calls)').and.contain('Added: Tue 1 Dec 09:00–18:00 (Chat)');
    expect(en.text).to.contain(`${PUBLIC_URL}/notifications`);
    const ka = await smtp.waitFor('nino@example.ge');
    expect(ka.subject).to.contain('კვირის განრიგი გამოქვეყნდა');
    expect(ka.text).to.contain('თქვენ გაქვთ 1 ცვლა, სულ 9 სთ.').and.contain('დაემატა:').and.contain('09:00–18:00 (ზარები)');

    const agentPage = await (await app.loginAs('agent')).get('/notifications');
    expect(agentPage.text).to.contain('The rota for the week of 30 Nov 2026 is published').and.contain('Notifications: 1 unread');
    const ninoPage = await (await login(app, 'nino')).get('/notifications');
    expect(ninoPage.text).to.contain('კვირის განრიგი გამოქვეყნდა').and.contain('შეტყობინებები: 1 წაუკითხავი');

    // Revision 2: the agent's Monday moves to the afternoon, the colleague's shift is unchanged.
    const published = await app.ds.getRepository(Rota).findOneByOrFail({ id: draft.rotaId });
    const next = await draftFrom(app.ds, published.id, (shifts) =>
      shifts.map(
        (s) =>
          (s.staffId === w.agent && s.channel === 'voice'
            ? { ...s, start: localIso('2026-11-30 12:00'), end: localIso('2026-11-30 21:00') }
            : s) as Shift,
      ),
    );
    const sent = smtp.messages.length;
    expect(
      (await coordinator.postForm('/rota/publish', { rotaId: String(next.id), version: '1', published: String(published.id) })).status,
    ).to.equal(303);
    const changed = await smtp.waitFor('agent@example.ge', sent);
    expect(changed.subject).to.equal('Rota: Your shifts in the week of 30 Nov 2026 changed');
    expect(changed.text).to.contain('Moved: Mon 30 Nov 09:00–18:00 (Calls) → Mon 30 Nov 12:00–21:00 (Calls)');
    expect(changed.text).not.to.contain('Tue 1 Dec');
    await loop.stop();
    await deliverDueNotifications({ ds: app.ds, send: smtpSender(app.config.smtp!), render, now: () => new Date() });
    expect(
      smtp.messages.slice(sent).map((m) => m.to[0]),
      'nobody else is told of a change that is not theirs',
    ).to.deep.equal(['agent@example.ge']);
  });

  it('swap asked, answered, decided and withdrawn: each party told in their language, in the app and by mail', async () => {
    const { shiftIds } = await makeRota(app.ds, WEEK, [
      { staffId: w.agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' },
      { staffId: w.colleague, start: '2026-12-02 09:00', end: '2026-12-02 18:00' },
      { staffId: w.agent, start: '2026-12-03 09:00', end: '2026-12-03 18:00' },
    ]);
    const agent = await app.loginAs('agent');
    const ask = (shiftId: number, note: string) =>
      agent.postForm(
        '/requests/swaps',
        { shiftId: String(shiftId), mode: 'give', targetShiftId: '', targetStaffId: String(w.colleague), note },
        '/requests',
      );
    expect((await ask(shiftIds[0], 'first')).status).to.equal(302);
    const asked = await smtp.waitFor('nino@example.ge');
    expect(asked.subject).to.contain('გთხოვთ, აიღოთ ცვლა').and.contain('Test agent');

    const nino = await login(app, 'nino');
    const swap = await app.ds.getRepository(SwapRequest).findOneByOrFail({ note: 'first' });
    let sent = smtp.messages.length;
    expect(
      (await nino.postForm(`/requests/swaps/${swap.id}/respond`, { version: String(swap.version), answer: 'accept' }, '/requests')).status,
    ).to.equal(302);
    const answered = await smtp.waitFor('agent@example.ge', sent);
    expect(answered.subject).to.equal(
      'Rota: Nino Beridze accepted your swap of Tue 1 Dec 09:00–18:00 (Calls); it now waits for the coordinator',
    );

    const coordinator = await app.loginAs('coordinator');
    const accepted = await app.ds.getRepository(SwapRequest).findOneByOrFail({ id: swap.id });
    const shift = await app.ds.getRepository(Shift).findOneByOrFail({ id: shiftIds[0] });
    sent = smtp.messages.length;
    const decided = await coordinator.postForm(
      `/requests/inbox/swaps/${swap.id}`,
      {
        version: String(accepted.version),
        decision: 'approve',
        note: 'Fine by me',
        shiftVersion: String(shift.version),
        targetShiftVersion: '',
      },
      '/requests/inbox',
    );
    expect(decided.status, decided.text.slice(0, 300)).to.equal(302);
    const toAgent = await smtp.waitFor('agent@example.ge', sent);
    expect(toAgent.subject).to.equal('Rota: The swap of the shift Tue 1 Dec 09:00–18:00 (Calls) is approved');
    expect(toAgent.text).to.contain('Note: Fine by me');
    expect((await smtp.waitFor('nino@example.ge', sent)).subject).to.contain('გაცვლა დამტკიცდა');

    sent = smtp.messages.length;
    expect((await ask(shiftIds[2], 'second')).status).to.equal(302);
    await smtp.waitFor('nino@example.ge', sent);
    const second = await app.ds.getRepository(SwapRequest).findOneByOrFail({ note: 'second' });
    sent = smtp.messages.length;
    expect((await agent.postForm(`/requests/swaps/${second.id}/cancel`, { version: String(second.version) }, '/requests')).status).to.equal(
      302,
    );
    expect((await smtp.waitFor('nino@example.ge', sent)).subject).to.contain('გააუქმა');

    const list = await nino.get('/notifications');
    for (const words of ['გთხოვთ, აიღოთ ცვლა', 'გაცვლა დამტკიცდა', 'გააუქმა']) expect(list.text).to.contain(words);
    const home = await nino.get('/');
    expect(home.text).to.contain('ბოლო შეტყობინებები').and.contain('გააუქმა');
    const mine = await agent.get('/notifications');
    expect(mine.text).to.contain('Nino Beridze accepted your swap').and.contain('is approved');
  });

  it('time off decided: the requester is told in their language, with the note', async () => {
    const nino = await login(app, 'nino');
    expect(
      (
        await nino.postForm(
          '/requests/time-off',
          { startDate: '2026-12-10', endDate: '2026-12-11', kind: 'vacation', note: '' },
          '/requests',
        )
      ).status,
    ).to.equal(302);
    const row = await app.ds.getRepository(TimeOffRequest).findOneByOrFail({ staffId: w.colleague });
    const coordinator = await app.loginAs('coordinator');
    await coordinator.get('/requests/inbox');
    const res = await coordinator.postForm(`/requests/inbox/time-off/${row.id}`, {
      version: String(row.version),
      decision: 'reject',
      note: 'Year-end peak',
    });
    expect(res.status).to.equal(302);
    const mail = await smtp.waitFor('nino@example.ge');
    expect(mail.subject).to.contain('არ დამტკიცდა').and.contain('10 დეკ');
    expect(mail.text).to.contain('შენიშვნა: Year-end peak');
    expect((await nino.get('/notifications')).text).to.contain('არ დამტკიცდა');
  });

  it('switches on /account: mail off for swaps still lists it in the app; app off lists nothing; the form shows the choice', async () => {
    const { shiftIds } = await makeRota(app.ds, WEEK, [{ staffId: w.agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' }]);
    const nino = await login(app, 'nino');
    const saved = await nino.postForm('/account/notifications', { 'swaps.app': 'on', 'rota.app': 'on', 'rota.email': 'on' }, '/account');
    expect(saved.status).to.equal(302);
    const page = await nino.get('/account');
    expect(page.text)
      .to.match(/name="swaps\.app" checked/)
      .and.to.match(/name="swaps\.email" (?!checked)/);
    const agent = await app.loginAs('agent');
    await agent.postForm(
      '/requests/swaps',
      { shiftId: String(shiftIds[0]), mode: 'give', targetShiftId: '', targetStaffId: String(w.colleague), note: 'x' },
      '/requests',
    );
    expect((await nino.get('/notifications')).text).to.contain('გთხოვთ, აიღოთ ცვლა');
    expect(
      (await listOutboxMessages(app.ds)).filter((m) => m.recipient === 'nino@example.ge'),
      'no mail queued',
    ).to.deep.equal([]);

    await nino.postForm('/account/notifications', {}, '/account');
    const swap = await app.ds.getRepository(SwapRequest).findOneByOrFail({ note: 'x' });
    await agent.postForm(`/requests/swaps/${swap.id}/cancel`, { version: String(swap.version) }, '/requests');
    expect((await nino.get('/notifications')).text).not.to.contain('გააუქმა');
    expect((await nino.postForm('/account/notifications', { 'swaps.app': 'maybe' }, '/account')).status).to.equal(422);
  });

  it('an SMTP outage: the mail waits in the outbox and arrives once the server is back, exactly once', async () => {
    await loop.stop();
    const port = smtp.port;
    await smtp.close();
    const { shiftIds } = await makeRota(app.ds, WEEK, [{ staffId: w.agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' }]);
    const agent = await app.loginAs('agent');
    await agent.postForm(
      '/requests/swaps',
      { shiftId: String(shiftIds[0]), mode: 'give', targetShiftId: '', targetStaffId: String(w.colleague), note: 'down' },
      '/requests',
    );
    const send = smtpSender(app.config.smtp!);
    const t0 = Date.now();
    expect(await deliverDueNotifications({ ds: app.ds, send, render, now: () => new Date(t0) })).to.deep.equal({ sent: 0, failed: 1 });
    const [queued] = await listOutboxMessages(app.ds);
    expect(queued.sentAt).to.equal(null);
    expect(queued.attempts).to.equal(1);
    smtp = await startTestSmtp(port);
    const later = () => new Date(t0 + 31_000);
    expect(await deliverDueNotifications({ ds: app.ds, send, render, now: later })).to.deep.equal({ sent: 1, failed: 0 });
    expect(await deliverDueNotifications({ ds: app.ds, send, render, now: later })).to.deep.equal({ sent: 0, failed: 0 });
    expect(smtp.messages.map((m) => m.subject)).to.have.length(1);
    expect(smtp.messages[0].subject).to.contain('გთხოვთ, აიღოთ ცვლა');
  });

  it('two instances delivering at once: every message sent exactly once', async () => {
    await loop.stop();
    const { shiftIds } = await makeRota(
      app.ds,
      WEEK,
      [1, 2, 3, 4, 5, 6].map((d) => ({ staffId: w.agent, start: `2026-12-0${d} 09:00`, end: `2026-12-0${d} 17:00` })),
    );
    const agent = await app.loginAs('agent');
    for (const id of shiftIds)
      await agent.postForm(
        '/requests/swaps',
        { shiftId: String(id), mode: 'give', targetShiftId: '', targetStaffId: String(w.colleague), note: `n${id}` },
        '/requests',
      );
    expect(await listOutboxMessages(app.ds)).to.have.length(6);
    const second = await startAppOnSameDatabase(app, { env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) } });
    try {
      const send = smtpSender(app.config.smtp!);
      const results = await Promise.all(
        [app.ds, second.ds, app.ds, second.ds].map((ds) => deliverDueNotifications({ ds, send, render, now: () => new Date() })),
      );
      expect(results.reduce((n, r) => n + r.sent, 0)).to.equal(6);
      expect(smtp.messages).to.have.length(6);
    } finally {
      await second.close();
    }
  });
});

describe(`notifications without a mail server (${testDbKind()})`, function () {
  this.timeout(30_000);
  it('in the app only: the list fills, nothing is queued for mail', async () => {
    const w = {} as World;
    const app = await startTestApp({ seed: (ds) => seed(ds, w), now: () => NOW });
    try {
      const { shiftIds } = await makeRota(app.ds, WEEK, [{ staffId: w.agent, start: '2026-12-01 09:00', end: '2026-12-01 18:00' }]);
      const agent = await app.loginAs('agent');
      await agent.postForm(
        '/requests/swaps',
        { shiftId: String(shiftIds[0]), mode: 'give', targetShiftId: '', targetStaffId: String(w.colleague), note: 'y' },
        '/requests',
      );
      const nino = await login(app, 'nino');
      expect((await nino.get('/notifications')).text).to.contain('გთხოვთ, აიღოთ ცვლა');
      expect((await nino.get('/account')).text).to.contain('წერილებს არ აგზავნის');
      expect(await listOutboxMessages(app.ds)).to.deep.equal([]);
    } finally {
      await app.close();
    }
  });
});
