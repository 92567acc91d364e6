import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, type TestApp } from '../../support/app';
import { makePerson, makeRota } from '../../support/requests-builders';
import { createServiceToken } from '../../../app/api-tokens';
import { findUserByUsername, insertHistory, type HistoryRow } from '../../../models';
import { testDbKind } from '../../support/db';
import { mulberry32 } from '../../../forecasting/random';

const ZONE = 'Asia/Tbilisi';
// Wednesday 13:30 in Tbilisi, in the past of the real clock (the session cookie's expiry is real time).
const NOW = new Date('2026-11-25T09:30:00.000Z');
const TODAY = '2026-11-25';

/**
 * Calls 30 an hour from 09:00 to 18:00 and 2 at night, chats a third of that, for six weeks
 * before today, each day at its own level (±20 %): days that always came as forecast would
 * teach the re-forecast to ignore the morning (κ = ∞), as it should.
 */
const perHour = (hour: number) => (hour >= 9 && hour < 18 ? 30 : 2);

function history(): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const first = DateTime.fromISO(TODAY, { zone: ZONE }).minus({ weeks: 6 });
  const rand = mulberry32(7);
  let level = 1;
  for (let t = first; t < DateTime.fromISO(TODAY, { zone: ZONE }); t = t.plus({ hours: 1 })) {
    if (t.hour === 0) level = 0.8 + 0.4 * rand();
    for (const [channelId, share] of [
      ['voice', 1],
      ['chat', 1 / 3],
    ] as const) {
      const offered = perHour(t.hour) * share * level;
      rows.push({
        start: t.toUTC().toISO()!,
        channelId,
        platformCode: '',
        intervalMinutes: 60,
        offered,
        answered: null,
        abandoned: null,
        ahtSeconds: 240,
      });
    }
  }
  return rows;
}

/** Today's complete hours as the phone system reports them, `factor` × the usual from 09:00. */
function todaysActuals(factor: number) {
  const rows = [];
  for (let h = 0; h < 13; h++) {
    const start = DateTime.fromISO(TODAY, { zone: ZONE }).set({ hour: h }).toISO()!;
    rows.push({ start, channel: 'voice', offered: perHour(h) * (h >= 9 ? factor : 1) });
  }
  return rows;
}

const restSl = (html: string) => Number(html.match(/id="intraday-voice"[\s\S]*?data-rest-sl="(\d+)\s*%"/)?.[1]);

describe(`intraday page: today's actuals, re-forecast, projection and alerts (${testDbKind()})`, function () {
  this.timeout(120_000);
  let app: TestApp;
  let token: string;

  before(async () => {
    app = await startTestApp({ now: () => NOW });
    await insertHistory(app.ds, history());
    const people = [];
    for (const name of ['ia', 'eka', 'dato', 'gela']) people.push(await makePerson(app.ds, name, { skills: ['voice'] }));
    await makeRota(
      app.ds,
      '2026-11-23',
      people.map((p) => ({ staffId: p.id, start: `${TODAY} 09:00`, end: `${TODAY} 18:00`, channel: 'voice' })),
    );
    const admin = (await findUserByUsername(app.ds, 'admin'))!;
    const made = await createServiceToken(
      { db: app.ds, now: NOW, actor: { userId: admin.id } },
      { name: 'phones', scopes: ['actuals:write'], expiresInDays: 30 },
    );
    if (made.kind !== 'ok') throw new Error('no token');
    token = made.token;
  });
  after(async () => app?.close());

  const push = (rows: unknown[]) =>
    app.client().request('/api/actuals', {
      method: 'POST',
      body: JSON.stringify(rows),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });

  it('GET /intraday, a team lead, shows today per interval with the people on the queue and a polling panel', async () => {
    const c = await app.loginAs('team_lead');
    const res = await c.get('/intraday');
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('Today, interval by interval').and.to.contain('hx-get="/intraday/panel"');
    expect(res.text).to.match(/hx-trigger="every \d+s"/);
    // 13:00: four people at work, the three without a break at 12:00… makeRota puts every break at +3 h (12:00).
    expect(res.text).to.match(/data-time="12:00">[\s\S]*?<td class="num">4<\/td><td class="num error">0<\/td>/);
    expect(res.text).to.match(/data-time="13:00">\s*<td>13:00 ◀<\/td>/);
    expect(res.text).to.contain('published rota, revision 1');
  });

  it('POST /api/actuals then the panel, a surge since 09:00, raises the re-forecast, lowers the projected service level and alerts', async () => {
    const c = await app.loginAs('coordinator');
    expect((await push(todaysActuals(1))).status).to.equal(200);
    const calm = await c.get('/intraday/panel');
    expect(calm.status).to.equal(200);
    expect(calm.text).not.to.contain('<html');
    const calmSl = restSl(calm.text);
    expect(calmSl).to.be.within(0, 100);
    // Nobody works chat or after 18:00, so those alert anyway; calls while the four work do not.
    expect(calm.text).not.to.match(/<li>Calls, 1[3-7]:00/);

    expect((await push(todaysActuals(3))).status).to.equal(200);
    const surge = await c.get('/intraday/panel');
    const multiplier = Number(surge.text.match(/id="intraday-voice"[\s\S]*?rest of the day × ([\d.]+)/)?.[1]);
    expect(multiplier).to.be.greaterThan(1.5);
    expect(restSl(surge.text)).to.be.lessThan(calmSl - 10);
    expect(surge.text)
      .to.contain('id="intraday-alerts"')
      .and.to.match(/<li>Calls, 13:00–\d\d:\d\d: chance of meeting the target down to/);
  });

  it('GET /intraday in Georgian, words come from the catalogue', async () => {
    const c = await app.loginAs('head');
    await c.postForm('/locale', { locale: 'ka', returnTo: '/intraday' }, '/intraday');
    const res = await c.get('/intraday');
    expect(res.text).to.contain('დღეს, ინტერვალების მიხედვით').and.to.contain('რიგზე');
  });
});
