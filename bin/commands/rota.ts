/**
 * `wfm rota diff --week 2026-12-07 --from 1 --to 2`: the difference between two revisions of a
 * week (shifts added, removed, changed; who is affected and their hours; service level and ASA
 * per day and channel before and after) as JSON on stdout. Local times in the team's zone.
 * Exit codes: 0 done, 2 bad input or unknown revision/team.
 */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CommandIo } from '../cli';

const USAGE = `usage: wfm rota diff --week YYYY-MM-DD --from R1 --to R2 [--team NAME]

  --week  a day of the week (its Monday is used)
  --from  the revision number to compare from
  --to    the revision number to compare to
  --team  the team (name or id) whose revisions are compared (default: the first team)
`;

const flagsSchema = z.object({
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd')
    .refine((s) => DateTime.fromISO(s).isValid, 'must be a real date'),
  from: z.coerce.number().int().positive('must be a revision number (1, 2, …)'),
  to: z.coerce.number().int().positive('must be a revision number (1, 2, …)'),
  team: z.string().min(1).max(120).optional(),
});

export async function run(args: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'diff') {
    io.stderr.write(USAGE);
    return 2;
  }
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: rest,
      options: { week: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, team: { type: 'string' } },
    }).values;
  } catch (err) {
    io.stderr.write(`wfm rota diff: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    for (const i of parsed.error.issues) io.stderr.write(`wfm rota diff: --${i.path.join('.')} ${i.message}\n`);
    io.stderr.write(USAGE);
    return 2;
  }
  const { openDatabase, describeDatabase } = await import('../../models');
  const { loadConfig, ConfigError } = await import('../../server/config');
  const { rotaDiffByRevision } = await import('../../app/rota-diff');
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    io.stderr.write(`wfm rota diff: ${err instanceof ConfigError ? err.message : String(err)}\n`);
    return 2;
  }
  const ds = await openDatabase(config);
  try {
    const f = parsed.data;
    const { teamByNameOrId } = await import('../../app/teams');
    const team = f.team === undefined ? null : await teamByNameOrId(ds, f.team);
    if (f.team !== undefined && !team) {
      io.stderr.write(`wfm rota diff: --team: no team "${f.team}" in ${describeDatabase(config)}\n`);
      return 2;
    }
    const result = await rotaDiffByRevision(ds, {
      ...(team ? { teamId: team.id } : {}),
      weekStart: f.week,
      fromRevision: f.from,
      toRevision: f.to,
      now: new Date(),
      fallbackZone: config.timeZone,
    });
    if (result.kind === 'noTeam') {
      io.stderr.write(`wfm rota diff: no team in ${describeDatabase(config)}\n`);
      return 2;
    }
    if (result.kind === 'noRevision') {
      io.stderr.write(`wfm rota diff: the week has no revision ${result.revision}\n`);
      return 2;
    }
    const { diff, zone } = result;
    const local = (iso: string) => DateTime.fromISO(iso, { zone }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
    const shift = (s: { staffId: number; start: string; end: string; channel: string } | null) =>
      s && { staffId: s.staffId, start: local(s.start), end: local(s.end), channel: s.channel };
    const change = (c: (typeof diff.added)[number]) => ({ uid: c.uid, before: shift(c.before), after: shift(c.after) });
    const out = {
      weekStart: diff.weekStart,
      zone,
      from: diff.from?.revision ?? null,
      to: diff.to.revision,
      added: diff.added.map(change),
      removed: diff.removed.map(change),
      moved: diff.moved.map(change),
      people: diff.people,
      service: diff.service,
    };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } finally {
    await ds.destroy();
  }
}
