import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWeek } from '../../../scheduling/generate-week';
import { solveRota } from '../../../scheduling/solve-rota';
import { checkRota } from '../../../scheduling/rules/check-rota';
import { coverageOf } from '../../../scheduling/coverage';
import type { Problem, RotaSolution } from '../../../scheduling/types';
import { sharedChecker } from '../../support/shared-tools';

/** rota_check.py's verdict on a generated problem. */
function independentCheck(
  checker: string,
  problem: Problem,
  s: RotaSolution,
): { ok: boolean; shortfallAgentHours: number; violations: unknown[]; mismatches: unknown[] } {
  const dir = mkdtempSync(join(tmpdir(), 'rota-3ch-'));
  writeFileSync(
    join(dir, 'REQ.csv'),
    `timestamp,channel,required\n${problem.requirements.map((r) => `${r.timestamp},${r.channel},${r.required}`).join('\n')}\n`,
  );
  writeFileSync(
    join(dir, 'STAFF.json'),
    JSON.stringify({ timeZone: problem.timeZone, rules: problem.rules, staff: problem.staff, previousShifts: problem.previousShifts }),
  );
  writeFileSync(
    join(dir, 'rota.json'),
    JSON.stringify({
      ...s,
      coverage: s.coverage.map(({ timestamp, channel, required, onDuty }) => ({ timestamp, channel, required, onDuty })),
    }),
  );
  const res = spawnSync(
    'python3',
    [
      checker,
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
  return JSON.parse(res.stdout);
}

describe('scheduling/solveRota: a generated 12-person team, 3 channels, 30-minute intervals', function () {
  // Rule-keeping only: any rota the budget yields must keep the rules (the mocha timeout is a backstop).
  this.timeout(180_000);
  const problem = generateWeek({ people: 12, channels: ['voice', 'chat', 'email'], intervalMinutes: 30, seed: 11 });
  let solution: RotaSolution;
  before(async () => {
    solution = await solveRota(problem, { timeLimitSeconds: 10, seed: 1 });
  });

  it('solveRota, 3 channels on a 30-minute grid, keeps every hard rule (own rule checker)', () => {
    expect(solution.status).to.be.oneOf(['optimal', 'feasible']);
    expect(checkRota(problem, solution.shifts)).to.deep.equal([]);
  });

  it('solveRota, 3 channels, reports the shortfall its coverage rows add up to, and a bound not above the objective', () => {
    const rows = solution.coverage.reduce((s, r) => s + r.shortfall * 0.5, 0);
    expect(solution.shortfallAgentHours).to.be.closeTo(rows, 0.1);
    expect(coverageOf(problem, solution.shifts).shortfallAgentHours).to.be.closeTo(solution.shortfallAgentHours, 1e-6);
    expect(solution.bound).to.be.at.most(solution.objective + 1e-9);
  });

  it('solveRota, 3 channels, passes rota_check.py with the same shortfall (required in CI)', function () {
    const verdict = independentCheck(sharedChecker(this, 'rota_check.py'), problem, solution);
    expect(verdict.violations).to.deep.equal([]);
    expect(verdict.mismatches).to.deep.equal([]);
    expect(verdict.shortfallAgentHours).to.be.closeTo(solution.shortfallAgentHours, 0.01);
  });
});
