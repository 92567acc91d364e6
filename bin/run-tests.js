#!/usr/bin/env node
// `npm test`: the whole suite on SQLite (a temporary file per test run), then the tests that
// touch a database (test/integration, test/e2e) again on PostgreSQL when one answers on
// 127.0.0.1:5432 (or TEST_PG_URL), so migrations and queries stay portable. test/unit never
// opens a database (test/unit/architecture checks it), so running it twice would only cost time.
// Without PostgreSQL (a newcomer's laptop) the second run is skipped, saying so.
// TEST_TIMINGS=1 adds each file's wall time, slowest first, to the output.
// Ends with one plain line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Extra arguments go to mocha (e.g. `npm test -- --grep erlang`); the default is the whole suite.
const args = process.argv.slice(2);
const explicitFiles = args.some((a) => a.endsWith('.ts'));
const extra = explicitFiles ? args : ['test/**/*.test.ts', ...args];
// The PostgreSQL run: the database-touching folders, or the given files that are in them.
const DB_FOLDERS = ['test/integration/', 'test/e2e/'];
const pgExtra = explicitFiles
  ? args.filter((a) => !a.endsWith('.ts') || DB_FOLDERS.some((f) => a.startsWith(f) || a.startsWith(`./${f}`)))
  : [...DB_FOLDERS.map((f) => `${f}**/*.test.ts`), ...args];
const pgHasFiles = pgExtra.some((a) => a.endsWith('.ts'));
const reporter = process.env.TEST_TIMINGS === '1' ? 'test/support/timing-reporter.ts' : 'spec';

function pgReachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(1500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function runMocha(label, env, files) {
  console.log(`\n=== test run: ${label} ===`);
  const started = Date.now();
  const res = spawnSync(process.execPath, ['node_modules/mocha/bin/mocha.js', '--reporter', reporter, ...files], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(res.stdout ?? '');
  console.log(`(${label}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const count = (word) => Number((res.stdout ?? '').match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  return { passed: count('passing'), failed: count('failing'), skipped: count('pending'), status: res.status ?? 1 };
}

// The gates first: a type error, a lint error or unformatted code fails the run (production runs
// TypeScript through tsx, so nothing else would stop a type error from shipping).
function gate(label, bin, binArgs) {
  console.log(`\n=== gate: ${label} ===`);
  const res = spawnSync(process.execPath, [bin, ...binArgs], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) console.log(`gate failed: ${label}`);
  return res.status === 0;
}
const gatesOk =
  process.env.SKIP_GATES === '1' || args.length > 0
    ? true
    : [
        gate('tsc --noEmit', 'node_modules/typescript/bin/tsc', ['--noEmit', '-p', '.']),
        gate('eslint', 'node_modules/eslint/bin/eslint.js', ['.']),
        gate('prettier --check', 'node_modules/prettier/bin/prettier.cjs', ['--check', '--log-level', 'warn', '.']),
      ].every(Boolean);

const runs = [runMocha('SQLite', { TEST_DB: 'sqlite' }, extra)];
if (!pgHasFiles) {
  console.log('\nPostgreSQL run skipped: none of the given files touches a database (only test/integration and test/e2e do).');
} else if (await pgReachable(PG_URL)) {
  runs.push(
    runMocha(
      `PostgreSQL (${PG_URL}): test/integration and test/e2e only; test/unit touches no database and ran above`,
      { TEST_DB: 'postgres', TEST_PG_URL: PG_URL },
      pgExtra,
    ),
  );
} else {
  console.log(`\nPostgreSQL not reachable at ${PG_URL}: the PostgreSQL run is skipped (SQLite run only).`);
}
const total = runs.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
const ok = gatesOk && runs.every((r) => r.status === 0) && total.failed === 0;
if (!gatesOk) console.log('\nA gate failed (types, lint or format): see above.');
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(ok ? 0 : 1);
