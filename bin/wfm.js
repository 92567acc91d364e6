#!/usr/bin/env node
// The `wfm` command line. A plain-JS shim: it runs the prebuilt bundle (dist/cli.js, made by
// `npm run build` and by `npm ci`'s prepare step) when every source it was built from is
// unchanged, else registers the TypeScript loader (tsx) and runs bin/cli.ts, so `npx wfm …`
// works without a build step and never runs code older than the sources.
//
// Unchanged means the same SHA-1 as at build time (dist/cli.sources.json), not the same
// modification time: a checkout or a copy can keep one and change the other. A file whose
// inode, size and change times are those the build saw is not hashed again (no write touched
// it: any write moves its ctime); tsx's start costs most of a second.
// ROTA_WFM_BUILD=DIR reads the bundle from another build folder (tests); WFM_EXPLAIN=1 says
// on stderr which path was taken and why.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.resolve(ROOT, process.env.ROTA_WFM_BUILD ?? 'dist');

/** The file's key as bin/build.js's statKey wrote it, or null when it cannot be read. */
function statKey(file) {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return null;
  }
}

/** Why the bundle cannot be used, or null when it is up to date with the sources. */
async function staleness() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(BUILD, 'cli.sources.json'), 'utf8'));
  } catch {
    return `no prebuilt command line in ${path.relative(ROOT, BUILD) || '.'}/`;
  }
  for (const out of manifest.outputs ?? []) if (!existsSync(path.join(BUILD, out))) return `${out} is missing from the build`;
  const sources = Object.entries(manifest.sources ?? {});
  if (sources.length === 0) return 'the build lists no sources';
  // A file no write has touched since the build (same inode, size and change times) has the
  // content it had: only the others are read and hashed (hashing all ~300 cost 50 ms a start).
  const stats = manifest.stats ?? {};
  let createHash;
  for (const [file, hash] of sources) {
    if (stats[file] !== undefined && statKey(path.join(ROOT, file)) === stats[file]) continue;
    createHash ??= (await import('node:crypto')).createHash;
    let text;
    try {
      text = readFileSync(path.join(ROOT, file));
    } catch {
      return `${file} was removed since the build`;
    }
    if (createHash('sha1').update(text).digest('hex') !== hash) return `${file} changed since the build`;
  }
  return null;
}

const stale = await staleness();
if (process.env.WFM_EXPLAIN === '1')
  process.stderr.write(stale ? `wfm: through tsx: ${stale}\n` : `wfm: prebuilt ${path.relative(ROOT, BUILD)}/cli.js\n`);
if (stale === null) {
  // dist/cli.js (bin/cli-main.ts) runs the command and sets the exit code itself.
  await import(pathToFileURL(path.join(BUILD, 'cli.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./cli.ts');
  process.exitCode = await main(process.argv.slice(2));
}
