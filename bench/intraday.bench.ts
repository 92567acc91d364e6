/**
 * The intraday page's data on the demo team (seeded into a temporary SQLite file), today at
 * 13:30 with the morning fed by the demo feed: the first computation (cold: the day's first
 * re-forecast learns κ from the previous days' day-ahead forecasts), the same actuals again
 * (warm), after a new push of actuals (a new actuals version: one engine run per channel), and
 * the actions list on top of a loaded day (the demo week's rota solved first, 20 s budget).
 * The server now does the cold part before anyone asks (at start and after each actuals push:
 * warmIntraday), so a visitor gets the warm figure.
 *   node --import tsx bench/intraday.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { createTestDataSource, destroyTestDataSource } from '../test/support/db';
import { seedDemo } from '../seeds';
import { feedLiveDay } from '../app/demo-live';
import { intradayFrom, loadIntraday } from '../app/intraday-today';
import { ensureDemoRota } from '../app/rota-demo';
import { listIntradayActions } from '../app/intraday-actions';
import { loadTeamSettings } from '../app/team-settings';

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  console.log(`${label.padEnd(46)} ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  return out;
}

const ds = await createTestDataSource();
try {
  const now = DateTime.now().setZone('Asia/Tbilisi').startOf('day').plus({ hours: 13, minutes: 30 });
  await timed('seed the demo team', () => seedDemo(ds, { now }));
  const zone = (await loadTeamSettings(ds)).timeZone;
  await timed('solve and publish the demo rota', () => ensureDemoRota(ds, now.toJSDate(), { timeLimitSeconds: 20 }));
  const at = (minutes: number) => now.plus({ minutes }).toJSDate();
  await feedLiveDay(ds, { now: at(0), seed: 7, surge: { at: '10:00', hours: 3, factor: 1.6 } });
  const first = await timed('first view (cold)', async () => intradayFrom(await loadIntraday(ds, { now: at(0), zone }), zone));
  await timed('same actuals again (warm)', async () => intradayFrom(await loadIntraday(ds, { now: at(0), zone }), zone));
  await feedLiveDay(ds, { now: at(20), seed: 7, surge: { at: '10:00', hours: 3, factor: 1.6 } });
  await timed('after a new push of actuals', async () => intradayFrom(await loadIntraday(ds, { now: at(20), zone }), zone));
  const x = await loadIntraday(ds, { now: at(20), zone });
  const actions = await timed('actions on a loaded day', () => listIntradayActions(ds, { now: at(20), zone }, x));
  console.log(`channels ${first.channels.length}, actions ${actions.actions.length}`);
} finally {
  await destroyTestDataSource(ds);
}
