/**
 * `wfm schedule --requirements REQ.csv --staff STAFF.json --week 2026-12-07 [--time-limit 60] [--seed 1]`
 * File mode: reads the two files, solves the week's rota in a worker thread and prints it as
 * JSON on stdout (progress on stderr). Input errors name the file, line/path and field; then
 * nothing is printed on stdout and the exit code is 2. Exit code 1: no rota keeps the rules
 * (the reasons go to stderr and into the JSON's "explanation").
 *
 * Exit code 3: the time limit ran out before any rota was found (try a longer --time-limit).
 *
 * Database mode (`--week` alone) belongs to the server side and is wired separately.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { rowsInWeek, rulesConflicts, weekStartError } from '../../scheduling/parse/week-inputs';
import {
  formatInputError,
  KNOWN_CHANNELS,
  parseRequirementsCsv,
  parseStaffJson,
  problemFromFiles,
  solveRotaInWorker,
  type RotaSolution,
} from '../../scheduling/index';
import { RotaTimeoutError } from '../../scheduling/solve-in-worker';
import type { CommandIo } from '../cli';
import { translator } from '../../server/i18n';
import { explanationText } from '../../server/i18n/codes';

const en = translator('en');

const USAGE = `usage: wfm schedule --requirements REQ.csv --staff STAFF.json --week YYYY-MM-DD [--time-limit 60] [--seed 1]
       wfm schedule --week YYYY-MM-DD [--team NAME]   (database mode: team and requirements from the database)

  --requirements  CSV timestamp,channel,required (ISO 8601 with offset; people needed per interval)
  --staff         JSON with timeZone, rules, staff and previousShifts
  --week          the Monday that starts the week (local date in the team's time zone)
  --time-limit    seconds of wall-clock time for the whole run (default 60)
  --seed          random seed (default 1)
  --team          database mode: the team (name or id) whose week is planned (default: the first team)

Prints the rota as JSON on stdout, progress on stderr: "shifts" (each with its "offQueue"
stretches: planned activities and the person's off-queue share), "activities" (where each
activity of STAFF.json landed, or why not), coverage and solver figures. Exit codes: 0 rota found,
1 no rota keeps the rules (reasons on stderr), 2 bad input, 3 time limit reached before any rota.
`;

const flagsSchema = z.object({
  requirements: z.string().optional(),
  staff: z.string().optional(),
  week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd (the Monday that starts the week)'),
  'time-limit': z.coerce.number().positive().max(3600).default(60),
  seed: z.coerce.number().int().min(0).default(1),
  'in-process': z.boolean().default(false),
  team: z.string().min(1).max(120).optional(),
});

export async function run(args: string[], io: CommandIo): Promise<number> {
  // --time-limit is wall-clock time for the whole command: in a freshly started process
  // (the CLI) it counts from the process start, so Node's start-up is inside it too.
  const startedAtMs = performance.timeOrigin + (performance.now() < 5000 ? 0 : performance.now());
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  let raw;
  try {
    raw = parseArgs({
      args,
      options: {
        requirements: { type: 'string' },
        staff: { type: 'string' },
        week: { type: 'string' },
        'time-limit': { type: 'string' },
        seed: { type: 'string' },
        'in-process': { type: 'boolean' },
        team: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (err) {
    io.stderr.write(`wfm schedule: ${(err as Error).message}\n`);
    return 2;
  }
  const flags = flagsSchema.safeParse(raw);
  if (!flags.success) {
    for (const i of flags.error.issues) io.stderr.write(`wfm schedule: --${i.path.join('.')}: ${i.message}\n`);
    return 2;
  }
  const f = flags.data;
  // The weekday of a calendar date does not depend on the zone.
  const badWeek = weekStartError(f.week, 'UTC');
  if (badWeek) {
    io.stderr.write(`wfm schedule: --week: ${badWeek}\n`);
    return 2;
  }
  if (!f.requirements && !f.staff) return databaseMode(f.week, { timeLimitSeconds: f['time-limit'], seed: f.seed, team: f.team }, io);
  if (f.team) {
    io.stderr.write('wfm schedule: --team is for database mode (--week alone)\n');
    return 2;
  }
  if (!f.requirements || !f.staff) {
    io.stderr.write('wfm schedule: file mode needs both --requirements and --staff\n');
    return 2;
  }
  return fileMode(
    {
      requirements: f.requirements,
      staff: f.staff,
      week: f.week,
      timeLimit: f['time-limit'],
      seed: f.seed,
      inProcess: f['in-process'],
      startedAtMs,
    },
    io,
  );
}

async function fileMode(
  f: { requirements: string; staff: string; week: string; timeLimit: number; seed: number; inProcess: boolean; startedAtMs: number },
  io: CommandIo,
): Promise<number> {
  const texts = await readBoth(f.requirements, f.staff, io);
  if (!texts) return 2;
  const reqName = f.requirements.split('/').pop() ?? 'REQ.csv';
  const staffName = f.staff.split('/').pop() ?? 'STAFF.json';
  const req = parseRequirementsCsv(texts[0], reqName);
  // Skills may name the usual channels even when this week's file has no rows for them.
  const known = [...new Set([...(req.ok ? req.value.channels : []), ...KNOWN_CHANNELS])];
  const staff = parseStaffJson(texts[1], known, staffName);
  const errors = [...(req.ok ? [] : req.errors), ...(staff.ok ? [] : staff.errors)];
  if (!req.ok || !staff.ok) {
    for (const e of errors) io.stderr.write(`${formatInputError(e)}\n`);
    return 2;
  }
  const inputErrors = weekInputErrors(req.value.rows, f.week, staff.value.timeZone, reqName);
  const conflicts = rulesConflicts(staff.value.rules, req.value.intervalMinutes);
  if (inputErrors.length || conflicts.length) {
    for (const e of inputErrors) io.stderr.write(`wfm schedule: ${e}\n`);
    for (const c of conflicts) io.stderr.write(`wfm schedule: ${staffName} rules: ${c}\n`);
    return 2;
  }
  const { outside } = rowsInWeek(req.value.rows, f.week, staff.value.timeZone);
  if (outside) io.stderr.write(`wfm schedule: warning: ${outside} row(s) of ${reqName} fall outside the week ${f.week} and are ignored\n`);
  const problem = problemFromFiles(req.value, staff.value, f.week);
  const onProgress = (p: { phase: string; seconds: number; objective?: number; bound?: number; gap?: number }) => {
    const fig = (v?: number) => (v === undefined || v === null || !Number.isFinite(v) ? '-' : v.toFixed(2));
    io.stderr.write(`[${p.seconds.toFixed(1)} s] ${p.phase} objective ${fig(p.objective)} bound ${fig(p.bound)}\n`);
  };
  const options = { timeLimitSeconds: f.timeLimit, seed: f.seed, onProgress };
  let solution: RotaSolution;
  try {
    solution = f.inProcess
      ? await (await import('../../scheduling/solve-rota')).solveRota(problem, options)
      : await solveRotaInWorker(problem, { ...options, startedAtMs: f.startedAtMs });
  } catch (err) {
    // Not exit 1: that means "no rota keeps the rules", which a timeout has not shown.
    if (!(err instanceof RotaTimeoutError)) throw err;
    io.stderr.write(`wfm schedule: ${err.message}\n`);
    return 3;
  }
  io.stdout.write(`${JSON.stringify(publish(solution), null, 1)}\n`);
  if (solution.status === 'infeasible') {
    for (const e of solution.explanation) io.stderr.write(`wfm schedule: ${explanationText(e, en, problem.timeZone)}\n`);
    return 1;
  }
  io.stderr.write(
    `wfm schedule: ${solution.status}, shortfall ${solution.shortfallAgentHours} agent-hours, gap ${(solution.gap * 100).toFixed(2)}%\n`,
  );
  return 0;
}

/** The requirement file must have rows inside the week (--week itself is checked in run). */
function weekInputErrors(rows: Parameters<typeof rowsInWeek>[0], week: string, zone: string, reqName: string): string[] {
  const { inside } = rowsInWeek(rows, week, zone);
  return inside ? [] : [`${reqName} has no rows inside the week ${week} (${rows.length} row(s), all outside it)`];
}

