/**
 * Bench-only preload (`web-load-two-instances.bench.ts --probe`): every PostgreSQL pool of the
 * instance (TypeORM's, pg-boss's) is sampled every 250 ms; once a second a line
 * `pool-probe <epoch ms> {"pools": [{max, total, idle, waiting, maxWaiting}], "loopP50", "loopMax"}`
 * goes to stderr, `waiting` being the requests queued for a free connection (the mean of the
 * second's samples) and loop* the event loop's delay in ms over the second (a busy main thread).
 * It wraps Pool.prototype.connect to learn the pools; nothing else changes.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';

interface Seen {
  pool: pg.Pool;
  samples: number;
  waitingSum: number;
  maxWaiting: number;
}

const pools = new Map<pg.Pool, Seen>();
const connect = pg.Pool.prototype.connect as (...args: unknown[]) => unknown;
pg.Pool.prototype.connect = function (this: pg.Pool, ...args: unknown[]) {
  if (!pools.has(this)) pools.set(this, { pool: this, samples: 0, waitingSum: 0, maxWaiting: 0 });
  return connect.apply(this, args);
} as typeof pg.Pool.prototype.connect;

setInterval(() => {
  for (const s of pools.values()) {
    s.samples++;
    s.waitingSum += s.pool.waitingCount;
    s.maxWaiting = Math.max(s.maxWaiting, s.pool.waitingCount);
  }
}, 250).unref();

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

setInterval(() => {
  const stats = [...pools.values()].map((s) => {
    const line = {
      max: s.pool.options.max,
      total: s.pool.totalCount,
      idle: s.pool.idleCount,
      waiting: s.samples ? s.waitingSum / s.samples : 0,
      maxWaiting: s.maxWaiting,
    };
    Object.assign(s, { samples: 0, waitingSum: 0, maxWaiting: 0 });
    return line;
  });
  const line = { pools: stats, loopP50: loop.percentile(50) / 1e6, loopMax: loop.max / 1e6 };
  loop.reset();
  process.stderr.write(`pool-probe ${Date.now()} ${JSON.stringify(line)}\n`);
}, 1000).unref();
