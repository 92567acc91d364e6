/**
 * `wfm backup FILE`: a consistent copy of the SQLite database, safe while the app runs
 * (see models/backup.ts). For PostgreSQL it says to use pg_dump and exits 2.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { BackupError, backupSqlite, describeDatabase } from '../../models';
import { commandConfig, withDatabase, type Io } from './db';

const USAGE = `usage: wfm backup FILE

Writes a consistent copy of the SQLite database (ROTA_SQLITE_PATH) to FILE, which must not
exist. Safe while the app runs. With DATABASE_URL (PostgreSQL) use pg_dump instead.
`;

export async function run(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0].trim() === '') {
    io.stderr.write(`wfm backup: expected one FILE\n\n${USAGE}`);
    return 2;
  }
  const config = commandConfig();
  if (config.databaseUrl) {
    io.stderr.write(
      `wfm backup: ${describeDatabase(config)} is PostgreSQL: back it up with pg_dump, e.g.\n  pg_dump --format=custom --file=rota.dump "$DATABASE_URL"\n`,
    );
    return 2;
  }
  if (!fs.existsSync(config.sqlitePath)) {
    io.stderr.write(`wfm backup: no database at ${config.sqlitePath} (set ROTA_SQLITE_PATH to the app's database file)\n`);
    return 1;
  }
  return withDatabase(
    config,
    async (ds) => {
      try {
        const started = Date.now();
        const result = await backupSqlite(ds, positionals[0]);
        io.stdout.write(
          `${describeDatabase(config)} copied to ${result.file}: ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ` +
            `${result.tables} tables, integrity ok, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
        return 0;
      } catch (err) {
        if (!(err instanceof BackupError)) throw err;
        io.stderr.write(`wfm backup: ${err.message}\n`);
        return 1;
      }
    },
    { migrate: false },
  );
}
