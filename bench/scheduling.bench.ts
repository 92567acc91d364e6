/**
 * Rota optimiser benchmark: the sample week (35 people, 2 channels, 60 s) and a generated
 * team of 150 people on 3 channels (seeded, 300 s); `--quick` cuts the budgets to 20 s / 60 s.
 * Prints time, objective, bound, gap, shortfall, and rota_check.py's verdict when python3 and
 * ../shared/tools/rota_check.py are available.
 *
 *   node --import tsx bench/scheduling.bench.ts [--quick] [--only sample|large] [--interval 30]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseRequirementsCsv, parseStaffJson, problemFromFiles, solveRotaInWorker, checkRota, type Problem } from '../scheduling/index';
import { generateWeek } from '../scheduling/generate-week';

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, only: { type: 'string' }, interval: { type: 'string' } },
  strict: false,
});
const quick = values.quick ?? false;
const FIXTURES = fileURLToPath(new URL('../test/fixtures/rota-sample/', import.meta.url));
const CHECKER = resolve(process.cwd(), '../shared/tools/rota_check.py');

function sample(): Problem {
  const req = parseRequirementsCsv(readFileSync(join(FIXTURES, 'REQ.csv'), 'utf8'));
  if (!req.ok) throw new Error('REQ.csv');
  const staff = parseStaffJson(readFileSync(join(FIXTURES, 'STAFF.json'), 'utf8'), req.value.channels);
  if (!staff.ok) throw new Error('STAFF.json');
  return problemFromFiles(req.value, staff.value, '2026-12-07');
}

/** Writes the problem as REQ.csv/STAFF.json and the rota, runs the independent checker. */
function check(problem: Problem, rota: object): string {
  if (!existsSync(CHECKER) || spawnSync('python3', ['--version']).status !== 0) return 'n/a';
  const dir = mkdtempSync(join(tmpdir(), 'rota-bench-'));
  const rows = problem.requirements.map((r) => `${r.timestamp},${r.channel},${r.required}`).join('\n');
  writeFileSync(join(dir, 'REQ.csv'), `timestamp,channel,required\n${rows}\n`);
  writeFileSync(
    join(dir, 'STAFF.json'),
    JSON.stringify({ timeZone: problem.timeZone, rules: problem.rules, staff: problem.staff, previousShifts: problem.previousShifts }),
  );
  writeFileSync(join(dir, 'rota.json'), JSON.stringify(rota));
  const res = spawnSync(
    'python3',
    [
      CHECKER,
      '--req',
      join(dir, 'REQ.csv'),
      '--staff',
      join(dir, 'STAFF.json'),
      '--rota',
      join(dir, 'rota.json'),
      '--week',
      problem.weekStart,
    ],
    { encoding: 'utf8' },
  );
  try {
    const s = JSON.parse(res.stdout) as { ok: boolean; violationCount: number; mismatchCount: number; shortfallAgentHours: number };
    return s.ok ? `ok (${s.shortfallAgentHours} h)` : `FAIL: ${s.violationCount} violations, ${s.mismatchCount} mismatches`;
  } catch {
    return `FAIL: ${res.stderr.slice(0, 80)}`;
  }
}

const cases = [
  { name: 'sample week, 35 people, 2 channels', key: 'sample', make: sample, seconds: quick ? 20 : 60 },
  {
    name: 'generated, 150 people, 3 channels',
    key: 'large',
    seconds: quick ? 60 : 300,
    make: () =>
      generateWeek({ people: 150, channels: ['voice', 'chat', 'email'], intervalMinutes: Number(values.interval ?? 60), seed: 7 }),
  },
];

const table: Array<Record<string, string>> = [];
for (const c of cases) {
  if (values.only && values.only !== c.key) continue;
  const problem = c.make();
  const t0 = performance.now();
  const s = await solveRotaInWorker(problem, { timeLimitSeconds: c.seconds, seed: 1 });
  const seconds = (performance.now() - t0) / 1000;
  const rota = { ...s, coverage: s.coverage.map(({ timestamp, channel, required, onDuty }) => ({ timestamp, channel, required, onDuty })) };
  table.push({
    case: c.name,
    budget: `${c.seconds} s`,
    time: `${seconds.toFixed(1)} s`,
    status: s.status,
    objective: s.objective.toFixed(2),
    bound: s.bound.toFixed(2),
    gap: `${(s.gap * 100).toFixed(2)}%`,
    shortfall: `${s.shortfallAgentHours.toFixed(2)} h`,
    ownCheck: `${checkRota(problem, s.shifts).length} violations`,
    rota_check: check(problem, rota),
  });
  console.table(table.slice(-1));
}
console.log('\nRota optimiser benchmark');
console.table(table);
