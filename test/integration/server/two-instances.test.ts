/**
 * Two (then three) real app processes on one PostgreSQL schema, with the pg-boss job queue, as
 * several instances behind a load balancer: nothing that matters may live in one process's
 * memory. Sessions, the login limit and rota generations (progress, cancel, a killed worker)
 * are checked across instances. Every wait polls with a generous deadline: the verdicts do not
 * depend on the machine's speed. PostgreSQL only (SQLite is one embedded instance).
 */
import { expect } from 'chai';
import { rotaJobSubject } from '../../../app/rota-jobs';
import pg from 'pg';
import { DateTime } from 'luxon';
import { seedMinimalTeam, TEST_PASSWORD, TestClient } from '../../support/app';
import { createTestDataSource, destroyTestDataSource, TEST_PG_URL, testDatabaseEnv, testDbKind } from '../../support/db';
import { addRotaTeam, storeWeekRequirement } from '../../support/rota-builders';
import { startInstance, type Instance } from '../../support/instance';
import { latestJob, type JobRecord } from '../../../models/repositories/jobs';
import { listRotasForWeek } from '../../../models/repositories/rotas';
import type { DataSource } from '../../../models';
import { defaultTeamId } from '../../support/default-team';

const ZONE = 'Asia/Tbilisi';
const WEEK = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1 }).toISODate()!;
const DEADLINE_MS = 180_000;

