/**
 * Rotas and their shifts as plain objects. A week has revisions 1, 2, …; at most one
 * revision per week is 'published' (publishing archives the one before), the others are
 * 'draft' or 'archived'. Every change to a rota's shifts goes through the rota's version
 * (optimistic locking on the whole rota, so adding or deleting a shift is caught too).
 * The optimiser's other inputs come from availability.ts (time off, unavailability,
 * preferences) and requirements.ts.
 */
import { randomUUID } from 'node:crypto';
import { In, MoreThanOrEqual, Not, type EntityManager } from 'typeorm';
import { Rota } from '../entities/rota';
import { Shift } from '../entities/shift';
import { ShiftCancellation } from '../entities/shift-cancellation';
import { NotFoundError } from '../errors';
import { withTransaction, chunks, type Db } from './db';
import { updateVersioned } from './versioned';
import { ensureDefaultTeamId } from './teams';

export type RotaStatus = 'draft' | 'published' | 'archived';

export interface RotaRecord {
  id: number;
  /** The team whose rota it is: each team has its own revisions and published rota per week. */
  teamId: number;
  weekStart: string;
  status: RotaStatus;
  revision: number;
  basedOnRotaId: number | null;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  shortfallAgentHours: number | null;
  /** JSON written by the generator (status, seed, time limit, stats); null for hand-made rotas. */
  solverLog: string | null;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  version: number;
}

export interface BreakPeriod {
  start: string;
  end: string;
}

export interface ShiftActivity {
  start: string;
  end: string;
  channel: string;
}

/** A stretch of a shift away from the queue (scheduling's OffQueuePeriod, ISO UTC). */
export interface ShiftOffQueue {
  start: string;
  end: string;
  kind: string;
  activityId?: string;
}

/** Instants are ISO UTC strings ('…Z'). */
export interface ShiftRecord {
  id: number;
  rotaId: number;
  staffId: number;
  start: string;
  end: string;
  breaks: BreakPeriod[];
  channel: string;
  activities: ShiftActivity[] | null;
  /** Off-queue stretches (not counted toward coverage); optional when storing. */
  offQueue?: ShiftOffQueue[] | null;
  locked: boolean;
  note: string | null;
  /** Identity across the week's revisions (a draft copies it from the revision it is based on). */
  uid: string;
  /** Rises each time the shift changes (the calendar feed's SEQUENCE). */
  sequence: number;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** A shift to store; without a uid it is a new shift (a fresh uid), with one it carries that identity. */
export type NewShift = Omit<ShiftRecord, 'id' | 'rotaId' | 'version' | 'updatedAt' | 'updatedBy' | 'note' | 'uid' | 'sequence'> & {
  note?: string | null;
  uid?: string;
  sequence?: number;
};

export const newShiftUid = () => randomUUID();

export interface NewRota {
  /** Default: the default team (made on an install without one). */
  teamId?: number;
  weekStart: string;
  status?: RotaStatus;
  basedOnRotaId?: number | null;
  objective?: number | null;
  bound?: number | null;
  gap?: number | null;
  shortfallAgentHours?: number | null;
  solverLog?: string | null;
  createdBy?: string | null;
}

const finite = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));

function toRota(r: Rota): RotaRecord {
  return {
    id: r.id,
    teamId: Number(r.teamId),
    weekStart: r.weekStart,
    status: r.status as RotaStatus,
    revision: r.revision,
    basedOnRotaId: r.basedOnRotaId ?? null,
    objective: finite(r.objective),
    bound: finite(r.bound),
    gap: finite(r.gap),
    shortfallAgentHours: finite(r.shortfallAgentHours),
    solverLog: r.solverLog ?? null,
    createdAt: r.createdAt,
    createdBy: r.createdBy ?? null,
    publishedAt: r.publishedAt ?? null,
    publishedBy: r.publishedBy ?? null,
    version: r.version,
  };
}

function toShift(s: Shift): ShiftRecord {
  return {
    id: s.id,
    rotaId: s.rotaId,
    staffId: s.staffId,
    start: s.start,
    end: s.end,
    breaks: JSON.parse(s.breaksJson || '[]') as BreakPeriod[],
    channel: s.channel,
    activities: s.activitiesJson ? (JSON.parse(s.activitiesJson) as ShiftActivity[]) : null,
    offQueue: s.offQueueJson ? (JSON.parse(s.offQueueJson) as ShiftOffQueue[]) : null,
    locked: !!s.locked,
    note: s.note ?? null,
    uid: s.uid ?? `shift-${s.id}`,
    sequence: s.sequence ?? 0,
    version: s.version,
    updatedAt: s.updatedAt,
    updatedBy: s.updatedBy ?? null,
  };
}

