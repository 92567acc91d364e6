/**
 * Opening the configured database for the app and the CLI: PostgreSQL when `databaseUrl` is
 * set, otherwise the SQLite file at `sqlitePath` (its folder is created). Pending migrations
 * are applied unless `migrate: false`.
 */
import { createDataSource, runMigrations, type DataSource } from './data-source';

export interface DatabaseConfig {
  databaseUrl?: string;
  sqlitePath: string;
  /** PostgreSQL pool size (default 10, pg's own). */
  poolSize?: number;
}

export async function openDatabase(config: DatabaseConfig, opts: { migrate?: boolean; logging?: boolean } = {}): Promise<DataSource> {
  const ds = createDataSource({ url: config.databaseUrl, sqlitePath: config.sqlitePath, poolSize: config.poolSize, logging: opts.logging });
  await ds.initialize();
  if (opts.migrate !== false) {
    try {
      await runMigrations(ds);
    } catch (err) {
      await ds.destroy();
      throw err;
    }
  }
  return ds;
}

/** Where the database is, for messages (without a password). */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.databaseUrl) return config.databaseUrl.replace(/\/\/([^:@/]*)(:[^@]*)?@/, '//$1@');
  return `SQLite ${config.sqlitePath}`;
}