async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, debug: () => string): Promise<T> {
  const until = Date.now() + DEADLINE_MS;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > until) throw new Error(`never ${what} within ${DEADLINE_MS / 1000} s\n${debug()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe(`two app instances on one PostgreSQL: sessions, login limit, rota jobs (${testDbKind()})`, function () {
  this.timeout(15 * 60_000);
  let ds: DataSource;
  let queueSchema = '';
  const instances: Instance[] = [];
  let env: Record<string, string> = {};
  const job = async () => latestJob(ds, 'rota.generate', rotaJobSubject(await defaultTeamId(ds), WEEK));
  const dump = () => instances.map((i) => `--- ${i.name} (pid ${i.pid}):\n${i.output().slice(-3000)}`).join('\n');
  const start = async (name: string, workers: number) => {
    const instance = await startInstance(name, { ...env, ROTA_SOLVER_WORKERS: String(workers) });
    instances.push(instance);
    return instance;
  };
  const login = async (on: Instance, username: string) => {
    const c = new TestClient(on.baseUrl);
    const res = await c.postForm('/login', { username, password: TEST_PASSWORD }, '/login');
    expect(res.status, `login as ${username}`).to.equal(302);
    return c;
  };
  let a: Instance;
  let b: Instance;

  before(async function () {
    if (testDbKind() !== 'postgres') {
      console.log('      (skipped: several app instances need PostgreSQL; run with TEST_DB=postgres)');
      this.skip();
    }
    ds = await createTestDataSource();
    await seedMinimalTeam(ds);
    await addRotaTeam(ds, 6);
    await storeWeekRequirement(ds, WEEK);
    queueSchema = `q_${Date.now().toString(36)}_${process.pid}`;
    env = {
      ...testDatabaseEnv(ds),
      ROTA_DEMO: 'false',
      SESSION_SECRET: 's'.repeat(40),
      ROTA_QUEUE_SCHEMA: queueSchema,
      ROTA_JOB_ATTEMPTS: '2',
      // Short, so that a killed worker is noticed soon; heartbeats come every second.
      ROTA_JOB_LOST_AFTER_SECONDS: '6',
      LOGIN_FAILURES_BEFORE_LOCK: '3',
      // Solvers at normal priority: a niced one on a machine busy with other work gets little CPU.
      ROTA_SOLVER_NICENESS: '0',
    };
    // Started together, as a deploy does: both set up the new queue schema at once (this start
    // once failed with "deadlock detected" in pg-boss's create_queue; see job-queue-pg-boss.test.ts).
    [a, b] = await Promise.all([start('A (1 solver)', 1), start('B (web only)', 0)]);
  });

  after(async () => {
    await Promise.all(instances.map((i) => i.kill()));
    if (ds) await destroyTestDataSource(ds);
    if (queueSchema) {
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${queueSchema}" CASCADE`);
      await client.end();
    }
  });

  it('session: logged in on A, the same cookie is signed in on B (a fresh client on B is sent to the login page)', async () => {
    const onA = await login(a, 'coordinator');
    expect((await onA.get('/rota')).status).to.equal(200);
    const onB = onA.on(b.baseUrl);
    const page = await onB.get('/rota');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Test coordinator');
    expect((await new TestClient(b.baseUrl).get('/rota')).status, 'no cookie, no session').to.equal(302);
    // Logging out on B ends the session on A too.
    await onB.postForm('/logout', {}, '/rota');
    expect((await onA.get('/rota')).status).to.equal(302);
  });

  it('login limit: 2 failures on A and 1 on B lock the account on both (3 allowed), even with the right password', async () => {
    const fail = (on: Instance) => new TestClient(on.baseUrl).postForm('/login', { username: 'head', password: 'wrong' }, '/login');
    expect((await fail(a)).status).to.equal(401);
    expect((await fail(a)).status).to.equal(401);
    expect((await fail(b)).status).to.equal(401);
    for (const on of [a, b]) {
      const right = await new TestClient(on.baseUrl).postForm('/login', { username: 'head', password: TEST_PASSWORD }, '/login');
      expect(right.status, `locked on ${on.name}`).to.equal(429);
    }
  });

  it('generation: started on A (the solver), its progress shows on B (web only) and B cancels it; nothing stored', async () => {
    const onA = await login(a, 'coordinator');
    const onB = onA.on(b.baseUrl);
    // A budget far above the test's needs: the solve is still running when the cancel comes.
    expect((await onA.postForm('/rota/generate', { week: WEEK, timeLimit: '300' }, `/rota?week=${WEEK}`)).status).to.equal(303);
    const status = await eventually(
      'showed the solver progress on B',
      async () => {
        const res = await onB.get(`/rota/status?week=${WEEK}`);
        // An objective figure (not the dash shown before the first rota) comes from A's worker via the jobs row.
        return /Generating…/.test(res.text) && /Objective[^<]*: <strong>\d/.test(res.text) && res.text;
      },
      dump,
    );
    expect(status).to.contain('Cancel generation');
    const running = (await job())!;
    expect(running.lease, 'A runs it').to.match(new RegExp(`:${a.pid}:`));
    expect((await onB.postForm('/rota/cancel', { week: WEEK }, `/rota?week=${WEEK}`)).status).to.equal(303);
    const done = await eventually('cancelled', async () => ((await job())?.state === 'cancelled' ? (await job())! : null), dump);
    expect(done).to.include({ errorCode: 'rota.jobError.cancelled', attempts: 1 });
    expect((await onA.get(`/rota/status?week=${WEEK}`)).text).to.contain('Generation cancelled');
    expect(await listRotasForWeek(ds, await defaultTeamId(ds), WEEK)).to.have.length(0);
  });

  it('a killed solver: A is killed mid-solve, the job is retried on C; C killed too, no attempt left: failed as lost, said on B', async () => {
    const onB = await login(b, 'coordinator');
    expect((await onB.postForm('/rota/generate', { week: WEEK, timeLimit: '300' }, `/rota?week=${WEEK}`)).status).to.equal(303);
    const isRunningOn = (who: Instance, attempt: number) => async () => {
      const j = await job();
      return j && j.state === 'running' && j.attempts === attempt && j.lease?.includes(`:${who.pid}:`) ? j : null;
    };
    await eventually('running on A', isRunningOn(a, 1), dump);
    await a.kill();
    const c = await start('C (1 solver, started after A died)', 1);
    const retried: JobRecord = await eventually('retried on C (attempt 2)', isRunningOn(c, 2), dump);
    expect(retried.errorDetail, 'why it was retried').to.contain('attempt 1 went silent');
    expect((await onB.get(`/rota/status?week=${WEEK}`)).text).to.contain('attempt 2 of 2');
    await c.kill();
    const lost = await eventually('marked failed', async () => ((await job())?.state === 'failed' ? (await job())! : null), dump);
    expect(lost).to.include({ errorCode: 'rota.jobError.lost', attempts: 2 });
    const words = await onB.get(`/rota/status?week=${WEEK}`);
    expect(words.text).to.contain('Generation failed').and.contain('The server running it stopped, and no attempt was left');
    expect(await listRotasForWeek(ds, await defaultTeamId(ds), WEEK)).to.have.length(0);
  });
});
