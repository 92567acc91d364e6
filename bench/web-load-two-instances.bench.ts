/**
 * Web load on loopback with two app instances on one PostgreSQL (issue 14): the demo install
 * started twice as `npm start` does (own processes, pg-boss queue, one solver worker each),
 * 200 signed-in agents at once, each request going to the instances in turn as a round-robin
 * proxy would, while a rota generation of next week runs on one of them. Prints p50/p95 and
 * errors per instance and page, answers per second, the CPU time each instance used during the
 * load (the solve's threads included: which one solves), and the generation's state before and
 * after. Each simulated user has its own connections to each instance (bench/http-client.ts).
 * Bounded in time and count; only 127.0.0.1 is ever addressed. Needs PostgreSQL
 * (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/test); uses its own schemas and
 * drops them at the end. A request with no answer in 30 s, any failed request, or a run longer than
 * 20 minutes fails the run: a message and exit code 1, never a hang.
 * `--cpu-prof DIR` writes each instance's V8 CPU profiles to DIR/A and DIR/B. `--probe` adds, for
 * the load's seconds, each instance's database pools (size, busy, requests waiting for a
 * connection: bench/pool-probe.ts) and what its connections were doing in pg_stat_activity
 * (sampled each second: active, idle in transaction, waiting on a lock), to tell waiting apart
 * from computing. `--pool-size N` sets ROTA_DB_POOL_SIZE of both instances.
 *   node --import tsx bench/web-load-two-instances.bench.ts [--quick] [--users 200] [--cpu-prof DIR] [--probe] [--pool-size N]
 */
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DateTime } from 'luxon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchClient, BenchTimeoutError } from './http-client';
import { startInstance, type Instance } from '../test/support/instance';

const QUICK = process.argv.includes('--quick');
const usersArg = process.argv.indexOf('--users');
const USERS = usersArg > 0 ? Number(process.argv[usersArg + 1]) : 200;
const SECONDS = QUICK ? 8 : 20;
/** A hard cap per simulated user, whatever the speed: the loop always ends. */
const MAX_ROUNDS = 200;
const AGENT_PAGES = ['/', '/my-shifts', '/requests'];
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** A request with no answer by then is a failure of the run (counted, printed, exit code 1), not a wait. */
const REQUEST_TIMEOUT_MS = 30_000;
/** The whole run, instances' start included: past it the bench stops them and exits with 1. */
const RUN_LIMIT_MS = 20 * 60_000;
const profArg = process.argv.indexOf('--cpu-prof');
const PROFILE_DIR = profArg > 0 ? path.resolve(process.argv[profArg + 1]) : null;
const PROBE = process.argv.includes('--probe');
const poolArg = process.argv.indexOf('--pool-size');
const POOL_SIZE = poolArg > 0 ? process.argv[poolArg + 1] : null;

/** Answer times per instance and page ('A /my-shifts'), and failed requests likewise. */
const samples = new Map<string, number[]>();
const errorsBy = new Map<string, number>();
let timeouts = 0;
/** The first few failures, said (status and the page's start, or the error). */
const errorSamples: string[] = [];
const PAGE_WIDTH = 16;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

async function timedGet(c: BenchClient, url: string, instance: string): Promise<void> {
  const t0 = performance.now();
  const key = `${instance} ${url}`;
  const ok = await c.get(url).then(
    (res) => res.status === 200 || `HTTP ${res.status}: ${res.text.replace(/\s+/g, ' ').slice(0, 200)}`,
    (err: unknown) => {
      if (err instanceof BenchTimeoutError) timeouts++;
      return err instanceof Error ? err.message : String(err);
    },
  );
  const ms = performance.now() - t0;
  if (ok !== true) {
    errorsBy.set(key, (errorsBy.get(key) ?? 0) + 1);
    if (errorSamples.length < 5) errorSamples.push(`${key} after ${ms.toFixed(0)} ms: ${ok}`);
  } else samples.set(key, [...(samples.get(key) ?? []), ms]);
}

