/**
 * The independent checkers shared between the team's projects (`rota_check.py`, `nrp_check.py`),
 * kept outside this repository in `../shared/tools` next to it, or wherever ROTA_SHARED_DIR
 * points (e.g. a git worktree elsewhere). A test that needs one calls `sharedChecker(this, …)`:
 * on a developer's machine without the checker or python3 the test is skipped, saying why; in CI
 * (CI=true) it fails instead, so a missing checker can never turn the check into a silent pass.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export const SHARED_DIR = resolve(process.env.ROTA_SHARED_DIR ?? resolve(REPO, '../shared'));

export function inCi(): boolean {
  return ['true', '1'].includes((process.env.CI ?? '').toLowerCase());
}

let python: boolean | null = null;
function pythonAvailable(): boolean {
  python ??= spawnSync('python3', ['--version']).status === 0;
  return python;
}

/** Why the checker cannot run here, or null when it can. */
export function checkerMissing(name: 'rota_check.py' | 'nrp_check.py'): string | null {
  const file = resolve(SHARED_DIR, 'tools', name);
  if (!existsSync(file)) return `${file} not found (set ROTA_SHARED_DIR to the folder holding tools/${name})`;
  if (!pythonAvailable()) return 'python3 not on PATH';
  return null;
}

/** The checker's path; skips the calling test when it is missing, or fails it in CI. */
export function sharedChecker(test: Mocha.Context, name: 'rota_check.py' | 'nrp_check.py'): string {
  const missing = checkerMissing(name);
  if (missing && inCi()) throw new Error(`${name} is required in CI (CI=true): ${missing}`);
  if (missing) {
    console.log(`      (skipped: ${missing})`);
    test.skip();
  }
  return resolve(SHARED_DIR, 'tools', name);
}
