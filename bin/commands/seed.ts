/**
 * `wfm seed [--reset] [--force] [--seed N]`: load the demo team (35 people, logins with the
 * shared demo password, two years of history) into an empty database. `--reset` drops every
 * table first. Only in demo mode (ROTA_DEMO, default true) unless `--force`, because a reset
 * destroys real data.
 */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { describeDatabase, listUsers } from '../../models';
import { DEMO_PASSWORD, DEMO_SEED, isDatabaseEmpty, resetDatabase, seedDemo } from '../../seeds';
import { commandConfig, withDatabase, type Io } from './db';

const USAGE = `usage: wfm seed [--reset] [--force] [--seed N]

  --reset   drop every table and start again from an empty schema, then seed
  --force   allow it outside demo mode (ROTA_DEMO=false): destroys real data
  --seed N  random seed of the demo data (default ${DEMO_SEED})
`;

const Options = z.object({
  reset: z.boolean().default(false),
  force: z.boolean().default(false),
  seed: z.coerce.number().int().nonnegative().default(DEMO_SEED),
  help: z.boolean().default(false),
});

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { reset: { type: 'boolean' }, force: { type: 'boolean' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const parsed = Options.safeParse(values);
  if (!parsed.success) {
    io.stderr.write(`wfm seed: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n\n${USAGE}`);
    return 2;
  }
  const opts = parsed.data;
  if (opts.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const config = commandConfig();
  if (!config.demoMode && !opts.force) {
    io.stderr.write(
      'wfm seed: refused: not in demo mode (ROTA_DEMO=false). Demo data is for demonstrations; add --force if you really mean it.\n',
    );
    return 1;
  }
  const where = describeDatabase(config);
  return withDatabase(config, async (ds) => {
    if (opts.reset) {
      await resetDatabase(ds);
      io.stdout.write(`${where}: every table dropped and recreated\n`);
    } else if (!(await isDatabaseEmpty(ds))) {
      io.stderr.write(`wfm seed: ${where} already has data; nothing done (use --reset to start again from the demo data)\n`);
      return 1;
    }
    const started = Date.now();
    const summary = await seedDemo(ds, { seed: opts.seed, now: DateTime.now() });
    io.stdout.write(
      `${where}: demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `${summary.staff} staff, ${summary.users} logins (password '${DEMO_PASSWORD}'), ` +
        `${summary.historyRows} history intervals ${summary.firstStart} … ${summary.lastStart}\n`,
    );
    // One login per role to start with (every demo login is listed when the app starts).
    const users = await listUsers(ds);
    for (const role of ['admin', 'head', 'coordinator', 'team_lead', 'agent']) {
      const u = users.find((x) => x.role === role);
      if (u) io.stdout.write(`  ${role.padEnd(12)} ${u.username}\n`);
    }
    return 0;
  });
}
