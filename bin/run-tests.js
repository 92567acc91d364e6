#!/usr/bin/env node
// `npm test`: the whole suite on SQLite (a temporary file per test run), then again on
// PostgreSQL when one answers on 127.0.0.1:5432 (or TEST_PG_URL), so migrations and queries
// stay portable. Without PostgreSQL (a newcomer's laptop) the second run is skipped, saying so.
// Ends with one plain line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Extra arguments go to mocha (e.g. `npm test -- --grep erlang`); the default is the whole suite.
const args = process.argv.slice(2);
const extra = args.some((a) => a.endsWith('.ts')) ? args : ['test/**/*.test.ts', ...args];

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

function runMocha(label, env) {
  console.log(`\n=== test run: ${label} ===`);
  const res = spawnSync(process.execPath, ['node_modules/mocha/bin/mocha.js', '--reporter', 'spec', ...extra], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(res.stdout ?? '');
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

const runs = [runMocha('SQLite', { TEST_DB: 'sqlite' })];
if (await pgReachable(PG_URL)) {
  runs.push(runMocha(`PostgreSQL (${PG_URL})`, { TEST_DB: 'postgres', TEST_PG_URL: PG_URL }));
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
