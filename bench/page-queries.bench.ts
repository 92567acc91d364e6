/**
 * What each page costs the server, one request at a time: the SQL statements it runs (counted
 * through TypeORM's logger, so the figure does not depend on the machine) and its time in the
 * app's own process (median of 15). The demo team with its current week's rota published (solved
 * with a short time limit), on SQLite. The agent pages and the rota page of the web load bench.
 *   node --import tsx bench/page-queries.bench.ts [--sql]   (--sql lists each page's statements)
 */
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { startTestApp, type TestClient } from '../test/support/app';
import { seedDemo } from '../seeds';
import { ensureDemoRota } from '../app/rota-demo';
import { listStaff } from '../models/repositories/staff';

const SHOW_SQL = process.argv.includes('--sql');
const RUNS = 15;

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
    const statements: string[] = [];
    const logger = app.ds.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      statements.push(query);
      return logQuery(query, parameters, runner);
    };
    const agentName = (await listStaff(app.ds)).find((p) => p.role === 'agent')!.name.toLowerCase().replace(' ', '.');
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
    console.log(`demo team, week ${week}, agent ${agentName}; statements per request (after a first view), median ms of ${RUNS}`);
    console.log('page'.padEnd(26) + 'statements'.padStart(12) + 'median ms'.padStart(12));
    for (const [client, url] of pages) {
      await client.get(url);
      statements.length = 0;
      const res = await client.get(url);
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
      const sql = [...statements];
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await client.get(url);
        ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      console.log(url.padEnd(26) + String(sql.length).padStart(12) + ms[Math.floor(RUNS / 2)].toFixed(1).padStart(12));
      if (SHOW_SQL) for (const q of sql) console.log(`    ${q.replace(/\s+/g, ' ').slice(0, 220)}`);
    }
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
