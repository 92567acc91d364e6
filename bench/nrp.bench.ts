/**
 * The Curtois & Qu shift scheduling benchmark: solves each instance with `wfm roster`'s solver
 * and prints objective, best known, ratio, bound, gap, seconds, and nrp_check.py's verdict (when
 * python3 and ../shared/tools/nrp_check.py are there). Instances 1-4 come from ../shared/nrp;
 * `--dir DIR` adds every InstanceN.txt there (the larger ones are not shipped with the project).
 *
 *   npm run bench -- nrp [--time-limit 300] [--dir DIR] [--only 1,4] [--seed 1]
 *
 * Instances 1-4 stop at their proven optimum; others use the time limit (default 300 s).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assignmentsOf, readNrpInstance, solveNrp } from '../scheduling/nrp/index';
import { formatInputError } from '../scheduling/parse/parse-error';

const { values } = parseArgs({
  options: { 'time-limit': { type: 'string' }, dir: { type: 'string' }, only: { type: 'string' }, seed: { type: 'string' } },
  strict: false,
});
const SHARED = resolve(process.env.ROTA_SHARED_DIR ?? resolve(process.cwd(), '../shared'));
const CHECKER = join(SHARED, 'tools', 'nrp_check.py');
const timeLimit = Number(values['time-limit'] ?? 300);
const seed = Number(values.seed ?? 1);
const only = typeof values.only === 'string' ? new Set(values.only.split(',').map(Number)) : null;

/**
 * Best-known objectives: 1-4 as in ../shared/nrp/README.md (proven optimal); 5-12 (28 days, up to
 * 60 staff and 10 shift types) from the benchmark's published table (schedulingbenchmarks.org).
 */
const BEST_KNOWN: Record<number, number> = {
  1: 607,
  2: 828,
  3: 1001,
  4: 1716,
  5: 1143,
  6: 1950,
  7: 1056,
  8: 1300,
  9: 439,
  10: 4631,
  11: 3443,
  12: 4040,
};

function instances(): { n: number; file: string }[] {
  const dirs = [join(SHARED, 'nrp'), ...(typeof values.dir === 'string' ? [resolve(values.dir)] : [])];
  const found = new Map<number, string>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      const m = /^Instance(\d+)\.txt$/.exec(f);
      if (m && !found.has(Number(m[1]))) found.set(Number(m[1]), join(dir, f));
    }
  }
  return [...found]
    .filter(([n]) => !only || only.has(n))
    .sort((a, b) => a[0] - b[0])
    .map(([n, file]) => ({ n, file }));
}

function check(file: string, assignments: object[]): string {
  if (!existsSync(CHECKER) || spawnSync('python3', ['--version']).status !== 0) return 'n/a';
  const out = join(mkdtempSync(join(tmpdir(), 'nrp-bench-')), 'solution.json');
  writeFileSync(out, JSON.stringify({ assignments }));
  const res = spawnSync('python3', [CHECKER, file, out], { encoding: 'utf8' });
  try {
    const r = JSON.parse(res.stdout) as { feasible: boolean; objective: number };
    return r.feasible ? `feasible ${r.objective}` : 'INFEASIBLE';
  } catch {
    return `checker failed: ${res.stderr.trim()}`;
  }
}

const list = instances();
if (!list.length) {
  console.log(`no instances found in ${join(SHARED, 'nrp')}${values.dir ? ` or ${String(values.dir)}` : ''}`);
  process.exit(1);
}
console.log(`time limit ${timeLimit} s per instance, seed ${seed}`);
console.log('instance  staff days shifts  objective  best known   ratio    bound     gap   seconds  nrp_check.py');
for (const { n, file } of list) {
  const parsed = readNrpInstance(readFileSync(file, 'utf8'), `Instance${n}.txt`);
  if (!parsed.ok) {
    console.log(`Instance${n}: ${parsed.errors.map(formatInputError).join('; ')}`);
    continue;
  }
  const inst = parsed.value;
  const t0 = performance.now();
  const r = await solveNrp(inst, { timeLimitSeconds: timeLimit, seed, now: () => performance.now() });
  const seconds = (performance.now() - t0) / 1000;
  const best = BEST_KNOWN[n];
  console.log(
    [
      `${n}`.padStart(8),
      `${inst.staff.length}`.padStart(6),
      `${inst.days}`.padStart(4),
      `${inst.shifts.length}`.padStart(6),
      `${r.objective}`.padStart(10),
      `${best ?? '?'}`.padStart(11),
      (best ? (r.objective / best).toFixed(3) : '?').padStart(7),
      `${r.bound}`.padStart(8),
      `${(100 * r.gap).toFixed(2)}%`.padStart(7),
      seconds.toFixed(1).padStart(9),
      ` ${check(file, assignmentsOf(inst, r.grid))}`,
    ].join(' '),
  );
}