/** CPU seconds a process has used so far, its solver threads included (Linux /proc; null elsewhere); `mainThread`: its main thread's only. */
function cpuSeconds(pid: number, mainThread = false): number | null {
  try {
    const file = mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
    const fields = fs.readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

/** Seconds the main thread of `pid` has waited, runnable, for a CPU so far (Linux schedstat; null elsewhere). */
function runQueueSeconds(pid: number): number | null {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
  } catch {
    return null;
  }
}

const row = (label: string, xs: number[], errors: number) =>
  label.padEnd(PAGE_WIDTH + 4) +
  String(xs.length).padStart(10) +
  pct(xs, 50).toFixed(1).padStart(10) +
  pct(xs, 95).toFixed(1).padStart(10) +
  String(errors).padStart(8);

async function pgQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The pool-probe lines an instance printed during the load: per pool, mean and peak of the requests waiting. */
function poolSummary(i: Instance, window: { from: number; to: number }): string {
  type PoolLine = { max: number; total: number; idle: number; waiting: number; maxWaiting: number };
  type ProbeLine = { pools: PoolLine[]; loopP50: number; loopMax: number };
  const lines = [...i.output().matchAll(/^pool-probe (\d+) (.*)$/gm)]
    .filter((m) => Number(m[1]) >= window.from && Number(m[1]) <= window.to)
    .map((m) => JSON.parse(m[2]) as ProbeLine);
  if (!lines.length) return `${i.name}: no pool-probe lines`;
  const mean = <T>(xs: T[], f: (x: T) => number) => (xs.reduce((s, x) => s + f(x), 0) / xs.length).toFixed(1);
  const pools = lines[lines.length - 1].pools.map((_, k) => {
    const xs = lines.map((l) => l.pools[k]).filter(Boolean);
    return `pool of ${xs[0].max}: busy ${mean(xs, (p) => p.total - p.idle)} on average, waiting ${mean(xs, (p) => p.waiting)} on average (peak ${Math.max(...xs.map((p) => p.maxWaiting))})`;
  });
  const loop = `event-loop delay p50 ${mean(lines, (l) => l.loopP50)} ms on average, max ${Math.max(...lines.map((l) => l.loopMax)).toFixed(0)} ms`;
  return `${i.name} during the load (${lines.length} s): ${pools.join('; ')}; ${loop}`;
}

/**
 * Samples pg_stat_activity every second for connections whose application_name starts with
 * `prefix`: per instance, the mean number active, idle in a transaction, and waiting on a lock,
 * and the oldest open transaction seen (a lock or a transaction held through the solve shows here).
 */
function sampleActivity(prefix: string): { stop(): Promise<string> } {
  const client = new pg.Client({ connectionString: PG_URL, application_name: 'rota-bench-observer' });
  const counts = new Map<string, number>();
  let samples = 0;
  const oldestXact = new Map<string, number>();
  let stopped = false;
  const loop = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query<{ app: string; state: string; wait: string | null; xact_s: number | null }>(
        `SELECT application_name AS app, state, wait_event_type AS wait,
                EXTRACT(EPOCH FROM now() - xact_start)::float AS xact_s
           FROM pg_stat_activity WHERE application_name LIKE $1`,
        [`${prefix}%`],
      );
      samples++;
      for (const r of rows) {
        const who = r.app.slice(prefix.length);
        const what = r.wait === 'Lock' ? 'waiting on a lock' : (r.state ?? 'unknown');
        counts.set(`${who} ${what}`, (counts.get(`${who} ${what}`) ?? 0) + 1);
        if (r.xact_s !== null && r.state !== 'idle') oldestXact.set(who, Math.max(oldestXact.get(who) ?? 0, r.xact_s));
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop.catch((err: unknown) => console.error('pg_stat_activity sampling failed', err));
      await client.end().catch(() => undefined);
      const parts = [...counts].sort().map(([k, n]) => `${k} ${(n / Math.max(1, samples)).toFixed(1)}`);
      const xacts = [...oldestXact].map(([who, s]) => `${who} ${s.toFixed(1)} s`);
      return `connections in pg_stat_activity (mean of ${samples} samples): ${parts.join(', ')}; oldest open transaction: ${xacts.join(', ') || 'none'}`;
    },
  };
}

