import { expect } from 'chai';
import {
  readNrpInstance,
  solveNrp,
  assignmentsOf,
  scoreOf,
  violationsOf,
  type NrpResult,
  type NrpInstance,
} from '../../../scheduling/nrp/index';
import type { NrpAssignment } from '../../../scheduling/nrp/instance';
import { columnGenerationBound } from '../../../scheduling/nrp/column-generation';
import { run as roster } from '../../../bin/commands/roster';
import { sharedChecker } from '../../support/shared-tools';
import { runCommand } from '../../support/cli';
import { NRP_OPTIMUM, nrpInstancePath, runNrpCheck, sharedInstance } from '../../support/nrp';

// Far above need (each instance closes in a few seconds on an idle 2-core machine): the
// solve ends once the roster meets the proven bound, so the verdict does not depend on speed.
const BUDGET_SECONDS = 900;

describe('scheduling/solveNrp: the benchmark instances 1-4 to their published optimum', function () {
  this.timeout((BUDGET_SECONDS + 120) * 1000);

  for (const n of [1, 2, 3, 4]) {
    it(`solveNrp, instance ${n}, reaches ${NRP_OPTIMUM[n]} with a roster nrp_check.py finds feasible at that objective`, async function () {
      const checker = sharedChecker(this, 'nrp_check.py');
      const parsed = readNrpInstance(sharedInstance(this, n));
      if (!parsed.ok) throw new Error('instance did not read');
      const instance: NrpInstance = parsed.value;
      const result: NrpResult = await solveNrp(instance, { timeLimitSeconds: BUDGET_SECONDS, seed: 1, now: () => performance.now() });
      expect(result.objective).to.equal(NRP_OPTIMUM[n]);
      expect(result.bound).to.be.at.most(NRP_OPTIMUM[n]);
      expect(violationsOf(instance, result.grid)).to.deep.equal([]);
      const report = runNrpCheck(checker, nrpInstancePath(n), assignmentsOf(instance, result.grid));
      expect(report.violations).to.deep.equal([]);
      expect(report.feasible).to.equal(true);
      expect(report.objective).to.equal(NRP_OPTIMUM[n]);
    });
  }
});

describe('wfm roster --nrp', function () {
  this.timeout((BUDGET_SECONDS + 120) * 1000);

  it('wfm roster --nrp Instance1.txt, prints exactly assignments, objective, bound and gap; nrp_check.py agrees', async function () {
    const checker = sharedChecker(this, 'nrp_check.py');
    sharedInstance(this, 1);
    const res = await runCommand(roster, ['--nrp', nrpInstancePath(1), '--time-limit', String(BUDGET_SECONDS), '--seed', '3']);
    expect(res.code, res.stderr).to.equal(0);
    const out = JSON.parse(res.stdout) as {
      assignments: { staff: string; day: number; shift: string }[];
      objective: number;
      bound: number;
      gap: number;
    };
    expect(Object.keys(out)).to.deep.equal(['assignments', 'objective', 'bound', 'gap']);
    expect(Object.keys(out.assignments[0])).to.deep.equal(['staff', 'day', 'shift']);
    expect(out.objective).to.equal(607);
    expect(out.bound).to.be.at.most(607);
    expect(out.gap).to.equal((out.objective - out.bound) / out.objective);
    const report = runNrpCheck(checker, nrpInstancePath(1), out.assignments);
    expect([report.feasible, report.objective]).to.deep.equal([true, out.objective]);
  });

  it('wfm roster --nrp Instance4.txt --time-limit 1, prints a roster nrp_check.py finds feasible, with a bound no higher than the optimum', async function () {
    const checker = sharedChecker(this, 'nrp_check.py');
    sharedInstance(this, 4);
    const res = await runCommand(roster, ['--nrp', nrpInstancePath(4), '--time-limit', '1']);
    expect(res.code, res.stderr).to.equal(0);
    const out = JSON.parse(res.stdout) as { assignments: NrpAssignment[]; objective: number; bound: number; gap: number };
    const report = runNrpCheck(checker, nrpInstancePath(4), out.assignments);
    expect([report.feasible, report.objective]).to.deep.equal([true, out.objective]);
    expect(out.objective).to.be.at.least(NRP_OPTIMUM[4]);
    expect(out.bound).to.be.at.most(NRP_OPTIMUM[4]);
    expect(out.gap).to.be.closeTo((out.objective - out.bound) / out.objective, 1e-6);
  });

  it('wfm roster --nrp, a file with a bad staff row, exits 2 naming the line on stderr and prints nothing on stdout', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'nrp-')), 'bad.txt');
    writeFileSync(file, 'SECTION_HORIZON\r\n14\r\nSECTION_SHIFTS\r\nD,480,\r\nSECTION_STAFF\r\nA,D=14,4320\r\n');
    const res = await runCommand(roster, ['--nrp', file]);
    expect(res.code).to.equal(2);
    expect(res.stdout).to.equal('');
    expect(res.stderr).to.include('bad.txt line 6: a staff row has 8 fields');
  });

  it('wfm roster, no --nrp or a missing file, exits 2 with the reason', async () => {
    const none = await runCommand(roster, []);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.include('--nrp');
    const missing = await runCommand(roster, ['--nrp', '/nonexistent/Instance99.txt']);
    expect([missing.code, missing.stdout]).to.deep.equal([2, '']);
    expect(missing.stderr).to.include('cannot read /nonexistent/Instance99.txt');
  });
});

describe('scheduling/columnGenerationBound: price-and-dive', function () {
  this.timeout((BUDGET_SECONDS + 120) * 1000);

  for (const n of [2, 3]) {
    it(`instance ${n}: the dive's roster keeps every hard rule (nrp_check.py), costs at least the optimum ${NRP_OPTIMUM[n]}, and the bound at most it`, async function () {
      const checker = sharedChecker(this, 'nrp_check.py');
      const parsed = readNrpInstance(sharedInstance(this, n));
      if (!parsed.ok) throw new Error('instance did not read');
      const instance = parsed.value;
      // No clock: column generation runs to convergence and the dive to the end (HiGHS time only).
      const cg = await columnGenerationBound(instance, { seconds: BUDGET_SECONDS, diveUntil: BUDGET_SECONDS });
      expect(cg.bound).to.be.at.most(NRP_OPTIMUM[n] + 1e-6);
      expect(cg.roster).to.not.equal(null);
      const grid = cg.roster!;
      expect(violationsOf(instance, grid)).to.deep.equal([]);
      const report = runNrpCheck(checker, nrpInstancePath(n), assignmentsOf(instance, grid));
      expect(report.feasible).to.equal(true);
      expect(report.objective).to.equal(scoreOf(instance, grid).objective);
      expect(report.objective).to.be.at.least(NRP_OPTIMUM[n]);
      // Each person's row is one of the schedules column generation produced.
      grid.forEach((row, p) => expect(cg.schedules[p].some((s) => s.every((t, d) => t === row[d]))).to.equal(true));
    });
  }
});
