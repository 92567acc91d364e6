/**
 * Interval actuals (issue #12): today's statistics per channel, platform and interval, written
 * by upsert so that the same interval sent twice is stored once and a later report replaces it.
 * One `INSERT … ON CONFLICT … DO UPDATE` per chunk (SQLite 3.24+ and PostgreSQL share the form),
 * inside the caller's transaction: a batch is stored whole or not at all.
 */
import { IntervalActual } from '../entities/interval-actual';
import { chunks, type Db } from './db';

export interface ActualRow {
  channelId: string;
  /** '' = not split by platform. */
  platformCode: string;
  /** Interval start, ISO UTC. */
  start: string;
  intervalMinutes: number;
  offered: number;
  answered: number | null;
  abandoned: number | null;
  ahtSeconds: number | null;
  serviceLevel: number | null;
}

export interface StoredActual extends ActualRow {
  source: string;
  receivedAt: string;
}

/** 12 columns a row: 400 rows = 4,800 parameters, under both drivers' limits. */
const UPSERT_CHUNK_ROWS = 400;
const KEY = ['channelId', 'platformCode', 'start'];
const VALUES = ['intervalMinutes', 'offered', 'answered', 'abandoned', 'ahtSeconds', 'serviceLevel', 'source', 'receivedAt'];

const keyOf = (r: { channelId: string; platformCode: string; start: string }) => `${r.channelId}\u0000${r.platformCode}\u0000${r.start}`;

/**
 * Which of `rows` are already stored (their keys), read before an upsert to tell new intervals
 * from replaced ones. One query per day span is enough: a batch covers hours, not years.
 */
export async function existingActualKeys(db: Db, rows: readonly ActualRow[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (!rows.length) return out;
  const starts = rows.map((r) => r.start).sort();
  const found = await db
    .getRepository(IntervalActual)
    .createQueryBuilder('a')
    .select(['a.channelId', 'a.platformCode', 'a.start'])
    .where('a.start >= :from AND a.start <= :to', { from: starts[0], to: starts[starts.length - 1] })
    .getMany();
  const wanted = new Set(rows.map(keyOf));
  for (const f of found) if (wanted.has(keyOf(f))) out.add(keyOf(f));
  return out;
}

export { keyOf as actualKey };

/** Inserts or replaces `rows` (keys must be distinct within the call). */
export async function upsertActuals(db: Db, rows: readonly ActualRow[], source: string, receivedAt: string): Promise<void> {
  const repo = db.getRepository(IntervalActual);
  for (const chunk of chunks(rows, UPSERT_CHUNK_ROWS)) {
    await repo
      .createQueryBuilder()
      .insert()
      .values(chunk.map((r) => ({ ...r, source, receivedAt })))
      .orUpdate(VALUES, KEY)
      .updateEntity(false)
      .execute();
  }
}

/** Stored actuals with a start in [from, to), oldest first (all channels and platforms). */
export async function actualsBetween(db: Db, from: string, to: string): Promise<StoredActual[]> {
  const rows = await db
    .getRepository(IntervalActual)
    .createQueryBuilder('a')
    .where('a.start >= :from AND a.start < :to', { from, to })
    .orderBy('a.start', 'ASC')
    .addOrderBy('a.channelId', 'ASC')
    .addOrderBy('a.platformCode', 'ASC')
    .getMany();
  return rows.map((r) => ({
    channelId: r.channelId,
    platformCode: r.platformCode,
    start: r.start,
    intervalMinutes: r.intervalMinutes,
    offered: Number(r.offered),
    answered: r.answered === null ? null : Number(r.answered),
    abandoned: r.abandoned === null ? null : Number(r.abandoned),
    ahtSeconds: r.ahtSeconds === null ? null : Number(r.ahtSeconds),
    serviceLevel: r.serviceLevel === null ? null : Number(r.serviceLevel),
    source: r.source,
    receivedAt: r.receivedAt,
  }));
}