function shiftColumns(s: Partial<NewShift>): Partial<Shift> {
  const out: Partial<Shift> = {};
  if (s.staffId !== undefined) out.staffId = s.staffId;
  if (s.start !== undefined) out.start = new Date(s.start).toISOString();
  if (s.end !== undefined) out.end = new Date(s.end).toISOString();
  if (s.breaks !== undefined)
    out.breaksJson = JSON.stringify(s.breaks.map((b) => ({ start: new Date(b.start).toISOString(), end: new Date(b.end).toISOString() })));
  if (s.channel !== undefined) out.channel = s.channel;
  if (s.activities !== undefined) out.activitiesJson = s.activities?.length ? JSON.stringify(s.activities) : null;
  if (s.offQueue !== undefined)
    out.offQueueJson = s.offQueue?.length
      ? JSON.stringify(s.offQueue.map((o) => ({ ...o, start: new Date(o.start).toISOString(), end: new Date(o.end).toISOString() })))
      : null;
  if (s.locked !== undefined) out.locked = s.locked;
  if (s.note !== undefined) out.note = s.note;
  if (s.uid !== undefined) out.uid = s.uid;
  if (s.sequence !== undefined) out.sequence = s.sequence;
  return out;
}

/** Every revision of a team's week, newest first. */
export async function listRotasForWeek(db: Db, teamId: number, weekStart: string): Promise<RotaRecord[]> {
  const rows = await db.getRepository(Rota).find({ where: { teamId, weekStart }, order: { revision: 'DESC' } });
  return rows.map(toRota);
}

export async function getRota(db: Db, id: number): Promise<RotaRecord | null> {
  const row = await db.getRepository(Rota).findOne({ where: { id } });
  return row ? toRota(row) : null;
}

export async function publishedRotaForWeek(db: Db, teamId: number, weekStart: string): Promise<RotaRecord | null> {
  const row = await db.getRepository(Rota).findOne({ where: { teamId, weekStart, status: 'published' }, order: { revision: 'DESC' } });
  return row ? toRota(row) : null;
}

/** The team's published rota of each of these weeks that has one (one query for several weeks). */
export async function publishedRotasForWeeks(db: Db, teamId: number, weekStarts: string[]): Promise<Map<string, RotaRecord>> {
  const rows = weekStarts.length
    ? await db.getRepository(Rota).find({ where: { teamId, weekStart: In(weekStarts), status: 'published' }, order: { revision: 'ASC' } })
    : [];
  // The highest revision last: it wins, as in publishedRotaForWeek (one is published per week anyway).
  return new Map(rows.map((r) => [r.weekStart, toRota(r)]));
}

/** Stores a new revision (number = the team's week's highest so far + 1) with its shifts, in one transaction. */
export async function createRotaRevision(db: Db, input: NewRota, shifts: NewShift[], now: string): Promise<RotaRecord> {
  const work = async (tx: Db) => {
    const teamId = input.teamId ?? (await ensureDefaultTeamId(tx));
    const raw = await tx
      .getRepository(Rota)
      .createQueryBuilder('r')
      .select('MAX(r.revision)', 'max')
      .where('r.weekStart = :w AND r.teamId = :t', { w: input.weekStart, t: teamId })
      .getRawOne<{ max: unknown }>();
    const revision = Number(raw?.max ?? 0) + 1;
    const repo = tx.getRepository(Rota);
    const saved = await repo.save(
      repo.create({
        teamId,
        weekStart: input.weekStart,
        status: input.status ?? 'draft',
        revision,
        basedOnRotaId: input.basedOnRotaId ?? null,
        objective: finite(input.objective),
        bound: finite(input.bound),
        gap: finite(input.gap),
        shortfallAgentHours: finite(input.shortfallAgentHours),
        solverLog: input.solverLog ?? null,
        createdAt: now,
        createdBy: input.createdBy ?? null,
        publishedAt: null,
        publishedBy: null,
      }),
    );
    const rows = shifts.map((s) => ({
      ...shiftColumns(s),
      uid: s.uid ?? newShiftUid(),
      sequence: s.sequence ?? 0,
      note: s.note ?? null,
      rotaId: saved.id,
      updatedAt: now,
      updatedBy: input.createdBy ?? null,
    }));
    for (const part of chunks(rows, 50)) await tx.getRepository(Shift).insert(part as never);
    return toRota(saved);
  };
  return inTransaction(db, work);
}

