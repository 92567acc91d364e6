import { expect } from 'chai';
import { DateTime } from 'luxon';
import { run } from '../../../bin/commands/demo';
import { feedLiveDay } from '../../../app/demo-live';
import { intradayToday } from '../../../app/intraday-today';
import { createServiceToken } from '../../../app/api-tokens';
import { actualsBetween, findUserByUsername, insertHistory, type HistoryRow } from '../../../models';
import { startTestApp, type TestApp } from '../../support/app';
import { makePerson, makeRota } from '../../support/requests-builders';
import { runCommand } from '../../support/cli';
import { testDatabaseEnv, testDbKind } from '../../support/db';
import { mulberry32 } from '../../../forecasting/random';
import { mondayOf } from '../../../forecasting/week';

const ZONE = 'Asia/Tbilisi';
const perHour = (hour: number) => (hour >= 9 && hour < 21 ? 30 : 2);

/** Six weeks of calls and chats before `today` (local), each day at its own level. */
function history(today: string): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const rand = mulberry32(5);
  let level = 1;
  const end = DateTime.fromISO(today, { zone: ZONE });
  for (let t = end.minus({ weeks: 6 }); t < end; t = t.plus({ hours: 1 })) {
    if (t.hour === 0) level = 0.8 + 0.4 * rand();
    for (const [channelId, share] of [
      ['voice', 1],
      ['chat', 0.5],
    ] as const)
      rows.push({
        start: t.toUTC().toISO()!,
        channelId,
        platformCode: '',
        intervalMinutes: 60,
        offered: perHour(t.hour) * share * level,
        answered: null,
        abandoned: null,
        ahtSeconds: 240,
      });
  }
  return rows;
}

async function team(app: TestApp, today: string) {
  await insertHistory(app.ds, history(today));
  const people = [];
  for (const name of ['ia', 'eka', 'dato', 'gela']) people.push(await makePerson(app.ds, name, { skills: ['voice', 'chat'] }));
  await makeRota(
    app.ds,
    mondayOf(today, ZONE),
    people.map((p) => ({ staffId: p.id, start: `${today} 09:00`, end: `${today} 18:00`, channel: 'both' })),
  );
}

describe(`wfm demo live: a simulated day of actuals for the intraday page (${testDbKind()})`, function () {
  this.timeout(180_000);

  describe('feedLiveDay at a fixed 13:30', () => {
    const NOW = new Date('2026-11-25T09:30:00.000Z');
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ now: () => NOW });
      await team(app, '2026-11-25');
    });
    after(async () => app?.close());

    it('feedLiveDay, a surge 10:00-12:00 × 2.5, stores every begun interval, again the same, and the page re-forecasts up', async () => {
      const q = { now: NOW, seed: 7, surge: { at: '10:00', hours: 2, factor: 2.5 } };
      const first = await feedLiveDay(app.ds, q);
      expect(first.result?.kind).to.equal('ok');
      // 00:00 … 13:00 (the running one) for both channels.
      expect(first.day.rows).to.have.length(2 * 14);
      expect(first.day.surge).to.deep.equal({ from: '10:00', to: '12:00', factor: 2.5 });
      for (const r of first.day.rows) expect(r.answered + r.abandoned).to.equal(r.offered);
      const again = await feedLiveDay(app.ds, q);
      expect(again.result).to.include({ added: 0, replaced: 28 });
      const stored = await actualsBetween(app.ds, '2026-11-24T20:00:00.000Z', '2026-11-25T20:00:00.000Z');
      expect(stored.map((a) => a.offered)).to.deep.equal(
        [...first.day.rows]
          .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.channel.localeCompare(b.channel))
          .map((r) => r.offered),
      );
      const day = await intradayToday(app.ds, { now: NOW, zone: ZONE });
      const voice = day.channels.find((c) => c.channel.id === 'voice')!;
      expect(voice.actualSoFar).to.be.greaterThan(voice.forecastSoFar);
      expect(voice.update?.multiplier).to.be.greaterThan(1);
      // Achieved service level is reported where there were contacts: lower in the surge (4 people) than at 09:00.
      const at = (h: number) => voice.rows.find((r) => DateTime.fromISO(r.start, { zone: ZONE }).hour === h)!.serviceLevel!;
      expect(at(10)).to.be.lessThan(at(9));
    });
  });

  describe('the command, on the real clock', () => {
    let app: TestApp;
    let token: string;
    before(async () => {
      app = await startTestApp();
      await team(app, DateTime.now().setZone(ZONE).toISODate()!);
      const admin = (await findUserByUsername(app.ds, 'admin'))!;
      const made = await createServiceToken(
        { db: app.ds, now: new Date(), actor: { userId: admin.id } },
        { name: 'demo', scopes: ['actuals:write'], expiresInDays: 1 },
      );
      if (made.kind !== 'ok') throw new Error('no token');
      token = made.token;
    });
    after(async () => app?.close());

    it('wfm demo live --once --url, with a token, sends today so far through POST /api/actuals', async () => {
      const env = { ...testDatabaseEnv(app.ds), ROTA_DEMO: 'true' };
      const res = await runCommand(run, ['live', '--once', '--seed', '3', '--url', app.baseUrl, '--token', token], { env });
      expect(res.code, res.stderr).to.equal(0);
      expect(res.stdout).to.match(/sent to http:\/\/127\.0\.0\.1:\d+: \d+ row\(s\)/);
      const start = DateTime.now().setZone(ZONE).startOf('day');
      const stored = await actualsBetween(app.ds, start.toUTC().toISO()!, start.plus({ days: 1 }).toUTC().toISO()!);
      expect(stored.length).to.be.greaterThan(0);
      const log = await app.ds.query(`SELECT COUNT(*) AS n FROM interval_actuals WHERE source = 'api'`);
      expect(Number(log[0].n)).to.equal(stored.length);
    });

    it('wfm demo live, --url without a token, a bad option or outside demo mode: exit 2 with the reason', async () => {
      const env = { ...testDatabaseEnv(app.ds), ROTA_DEMO: 'true', ROTA_TOKEN: undefined };
      expect((await runCommand(run, ['live', '--once', '--url', app.baseUrl], { env })).stderr).to.contain('needs a service token');
      const bad = await runCommand(run, ['live', '--surge-at', '25:00'], { env });
      expect(bad.code).to.equal(2);
      expect(bad.stderr).to.contain('--surge-at: give a local time HH:mm');
      const off = await runCommand(run, ['live', '--once'], { env: { ...env, ROTA_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) } });
      expect(off.code).to.equal(2);
      expect(off.stderr).to.contain('only in demo mode');
    });
  });
});
