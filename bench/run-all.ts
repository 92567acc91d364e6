/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process, one after another (the
 * machine has two cores; benchmarks running side by side would measure each other), and
 * passes on its arguments (e.g. `npm run bench -- --quick`, `npm run bench -- nrp --dir DIR`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// Bench names come first; from the first flag on everything is the benches' own (flag values
// such as `--dir X` included, which a filter on '--' would have taken for a bench name).
const args = process.argv.slice(2);
const firstFlag = args.findIndex((a) => a.startsWith('--'));
const only = firstFlag < 0 ? args : args.slice(0, firstFlag);
const flags = firstFlag < 0 ? [] : args.slice(firstFlag);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file), ...flags], { stdio: 'inherit' });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
