import { expect } from 'chai';
import { seedMinimalTeam, startTestApp, type TestApp, type TestClient } from '../../support/app';
import { Platform } from '../../../models';
import { historyRange } from '../../../models/repositories/history';

/** The server's clock: Saturday 5 December 2026, 12:30 in Tbilisi. */
const NOW = new Date('2026-12-05T08:30:00.000Z');

async function importCsv(c: TestClient, csv: string) {
  const res = await c.request('/api/history/import', {
    method: 'POST',
    body: csv,
    headers: { 'content-type': 'text/csv', 'x-csrf-token': c.csrf! },
  });
  return { status: res.status, body: JSON.parse(res.text) };
}

/** The cells of the day row starting with `day` in the first table of the channel section. */
function dayCells(html: string, channelTitle: string, day: RegExp): string[] {
  const afterTitle = html.slice(html.indexOf(`<h2>${channelTitle}`));
  const section = afterTitle.slice(afterTitle.indexOf('<tbody>'));
  const row = section.split('<tr').find((r) => day.test(r.split('</td>')[0] ?? ''));
  if (!row) throw new Error(`no row ${day} in ${channelTitle}`);
  return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim());
}

describe('history you can trust: menu, refusals, unknown answers, platforms', function () {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        await ds.getRepository(Platform).insert([
          { code: 'bog', name: 'Bank of Georgia' },
          { code: 'tbc', name: 'TBC Bank' },
        ]);
      },
    });
  });
  after(async () => app?.close());

  it('menu: the coordinator and the head see "Import history"; a team lead sees History but not the import', async () => {
    for (const role of ['coordinator', 'head'] as const) {
      const page = await (await app.loginAs(role)).get('/');
      expect(page.text, role).to.contain('href="/history/import"');
    }
    const lead = await (await app.loginAs('team_lead')).get('/');
    expect(lead.text).to.contain('href="/history"');
    expect(lead.text).not.to.contain('href="/history/import"');
  });

  it('history page: links to the import for the coordinator, not for a team lead; on the import page only that entry is current', async () => {
    const c = await app.loginAs('coordinator');
    expect((await c.get('/history')).text).to.contain('<a class="button" href="/history/import">Import history…</a>');
    expect((await (await app.loginAs('team_lead')).get('/history')).text).not.to.contain('/history/import');
    const importPage = await c.get('/history/import');
    expect(importPage.text).to.match(/<a href="\/history\/import" aria-current="page"/);
    expect(importPage.text).not.to.match(/<a href="\/history" aria-current="page"/);
  });

  it('POST /api/history/import: a row dated after now and a row at 12:07 → 422 naming line and field; nothing imported', async () => {
    const c = await app.loginAs('coordinator');
    await c.get('/');
    const res = await importCsv(
      c,
      ['timestamp,channel,volume', '2026-11-30T10:00:00,voice,3', '2026-12-05T13:00:00,voice,4', '2026-11-30T12:07:00,voice,5'].join('\n'),
    );
    expect(res.status).to.equal(422);
    expect(res.body.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code])).to.deep.equal([
      [3, 'timestamp', 'inFuture'],
      [4, 'timestamp', 'offGrid'],
    ]);
    const stored = await historyRange(app.ds, { channelId: 'voice', from: '2026-11-30T00:00:00Z', to: '2026-12-06T00:00:00Z' });
    expect(stored).to.deep.equal([]);
  });

  it('import page: the same file says line, field and why in English, and in Georgian', async () => {
    const c = await app.loginAs('coordinator');
    const upload = async () => {
      await c.get('/history/import');
      const form = new FormData();
      form.set('onOverlap', 'refuse');
      form.set('file', new Blob(['timestamp,channel,volume\n2026-12-05T13:00:00,voice,4\n2026-11-30T12:07:00,voice,5\n']), 'week.csv');
      return c.request(`/history/import?_csrf=${encodeURIComponent(c.csrf!)}`, { method: 'POST', body: form });
    };
    const en = await upload();
    expect(en.status).to.equal(422);
    expect(en.text).to.match(
      /<td[^>]*>2<\/td>\s*<td><code>timestamp<\/code><\/td>\s*<td[^>]*>the timestamp is in the future \(now is 2026-12-05 12:30, Asia\/Tbilisi\)/,
    );
    expect(en.text).to.match(
      /<td[^>]*>3<\/td>\s*<td><code>timestamp<\/code><\/td>\s*<td[^>]*>the timestamp \(minute 7\) is not on the file’s 60-minute grid/,
    );
    await c.postForm('/locale', { locale: 'ka', returnTo: '/history/import' }, '/history/import');
    const ka = await upload();
    expect(ka.text).to.contain('დრო მომავალშია (ახლა არის 2026-12-05 12:30, Asia/Tbilisi)');
    expect(ka.text).to.contain('დრო (წუთი 7) არ ემთხვევა ფაილის 60-წუთიან ბადეს');
    await c.postForm('/locale', { locale: 'en', returnTo: '/' }, '/');
  });

  it('GET /history: a file without answered/abandoned shows "—" (unknown), not 0 and not "0.0 %"; a file with them shows figures', async () => {
    const c = await app.loginAs('head');
    await c.get('/');
    const without = await importCsv(
      c,
      ['timestamp,channel,volume', '2026-11-23T10:00:00,voice,40', '2026-11-23T11:00:00,voice,60'].join('\n'),
    );
    expect(without.status, JSON.stringify(without.body)).to.equal(200);
    const withAnswers = await importCsv(c, ['timestamp,channel,volume,answered,abandoned', '2026-11-24T10:00:00,voice,50,45,5'].join('\n'));
    expect(withAnswers.status, JSON.stringify(withAnswers.body)).to.equal(200);
    const page = (await c.get('/history?week=2026-11-23')).text;
    const monday = dayCells(page, 'Calls', /Mon/);
    expect(monday.slice(1, 4)).to.deep.equal(['100', '—', '—']);
    const tuesday = dayCells(page, 'Calls', /Tue/);
    expect(tuesday.slice(1, 4)).to.deep.equal(['50', '45', '10.0%']);
    expect(page).to.contain('the imported file had no answered or abandoned column');
  });

  it('GET /history: the platform column is shown per channel as volumes and shares of the week', async () => {
    const c = await app.loginAs('coordinator');
    await c.get('/');
    const res = await importCsv(
      c,
      [
        'timestamp,channel,volume,platform,answered',
        '2026-11-16T10:00:00,chat,30,bog,30',
        '2026-11-16T10:00:00,chat,10,tbc,9',
        '2026-11-17T10:00:00,chat,40,bog,38',
      ].join('\n'),
    );
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const page = (await c.get('/history?week=2026-11-16')).text;
    expect(page).to.contain('By platform');
    const table = page.slice(page.indexOf('platform-table'));
    const rows = table
      .split('</tbody>')[0]
      .split('<tr>')
      .slice(2)
      .map((r) => [...r.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim()));
    // 70 of 80 chats came through Bank of Georgia (87.5 %), 10 through TBC (12.5 %); abandoned unknown.
    expect(rows).to.deep.equal([
      ['Bank of Georgia', '70', '87.5%', '68', '—'],
      ['TBC Bank', '10', '12.5%', '9', '—'],
    ]);
  });

  it('GET /history: a week of unsplit rows shows no platform table', async () => {
    const c = await app.loginAs('coordinator');
    const page = (await c.get('/history?week=2026-11-23')).text;
    expect(page).not.to.contain('platform-table');
  });
});
