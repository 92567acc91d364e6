import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRequirementsCsv } from '../../../scheduling/parse/requirements-csv';
import { parseStaffJson } from '../../../scheduling/parse/staff-json';
import { problemFromFiles } from '../../../scheduling/problem';
import { solveRotaInWorker } from '../../../scheduling/solve-in-worker';
import { checkRota } from '../../../scheduling/rules/check-rota';
import type { RotaSolution } from '../../../scheduling/types';

const FIXTURES = fileURLToPath(new URL('../../fixtures/rota-sample/', import.meta.url));
const CHECKER = resolve(process.cwd(), '../shared/tools/rota_check.py');
// Proven optimum of the sample week with shifts on the hour (native HiGHS, independent model).
const OPTIMUM = 99.0;

function sampleProblem() {
  const req = parseRequirementsCsv(readFileSync(join(FIXTURES, 'REQ.csv'), 'utf8'));
  if (!req.ok) throw new Error('REQ.csv');
  const staff = parseStaffJson(readFileSync(join(FIXTURES, 'STAFF.json'), 'utf8'), req.value.channels);
  if (!staff.ok) throw new Error('STAFF.json');
  return problemFromFiles(req.value, staff.value, '2026-12-07');
}

function pythonAvailable(): boolean {
  return spawnSync('python3', ['--version']).status === 0;
}

describe('scheduling/solveRotaInWorker: the sample week end to end', function () {
  this.timeout(60000);
  let solution: RotaSolution;
  const problem = sampleProblem();

  before(async () => {
    solution = await solveRotaInWorker(problem, { timeLimitSeconds: 20, seed: 1, graceSeconds: 10 });
  });

  it('solveRotaInWorker, sample week in 20 s, returns a rota for every person', () => {
    expect(solution.status).to.be.oneOf(['optimal', 'feasible']);
    expect(new Set(solution.shifts.map((s) => s.staffId)).size).to.equal(35);
  });

  it('solveRotaInWorker, sample week, keeps every hard rule (own rule checker)', () => {
    expect(checkRota(problem, solution.shifts)).to.deep.equal([]);
  });

  // On an idle 2-core machine this solves to optimality in about 7 s; the margins leave room
  // for a loaded machine (the budget is wall-clock time).
  it('solveRotaInWorker, sample week, is within 6% of its bound and not below the proven optimum of 99 agent-hours', () => {
    expect(solution.gap).to.be.at.most(0.06);
    expect(solution.bound).to.be.at.most(solution.objective + 1e-9);
    expect(solution.shortfallAgentHours).to.be.at.least(OPTIMUM - 1e-6);
    expect(solution.shortfallAgentHours).to.be.at.most(OPTIMUM * 1.06);
  });

  it('solveRotaInWorker, sample week, passes rota_check.py (independent checker) when available', function () {
    if (!existsSync(CHECKER) || !pythonAvailable()) {
      console.log(`      (skipped: ${existsSync(CHECKER) ? 'python3 not on PATH' : `${CHECKER} not found`})`);
      this.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'rota-'));
    const rota = join(dir, 'rota.json');
    writeFileSync(
      rota,
      JSON.stringify({
        ...solution,
        coverage: solution.coverage.map(({ timestamp, channel, required, onDuty }) => ({ timestamp, channel, required, onDuty })),
      }),
    );
    const res = spawnSync(
      'python3',
      [CHECKER, '--req', join(FIXTURES, 'REQ.csv'), '--staff', join(FIXTURES, 'STAFF.json'), '--rota', rota],
      { encoding: 'utf8' },
    );
    const summary = JSON.parse(res.stdout) as { ok: boolean; violations: unknown[]; mismatches: unknown[]; shortfallAgentHours: number };
    expect(summary.violations).to.deep.equal([]);
    expect(summary.mismatches).to.deep.equal([]);
    expect(summary.ok).to.equal(true);
    expect(summary.shortfallAgentHours).to.be.closeTo(solution.shortfallAgentHours, 0.01);
  });
});
