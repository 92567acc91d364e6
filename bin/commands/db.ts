/**
 * `wfm db migrate | revert | status`: apply pending schema migrations, undo the newest one,
 * or list them. The database is the configured one (DATABASE_URL for PostgreSQL, else the
 * SQLite file ROTA_SQLITE_PATH, default data/rota.sqlite). Also exports the opener the other
 * database commands share.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeDatabase, openDatabase, revertLastMigration, runMigrations, type DataSource } from '../../models';
import { loadConfig, type Config } from '../../server/config';

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Commands do not sign cookies: a missing SESSION_SECRET must not stop them outside demo mode. */
const CLI_SESSION_SECRET = 'wfm-command-line-does-not-use-sessions-at-all';

export function commandConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  return loadConfig({ ...env, SESSION_SECRET: env.SESSION_SECRET ?? CLI_SESSION_SECRET });
}

/** Opens the configured database (migrated unless `migrate: false`), runs `fn`, closes it. */
export async function withDatabase<T>(
  config: Readonly<Config>,
  fn: (ds: DataSource) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const ds = await openDatabase(config, { migrate: opts.migrate });
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

const USAGE = `usage: wfm db migrate | revert | status

  migrate   apply every pending migration
  revert    undo the most recent migration (drops what it created: back up first)
  status    list migrations, applied [x] or pending [ ]
Database: DATABASE_URL (postgres://…) or the SQLite file ROTA_SQLITE_PATH (default data/rota.sqlite).
`;

const Action = z.enum(['migrate', 'revert', 'status']);

export async function run(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const action = Action.safeParse(positionals[0]);
  if (!action.success || positionals.length !== 1) {
    io.stderr.write(`wfm db: expected one of migrate, revert, status (got '${positionals.join(' ')}')\n\n${USAGE}`);
    return 2;
  }
  const config = commandConfig();
  const where = describeDatabase(config);
  return withDatabase(
    config,
    async (ds) => {
      if (action.data === 'migrate') {
        const applied = await runMigrations(ds);
        io.stdout.write(applied.length ? `${where}: applied ${applied.join(', ')}\n` : `${where}: schema is up to date\n`);
      } else if (action.data === 'revert') {
        const reverted = await revertLastMigration(ds);
        io.stdout.write(reverted ? `${where}: reverted the most recent migration\n` : `${where}: no migration to revert\n`);
      } else {
        await printStatus(ds, io);
      }
      return 0;
    },
    { migrate: false },
  );
}

async function printStatus(ds: DataSource, io: Io): Promise<void> {
  const runner = ds.createQueryRunner();
  let applied = new Set<string>();
  try {
    if (await runner.hasTable('migrations')) {
      const rows = (await runner.query('SELECT name FROM migrations')) as { name: string }[];
      applied = new Set(rows.map((r) => r.name));
    }
  } finally {
    await runner.release();
  }
  for (const m of ds.migrations) io.stdout.write(`[${applied.has(m.name ?? '') ? 'x' : ' '}] ${m.name}\n`);
}
