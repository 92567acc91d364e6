/**
 * The pages' risk calibration on the demo team (seeded into a temporary SQLite file): the
 * first view of next week (cold: four weeks replayed per channel, app/risk-calibration-for-
 * week.ts), the same again (warm: the history's fingerprint only), and the week after (the
 * same history before it: warm too). CPU seconds (user + system, of the whole process: the
 * calibration's worker thread included) beside wall seconds, and the longest the main thread's
 * event loop was held meanwhile (what a concurrent cheap request would wait at most).
 *   node --import tsx bench/risk-calibration.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { createTestDataSource, destroyTestDataSource } from '../test/support/db';
import { seedDemo } from '../seeds';
import { weekProjection } from '../app/week-projection';
import { loadTeamSettings } from '../app/team-settings';

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  // The longest gap between two runs of a 10 ms timer on this thread.
  let last = performance.now();
  let held = 0;
  const tick = setInterval(() => {
    const t = performance.now();
    held = Math.max(held, t - last);
    last = t;
  }, 10);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = await fn();
  const c = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  // One turn of the loop first: a hold is seen when the timer runs again.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(tick);
  console.log(
    `${label.padEnd(40)} ${(wall / 1000).toFixed(2)} s wall, ${((c.user + c.system) / 1e6).toFixed(2)} s CPU, ` +
      `main thread held at most ${held.toFixed(0)} ms`,
  );
  return out;
}

const ds = await createTestDataSource();
try {
  const now = DateTime.now().setZone('Asia/Tbilisi').startOf('day').plus({ hours: 10 });
  await timed('seed the demo team', () => seedDemo(ds, { now }));
  const zone = (await loadTeamSettings(ds)).timeZone;
  const next = now.plus({ weeks: 1 }).startOf('week').toISODate()!;
  const after = now.plus({ weeks: 2 }).startOf('week').toISODate()!;
  const q = (weekStart: string) => ({ weekStart, zone, now: now.toJSDate() });
  await timed('next week, uncalibrated (withRisk off)', () => weekProjection(ds, { ...q(next), withRisk: false }));
  await timed('next week, first view (cold)', () => weekProjection(ds, q(next)));
  await timed('next week again (warm)', () => weekProjection(ds, q(next)));
  await timed('the week after (same history: warm)', () => weekProjection(ds, q(after)));
} finally {
  await destroyTestDataSource(ds);
}
