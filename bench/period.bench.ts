/**
 * Planning period figures: the demo team (35 people) over four weeks, generated week by week
 * with the period's context (a time budget per week), then checked with the period rules.
 * Prints per week the shortfall and gap, and the period rules broken. SQLite on a temporary file.
 *   node --import tsx bench/period.bench.ts [--quick]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { createDataSource, runMigrations } from '../models';
import { seedDemo } from '../seeds';
import { generatePeriod } from '../app/rota-period';

const NOW = DateTime.fromISO('2026-11-25T09:30:00Z');
const quick = process.argv.includes('--quick');
const perWeek = quick ? 10 : 30;

const file = path.join(os.tmpdir(), `rota-period-bench-${crypto.randomBytes(4).toString('hex')}.sqlite`);
const ds = createDataSource({ sqlitePath: file });
await ds.initialize();
try {
  await runMigrations(ds);
  await seedDemo(ds, { seed: 20261125, now: NOW });
  const started = process.hrtime.bigint();
  const result = await generatePeriod(ds, {
    start: '2026-11-30',
    weeks: 4,
    zone: 'Asia/Tbilisi',
    intervalMinutes: 60,
    now: NOW.toJSDate(),
    timeLimitSeconds: perWeek,
    seed: 1,
    userId: null,
    by: 'bench',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.kind !== 'generated') throw new Error(`no period: ${JSON.stringify(result)}`);
  console.log(`four-week period, demo team, ${perWeek} s per week: ${seconds.toFixed(1)} s in all`);
  for (const w of result.view.weeks)
    console.log(
      `  ${w.weekStart}: shortfall ${w.rota?.shortfallAgentHours} agent-hours, gap ${((w.rota?.gap ?? 0) * 100).toFixed(1)} %, weekly breaks ${w.violations.length}`,
    );
  const codes = result.view.violations.map((v) => v.code);
  console.log(
    `  period rules broken: ${codes.length}${codes.length ? ` (${[...new Set(codes)].map((c) => `${c} ×${codes.filter((x) => x === c).length}`).join(', ')})` : ''}`,
  );
} finally {
  await ds.destroy();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}
