import { expect } from 'chai';
import { loadConfig, ConfigError } from '../../../server/config';

const SECRET = 'k'.repeat(40);
const DEMO_SECRET = 'rota-demo-session-secret-not-for-production-use';

describe('config (server/config.ts)', () => {
  it('production: demo mode (the default) is refused, naming ROTA_DEMO and the override', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.contains('ROTA_DEMO')
      .and.contains('ROTA_ALLOW_DEMO_IN_PRODUCTION=true');
  });

  it('production: the public demo session secret is refused even with demo mode off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ROTA_DEMO: 'false', SESSION_SECRET: DEMO_SECRET }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.contains('SESSION_SECRET');
  });

  it('production: demo off with a real secret starts; forced demo starts too', () => {
    expect(loadConfig({ NODE_ENV: 'production', ROTA_DEMO: 'false', SESSION_SECRET: SECRET })).to.include({
      demoMode: false,
      production: true,
    });
    expect(loadConfig({ NODE_ENV: 'production', ROTA_ALLOW_DEMO_IN_PRODUCTION: 'true' })).to.include({ demoMode: true });
  });

  it('outside production: demo mode with the demo secret is fine (the local demo)', () => {
    expect(loadConfig({})).to.include({ demoMode: true, production: false });
  });

  it('PUBLIC_URL: trailing slash removed; not a URL or not http(s) is refused', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://rota.example.ge/' }).publicUrl).to.equal('https://rota.example.ge');
    expect(loadConfig({}).publicUrl).to.equal(undefined);
    expect(() => loadConfig({ PUBLIC_URL: 'rota.example.ge' })).to.throw(ConfigError, /PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' })).to.throw(ConfigError, /PUBLIC_URL/);
  });

  it('login limits: defaults 5 failures, 1 to 60 minutes, 50 per address; a maximum below the first wait is refused', () => {
    expect(loadConfig({}).login).to.deep.equal({
      failuresBeforeLock: 5,
      firstLockMinutes: 1,
      maxLockMinutes: 60,
      addressFailuresPer15Min: 50,
    });
    expect(() => loadConfig({ LOGIN_LOCK_MINUTES: '10', LOGIN_LOCK_MAX_MINUTES: '5' })).to.throw(ConfigError, /LOGIN_LOCK_MAX_MINUTES/);
  });

  it('jobs: defaults 1 worker, 900 s, 2 attempts, lost after 60 s, schema pgboss; 0 workers only with PostgreSQL; a bad schema name is refused', () => {
    expect(loadConfig({}).jobs).to.deep.equal({
      workers: 1,
      timeLimitSeconds: 900,
      attempts: 2,
      lostAfterSeconds: 60,
      queueSchema: 'pgboss',
      solverNiceness: 10,
    });
    expect(() => loadConfig({ ROTA_SOLVER_WORKERS: '0' }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.contains('ROTA_SOLVER_WORKERS');
    const web = loadConfig({ ROTA_SOLVER_WORKERS: '0', DATABASE_URL: 'postgres://u@db/rota', ROTA_QUEUE_SCHEMA: 'jobs_q' });
    expect(web.jobs).to.include({ workers: 0, queueSchema: 'jobs_q' });
    expect(loadConfig({ ROTA_SOLVER_NICENESS: '0' }).jobs.solverNiceness).to.equal(0);
    for (const bad of [
      { ROTA_QUEUE_SCHEMA: 'Drop table;' },
      { ROTA_JOB_ATTEMPTS: '0' },
      { ROTA_JOB_TIME_LIMIT_SECONDS: 'soon' },
      { ROTA_SOLVER_NICENESS: '20' },
      { ROTA_SOLVER_NICENESS: '-5' },
    ])
      expect(() => loadConfig(bad))
        .to.throw(ConfigError)
        .with.property('message')
        .that.contains(Object.keys(bad)[0]);
  });

  it('database pool: default 10 connections; ROTA_DB_POOL_SIZE sets it; 0 or not a number is refused', () => {
    expect(loadConfig({}).poolSize).to.equal(10);
    expect(loadConfig({ ROTA_DB_POOL_SIZE: '25' }).poolSize).to.equal(25);
    for (const bad of ['0', 'many'])
      expect(() => loadConfig({ ROTA_DB_POOL_SIZE: bad }))
        .to.throw(ConfigError)
        .with.property('message')
        .that.contains('ROTA_DB_POOL_SIZE');
  });
});
