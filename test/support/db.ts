/**
 * Test databases. `createTestDataSource()` gives a fresh, fully migrated, empty database per
 * call: TEST_DB=sqlite (default) → a new temporary file; TEST_DB=postgres → its own schema
 * `t_<random>` in TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test), so concurrent
 * and repeated runs never collide. `destroyTestDataSource()` closes it and removes the file or
 * the schema.
 *
 * Speed (a test suite makes hundreds): migrating costs ~0.1 s on SQLite and ~0.5-1 s on
 * PostgreSQL. So SQLite files are copies of one template migrated once per process, and a
 * destroyed PostgreSQL schema that is still fully migrated is emptied (rows deleted, sequences
 * restarted: ~20 ms) and handed to the next call of the same process instead of being dropped.
 * The pooled schemas are dropped when the process ends (`beforeExit`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ALL_MIGRATIONS, createDataSource, revertLastMigration, runMigrations, type DataSource } from '../../models';

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
const MAX_POOLED_SCHEMAS = 4;
const pooledSchemas: string[] = [];
let sqliteTemplate: Promise<string> | null = null;

async function withPgClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function dropSchemas(schemas: string[]): Promise<void> {
  if (schemas.length === 0) return;
  await withPgClient(async (client) => {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
}

let exitHookInstalled = false;
function dropPooledSchemasOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('beforeExit', () => {
    const schemas = pooledSchemas.splice(0);
    if (schemas.length) void dropSchemas(schemas).catch(() => undefined);
  });
}

function templatePath(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const file = path.join(os.tmpdir(), `rota-test-template-${process.pid}-${crypto.randomBytes(4).toString('hex')}.sqlite`);
    const ds = createDataSource({ sqlitePath: file });
    await ds.initialize();
    await runMigrations(ds);
    await ds.destroy(); // closing checkpoints the WAL into the file, so one copy is complete
    process.on('exit', () => fs.rmSync(file, { force: true }));
    return file;
  })();
  return sqliteTemplate;
}

async function newSqlite(migrate: boolean, logging?: boolean): Promise<{ ds: DataSource; cleanup: Cleanup }> {
  const file = path.join(os.tmpdir(), `rota-test-${process.pid}-${crypto.randomBytes(6).toString('hex')}.sqlite`);
  if (migrate) fs.copyFileSync(await templatePath(), file);
  return { ds: createDataSource({ sqlitePath: file, logging }), cleanup: { file } };
}

async function newPostgres(migrate: boolean, logging?: boolean): Promise<{ ds: DataSource; cleanup: Cleanup }> {
  let schema = migrate ? pooledSchemas.pop() : undefined;
  if (!schema) {
    schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const created = schema;
    await withPgClient((client) => client.query(`CREATE SCHEMA "${created}"`));
  }
  dropPooledSchemasOnExit();
  return { ds: createDataSource({ url: TEST_PG_URL, schema, logging }), cleanup: { schema } };
}

/** A fresh database with every migration applied (pass `migrate: false` for an empty one). */
export async function createTestDataSource(opts: { migrate?: boolean; logging?: boolean } = {}): Promise<DataSource> {
  const migrate = opts.migrate !== false;
  const { ds, cleanup } = testDbKind() === 'postgres' ? await newPostgres(migrate, opts.logging) : await newSqlite(migrate, opts.logging);
  cleanups.set(ds, cleanup);
  await ds.initialize();
  // On a template copy or a pooled schema this only confirms nothing is pending.
  if (migrate) await runMigrations(ds);
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

/**
 * Empties a still fully migrated schema for reuse: every row deleted (foreign-key triggers off
 * for the transaction, so order does not matter) and every sequence restarted, as if new.
 * Returns false (then the schema is dropped) when migrations were reverted or anything fails.
 */
async function emptyForReuse(ds: DataSource): Promise<boolean> {
  try {
    const applied = (await ds.query('SELECT COUNT(*) AS n FROM migrations')) as { n: string }[];
    if (Number(applied[0]?.n) !== ALL_MIGRATIONS.length) return false;
    const tables = (await ds.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'migrations'",
    )) as { tablename: string }[];
    const sequences = (await ds.query(
      "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() AND sequencename NOT LIKE 'migrations%'",
    )) as { sequencename: string }[];
    const statements = [
      'BEGIN',
      'SET LOCAL session_replication_role = replica',
      ...tables.map((t) => `DELETE FROM "${t.tablename}"`),
      ...sequences.map((s) => `ALTER SEQUENCE "${s.sequencename}" RESTART`),
      'COMMIT',
    ];
    await ds.query(statements.join('; '));
    return true;
  } catch {
    await ds.query('ROLLBACK').catch(() => undefined);
    return false;
  }
}

export async function destroyTestDataSource(ds: DataSource | undefined): Promise<void> {
  if (!ds) return;
  const cleanup = cleanups.get(ds) ?? {};
  cleanups.delete(ds);
  let reuse = false;
  if (cleanup.schema && ds.isInitialized && pooledSchemas.length < MAX_POOLED_SCHEMAS) reuse = await emptyForReuse(ds);
  if (ds.isInitialized) await ds.destroy();
  if (cleanup.schema) {
    if (reuse) pooledSchemas.push(cleanup.schema);
    else await dropSchemas([cleanup.schema]);
  }
  if (cleanup.file) {
    for (const f of [cleanup.file, `${cleanup.file}-wal`, `${cleanup.file}-shm`]) fs.rmSync(f, { force: true });
  }
}

/** Reverts migrations from the newest until `name` is undone (later ones may exist). */
export async function revertThroughMigration(ds: DataSource, name: string): Promise<void> {
  for (;;) {
    const applied = ((await ds.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name);
    if (!applied.includes(name)) return;
    if (!(await revertLastMigration(ds))) throw new Error(`could not revert ${name}`);
  }
}
