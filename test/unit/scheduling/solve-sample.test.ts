import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRequirementsCsv } from '../../../scheduling/parse/requirements-csv';
import { parseStaffJson } from '../../../scheduling/parse/staff-json';
import { problemFromFiles } from '../../../scheduling/problem';
import { solveRotaInWorker } from '../../../scheduling/solve-in-worker';
import { checkRota } from '../../../scheduling/rules/check-rota';
import type { RotaSolution } from '../../../scheduling/types';
import { sharedChecker } from '../../support/shared-tools';

const FIXTURES = fileURLToPath(new URL('../../fixtures/rota-sample/', import.meta.url));
// Proven optimum of the sample week with shifts on the hour (native HiGHS, independent model).
const OPTIMUM = 99.0;

function sampleProblem() {
  const req = parseRequirementsCsv(readFileSync(join(FIXTURES, 'REQ.csv'), 'utf8'));
  if (!req.ok) throw new Error('REQ.csv');
  const staff = parseStaffJson(readFileSync(join(FIXTURES, 'STAFF.json'), 'utf8'), req.value.channels);
  if (!staff.ok) throw new Error('STAFF.json');
  return problemFromFiles(req.value, staff.value, '2026-12-07');
}

// The budget is far above need (optimal in ~7 s on an idle 2-core machine, ~60 s with the
// machine's cores shared by a dozen processes): the solve ends when HiGHS proves the optimum,
// so the verdict does not depend on the machine's speed.
const BUDGET_SECONDS = 600;

describe('scheduling/solveRotaInWorker: the sample week end to end', function () {
  this.timeout((BUDGET_SECONDS + 60) * 1000);
  let solution: RotaSolution;
  const problem = sampleProblem();

  before(async () => {
    solution = await solveRotaInWorker(problem, { timeLimitSeconds: BUDGET_SECONDS, seed: 1, graceSeconds: 10 });
  });

  it('solveRotaInWorker, sample week, returns a rota for every person', () => {
    expect(solution.status).to.be.oneOf(['optimal', 'feasible']);
    expect(new Set(solution.shifts.map((s) => s.staffId)).size).to.equal(35);
  });

  it('solveRotaInWorker, sample week, keeps every hard rule (own rule checker)', () => {
    expect(checkRota(problem, solution.shifts)).to.deep.equal([]);
  });

  it('solveRotaInWorker, sample week, stops at the proven optimum: gap 0 and the known 99 agent-hours of shortfall', () => {
    expect(solution.status).to.equal('optimal');
    expect(solution.gap).to.be.at.most(1e-4);
    expect(solution.bound).to.be.at.most(solution.objective + 1e-9);
    expect(solution.shortfallAgentHours).to.be.closeTo(OPTIMUM, 1e-6);
  });

  it('solveRotaInWorker, sample week, passes rota_check.py (independent checker; required in CI)', function () {
    const checker = sharedChecker(this, 'rota_check.py');
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
      [checker, '--req', join(FIXTURES, 'REQ.csv'), '--staff', join(FIXTURES, 'STAFF.json'), '--rota', rota],
      { encoding: 'utf8' },
    );
    const summary = JSON.parse(res.stdout) as { ok: boolean; violations: unknown[]; mismatches: unknown[]; shortfallAgentHours: number };
    expect(summary.violations).to.deep.equal([]);
    expect(summary.mismatches).to.deep.equal([]);
    expect(summary.ok).to.equal(true);
    expect(summary.shortfallAgentHours).to.be.closeTo(solution.shortfallAgentHours, 0.01);
  });
});
