/**
 * The audit page shows a coordinator's override of the rota checks: the reason, and each rule
 * broken in words with the person and time (English and Georgian), the shifts before and after
 * in words, and the same in the CSV.
 */
import { expect } from 'chai';
import { startTestApp, type TestApp, type TestClient } from '../../support/app';
import { makeRota } from '../../support/requests-builders';
import { findUserByUsername } from '../../../models/repositories/users';
import { getRota, listRotasForWeek, listShifts } from '../../../models/repositories/rotas';
import { defaultTeamId } from '../../support/default-team';

/** Wednesday 25 Nov 2026 in Tbilisi; the rota is the next week's. */
const NOW = new Date('2026-11-25T08:00:00.000Z');
const WEEK = '2026-11-30';

const rowsOf = (html: string) => [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);

describe('audit page: overrides of the rota checks with the reason and the rules broken in words', function () {
  this.timeout(30_000);
  let app: TestApp;
  let coordinator: TestClient;

  before(async () => {
    app = await startTestApp({ now: () => NOW });
    const agent = (await findUserByUsername(app.ds, 'agent'))!;
    // Monday and Tuesday 12:00-21:00: moving Tuesday to 08:00 leaves 11 h rest after Monday.
    const { rotaId, shiftIds } = await makeRota(app.ds, WEEK, [
      { staffId: agent.staffId!, start: '2026-11-30 12:00', end: '2026-11-30 21:00' },
      { staffId: agent.staffId!, start: '2026-12-01 12:00', end: '2026-12-01 21:00' },
    ]);
    coordinator = await app.loginAs('coordinator');
    const rota = (await getRota(app.ds, rotaId))!;
    const edited = await coordinator.postForm(
      '/rota/shift',
      {
        action: 'update',
        rotaId: String(rotaId),
        version: String(rota.version),
        shiftId: String(shiftIds[1]),
        date: '2026-12-01',
        startTime: '08:00',
        endTime: '17:00',
        channel: 'voice',
        saveAnyway: 'on',
        overrideReason: 'Training at 08:00, agreed with the agent',
      },
      `/rota/shift/${shiftIds[1]}/edit`,
    );
    expect(edited.status, edited.text.slice(0, 400)).to.equal(303);
    // The edit of the published week made a draft; publishing it (it breaks the rule) needs a reason.
    const draft = (await listRotasForWeek(app.ds, await defaultTeamId(app.ds), WEEK)).find((r) => r.status === 'draft')!;
    expect((await listShifts(app.ds, draft.id)).map((s) => s.start)).to.include('2026-12-01T04:00:00.000Z');
    const published = await coordinator.postForm(
      '/rota/publish',
      { rotaId: String(draft.id), version: String(draft.version), published: String(rotaId), reason: 'Training week' },
      `/rota/publish?rota=${draft.id}`,
    );
    expect(published.status, published.text.slice(0, 400)).to.equal(303);
  });
  after(async () => app?.close());

  const RULE = 'Test agent, Tue 01.12 08:00: Less than the minimum rest between shifts (only 11 h rest, need 12 h)';

  it('GET /audit: the hand edit shows its reason, the rule broken with the person and time, and the shift before and after in words', async () => {
    const rows = rowsOf((await coordinator.get('/audit?kind=rota')).text);
    const change = rows.find((r) => r.includes('Rota changed'))!;
    expect(change, 'rota change row').to.be.a('string');
    expect(change)
      .to.contain('Rules broken on purpose, because: “Training at 08:00, agreed with the agent”')
      .and.to.contain(RULE)
      .and.to.contain('Test agent: Tue 01.12 12:00–21:00 (Calls)')
      .and.to.contain('Test agent: Tue 01.12 08:00–17:00 (Calls)');
    const publish = rows.find((r) => r.includes('Rota published after review'))!;
    expect(publish, 'publish row').to.contain('Rules broken on purpose, because: “Training week”').and.to.contain(RULE);
  });

  it('GET /audit in Georgian: the rule, the weekday and the override in Georgian words', async () => {
    const head = await app.loginAs('head');
    await head.postForm('/locale', { locale: 'ka', returnTo: '/audit' }, '/audit');
    const change = rowsOf((await head.get('/audit?kind=rota')).text).find((r) => r.includes('rota.change'))!;
    expect(change)
      .to.contain('Test agent, სამ 01.12 08:00: ცვლებს შორის დასვენება მინიმუმზე ნაკლებია (მხოლოდ 11 სთ დასვენება, საჭიროა 12 სთ)')
      .and.to.contain('შეგნებულად დარღვეული წესები, მიზეზი: „Training at 08:00, agreed with the agent“');
    expect(change).not.to.contain('Less than').and.not.to.contain('Tue ');
  });

  it('GET /audit.csv: the reason cell holds the override and the rule in words', async () => {
    const lines = (await coordinator.get('/audit.csv?kind=rota')).text.trim().split('\r\n');
    const change = lines.find((l) => l.includes(',rota.change,'))!;
    expect(change).to.contain('Training at 08:00, agreed with the agent').and.to.contain(RULE);
    expect(change).to.contain('Test agent: Tue 01.12 08:00–17:00 (Calls)');
  });
});
