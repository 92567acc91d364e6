/**
 * The pg-boss job backend when several app instances start at the same moment on a new queue
 * schema (a fresh install, or a deploy that starts its instances together). pg-boss's
 * create_queue inserts the queue's row and then adds a partition and foreign keys to it: two
 * instances doing that at once deadlock, PostgreSQL aborts one, and that instance's start failed
 * ("deadlock detected", issue 14). PostgreSQL only.
 */
import { expect } from 'chai';
import pg from 'pg';
import { PgBossJobBackend } from '../../../server/job-queue-pg-boss';
import { TEST_PG_URL, testDbKind } from '../../support/db';

const INSTANCES = 4;
const ROUNDS = 3;

describe(`pg-boss job backend: instances starting at once (${testDbKind()})`, function () {
  this.timeout(300_000);
  const schemas: string[] = [];

  before(function () {
    if (testDbKind() !== 'postgres') {
      console.log('      (skipped: the pg-boss queue needs PostgreSQL; run with TEST_DB=postgres)');
      this.skip();
    }
  });

  after(async () => {
    if (!schemas.length) return;
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await client.end();
  });

  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: ${INSTANCES} backends started together on a new queue schema → every start succeeds, one queue`, async () => {
      const schema = `q_race_${Date.now().toString(36)}_${process.pid}_${round}`;
      schemas.push(schema);
      const errors: string[] = [];
      const backends = Array.from(
        { length: INSTANCES },
        () => new PgBossJobBackend({ connectionString: TEST_PG_URL, schema, log: (m, err) => errors.push(`${m}: ${String(err)}`) }),
      );
      try {
        const starts = await Promise.allSettled(backends.map((b) => b.start(0, async () => undefined)));
        const failed = starts.flatMap((s, i) => (s.status === 'rejected' ? [`instance ${i}: ${String(s.reason)}`] : []));
        expect(failed, 'failed starts').to.deep.equal([]);
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        const { rows } = await client.query<{ name: string }>(`SELECT name FROM "${schema}".queue`);
        await client.end();
        expect(rows.map((r) => r.name)).to.deep.equal(['rota-jobs']);
      } finally {
        await Promise.all(backends.map((b) => b.stop()));
      }
    });
  }
});
