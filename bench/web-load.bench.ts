/**
 * Web load on loopback: the demo install (SQLite, its current week's rota published) started as
 * `npm start` does, in its own process, then 50 signed-in agents at once, each loading its pages
 * (home, my shifts, requests) one after another, while one coordinator reloads the rota page:
 * first with no pause between pages (saturation), then with a pause of `--think` ms on average
 * (people reading). Prints p50/p95 per page, requests per second, errors and the machine's load.
 * Bounded in time and count; only 127.0.0.1 is ever addressed. Each simulated user has its own
 * connections (bench/http-client.ts).
 * `--cpu-prof DIR` writes the server's V8 CPU profile there (open it in Chrome's DevTools, or
 * summarise it with `node --import tsx bench/profile-summary.ts FILE`).
 *   node --import tsx bench/web-load.bench.ts [--quick] [--think MS] [--cpu-prof DIR]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchClient } from './http-client';
import { startInstance } from '../test/support/instance';

const QUICK = process.argv.includes('--quick');
const profArg = process.argv.indexOf('--cpu-prof');
const PROFILE_DIR = profArg > 0 ? path.resolve(process.argv[profArg + 1]) : null;
const AGENTS = 50;
const SECONDS = QUICK ? 8 : 20;
/** A hard cap per simulated user, whatever the speed: the loop always ends. */
const MAX_ROUNDS = 400;
const AGENT_PAGES = ['/', '/my-shifts', '/requests'];
/** The second phase's mean pause between one user's pages (`--think MS`). */
const thinkArg = process.argv.indexOf('--think');
const THINK_MS = thinkArg > 0 ? Number(process.argv[thinkArg + 1]) : 2000;

const samples = new Map<string, number[]>();
let errors = 0;

async function timedGet(c: BenchClient, url: string, label = url): Promise<void> {
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
  const rate = seconds !== null ? `${(total / seconds).toFixed(0)} requests/s, ` : '';
  console.log(`${rate}${errors} errors; ${loadNow()}`);
  samples.clear();
  errors = 0;
}

/** The machine's load (it is shared: figures from a busy machine are not comparable with a quiet one's). */
const loadNow = () =>
  `load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`;

async function login(baseUrl: string, username: string): Promise<BenchClient> {
  const c = new BenchClient(baseUrl);
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

    const agents: BenchClient[] = [];
    for (let i = 0; i < AGENTS; i++) agents.push(await login(app.baseUrl, agentNames[i % agentNames.length]));
    const agentPages = AGENT_PAGES.map((p): [string, string] => [p, p]);
    const phase = async (thinkMs: number) => {
      const stopAt = performance.now() + SECONDS * 1000;
      const started = performance.now();
      const user = async (c: BenchClient, pages: [url: string, label: string][], think: number) => {
        // With pauses, users arrive over one pause rather than all in the first millisecond.
        if (think) await new Promise((r) => setTimeout(r, think * Math.random()));
        for (let round = 0; round < MAX_ROUNDS && performance.now() < stopAt; round++)
          for (const [url, label] of pages) {
            if (performance.now() >= stopAt) break;
            await timedGet(c, url, label);
            // Reading the page: 0.5 to 1.5 times the mean, so the users do not march in step.
            if (think) await new Promise((r) => setTimeout(r, think * (0.5 + Math.random())));
          }
      };
      await Promise.all([...agents.map((c) => user(c, agentPages, thinkMs)), user(coordinator, [[rotaUrl, '/rota']], thinkMs)]);
      return (performance.now() - started) / 1000;
    };
    // Saturation: every user asks again the moment a page arrives (no reading time), so each
    // answer waits for the 50 others' (latency ≈ users / throughput): a measure of throughput.
    let seconds = await phase(0);
    report(`${AGENTS} agents at once for ${SECONDS} s (their pages, no pause) + 1 coordinator on the rota page:`, seconds);
    // People: each reads a page for about THINK_MS before the next one, as at work.
    seconds = await phase(THINK_MS);
    report(
      `${AGENTS} agents at once for ${SECONDS} s, each pausing ${THINK_MS / 1000} s on average between pages, + 1 coordinator likewise:`,
      seconds,
    );
    for (const c of [...agents, coordinator, oneAgent]) c.close();
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
