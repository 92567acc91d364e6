/**
 * What each page costs the server, one request at a time: the SQL statements it runs (counted
 * through TypeORM's logger, so the figure does not depend on the machine), its time in the app's
 * own process (median of 15) and its CPU time (mean per request, the test client's included: on
 * a busy machine steadier than the time, which includes waiting for a core). The demo team with
 * its current week's rota published (solved with a short time limit), on SQLite. The agent pages
 * and the rota page of the web load bench.
 *   node --import tsx bench/page-queries.bench.ts [--sql] [--plan] [--runs N] [--only /PATH]
 * (--sql lists each page's statements; --plan those SQLite answers by reading a whole table;
 * --only measures the one page of that path.)
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { startTestApp, type TestClient } from '../test/support/app';
import { seedDemo } from '../seeds';
import { ensureDemoRota } from '../app/rota-demo';
import { listStaff } from '../models/repositories/staff';

const SHOW_SQL = process.argv.includes('--sql');
const SHOW_PLAN = process.argv.includes('--plan');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : null;

async function main(): Promise<void> {
  const now = new Date();
  let week = '';
  const app = await startTestApp({
    env: { ROTA_DEMO: 'true' },
    seed: async (ds) => {
      await seedDemo(ds, { now: DateTime.fromJSDate(now) });
      const made = await ensureDemoRota(ds, now, { timeLimitSeconds: 20 });
      week = made?.weekStart ?? '';
    },
  });
  try {
    const statements: { query: string; parameters: unknown[] }[] = [];
    const logger = app.ds.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      statements.push({ query, parameters: (parameters ?? []) as unknown[] });
      return logQuery(query, parameters, runner);
    };
    const agentName = (await listStaff(app.ds))
      .find((p) => p.role === 'agent')!
      .name.toLowerCase()
      .replace(' ', '.');
    const login = async (username: string): Promise<TestClient> => {
      const c = app.client();
      const res = await c.postForm('/login', { username, password: 'rota-demo' }, '/login');
      if (res.status !== 302) throw new Error(`login as ${username}: HTTP ${res.status}`);
      return c;
    };
    const agent = await login(agentName);
    const coordinator = await login('giorgi.kapanadze');
    const pages: [TestClient, string][] = [
      [agent, '/'],
      [agent, '/my-shifts'],
      [agent, '/requests'],
      [coordinator, `/rota?week=${week}`],
    ];
    console.log(
      `demo team, week ${week}, agent ${agentName}; statements per request (after a first view), median ms of ${RUNS}; ${os.loadavg()[0].toFixed(2)} load`,
    );
    console.log('page'.padEnd(26) + 'statements'.padStart(12) + 'median ms'.padStart(12) + 'CPU ms'.padStart(12));
    for (const [client, url] of pages) {
      if (ONLY && url.split('?')[0] !== ONLY) continue;
      await client.get(url);
      statements.length = 0;
      const res = await client.get(url);
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
      const sql = [...statements];
      const ms: number[] = [];
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await client.get(url);
        ms.push(performance.now() - t0);
      }
      const cpu = process.cpuUsage(cpu0);
      ms.sort((a, b) => a - b);
      console.log(
        url.padEnd(26) +
          String(sql.length).padStart(12) +
          ms[Math.floor(RUNS / 2)].toFixed(1).padStart(12) +
          ((cpu.user + cpu.system) / 1000 / RUNS).toFixed(1).padStart(12),
      );
      if (SHOW_SQL) for (const q of sql) console.log(`    ${q.query.replace(/\s+/g, ' ')}`);
      // SQLite's plan of each statement: a SCAN of a table (rather than a SEARCH on an index) reads all of it.
      if (SHOW_PLAN)
        for (const q of sql) {
          const plan = (await app.ds.query(`EXPLAIN QUERY PLAN ${q.query}`, q.parameters)) as { detail: string }[];
          const scans = plan.map((p) => p.detail).filter((d) => /^SCAN /.test(d));
          if (scans.length) console.log(`    ${scans.join('; ')} ← ${q.query.replace(/\s+/g, ' ').slice(0, 160)}`);
        }
    }
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
