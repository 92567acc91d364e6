/**
 * Contact history: one row per (channel, platform, interval start). Bulk writes go in chunks
 * (under SQLite's and PostgreSQL's bound-parameter limits) inside the caller's transaction.
 * Reads sum over platforms unless one is asked for; ahtSeconds is weighted by answered
 * contacts (offered when `answered` is unknown).
 */
import { DateTime } from 'luxon';
import { ContactHistory } from '../entities/contact-history';
import { HistoryImport } from '../entities/history-import';
import { chunks, num, numOrNull, type Db } from './db';
import type { EntityManager } from 'typeorm';

export interface HistoryRow {
  start: string;
  channelId: string;
  /** '' = not split by platform. */
  platformCode: string;
  intervalMinutes: number;
  offered: number;
  answered: number | null;
  abandoned: number | null;
  ahtSeconds: number | null;
  importId?: number | null;
}

export interface HistoryPoint {
  start: string;
  /** Contacts offered in the interval. */
  volume: number;
  answered: number | null;
  abandoned: number | null;
  ahtSeconds: number | null;
}

export interface DailyTotal {
  /** Local date in the zone asked for, 'YYYY-MM-DD'. */
  date: string;
  volume: number;
  answered: number | null;
  abandoned: number | null;
  ahtSeconds: number | null;
}

export interface HistoryImportRecord {
  id: number;
  fileName: string;
  userId: number | null;
  source: 'page' | 'cli' | 'api' | 'seed';
  rowCount: number;
  intervalCount: number;
  firstStart: string | null;
  lastStart: string | null;
  replacedCount: number;
  createdAt: string;
}

/** 10 columns a row: 500 rows = 5,000 parameters, far under SQLite's 32,766 and PostgreSQL's 65,535. */
const INSERT_CHUNK_ROWS = 500;
/** Parameters of one `IN (…)` list. */
const DELETE_CHUNK_STARTS = 500;

/** Inserts rows (which must not exist yet); returns how many. Wrap in a transaction for all-or-nothing. */
export async function insertHistory(db: Db, rows: readonly HistoryRow[]): Promise<number> {
  const repo = db.getRepository(ContactHistory);
  for (const chunk of chunks(rows, INSERT_CHUNK_ROWS)) {
    const values = chunk.map((r) => ({ ...r, importId: r.importId ?? null }));
    await repo.createQueryBuilder().insert().values(values).updateEntity(false).execute();
  }
  return rows.length;
}

/**
 * Makes history imports wait for each other until the end of the transaction `tx`: the overlap
 * an import checks cannot change under it, even from another process (a PostgreSQL advisory
 * lock; SQLite's transactions already run one at a time, see withTransaction).
 */
