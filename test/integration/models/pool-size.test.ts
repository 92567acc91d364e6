/**
 * openDatabase's PostgreSQL pool size (ROTA_DB_POOL_SIZE): the app never holds more connections
 * than asked, however many queries wait. PostgreSQL only (SQLite has one connection).
 */
import { expect } from 'chai';
import { openDatabase, type DataSource } from '../../../models';
import { createTestDataSource, destroyTestDataSource, testDatabaseEnv, testDbKind } from '../../support/db';

describe(`models/openDatabase: the PostgreSQL pool size (${testDbKind()})`, function () {
  this.timeout(60_000);
  let base: DataSource;
  before(async function () {
    if (testDbKind() !== 'postgres') {
      console.log('      (skipped: a pool of connections is PostgreSQL only; run with TEST_DB=postgres)');
      this.skip();
    }
    base = await createTestDataSource();
  });
  after(() => destroyTestDataSource(base));

  it('poolSize 2, 8 queries at once → all 8 answered on at most 2 connections (2 distinct server processes)', async () => {
    const ds = await openDatabase({ databaseUrl: testDatabaseEnv(base).DATABASE_URL, sqlitePath: '', poolSize: 2 }, { migrate: false });
    try {
      const pids = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const rows = (await ds.query('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)')) as { pid: number }[];
          return rows[0].pid;
        }),
      );
      expect(pids).to.have.length(8);
      expect(new Set(pids).size).to.be.at.most(2);
    } finally {
      await ds.destroy();
    }
  });

  it('no poolSize → the default of 10', async () => {
    const ds = await openDatabase({ databaseUrl: testDatabaseEnv(base).DATABASE_URL, sqlitePath: '' }, { migrate: false });
    try {
      const pids = await Promise.all(
        Array.from(
          { length: 14 },
          async () => ((await ds.query('SELECT pg_backend_pid() AS pid, pg_sleep(0.2)')) as { pid: number }[])[0].pid,
        ),
      );
      expect(new Set(pids).size).to.be.at.most(10);
    } finally {
      await ds.destroy();
    }
  });
});