/** Runs `fn` in a transaction, or inside the one `db` is already in. */
export async function inTransaction<T>(db: Db, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
  const manager: EntityManager = 'manager' in db ? db.manager : db;
  if (manager.queryRunner?.isTransactionActive) return fn(manager);
  // A new transaction on the data source: queued like every other one on SQLite (withTransaction).
  return 'manager' in db ? withTransaction(db, fn) : manager.transaction(fn);
}

/** Shifts of a rota by person, then start. */
export async function listShifts(db: Db, rotaId: number): Promise<ShiftRecord[]> {
  const rows = await db.getRepository(Shift).find({ where: { rotaId }, order: { staffId: 'ASC', start: 'ASC' } });
  return rows.map(toShift);
}

export async function getShift(db: Db, id: number): Promise<ShiftRecord | null> {
  const row = await db.getRepository(Shift).findOne({ where: { id } });
  return row ? toShift(row) : null;
}

/**
 * Claims the rota for one change: bumps its version if it is still `expectedVersion`
 * (StaleEditError otherwise). Call inside the transaction that changes its shifts.
 */
export async function claimRotaVersion(
  db: Db,
  id: number,
  expectedVersion: number,
  patch: Partial<Pick<RotaRecord, 'status' | 'shortfallAgentHours'>> = {},
): Promise<void> {
  const current = await getRota(db, id);
  if (!current) throw new NotFoundError('rota', id);
  await updateVersioned(db, Rota, 'rota', id, expectedVersion, { status: current.status, ...patch } as Partial<Rota>);
}

export async function insertShift(db: Db, rotaId: number, shift: NewShift, now: string, by: string | null): Promise<number> {
  const result = await db.getRepository(Shift).insert({
    ...shiftColumns(shift),
    uid: shift.uid ?? newShiftUid(),
    sequence: shift.sequence ?? 0,
    note: shift.note ?? null,
    rotaId,
    updatedAt: now,
    updatedBy: by,
  } as never);
  return Number(result.identifiers[0]?.id);
}

export async function updateShift(db: Db, id: number, patch: Partial<NewShift>, now: string, by: string | null): Promise<void> {
  const row = await db.getRepository(Shift).findOne({ where: { id } });
  if (!row) throw new NotFoundError('shift', id);
  await db.getRepository(Shift).update({ id }, {
    ...shiftColumns(patch),
    sequence: (row.sequence ?? 0) + 1,
    updatedAt: now,
    updatedBy: by,
    version: row.version + 1,
  } as never);
}

export async function deleteShift(db: Db, id: number): Promise<void> {
  await db.getRepository(Shift).delete({ id });
}

/** Raised when publishing would leave a week with two published revisions (the unique index caught it). */
export class PublishedMeanwhileError extends Error {
  constructor(readonly weekStart: string) {
    super(`another revision of the week of ${weekStart} was published meanwhile`);
    this.name = 'PublishedMeanwhileError';
  }
}

/**
 * Takes the week's lock for publishing; call first thing in the transaction. PostgreSQL: the
 * week's rotas locked row by row, in id order (two publishers never wait on each other in a
 * circle). SQLite locks the whole file for writing: a first statement that writes takes that lock
 * at once (BEGIN IMMEDIATE's effect, waiting up to the busy timeout), so nothing read in the
 * transaction can be overtaken by another connection's write.
 */
export async function lockWeekForPublishing(tx: EntityManager, teamId: number, weekStart: string): Promise<void> {
  if (tx.connection.options.type === 'postgres') {
    await tx.query('SELECT id FROM rotas WHERE "teamId" = $1 AND "weekStart" = $2 ORDER BY id FOR UPDATE', [teamId, weekStart]);
  } else {
    await tx.query('UPDATE rotas SET status = status WHERE "teamId" = ? AND "weekStart" = ?', [teamId, weekStart]);
  }
}

/**
 * Makes `id` the week's published rota; the one published before becomes 'archived' (first, so
 * the index allowing one published revision per week never sees two). Run inside the transaction
 * that took lockWeekForPublishing. StaleEditError when the rota is no longer at `expectedVersion`;
 * PublishedMeanwhileError when the index refuses (a writer that skipped the lock).
 */
export async function publishRota(tx: Db, id: number, expectedVersion: number, now: string, by: string | null): Promise<void> {
  const rota = await getRota(tx, id);
  if (!rota) throw new NotFoundError('rota', id);
  try {
    await tx
      .getRepository(Rota)
      .update({ teamId: rota.teamId, weekStart: rota.weekStart, status: 'published', id: Not(id) }, { status: 'archived' });
    await updateVersioned(tx, Rota, 'rota', id, expectedVersion, {
      status: 'published',
      publishedAt: now,
      publishedBy: by,
    } as Partial<Rota>);
  } catch (err) {
    if (isUniqueViolation(err)) throw new PublishedMeanwhileError(rota.weekStart);
    throw err;
  }
}

