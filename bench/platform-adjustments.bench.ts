/**
 * Adjustments on one platform (issue #13), timed on a temporary database (SQLite; PostgreSQL
 * with TEST_DB=postgres): ten platforms of a 24/7 channel with 26 weeks of hourly history and a
 * stored six-week forecast. Prints the platforms page (before a stored forecast, on one without a
 * split, on one with), the first platform adjustment (the split made and stored), later
 * adjustments and an undo. Printed, never judged: `npm run bench -- platform-adjustments`.
 */
import { Platform } from '../models';
import { DEMO_PLATFORMS } from '../seeds/demo-team';
import { insertHistory } from '../models/repositories/history';
import { getForecast } from '../models/repositories/forecasts';
import { adjustForecastEdit, undoAdjustmentEdit } from '../app/forecast-edit';
import { forecastPlatformsPage } from '../app/forecast-platforms';
import { listForecastAdjustments } from '../models/repositories/forecasts';
import { createTestDataSource, destroyTestDataSource } from '../test/support/db';
import { seedMinimalTeam } from '../test/support/app';
import { ZONE, historyRows, makeForecast } from '../test/support/forecast-builders';

async function main() {
  const ds = await createTestDataSource();
  await seedMinimalTeam(ds);
  await ds.getRepository(Platform).insert(DEMO_PLATFORMS);
  const rows = DEMO_PLATFORMS.flatMap((p, k) =>
    historyRows({ weeks: 26, endMonday: '2026-11-30', scale: 4 + 2 * k, hours: { open: 0, close: 24 } }).map((r) => ({
      ...r,
      platformCode: p.code,
    })),
  );
  await insertHistory(ds, rows);
  const NOW = new Date('2026-11-25T06:00:00.000Z');
  const t0 = performance.now();
  await forecastPlatformsPage(ds, { channelId: 'voice', weekStart: '2026-11-30', fallbackZone: ZONE, now: NOW });
  console.log(`platforms page, no stored forecast (as before): ${(performance.now() - t0).toFixed(0)} ms`);
  const f = await makeForecast(ds, { weekStart: '2026-11-30', weeks: 6, volume: 300 });
  const user = { id: 1, username: 'coordinator' };
  const time = async (label: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    console.log(`${label}: ${(performance.now() - t).toFixed(0)} ms`);
  };
  const adjust = async (platform: string | null) =>
    adjustForecastEdit(ds, {
      id: f.id,
      version: (await getForecast(ds, f.id))!.version,
      unit: 'percent',
      value: 20,
      platform,
      fromLocal: '2026-12-01T00:00',
      toLocal: '2026-12-08T00:00',
      note: '',
      zone: ZONE,
      now: NOW,
      user,
    });
  const page = () => forecastPlatformsPage(ds, { channelId: 'voice', weekStart: '2026-11-30', fallbackZone: ZONE, now: NOW });
  await time('platforms page, stored forecast, no split yet (10 platforms, 6-week forecast)', page);
  await time('first platform adjustment (split of 10 × 1008 h made and stored, replay)', () => adjust('bazari'));
  await time('second platform adjustment (stored split)', () => adjust('sadili'));
  await time('channel adjustment', () => adjust(null));
  const [a] = await listForecastAdjustments(ds, f.id);
  await time('undo the first', async () =>
    undoAdjustmentEdit(ds, {
      id: f.id,
      adjustmentId: a.id,
      version: (await getForecast(ds, f.id))!.version,
      restore: false,
      now: NOW,
      user,
    }),
  );
  await time('platforms page, stored split', page);
  await destroyTestDataSource(ds);
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
