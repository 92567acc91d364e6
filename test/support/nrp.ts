/**
 * The shift scheduling benchmark's instances 1-4 (`../shared/nrp/InstanceN.txt`) and the
 * independent checker `nrp_check.py`, for tests. Missing files skip the test on a developer's
 * machine, saying why, and fail it in CI (see shared-tools.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inCi, SHARED_DIR } from './shared-tools';
import type { NrpAssignment } from '../../scheduling/nrp/instance';

/** Published optimal objectives (../shared/nrp/README.md). */
export const NRP_OPTIMUM: Record<number, number> = { 1: 607, 2: 828, 3: 1001, 4: 1716 };

export function nrpInstancePath(n: number): string {
  return resolve(SHARED_DIR, 'nrp', `Instance${n}.txt`);
}

/** The instance's text; skips the calling test when the file is missing (fails it in CI). */
export function sharedInstance(test: Mocha.Context, n: number): string {
  const file = nrpInstancePath(n);
  if (!existsSync(file)) {
    const why = `${file} not found (set ROTA_SHARED_DIR to the folder holding nrp/)`;
    if (inCi()) throw new Error(`the benchmark instance is required in CI (CI=true): ${why}`);
    console.log(`      (skipped: ${why})`);
    test.skip();
  }
  return readFileSync(file, 'utf8');
}

export interface NrpCheckReport {
  feasible: boolean;
  violations: { constraint: string }[];
  objective: number;
  breakdown: { on: number; off: number; under: number; over: number };
}

/** Runs nrp_check.py on a roster of the given instance file. */
export function runNrpCheck(checker: string, instanceFile: string, assignments: NrpAssignment[]): NrpCheckReport {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-'));
  const file = join(dir, 'solution.json');
  writeFileSync(file, JSON.stringify({ assignments }));
  const res = spawnSync('python3', [checker, instanceFile, file], { encoding: 'utf8' });
  if (res.status !== 0 && res.status !== 1) throw new Error(`nrp_check.py exit ${res.status}: ${res.stdout}${res.stderr}`);
  return JSON.parse(res.stdout) as NrpCheckReport;
}