/** PostgreSQL's unique_violation (23505) or SQLite's SQLITE_CONSTRAINT_UNIQUE, as TypeORM passes them on. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { driverError?: { code?: unknown } } | null)?.driverError?.code ?? (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** One person's shifts in published rotas that overlap [fromIso, toIso), by start. */
export async function publishedShiftsForStaff(db: Db, staffId: number, fromIso: string, toIso: string): Promise<ShiftRecord[]> {
  const rows = await db
    .getRepository(Shift)
    .createQueryBuilder('s')
    .innerJoin(Rota, 'r', 'r.id = s.rotaId')
    .where('s.staffId = :staffId', { staffId })
    .andWhere('r.status = :status', { status: 'published' })
    .andWhere('s.end > :from AND s.start < :to', { from: new Date(fromIso).toISOString(), to: new Date(toIso).toISOString() })
    .orderBy('s.start', 'ASC')
    .getMany();
  return rows.map(toShift);
}

export interface ShiftCancellationRecord {
  uid: string;
  staffId: number;
  weekStart: string;
  start: string;
  end: string;
  channel: string;
  sequence: number;
  cancelledAt: string;
}

/** Remembers that `staffId` no longer works this shift (their calendar feed shows it cancelled). */
export async function recordShiftCancellation(db: Db, c: ShiftCancellationRecord): Promise<void> {
  await db.getRepository(ShiftCancellation).insert({ ...c, start: new Date(c.start).toISOString(), end: new Date(c.end).toISOString() });
}

/** One person's cancellations made at or after `sinceIso`, newest first. */
export async function shiftCancellationsForStaff(db: Db, staffId: number, sinceIso: string): Promise<ShiftCancellationRecord[]> {
  const rows = await db.getRepository(ShiftCancellation).find({
    where: { staffId, cancelledAt: MoreThanOrEqual(new Date(sinceIso).toISOString()) },
    order: { cancelledAt: 'DESC', id: 'DESC' },
  });
  return rows.map((r) => ({
    uid: r.uid,
    staffId: r.staffId,
    weekStart: r.weekStart,
    start: r.start,
    end: r.end,
    channel: r.channel,
    sequence: r.sequence,
    cancelledAt: r.cancelledAt,
  }));
}

/** Shifts with these ids (any revision). */
export async function shiftsByIds(db: Db, ids: number[]): Promise<ShiftRecord[]> {
  if (!ids.length) return [];
  const rows = await db.getRepository(Shift).find({ where: { id: In(ids) } });
  return rows.map(toShift);
}

/** The newest cancellation of a shift identity, or null. */
export async function latestShiftCancellation(db: Db, uid: string): Promise<ShiftCancellationRecord | null> {
  const row = await db.getRepository(ShiftCancellation).findOne({ where: { uid }, order: { cancelledAt: 'DESC', id: 'DESC' } });
  return row
    ? {
        uid: row.uid,
        staffId: row.staffId,
        weekStart: row.weekStart,
        start: row.start,
        end: row.end,
        channel: row.channel,
        sequence: row.sequence,
        cancelledAt: row.cancelledAt,
      }
    : null;
}

/** The team whose rota of `weekStart` holds a shift with one of these uids (newest revision first), or null. */
export async function teamOfShiftUids(db: Db, weekStart: string, uids: readonly string[]): Promise<number | null> {
  if (!uids.length) return null;
  const row = await db
    .getRepository(Shift)
    .createQueryBuilder('s')
    .innerJoin(Rota, 'r', 'r.id = s.rotaId')
    .select('r.teamId', 'teamId')
    .where('s.uid IN (:...uids)', { uids: [...uids] })
    .andWhere('r.weekStart = :weekStart', { weekStart })
    .orderBy('r.id', 'DESC')
    .limit(1)
    .getRawOne<{ teamId: number | null }>();
  return row?.teamId == null ? null : Number(row.teamId);
}

/** Everyone any revision of the team's week gives a shift to (ids, ascending). */
export async function staffInTeamWeek(db: Db, teamId: number, weekStart: string): Promise<number[]> {
  const rows = await db
    .getRepository(Shift)
    .createQueryBuilder('s')
    .innerJoin(Rota, 'r', 'r.id = s.rotaId')
    .select('DISTINCT s.staffId', 'staffId')
    .where('r.teamId = :teamId', { teamId })
    .andWhere('r.weekStart = :weekStart', { weekStart })
    .getRawMany<{ staffId: number }>();
  return rows.map((r) => Number(r.staffId)).sort((a, b) => a - b);
}