async function readBoth(reqPath: string, staffPath: string, io: CommandIo): Promise<[string, string] | null> {
  try {
    return [await readFile(reqPath, 'utf8'), await readFile(staffPath, 'utf8')];
  } catch (err) {
    io.stderr.write(`wfm schedule: cannot read input: ${(err as Error).message}\n`);
    return null;
  }
}

/** The published JSON: numbers only (no Infinity), coverage rows as the checker reads them. */
function publish(s: RotaSolution) {
  const num = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    status: s.status,
    shifts: s.shifts,
    objective: num(s.objective),
    bound: num(s.bound),
    gap: num(s.gap),
    shortfallAgentHours: s.shortfallAgentHours,
    coverage: s.coverage.map(({ timestamp, channel, required, onDuty }) => ({ timestamp, channel, required, onDuty })),
    explanation: s.explanation,
    // Where each off-queue activity of STAFF.json landed (start/end), or why not (code); each
    // shift's "offQueue" lists its stretches away from the queue (activities and queue share).
    activities: s.activities ?? [],
    stats: s.stats,
  };
}

// ---------------------------------------------------------------- database mode
// `wfm schedule --week W` without files reads the team and requirements from the database
// and stores a draft rota: schedule-database.ts (scheduleFromDatabase).
async function databaseMode(week: string, opts: { timeLimitSeconds: number; seed: number; team?: string }, io: CommandIo): Promise<number> {
  const { scheduleFromDatabase } = await import('./schedule-database');
  return scheduleFromDatabase(week, io, opts);
}
