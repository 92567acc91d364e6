/**
 * `wfm roster --nrp FILE [--time-limit 60] [--seed 1]`: solves a Curtois & Qu shift scheduling
 * benchmark instance (schedulingbenchmarks.org text format) and prints
 * `{"assignments": [{"staff": "A", "day": 0, "shift": "D"}, ...], "objective": N, "bound": N, "gap": G}`
 * on stdout (a staff/day pair with no entry is a day off); progress on stderr.
 * Exit codes: 0 roster found, 1 no roster keeps the hard rules, 2 bad input, 3 time limit
 * reached before any roster.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { CommandIo } from '../cli';
import { formatInputError } from '../../scheduling/parse/parse-error';
import { assignmentsOf, NrpNoRosterError, readNrpInstance, solveNrp } from '../../scheduling/nrp/index';

const USAGE = `usage: wfm roster --nrp FILE [--time-limit 60] [--seed 1]

  --nrp         a shift scheduling benchmark instance (SECTION_HORIZON … SECTION_COVER; CRLF or LF)
  --time-limit  seconds of wall-clock time for the whole command, from its start (default 60)
  --seed        random seed (default 1)

Prints {"assignments": [...], "objective": N, "bound": N, "gap": G} on stdout, progress on stderr.
Exit codes: 0 roster found, 1 no roster keeps the rules, 2 bad input, 3 time limit reached before any roster.
`;

const flagsSchema = z.object({
  nrp: z.string({ message: 'is required (the instance file)' }).min(1),
  'time-limit': z.coerce.number().positive().max(3600).default(60),
  seed: z.coerce.number().int().min(0).default(1),
});

/** Writing the roster and leaving the process, inside --time-limit too. */
const EXIT_MARGIN_SECONDS = 0.5;

export async function run(args: string[], io: CommandIo): Promise<number> {
  // --time-limit is wall-clock time for the whole command: in a freshly started process (the
  // CLI) it counts from the process start, so Node's start-up and reading the file are inside it.
  const startedAtMs = performance.now() < 5000 ? 0 : performance.now();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  let raw;
  try {
    raw = parseArgs({
      args,
      options: { nrp: { type: 'string' }, 'time-limit': { type: 'string' }, seed: { type: 'string' } },
      strict: true,
    }).values;
  } catch (err) {
    io.stderr.write(`wfm roster: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const flags = flagsSchema.safeParse(raw);
  if (!flags.success) {
    for (const i of flags.error.issues) io.stderr.write(`wfm roster: --${i.path.join('.')}: ${i.message}\n`);
    return 2;
  }
  const f = flags.data;
  let text: string;
  try {
    text = await readFile(f.nrp, 'utf8');
  } catch (err) {
    io.stderr.write(`wfm roster: cannot read ${f.nrp}: ${(err as Error).message}\n`);
    return 2;
  }
  const parsed = readNrpInstance(text, basename(f.nrp));
  if (!parsed.ok) {
    for (const e of parsed.errors) io.stderr.write(`wfm roster: ${formatInputError(e)}\n`);
    return 2;
  }
  const instance = parsed.value;
  try {
    const result = await solveNrp(instance, {
      timeLimitSeconds: Math.max(0.5, f['time-limit'] - (performance.now() - startedAtMs) / 1000 - EXIT_MARGIN_SECONDS),
      seed: f.seed,
      now: () => performance.now(),
      onProgress: (p) =>
        io.stderr.write(
          `${p.phase} ${p.seconds.toFixed(1)} s${p.objective !== undefined ? ` objective ${p.objective}` : ''}${p.bound !== undefined ? ` bound ${p.bound}` : ''}\n`,
        ),
    });
    const out = {
      assignments: assignmentsOf(instance, result.grid),
      objective: result.objective,
      bound: result.bound,
      gap: Math.round(result.gap * 1e6) / 1e6,
    };
    io.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof NrpNoRosterError) {
      io.stderr.write(`wfm roster: ${err.message}\n`);
      return err.reason === 'infeasible' ? 1 : 3;
    }
    throw err;
  }
}
