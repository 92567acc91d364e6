/**
 * Data layer figures: demo seed (35 staff + two years of hourly history), a 200,000-line
 * history import (15-minute rows → 50,000 hours), and the history reads the pages make.
 * SQLite on a temporary file; PostgreSQL too when BENCH_PG_URL is set (a fresh schema).
 *   node --import tsx bench/data-layer.bench.ts
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/data-layer.bench.ts
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import pg from 'pg';
import { createDataSource, dailyTotals, historyRange, runMigrations, type DataSource } from '../models';
import { seedDemo } from '../seeds';
import { importHistory } from '../app/import-history';

const NOW = DateTime.fromISO('2026-11-25T09:00:00Z');

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

function* bigFile(): Generator<string> {
  yield 'timestamp,channel,volume,aht_seconds';
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; i < 100_000; i += 1) {
    const ts = new Date(start + i * 900_000).toISOString();
    yield `${ts},voice,${i % 7},240`;
    yield `${ts},chat,${i % 5},600`;
  }
}

async function open(kind: 'sqlite' | 'postgres'): Promise<{ ds: DataSource; close: () => Promise<void> }> {
  const suffix = crypto.randomBytes(4).toString('hex');
  if (kind === 'sqlite') {
    const file = path.join(os.tmpdir(), `rota-bench-${suffix}.sqlite`);
    const ds = createDataSource({ sqlitePath: file });
    await ds.initialize();
    return {
      ds,
      close: async () => {
        await ds.destroy();
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      },
    };
  }
  const url = process.env.BENCH_PG_URL!;
  const schema = `bench_${suffix}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  const ds = createDataSource({ url, schema });
  await ds.initialize();
  return {
    ds,
    close: async () => {
      await ds.destroy();
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}

async function measure(kind: 'sqlite' | 'postgres'): Promise<[string, string, string][]> {
  const { ds, close } = await open(kind);
  try {
    const rows: [string, string, string][] = [];
    const [, migrateMs] = await timed(() => runMigrations(ds));
    rows.push([kind, 'migrate an empty database', `${migrateMs.toFixed(0)} ms`]);
    const [seed, seedMs] = await timed(() => seedDemo(ds, { now: NOW }));
    rows.push([kind, `seedDemo (${seed.historyRows} history rows)`, `${(seedMs / 1000).toFixed(2)} s`]);
    const [, rangeMs] = await timed(() =>
      historyRange(ds, { channelId: 'voice', from: '2024-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' }),
    );
    rows.push([kind, 'historyRange voice, all (~10,700 hours)', `${rangeMs.toFixed(0)} ms`]);
    const [, weekMs] = await timed(() =>
      historyRange(ds, { channelId: 'voice', from: '2026-11-16T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' }),
    );
    rows.push([kind, 'historyRange voice, one week', `${weekMs.toFixed(1)} ms`]);
    const [, dailyMs] = await timed(() =>
      dailyTotals(ds, { channelId: 'chat', fromDate: '2025-11-24', toDate: '2026-11-24', zone: 'Asia/Tbilisi' }),
    );
    rows.push([kind, 'dailyTotals chat, one year', `${dailyMs.toFixed(0)} ms`]);
    const [result, importMs] = await timed(() =>
      importHistory({ ds }, { lines: bigFile(), fileName: 'bench.csv', source: 'cli', onOverlap: 'refuse', now: NOW.toJSDate() }),
    );
    if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 300)}`);
    rows.push([kind, 'import 200,000 lines → 50,000 hours', `${(importMs / 1000).toFixed(2)} s`]);
    return rows;
  } finally {
    await close();
  }
}

const table = [...(await measure('sqlite')), ...(process.env.BENCH_PG_URL ? await measure('postgres') : [])];
const widths = [8, 44, 10];
console.log(['database', 'operation', 'time'].map((h, i) => h.padEnd(widths[i])).join('  '));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(row.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '));
if (!process.env.BENCH_PG_URL) console.log('\n(PostgreSQL skipped: set BENCH_PG_URL to include it)');
