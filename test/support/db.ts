/**
 * Test databases. `createTestDataSource()` gives a fresh, fully migrated database per call:
 * TEST_DB=sqlite (default) → a new temporary file; TEST_DB=postgres → a new schema `t_<random>`
 * in TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test), so concurrent and repeated
 * runs never collide. `destroyTestDataSource()` closes it and removes the file or the schema.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource, runMigrations, type DataSource } from '../../models';

export type TestDbKind = 'sqlite' | 'postgres';

export const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function testDbKind(): TestDbKind {
  const kind = (process.env.TEST_DB ?? 'sqlite').toLowerCase();
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`TEST_DB must be 'sqlite' or 'postgres', not '${kind}'`);
  return kind;
}

interface Cleanup {
  file?: string;
  schema?: string;
}

const cleanups = new WeakMap<DataSource, Cleanup>();

async function withPgClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database with every migration applied (pass `migrate: false` for an empty one). */
export async function createTestDataSource(opts: { migrate?: boolean; logging?: boolean } = {}): Promise<DataSource> {
  const suffix = crypto.randomBytes(6).toString('hex');
  let ds: DataSource;
  let cleanup: Cleanup;
  if (testDbKind() === 'postgres') {
    const schema = `t_${suffix}`;
    await withPgClient((client) => client.query(`CREATE SCHEMA "${schema}"`));
    ds = createDataSource({ url: TEST_PG_URL, schema, logging: opts.logging });
    cleanup = { schema };
  } else {
    const file = path.join(os.tmpdir(), `rota-test-${process.pid}-${suffix}.sqlite`);
    ds = createDataSource({ sqlitePath: file, logging: opts.logging });
    cleanup = { file };
  }
  cleanups.set(ds, cleanup);
  await ds.initialize();
  if (opts.migrate !== false) await runMigrations(ds);
  return ds;
}

/**
 * Environment variables that point the app's configuration (server/config.ts) at the same
 * test database, for running `wfm` commands or the app against it: the SQLite file, or the
 * PostgreSQL URL with the schema on its search_path.
 */
export function testDatabaseEnv(ds: DataSource): Record<string, string> {
  const cleanup = cleanups.get(ds) ?? {};
  if (cleanup.schema) {
    const url = new URL(TEST_PG_URL);
    url.searchParams.set('options', `-c search_path=${cleanup.schema}`);
    return { DATABASE_URL: url.toString() };
  }
  if (cleanup.file) return { ROTA_SQLITE_PATH: cleanup.file };
  throw new Error('testDatabaseEnv: not a data source made by createTestDataSource');
}

export async function destroyTestDataSource(ds: DataSource | undefined): Promise<void> {
  if (!ds) return;
  const cleanup = cleanups.get(ds) ?? {};
  if (ds.isInitialized) await ds.destroy();
  if (cleanup.schema) {
    await withPgClient((client) => client.query(`DROP SCHEMA IF EXISTS "${cleanup.schema}" CASCADE`));
  }
  if (cleanup.file) {
    for (const f of [cleanup.file, `${cleanup.file}-wal`, `${cleanup.file}-shm`]) fs.rmSync(f, { force: true });
  }
}
