#!/usr/bin/env node
// `npm run build`: type-check, then bundle the server, the command line and the worker threads
// (rota solver, risk calibration) into dist/ as plain JavaScript (ES modules, Node 20). Packages
// stay in node_modules (not bundled); views/, public/ and node_modules/ are read from the project
// folder at run time.
// `npm start` with NODE_ENV=production runs dist/start.js; development keeps tsx (no build).
// `npx wfm` (bin/wfm.js) runs dist/cli.js while the sources listed in dist/cli.sources.json still
// hash as they did here, and the TypeScript through tsx otherwise (see bin/wfm.js).
//
// --prepare (npm's `prepare`, run by `npm ci` / `npm install`): no type check, and a failure is
// a warning, not a failed install: `npx wfm` then runs the sources through tsx, only slower.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const prepare = process.argv.includes('--prepare');
if (!prepare && !process.argv.includes('--no-typecheck')) {
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
let result;
try {
  result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      start: 'server/start.ts',
      cli: 'bin/cli-main.ts',
      'solve-worker': 'scheduling/solve-worker.ts',
      'risk-calibration-worker': 'app/risk-calibration-worker.ts',
    },
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
} catch (err) {
  if (!prepare) throw err;
  rmSync(OUT, { recursive: true, force: true });
  console.warn(`build: the command line was not prebuilt (${err.message.split('\n')[0]}); \`npx wfm\` runs the sources through tsx.`);
  process.exit(0);
}
writeCliSources(result.metafile);
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
const shown = path.relative(ROOT, OUT);
const bytes = files.reduce((n, f) => n + statSync(path.join(ROOT, f)).size, 0);
console.log(
  `build: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB in ${shown}/ (${Date.now() - started} ms). ` +
    (prepare ? '`npx wfm` runs it while its sources are unchanged.' : 'Run: NODE_ENV=production npm start'),
);

/**
 * A file's inode, size and change times, for bin/wfm.js to skip hashing a file that no write has
 * touched since the build (as git's index does): any write changes the change time (ctime),
 * which no tool can set back, and a copy is a new inode. Only for files last changed at least
 * 2 s before now, so a write in the same clock tick as this look (a coarse file system) cannot
 * keep the key: a file changed just before a build is hashed at every run until the next build.
 */
function statKey(file) {
  const s = statSync(file, { bigint: true });
  const now = BigInt(Date.now()) * 1_000_000n;
  if (s.ctimeNs > now - 2_000_000_000n || s.mtimeNs > now - 2_000_000_000n) return null;
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/**
 * dist/cli.sources.json: every project file the command line's bundle was made from (its entry's
 * output and every chunk it imports, statically or lazily, and the solver's worker), with its SHA-1, plus the files that
 * shape the build itself. bin/wfm.js hashes them again before it trusts the bundle: content, not
 * modification times, which a checkout, a copy or an editor can leave unchanged or change alone.
 * `stats` (see statKey) lets it skip the hash of a file no write has touched since.
 */
function writeCliSources(metafile) {
  const outRel = path.relative(ROOT, OUT);
  // The workers are entries of their own, loaded by path (the solver's from `wfm schedule`, the
  // risk calibration's from any command that projects a week with its risk).
  const outputs = new Set();
  const todo = [path.join(outRel, 'cli.js'), path.join(outRel, 'solve-worker.js'), path.join(outRel, 'risk-calibration-worker.js')];
  while (todo.length) {
    const file = todo.pop();
    if (outputs.has(file) || !metafile.outputs[file]) continue;
    outputs.add(file);
    for (const i of metafile.outputs[file].imports) if (!i.external) todo.push(i.path);
  }
  const inputs = new Set(['bin/build.js', 'bin/wfm.js', 'tsconfig.json', 'package.json']);
  for (const file of outputs) for (const input of Object.keys(metafile.outputs[file].inputs)) inputs.add(input);
  const sources = {};
  const stats = {};
  for (const file of [...inputs].sort()) {
    if (file.startsWith('node_modules/') || file.includes(':')) continue;
    const stat = statKey(path.join(ROOT, file));
    sources[file] = createHash('sha1')
      .update(readFileSync(path.join(ROOT, file)))
      .digest('hex');
    if (stat) stats[file] = stat;
  }
  const manifest = { outputs: [...outputs].map((f) => path.relative(outRel, f)).sort(), sources, stats };
  writeFileSync(path.join(OUT, 'cli.sources.json'), JSON.stringify(manifest, null, 1) + '\n');
}