async function login(baseUrl: string, username: string): Promise<BenchClient> {
  const c = new BenchClient(baseUrl, undefined, REQUEST_TIMEOUT_MS);
  const res = await c.postForm('/login', { username, password: 'rota-demo' }, '/login');
  if (res.status !== 302) throw new Error(`login as ${username}: HTTP ${res.status}`);
  return c;
}

async function jobState(c: BenchClient, week: string): Promise<string> {
  const html = (await c.get(`/rota/status?week=${week}`)).text;
  // The job box's class (running, done, failed…) and its first bold words ("Running", "Queued").
  const state = html.match(/class="rota-job ([a-z]+)/)?.[1] ?? 'none';
  const words = html.match(/<strong>([^<]+)<\/strong>/)?.[1] ?? '';
  return words ? `${state} ("${words}")` : state;
}

async function main(): Promise<void> {
  const tag = crypto.randomBytes(4).toString('hex');
  const schema = `bench_${tag}`;
  const queueSchema = `bench_q_${tag}`;
  await pgQuery(`CREATE SCHEMA "${schema}"`);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const env = {
    ROTA_DEMO: 'true',
    ROTA_QUEUE_SCHEMA: queueSchema,
    ROTA_SOLVER_WORKERS: '1',
    ...(POOL_SIZE ? { ROTA_DB_POOL_SIZE: POOL_SIZE } : {}),
  };
  // Each instance's connections named in pg_stat_activity (the URL's application_name wins).
  const appName = (name: string) => `rota-bench-${tag}-${name}`;
  const envOf = (name: string) => {
    const u = new URL(url);
    u.searchParams.set('application_name', appName(name));
    return { ...env, DATABASE_URL: u.toString() };
  };
  const instances: Instance[] = [];
  // A stalled instance must not hold the run (and the machine) forever: stop everything, say so.
  const watchdog = setTimeout(() => {
    console.error(`FAILED: the run did not finish in ${RUN_LIMIT_MS / 60_000} minutes; stopping the instances`);
    for (const i of instances) console.error(`--- ${i.name}'s output (end):\n${i.output().slice(-3000)}`);
    void Promise.all(instances.map((i) => i.kill())).finally(() => process.exit(1));
  }, RUN_LIMIT_MS);
  try {
    const nodeArgs = (name: string) => (PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.join(PROFILE_DIR, name)}`] : []);
    const entry = PROBE ? ['--import', 'tsx', '--import', './bench/pool-probe.ts', 'server/start.ts'] : undefined;
    const a = await startInstance('A', envOf('A'), { startTimeoutMs: 600_000, nodeArgs: nodeArgs('A'), entry });
    instances.push(a);
    const until = Date.now() + 600_000;
    while (!/Demo rota for the week of (\S+) published/.test(a.output()) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 500));
    const week = a.output().match(/Demo rota for the week of (\S+) published/)?.[1];
    if (!week) throw new Error(`no demo rota:\n${a.output()}`);
    const b = await startInstance('B', envOf('B'), { startTimeoutMs: 600_000, nodeArgs: nodeArgs('B'), entry });
    instances.push(b);
    const agentNames = [...a.output().matchAll(/^\s+(\S+)\s+agent\s/gm)].map((m) => m[1]);

    // A generation of next week, started on A, to run through the load (any instance's worker may take it).
    const next = DateTime.fromISO(week).plus({ weeks: 1 }).toISODate()!;
    const coordinator = await login(a.baseUrl, 'giorgi.kapanadze');
    await coordinator.postForm('/rota/generate', { week: next, mode: 'all', timeLimit: '300', seed: '1' }, `/rota?week=${next}`);
    const jobBefore = await jobState(coordinator, next);

    console.log(`logging in ${USERS} agents (${agentNames.length} demo accounts, one session each)…`);
    const users: { clients: BenchClient[] }[] = [];
    for (let i = 0; i < USERS; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, USERS - i) }, (_, k) =>
          login(instances[(i + k) % 2].baseUrl, agentNames[(i + k) % agentNames.length]),
        ),
      );
      for (const c of batch) users.push({ clients: [c, c.on(c.baseUrl === a.baseUrl ? b.baseUrl : a.baseUrl)] });
    }
    const stopAt = performance.now() + SECONDS * 1000;
    const started = performance.now();
    const cpuBefore = instances.map((i) => cpuSeconds(i.pid));
    const mainBefore = instances.map((i) => cpuSeconds(i.pid, true));
    const queuedBefore = instances.map((i) => runQueueSeconds(i.pid));
    const activity = PROBE ? sampleActivity(appName('')) : null;
    // Each user starts on the instance it logged in on (clients[0]; logins alternate A, B), then
    // alternates: every moment half the requests go to each instance, as behind a round-robin proxy.
    const run = async (u: { clients: BenchClient[] }) => {
      let n = 0;
      for (let round = 0; round < MAX_ROUNDS && performance.now() < stopAt; round++)
        for (const p of AGENT_PAGES) {
          if (performance.now() >= stopAt) break;
          const c = u.clients[n++ % 2];
          await timedGet(c, p, c.baseUrl === a.baseUrl ? 'A' : 'B');
        }
    };
    await Promise.all(users.map((u) => run(u)));
    const seconds = (performance.now() - started) / 1000;
    const loadWindow = { from: Date.now() - seconds * 1000, to: Date.now() };
    const activitySeen = activity ? await activity.stop() : null;
    const cpu = instances.map((i, k) => {
      const [before, after] = [cpuBefore[k], cpuSeconds(i.pid)];
      const [mainBefore_, mainAfter] = [mainBefore[k], cpuSeconds(i.pid, true)];
      if (before === null || after === null || mainBefore_ === null || mainAfter === null) return 'n/a';
      const [q0, q1] = [queuedBefore[k], runQueueSeconds(i.pid)];
      const queued = q0 === null || q1 === null ? '' : `, ${(q1 - q0).toFixed(1)} s runnable but waiting for a CPU`;
      return `${(after - before).toFixed(1)} CPU s (main thread ${(mainAfter - mainBefore_).toFixed(1)}${queued})`;
    });
    const jobAfter = await jobState(coordinator, next);

    console.log(`\n${USERS} agents at once for ${SECONDS} s on two instances (requests alternate A/B), while a rota generation runs:`);
    console.log(
      'instance page'.padEnd(PAGE_WIDTH + 4) +
        'answers'.padStart(10) +
        'p50 ms'.padStart(10) +
        'p95 ms'.padStart(10) +
        'errors'.padStart(8),
    );
    let total = 0;
    for (const name of ['A', 'B']) {
      for (const p of AGENT_PAGES) {
        const xs = samples.get(`${name} ${p}`) ?? [];
        total += xs.length;
        console.log(row(`${name}  ${p}`, xs, errorsBy.get(`${name} ${p}`) ?? 0));
      }
      const xs = AGENT_PAGES.flatMap((p) => samples.get(`${name} ${p}`) ?? []);
      const errs = AGENT_PAGES.reduce((e, p) => e + (errorsBy.get(`${name} ${p}`) ?? 0), 0);
      console.log(row(`${name}  all agent pages`, xs, errs));
    }
    const all = [...samples.values()].flat();
    const allErrors = [...errorsBy.values()].reduce((x, y) => x + y, 0);
    console.log(row('A+B all agent pages', all, allErrors));
    console.log(`${(total / seconds).toFixed(0)} answers/s; during the load A used ${cpu[0]}, B ${cpu[1]} (solver threads included)`);
    console.log(
      `load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}`,
    );
    console.log(`rota generation of ${next}: ${jobBefore} before the load, ${jobAfter} after it`);
    if (PROBE) {
      for (const i of instances) console.log(poolSummary(i, loadWindow));
      console.log(activitySeen);
    }
    await coordinator.postForm('/rota/cancel', { week: next }, `/rota?week=${next}`);
    for (const c of [coordinator, ...users.flatMap((u) => u.clients)]) c.close();
    if (timeouts > 0 || allErrors > 0) {
      console.error(`FAILED: ${timeouts} requests had no answer in ${REQUEST_TIMEOUT_MS / 1000} s; ${allErrors} requests failed in all`);
      for (const e of errorSamples) console.error(`  ${e}`);
      process.exitCode = 1;
    }
  } finally {
    clearTimeout(watchdog);
    await Promise.all(instances.map((i) => i.stop()));
    await pgQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${queueSchema}" CASCADE`).catch(() => undefined);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
