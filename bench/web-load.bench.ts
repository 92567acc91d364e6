/**
 * Web load on loopback: the demo install (SQLite, its current week's rota published) started as
 * `npm start` does, in its own process, then 50 signed-in agents at once, each loading its pages
 * (home, my shifts, requests) one after another, while one coordinator reloads the rota page.
 * Prints p50/p95 per page, requests per second and errors. Bounded in time and count; only
 * 127.0.0.1 is ever addressed.
 * `--cpu-prof DIR` writes the server's V8 CPU profile there (open it in Chrome's DevTools, or
 * summarise it with `node --import tsx bench/profile-summary.ts FILE`).
 *   node --import tsx bench/web-load.bench.ts [--quick] [--cpu-prof DIR]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TestClient } from '../test/support/app';
import { startInstance } from '../test/support/instance';

const QUICK = process.argv.includes('--quick');
const profArg = process.argv.indexOf('--cpu-prof');
const PROFILE_DIR = profArg > 0 ? path.resolve(process.argv[profArg + 1]) : null;
const AGENTS = 50;
const SECONDS = QUICK ? 8 : 20;
/** A hard cap per simulated user, whatever the speed: the loop always ends. */
const MAX_ROUNDS = 400;
const AGENT_PAGES = ['/', '/my-shifts', '/requests'];

const samples = new Map<string, number[]>();
let errors = 0;

async function timedGet(c: TestClient, url: string, label = url): Promise<void> {
  const t0 = performance.now();
  const res = await c.get(url);
  const ms = performance.now() - t0;
  if (res.status !== 200) errors++;
  else samples.set(label, [...(samples.get(label) ?? []), ms]);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function report(title: string, seconds: number | null): void {
  console.log(`\n${title}`);
  console.log('page'.padEnd(22) + 'requests'.padStart(10) + 'p50 ms'.padStart(10) + 'p95 ms'.padStart(10));
  let total = 0;
  for (const [label, xs] of samples) {
    total += xs.length;
    console.log(
      label.padEnd(22) + String(xs.length).padStart(10) + pct(xs, 50).toFixed(1).padStart(10) + pct(xs, 95).toFixed(1).padStart(10),
    );
  }
  if (seconds !== null) console.log(`${(total / seconds).toFixed(0)} requests/s, ${errors} errors`);
  else if (errors) console.log(`${errors} errors`);
  samples.clear();
  errors = 0;
}

async function login(baseUrl: string, username: string): Promise<TestClient> {
  const c = new TestClient(baseUrl);
  const res = await c.postForm('/login', { username, password: 'rota-demo' }, '/login');
  if (res.status !== 302) throw new Error(`login as ${username}: HTTP ${res.status}`);
  return c;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rota-web-bench-'));
  const app = await startInstance(
    'app',
    { ROTA_SQLITE_PATH: path.join(dir, 'rota.sqlite'), ROTA_DEMO: 'true' },
    { nodeArgs: PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [] },
  );
  try {
    const until = Date.now() + 300_000;
    while (!/Demo rota for the week of (\S+) published/.test(app.output()) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 500));
    const week = app.output().match(/Demo rota for the week of (\S+) published/)?.[1];
    if (!week) throw new Error(`no demo rota:\n${app.output()}`);
    const agentNames = [...app.output().matchAll(/^\s+(\S+)\s+agent\s/gm)].map((m) => m[1]);
    const rotaUrl = `/rota?week=${week}`;

    const coordinator = await login(app.baseUrl, 'giorgi.kapanadze');
    for (let i = 0; i < 3; i++) await coordinator.get(rotaUrl); // warm-up
    for (let i = 0; i < 10; i++) await timedGet(coordinator, rotaUrl, '/rota (alone)');
    const oneAgent = await login(app.baseUrl, agentNames[0]);
    for (let i = 0; i < 10; i++) for (const p of AGENT_PAGES) await timedGet(oneAgent, p, `${p} (alone)`);
    report('One user at a time (10 requests each):', null);

    const agents: TestClient[] = [];
    for (let i = 0; i < AGENTS; i++) agents.push(await login(app.baseUrl, agentNames[i % agentNames.length]));
    const stopAt = performance.now() + SECONDS * 1000;
    const started = performance.now();
    const user = async (c: TestClient, pages: [url: string, label: string][]) => {
      for (let round = 0; round < MAX_ROUNDS && performance.now() < stopAt; round++)
        for (const [url, label] of pages) if (performance.now() < stopAt) await timedGet(c, url, label);
    };
    const agentPages = AGENT_PAGES.map((p): [string, string] => [p, p]);
    await Promise.all([...agents.map((c) => user(c, agentPages)), user(coordinator, [[rotaUrl, '/rota']])]);
    report(
      `${AGENTS} agents at once for ${SECONDS} s (their pages) + 1 coordinator on the rota page:`,
      (performance.now() - started) / 1000,
    );
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
