/**
 * Opening the database: PostgreSQL when given a postgres:// URL, otherwise the embedded SQLite
 * file (better-sqlite3). The schema comes only from migrations (`synchronize` is never on).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from './migrations';

export interface DataSourceOptions {
  /** postgres://user@host:port/db: selects PostgreSQL. */
  url?: string;
  /** SQLite file path (created with its folder if missing); ':memory:' for a throw-away database. */
  sqlitePath?: string;
  /** PostgreSQL schema to use (tests use one fresh schema each); it must exist. */
  schema?: string;
  logging?: boolean;
  /** PostgreSQL: connections in the pool (default 10). */
  poolSize?: number;
}

const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** node-postgres's own default, kept explicit (server/config.ts: ROTA_DB_POOL_SIZE). */
export const DEFAULT_POOL_SIZE = 10;

export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const common = {
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    synchronize: false,
    logging: options.logging ?? false,
  };
  if (isPostgresUrl(options.url)) {
    return new DataSource({
      ...common,
      type: 'postgres',
      url: options.url as string,
      schema: options.schema,
      poolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
      // search_path too, so raw queries and unqualified foreign-key references land in the schema.
      extra: options.schema ? { options: `-c search_path=${options.schema}` } : undefined,
    });
  }
  if (options.url)
    throw new Error(`createDataSource: unsupported database URL '${options.url.replace(/\/\/[^@]*@/, '//***@')}' (expected postgres://…)`);
  const file = options.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: file,
    // WAL lets the web app read while a backup or an import writes; the busy timeout makes a
    // second writer wait instead of failing at once. TypeORM turns foreign_keys on itself.
    enableWAL: file !== ':memory:',
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      db.pragma('synchronous = NORMAL');
    },
  });
}

/** Applies every pending migration; returns the names of those applied. */
export async function runMigrations(ds: DataSource): Promise<string[]> {
  const done = await ds.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}

/** Undoes the most recent migration; returns false when there was none. */
export async function revertLastMigration(ds: DataSource): Promise<boolean> {
  const applied = await appliedMigrationCount(ds);
  if (applied === 0) return false;
  await ds.undoLastMigration({ transaction: 'each' });
  return true;
}

async function appliedMigrationCount(ds: DataSource): Promise<number> {
  const runner = ds.createQueryRunner();
  try {
    if (!(await runner.hasTable('migrations'))) return 0;
    const rows = (await runner.query('SELECT COUNT(*) AS n FROM migrations')) as { n: number | string }[];
    return Number(rows[0]?.n ?? 0);
  } finally {
    await runner.release();
  }
}

export type { DataSource };
