/**
 * What repositories run against: the data source, or the entity manager of a transaction in
 * progress, so one use case can put several repository calls in one transaction.
 */
import type { DataSource, EntityManager } from 'typeorm';

export type Db = DataSource | EntityManager;

/** Per SQLite data source, the end of the last transaction queued (see withTransaction). */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `fn` in one transaction (committed when it resolves, rolled back when it throws).
 * SQLite has one connection: a second transaction begun while one awaits fails ("cannot start a
 * transaction within a transaction"), so on SQLite they wait their turn, one after the other.
 */
export async function withTransaction<T>(ds: DataSource, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type !== 'better-sqlite3') return ds.transaction(fn);
  const previous = sqliteQueues.get(ds) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(() => ds.transaction(fn));
  sqliteQueues.set(
    ds,
    mine.catch(() => undefined),
  );
  return mine;
}

/**
 * One transaction that writes (publishing): the same queue as withTransaction. TypeORM's SQLite
 * driver sends every query of a process through one connection, so two transactions begun at
 * once in one process would not be apart (the second would become a savepoint of the first);
 * across processes (two app instances or the CLI on one file) SQLite's own write lock orders
 * them. PostgreSQL: a plain transaction on its own pooled connection.
 */
export const withWriteTransaction = withTransaction;

/** The ISO UTC form every instant is stored in: `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function toIsoInstant(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: '${String(value)}'`);
  return date.toISOString();
}

/** PostgreSQL returns SUM/COUNT of integers as strings (bigint); SQLite as numbers. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Splits `items` into arrays of at most `size`, for multi-row inserts under the drivers' parameter limits. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
