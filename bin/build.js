#!/usr/bin/env node
// `npm run build`: type-check, then bundle the server, the command line and the rota solver's
// worker into dist/ as plain JavaScript (ES modules, Node 20). Packages stay in node_modules
// (not bundled); views/, public/ and node_modules/ are read from the project folder at run time.
// `npm start` with NODE_ENV=production runs dist/start.js; development keeps tsx (no build).
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --outdir DIR (inside the project, e.g. for a test's own build); default dist/.
const outArg = process.argv.indexOf('--outdir');
const OUT = path.resolve(ROOT, outArg > 0 ? process.argv[outArg + 1] : 'dist');
if (path.relative(ROOT, OUT).startsWith('..')) {
  console.error('build: --outdir must be inside the project (the build reads views/ and public/ from there).');
  process.exit(2);
}

if (!process.argv.includes('--no-typecheck')) {
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', ROOT], {
    stdio: 'inherit',
  });
  if (tsc.status !== 0) {
    console.error('build: the type check failed; nothing built.');
    process.exit(1);
  }
}

rmSync(OUT, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { start: 'server/start.ts', cli: 'bin/cli-main.ts', 'solve-worker': 'scheduling/solve-worker.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // TypeORM names tables and migrations from classes: keep every class and function name.
  keepNames: true,
  sourcemap: true,
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  logLevel: 'warning',
  metafile: true,
});
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
const shown = path.relative(ROOT, OUT);
const bytes = files.reduce((n, f) => n + statSync(path.join(ROOT, f)).size, 0);
console.log(
  `build: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB in ${shown}/ (${Date.now() - started} ms). Run: NODE_ENV=production npm start`,
);
