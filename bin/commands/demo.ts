/**
 * `wfm demo live [--seed N] [--surge-at HH:mm] [--surge-hours H] [--surge-factor F] [--no-surge]
 *                [--every S] [--once] [--url URL --token T]`
 *
 * Feeds the demo team's today with simulated interval actuals (app/demo-live.ts), so the
 * intraday page comes alive: every S seconds (default 15) it sends every interval of today
 * that has started, the running one as a running total, until stopped (Ctrl-C). The same seed
 * gives the same day. Without --url the rows are stored in the configured database; with
 * --url (and a service token with the actuals:write scope, --token or ROTA_TOKEN) they go
 * through the real API, POST URL/api/actuals, as a phone system would send them. Demo mode only.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { feedLiveDay, simulateLiveDay, type LiveDay, type LiveDayQuery } from '../../app/demo-live';
import { commandConfig, withDatabase, type Io } from './db';

const USAGE = `usage: wfm demo live [options]

  --seed N           random seed of the simulated day (default 7)
  --surge-at HH:mm   local time a surge starts today (default 15:00)
  --surge-hours H    how long it lasts (default 2)
  --surge-factor F   volume during it, × the plan (default 1.8)
  --no-surge         no surge
  --every S          seconds between two pushes (default 15)
  --once             push once and stop
  --url URL          send through the API of the Rota at URL (POST /api/actuals) instead of the database
  --token T          service token with the actuals:write scope (default: ROTA_TOKEN)
`;

const Options = z.object({
  seed: z.coerce.number().int().nonnegative().default(7),
  'surge-at': z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'give a local time HH:mm')
    .default('15:00'),
  'surge-hours': z.coerce.number().positive().max(24).default(2),
  'surge-factor': z.coerce.number().positive().max(20).default(1.8),
  'no-surge': z.boolean().default(false),
  every: z.coerce.number().min(1).max(3600).default(15),
  once: z.boolean().default(false),
  url: z.string().url().optional(),
  token: z.string().min(1).optional(),
  help: z.boolean().default(false),
});

export async function run(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      'surge-at': { type: 'string' },
      'surge-hours': { type: 'string' },
      'surge-factor': { type: 'string' },
      'no-surge': { type: 'boolean' },
      every: { type: 'string' },
      once: { type: 'boolean' },
      url: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const parsed = Options.safeParse(values);
  if (!parsed.success) {
    io.stderr.write(`wfm demo: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n\n${USAGE}`);
    return 2;
  }
  const o = parsed.data;
  if (o.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.join(' ') !== 'live') {
    io.stderr.write(`wfm demo: expected 'live' (got '${positionals.join(' ')}')\n\n${USAGE}`);
    return 2;
  }
  const config = commandConfig();
  if (!config.demoMode) {
    io.stderr.write('wfm demo live: only in demo mode (ROTA_DEMO=true): it writes made-up actuals for today\n');
    return 2;
  }
  const token = o.token ?? process.env.ROTA_TOKEN;
  if (o.url && !token) {
    io.stderr.write('wfm demo live: --url needs a service token with the actuals:write scope (--token or ROTA_TOKEN)\n');
    return 2;
  }
  const query = (): LiveDayQuery => ({
    now: new Date(),
    seed: o.seed,
    surge: o['no-surge'] ? null : { at: o['surge-at'], hours: o['surge-hours'], factor: o['surge-factor'] },
  });
  return withDatabase(config, async (ds) => {
    let stop = false;
    const onSignal = () => {
      stop = true;
    };
    process.once('SIGINT', onSignal);
    try {
      for (;;) {
        const code = o.url ? await viaApi(await simulateLiveDay(ds, query()), o.url, token!, io) : await intoDatabase(ds, query(), io);
        if (code !== 0 || o.once) return code;
        for (let waited = 0; waited < o.every * 1000 && !stop; waited += 250) await new Promise((r) => setTimeout(r, 250));
        if (stop) return 0;
      }
    } finally {
      process.removeListener('SIGINT', onSignal);
    }
  });
}

function line(day: LiveDay, io: Io, what: string) {
  const offered = day.rows.reduce((s, r) => s + r.offered, 0);
  const last =
    day.rows
      .map((r) => r.start)
      .sort()
      .at(-1) ?? '—';
  const surge = day.surge ? `; surge ${day.surge.from}–${day.surge.to} × ${day.surge.factor}` : '';
  io.stdout.write(
    `${new Date().toISOString()} ${what} ${day.rows.length} row(s), ${offered} contacts offered so far, last interval ${last}${surge}\n`,
  );
}

async function intoDatabase(ds: Parameters<typeof feedLiveDay>[0], q: LiveDayQuery, io: Io): Promise<number> {
  const { day, result } = await feedLiveDay(ds, q);
  if (result?.kind === 'invalid') {
    io.stderr.write(`wfm demo live: refused: ${JSON.stringify(result.errors.slice(0, 5))}\n`);
    return 1;
  }
  line(day, io, 'stored');
  return 0;
}

async function viaApi(day: LiveDay, url: string, token: string, io: Io): Promise<number> {
  if (!day.rows.length) {
    line(day, io, 'nothing to send:');
    return 0;
  }
  const res = await fetch(new URL('/api/actuals', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(day.rows),
  });
  if (!res.ok) {
    io.stderr.write(`wfm demo live: ${url} answered ${res.status}: ${(await res.text()).slice(0, 500)}\n`);
    return 1;
  }
  line(day, io, `sent to ${url}:`);
  return 0;
}
