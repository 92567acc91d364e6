/**
 * `wfm period check|generate --start DATE [--weeks 4]`: a planning period of the configured
 * database (ROTA_SQLITE_PATH / DATABASE_URL), as the /rota/period page shows it.
 *
 * - `check` prints each week's revision and the weekly rules it breaks, and the period rules
 *   broken over the whole period (`--published` checks the published revisions instead of the
 *   newest ones);
 * - `generate` solves the weeks in order as new drafts (each with the weeks before as context),
 *   progress on stderr, then prints the same check of the drafts.
 *
 * JSON on stdout: `{ start, weeks: [{ weekStart, rotaId, revision, status, shifts, violations }],
 * violations }`, each violation `{ code, staffId, time, text }` in English, local times.
 * Exit codes: 0 done and no rule broken, 1 rules broken or no rota keeps the rules (reasons on
 * stderr), 2 bad input, configuration or database problem.
 */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CommandIo } from '../cli';

const USAGE = `usage: wfm period check    --start YYYY-MM-DD [--weeks 4] [--published]
       wfm period generate --start YYYY-MM-DD [--weeks 4] [--time-limit 30] [--seed 1]

  --start       a day of the period's first week (its Monday is used)
  --weeks       1 to 6 weeks (default 4)
  --published   check the published revisions instead of the newest ones
  --time-limit  solver seconds per week, 5 to 600 (default 30)
  --seed        solver seed (default 1)
`;

const DATE = z
  .string({ error: 'is required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd')
  .refine((s) => DateTime.fromISO(s).isValid, 'must be a real date');
const flagsSchema = z.object({
  start: DATE,
  weeks: z.coerce.number().int('must be a whole number').min(1, 'must be 1 to 6').max(6, 'must be 1 to 6').default(4),
  'time-limit': z.coerce.number().int('must be a whole number').min(5, 'must be 5 to 600').max(600, 'must be 5 to 600').default(30),
  seed: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').default(1),
  published: z.boolean().default(false),
});

export async function run(args: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'check' && sub !== 'generate') {
    io.stderr.write(USAGE);
    return 2;
  }
  const fail = (msg: string) => {
    io.stderr.write(`wfm period ${sub}: ${msg}\n`);
    return 2;
  };
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: rest,
      options: {
        start: { type: 'string' },
        weeks: { type: 'string' },
        'time-limit': { type: 'string' },
        seed: { type: 'string' },
        published: { type: 'boolean' },
      },
    }).values;
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`);
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    for (const i of parsed.error.issues) io.stderr.write(`wfm period ${sub}: --${i.path.join('.')} ${i.message}\n`);
    io.stderr.write(USAGE);
    return 2;
  }
  if (sub === 'generate' && parsed.data.published) return fail('--published is for check only');

  const { openDatabase, describeDatabase } = await import('../../models');
  const { loadConfig, ConfigError } = await import('../../server/config');
  const { loadTeamSettings } = await import('../../app/team-settings');
  const { generatePeriod, loadPeriod } = await import('../../app/rota-period');
  const { mondayOf } = await import('../../forecasting/week');
  const { translator } = await import('../../server/i18n');
  const { violationLine, explanationText } = await import('../../server/i18n/codes');
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    return fail(err instanceof ConfigError ? err.message : String(err));
  }
  const ds = await openDatabase(config);
  try {
    const team = await loadTeamSettings(ds, { fallbackZone: config.timeZone });
    if (!team.configured) return fail(`no team in ${describeDatabase(config)}`);
    const zone = team.timeZone;
    const f = parsed.data;
    const start = mondayOf(f.start, zone);
    const query = { start, weeks: f.weeks, zone, intervalMinutes: team.intervalMinutes, now: new Date() };
    const en = translator('en');
    if (sub === 'generate') {
      const result = await generatePeriod(ds, {
        ...query,
        timeLimitSeconds: f['time-limit'],
        seed: f.seed,
        userId: null,
        by: null,
        onProgress: (p) =>
          io.stderr.write(
            `[week ${p.week + 1}/${p.weeks}, ${p.solver.seconds.toFixed(1)} s] ${p.solver.phase} objective ${
              Number.isFinite(p.solver.objective) ? p.solver.objective!.toFixed(2) : '-'
            }\n`,
          ),
      });
      if (result.kind === 'infeasible') {
        io.stderr.write(`wfm period generate: the week of ${result.weekStart} has no rota that keeps the rules:\n`);
        for (const e of result.explanation) io.stderr.write(`  - ${explanationText(e, en, zone)}\n`);
        return 1;
      }
    }
    const view = await loadPeriod(ds, { ...query, which: f.published ? 'published' : 'newest' });
    const names = Object.fromEntries(view.people.map((p) => [String(p.id), p.name]));
    const local = (iso: string | null | undefined) => (iso ? DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") : null);
    const violation = (v: (typeof view.violations)[number]) => ({
      code: v.code,
      staffId: v.staffId,
      time: local(v.time),
      text: violationLine(v, names, en, zone),
    });
    const out = {
      start,
      weeks: view.weeks.map((w) => ({
        weekStart: w.weekStart,
        rotaId: w.rota?.id ?? null,
        revision: w.rota?.revision ?? null,
        status: w.rota?.status ?? null,
        shifts: w.shifts.length,
        violations: w.violations.map(violation),
      })),
      violations: view.violations.map(violation),
    };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    const broken = out.violations.length + out.weeks.reduce((n, w) => n + w.violations.length, 0);
    return broken > 0 ? 1 : 0;
  } finally {
    await ds.destroy();
  }
}