export async function lockHistoryImports(tx: EntityManager): Promise<void> {
  if (tx.connection.options.type === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(hashtext('rota.history_import'))`);
}

/** Starts already stored for one channel and platform in [from, to] (inclusive). */
export async function existingHistoryStarts(
  db: Db,
  channelId: string,
  platformCode: string,
  from: string,
  to: string,
): Promise<Set<string>> {
  const rows = await db
    .getRepository(ContactHistory)
    .createQueryBuilder('h')
    .select('h.start', 'start')
    .where('h.channelId = :channelId AND h.platformCode = :platformCode', { channelId, platformCode })
    .andWhere('h.start >= :from AND h.start <= :to', { from, to })
    .getRawMany<{ start: string }>();
  return new Set(rows.map((r) => r.start));
}

/** Stored (start → platform codes) of one channel with start in [from, to] (inclusive). */
export async function existingHistoryKeys(db: Db, channelId: string, from: string, to: string): Promise<Map<string, Set<string>>> {
  const rows = await db
    .getRepository(ContactHistory)
    .createQueryBuilder('h')
    .select('h.start', 'start')
    .addSelect('h.platformCode', 'platformCode')
    .where('h.channelId = :channelId', { channelId })
    .andWhere('h.start >= :from AND h.start <= :to', { from, to })
    .getRawMany<{ start: string; platformCode: string }>();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.start) ?? new Set<string>();
    set.add(r.platformCode);
    out.set(r.start, set);
  }
  return out;
}

/** Deletes the rows of one channel and platform at these starts; returns how many went. */
export async function deleteHistoryAt(db: Db, channelId: string, platformCode: string, starts: readonly string[]): Promise<number> {
  let deleted = 0;
  for (const chunk of chunks(starts, DELETE_CHUNK_STARTS)) {
    const res = await db
      .getRepository(ContactHistory)
      .createQueryBuilder()
      .delete()
      .where('channelId = :channelId AND platformCode = :platformCode', { channelId, platformCode })
      .andWhere('start IN (:...starts)', { starts: chunk })
      .execute();
    deleted += res.affected ?? 0;
  }
  return deleted;
}

/** Intervals of one channel with start in [from, to), summed over platforms (or one platform). */
export async function historyRange(
  db: Db,
  q: { channelId: string; from: string; to: string; platformCode?: string },
): Promise<HistoryPoint[]> {
  const qb = db
    .getRepository(ContactHistory)
    .createQueryBuilder('h')
    .select('h.start', 'start')
    .addSelect('SUM(h.offered)', 'volume')
    .addSelect('SUM(h.answered)', 'answered')
    .addSelect('SUM(h.abandoned)', 'abandoned')
    .addSelect('SUM(h.ahtSeconds * COALESCE(h.answered, h.offered))', 'ahtWork')
    .addSelect('SUM(CASE WHEN h.ahtSeconds IS NULL THEN 0 ELSE COALESCE(h.answered, h.offered) END)', 'ahtWeight')
    .where('h.channelId = :channelId', { channelId: q.channelId })
    .andWhere('h.start >= :from AND h.start < :to', { from: q.from, to: q.to })
    .groupBy('h.start')
    .orderBy('h.start', 'ASC');
  if (q.platformCode !== undefined) qb.andWhere('h.platformCode = :platformCode', { platformCode: q.platformCode });
  const rows = await qb.getRawMany<Record<string, unknown>>();
  return rows.map((r) => ({
    start: String(r.start),
    volume: num(r.volume),
    answered: numOrNull(r.answered),
    abandoned: numOrNull(r.abandoned),
    ahtSeconds: num(r.ahtWeight) > 0 ? num(r.ahtWork) / num(r.ahtWeight) : null,
  }));
}

export interface PlatformTotal {
  channelId: string;
  /** '' = rows not split by platform. */
  platformCode: string;
  volume: number;
  /** Null unless every row of the platform has an `answered` (or `abandoned`) value. */
  answered: number | null;
  abandoned: number | null;
}

/** Offered, answered and abandoned per channel and platform for starts in [from, to). */
export async function platformTotals(db: Db, q: { from: string; to: string }): Promise<PlatformTotal[]> {
  const rows = await db
    .getRepository(ContactHistory)
    .createQueryBuilder('h')
    .select('h.channelId', 'channelId')
    .addSelect('h.platformCode', 'platformCode')
    .addSelect('SUM(h.offered)', 'volume')
    .addSelect('SUM(h.answered)', 'answered')
    .addSelect('SUM(h.abandoned)', 'abandoned')
    .addSelect('COUNT(h.answered)', 'answeredRows')
    .addSelect('COUNT(h.abandoned)', 'abandonedRows')
    .addSelect('COUNT(*)', 'rows')
    .where('h.start >= :from AND h.start < :to', { from: q.from, to: q.to })
    .groupBy('h.channelId')
    .addGroupBy('h.platformCode')
    .orderBy('h.channelId', 'ASC')
    .addOrderBy('h.platformCode', 'ASC')
    .getRawMany<Record<string, unknown>>();
  return rows.map((r) => ({
    channelId: String(r.channelId),
    platformCode: String(r.platformCode ?? ''),
    volume: num(r.volume),
    // A sum over some rows only would pass for the total: unknown unless every row has the value.
    answered: num(r.answeredRows) === num(r.rows) ? numOrNull(r.answered) : null,
    abandoned: num(r.abandonedRows) === num(r.rows) ? numOrNull(r.abandoned) : null,
  }));
}

/** Daily totals per local date of `zone` for dates in [fromDate, toDate] (inclusive). */
export async function dailyTotals(db: Db, q: { channelId: string; fromDate: string; toDate: string; zone: string }): Promise<DailyTotal[]> {
  const from = DateTime.fromISO(q.fromDate, { zone: q.zone }).startOf('day');
  const to = DateTime.fromISO(q.toDate, { zone: q.zone }).plus({ days: 1 }).startOf('day');
  const points = await historyRange(db, { channelId: q.channelId, from: from.toUTC().toISO()!, to: to.toUTC().toISO()! });
  // Points come sorted by start: walk the local days' UTC boundaries (one luxon step a day,
  // not one a point, which made a year take most of a second).
  const ends: { date: string; endIso: string }[] = [];
  for (let d = from; d < to; d = d.plus({ days: 1 })) ends.push({ date: d.toISODate()!, endIso: d.plus({ days: 1 }).toUTC().toISO()! });
  let day = 0;
  return groupPoints(points, (start) => {
    while (start >= ends[day].endIso) day += 1;
    return ends[day].date;
  }).map(({ key, ...t }) => ({ date: key, ...t }));
}

/** One local day's totals per hour ('HH:00' in `zone`), for every channel or one. */
export async function hourlyTotalsForDay(
  db: Db,
  q: { date: string; zone: string; channelId: string },
): Promise<(HistoryPoint & { hour: string })[]> {
  const from = DateTime.fromISO(q.date, { zone: q.zone }).startOf('day');
  const points = await historyRange(db, {
    channelId: q.channelId,
    from: from.toUTC().toISO()!,
    to: from.plus({ days: 1 }).toUTC().toISO()!,
  });
  const groups = groupPoints(points, (start) => DateTime.fromISO(start, { zone: q.zone }).startOf('hour').toUTC().toISO()!);
  return groups.map(({ key, ...t }) => ({ start: key, hour: DateTime.fromISO(key, { zone: q.zone }).toFormat('HH:00'), ...t }));
}

function groupPoints(points: HistoryPoint[], keyOf: (start: string) => string) {
  const groups = new Map<string, { volume: number; answered: number | null; abandoned: number | null; work: number; weight: number }>();
  for (const p of points) {
    const key = keyOf(p.start);
    const g = groups.get(key) ?? { volume: 0, answered: null, abandoned: null, work: 0, weight: 0 };
    g.volume += p.volume;
    if (p.answered !== null) g.answered = (g.answered ?? 0) + p.answered;
    if (p.abandoned !== null) g.abandoned = (g.abandoned ?? 0) + p.abandoned;
    if (p.ahtSeconds !== null) {
      const w = p.answered ?? p.volume;
      g.work += p.ahtSeconds * w;
      g.weight += w;
    }
    groups.set(key, g);
  }
  return [...groups.entries()].map(([key, g]) => ({
    key,
    volume: g.volume,
    answered: g.answered,
    abandoned: g.abandoned,
    ahtSeconds: g.weight > 0 ? g.work / g.weight : null,
  }));
}

/** First and last stored start and the row count, for one channel or all. */
export async function historyBounds(db: Db, channelId?: string): Promise<{ first: string | null; last: string | null; count: number }> {
  const qb = db
    .getRepository(ContactHistory)
    .createQueryBuilder('h')
    .select('MIN(h.start)', 'first')
    .addSelect('MAX(h.start)', 'last')
    .addSelect('COUNT(*)', 'count');
  if (channelId) qb.where('h.channelId = :channelId', { channelId });
  const row = (await qb.getRawOne<Record<string, unknown>>()) ?? {};
  return { first: (row.first as string | null) ?? null, last: (row.last as string | null) ?? null, count: num(row.count) };
}

export async function createHistoryImport(db: Db, input: Omit<HistoryImportRecord, 'id'>): Promise<HistoryImportRecord> {
  const repo = db.getRepository(HistoryImport);
  const row = await repo.save(repo.create(input));
  return toImport(row);
}

export async function listHistoryImports(db: Db, opts: { limit?: number } = {}): Promise<HistoryImportRecord[]> {
  const rows = await db.getRepository(HistoryImport).find({ order: { id: 'DESC' }, take: opts.limit ?? 50 });
  return rows.map(toImport);
}

function toImport(row: HistoryImport): HistoryImportRecord {
  return {
    id: row.id,
    fileName: row.fileName,
    userId: row.userId ?? null,
    source: row.source as HistoryImportRecord['source'],
    rowCount: row.rowCount,
    intervalCount: row.intervalCount,
    firstStart: row.firstStart ?? null,
    lastStart: row.lastStart ?? null,
    replacedCount: row.replacedCount,
    createdAt: row.createdAt,
  };
}

/**
 * What identifies one channel's history before `before`: row count, first and last start and
 * the contacts summed (a cheap key for caches of what is computed from it).
 */
export async function historyFingerprint(
  db: Db,
  q: { channelId: string; before: string },
): Promise<{ count: number; first: string | null; last: string | null; offered: number }> {
  const row =
    (await db
      .getRepository(ContactHistory)
      .createQueryBuilder('h')
      .select('COUNT(*)', 'count')
      .addSelect('MIN(h.start)', 'first')
      .addSelect('MAX(h.start)', 'last')
      .addSelect('SUM(h.offered)', 'offered')
      .where('h.channelId = :channelId', { channelId: q.channelId })
      .andWhere('h.start < :before', { before: q.before })
      .getRawOne<Record<string, unknown>>()) ?? {};
  return {
    count: num(row.count),
    first: row.first == null ? null : String(row.first),
    last: row.last == null ? null : String(row.last),
    offered: num(row.offered),
  };
}
