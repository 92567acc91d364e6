/**
 * Time-off and shift-swap requests, and the few reads of published shifts they need (who works
 * what in a published rota; the rota pages have their own repository for editing rotas).
 * Status changes carry the version the user saw (optimistic locking, see versioned.ts).
 */
import { Brackets } from 'typeorm';
import { Rota } from '../entities/rota';
import { Shift } from '../entities/shift';
import { SwapRequest } from '../entities/swap-request';
import { TimeOffRequest } from '../entities/time-off-request';
import type { Db } from './db';
import { updateVersioned } from './versioned';

export type TimeOffKind = 'vacation' | 'sick' | 'personal' | 'other';
export type TimeOffStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';
export type SwapStatus = 'pending' | 'accepted' | 'declined' | 'approved' | 'rejected' | 'cancelled';

export interface TimeOffRecord {
  id: number;
  staffId: number;
  startDate: string;
  endDate: string;
  /** Part-day time off: local 'HH:mm' hours of the one day; null for whole days. */
  startTime: string | null;
  endTime: string | null;
  kind: TimeOffKind;
  status: TimeOffStatus;
  note: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string;
  createdAt: string;
  version: number;
}

export interface SwapRecord {
  id: number;
  requesterStaffId: number;
  shiftId: number;
  targetStaffId: number | null;
  /** null: the shift is given away, nothing comes back. */
  targetShiftId: number | null;
  status: SwapStatus;
  note: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string;
  version: number;
}

/** A shift of a rota, with its rota's week and status. */
export interface RotaShift {
  id: number;
  rotaId: number;
  weekStart: string;
  rotaStatus: string;
  staffId: number;
  start: string;
  end: string;
  breaks: { start: string; end: string }[];
  channel: string;
  locked: boolean;
  version: number;
  /** The shift's identity across the week's revisions. */
  uid: string;
}

const toTimeOff = (r: TimeOffRequest): TimeOffRecord => ({
  id: r.id,
  staffId: r.staffId,
  startDate: r.startDate,
  endDate: r.endDate,
  startTime: r.startTime ?? null,
  endTime: r.endTime ?? null,
  kind: r.kind as TimeOffKind,
  status: r.status as TimeOffStatus,
  note: r.note ?? '',
  decidedBy: r.decidedBy ?? null,
  decidedAt: r.decidedAt ?? null,
  decisionNote: r.decisionNote ?? '',
  createdAt: r.createdAt,
  version: r.version,
});

const toSwap = (r: SwapRequest): SwapRecord => ({
  id: r.id,
  requesterStaffId: r.requesterStaffId,
  shiftId: r.shiftId,
  targetStaffId: r.targetStaffId ?? null,
  targetShiftId: r.targetShiftId ?? null,
  status: r.status as SwapStatus,
  note: r.note ?? '',
  createdAt: r.createdAt,
  decidedBy: r.decidedBy ?? null,
  decidedAt: r.decidedAt ?? null,
  decisionNote: r.decisionNote ?? '',
  version: r.version,
});

export async function createTimeOff(
  db: Db,
  input: {
    staffId: number;
    startDate: string;
    endDate: string;
    kind: TimeOffKind;
    note: string;
    startTime?: string | null;
    endTime?: string | null;
  },
  now: string,
): Promise<TimeOffRecord> {
  const repo = db.getRepository(TimeOffRequest);
  const hours = { startTime: input.startTime ?? null, endTime: input.endTime ?? null };
  return toTimeOff(await repo.save(repo.create({ ...input, ...hours, status: 'pending', decisionNote: '', createdAt: now })));
}

export async function getTimeOff(db: Db, id: number): Promise<TimeOffRecord | null> {
  const row = await db.getRepository(TimeOffRequest).findOne({ where: { id } });
  return row ? toTimeOff(row) : null;
}

/** Newest first; one person's, or everyone's with the given statuses. */
export async function listTimeOff(
  db: Db,
  q: { staffId?: number; statuses?: TimeOffStatus[]; limit?: number } = {},
): Promise<TimeOffRecord[]> {
  const qb = db.getRepository(TimeOffRequest).createQueryBuilder('t').orderBy('t.startDate', 'DESC').addOrderBy('t.id', 'DESC');
  if (q.staffId !== undefined) qb.andWhere('t.staffId = :staffId', { staffId: q.staffId });
  if (q.statuses?.length) qb.andWhere('t.status IN (:...statuses)', { statuses: q.statuses });
  if (q.limit) qb.take(q.limit);
  return (await qb.getMany()).map(toTimeOff);
}

/** Throws StaleEditError when the request changed since `expectedVersion` was read. */
export async function setTimeOffStatus(
  db: Db,
  id: number,
  expectedVersion: number,
  patch: { status: TimeOffStatus; decidedBy?: string | null; decidedAt?: string | null; decisionNote?: string },
): Promise<TimeOffRecord> {
  await updateVersioned(db, TimeOffRequest, 'time off request', id, expectedVersion, patch);
  return (await getTimeOff(db, id))!;
}

export async function createSwap(
  db: Db,
  input: { requesterStaffId: number; shiftId: number; targetStaffId: number; targetShiftId: number | null; note: string },
  now: string,
): Promise<SwapRecord> {
  const repo = db.getRepository(SwapRequest);
  return toSwap(await repo.save(repo.create({ ...input, status: 'pending', decisionNote: '', createdAt: now })));
}

export async function getSwap(db: Db, id: number): Promise<SwapRecord | null> {
  const row = await db.getRepository(SwapRequest).findOne({ where: { id } });
  return row ? toSwap(row) : null;
}

/** Newest first; those a person asked for or was asked, and/or with the given statuses. */
export async function listSwaps(
  db: Db,
  q: { involvingStaffId?: number; statuses?: SwapStatus[]; limit?: number } = {},
): Promise<SwapRecord[]> {
  const qb = db.getRepository(SwapRequest).createQueryBuilder('s').orderBy('s.createdAt', 'DESC').addOrderBy('s.id', 'DESC');
  if (q.involvingStaffId !== undefined) {
    qb.andWhere(
      new Brackets((w) =>
        w.where('s.requesterStaffId = :sid', { sid: q.involvingStaffId }).orWhere('s.targetStaffId = :sid', { sid: q.involvingStaffId }),
      ),
    );
  }
  if (q.statuses?.length) qb.andWhere('s.status IN (:...statuses)', { statuses: q.statuses });
  if (q.limit) qb.take(q.limit);
  return (await qb.getMany()).map(toSwap);
}

export async function setSwapStatus(
  db: Db,
  id: number,
  expectedVersion: number,
  patch: { status: SwapStatus; decidedBy?: string | null; decidedAt?: string | null; decisionNote?: string },
): Promise<SwapRecord> {
  await updateVersioned(db, SwapRequest, 'swap request', id, expectedVersion, patch);
  return (await getSwap(db, id))!;
}

/** Open swaps that involve this shift (on either side), to refuse a second request for it. */
export async function openSwapsForShift(db: Db, shiftId: number): Promise<SwapRecord[]> {
  const rows = await db
    .getRepository(SwapRequest)
    .createQueryBuilder('s')
    .where('s.status IN (:...open)', { open: ['pending', 'accepted'] })
    .andWhere(new Brackets((w) => w.where('s.shiftId = :id', { id: shiftId }).orWhere('s.targetShiftId = :id', { id: shiftId })))
    .getMany();
  return rows.map(toSwap);
}

function shiftQuery(db: Db) {
  return db
    .getRepository(Shift)
    .createQueryBuilder('sh')
    .innerJoin(Rota, 'r', 'r.id = sh.rotaId')
    .select(['sh.id AS id', 'sh.rotaId AS "rotaId"', 'r.weekStart AS "weekStart"', 'r.status AS "rotaStatus"', 'sh.staffId AS "staffId"'])
    .addSelect([
      'sh.start AS start',
      'sh.end AS "end"',
      'sh.breaksJson AS "breaksJson"',
      'sh.channel AS channel',
      'sh.locked AS locked',
      'sh.version AS version',
      'sh.uid AS uid',
    ])
    .orderBy('sh.start', 'ASC')
    .addOrderBy('sh.id', 'ASC');
}

function toRotaShift(r: Record<string, unknown>): RotaShift {
  let breaks: RotaShift['breaks'];
  try {
    breaks = JSON.parse(String(r.breaksJson ?? '[]')) as RotaShift['breaks'];
  } catch {
    breaks = [];
  }
  return {
    id: Number(r.id),
    rotaId: Number(r.rotaId),
    weekStart: String(r.weekStart),
    rotaStatus: String(r.rotaStatus),
    staffId: Number(r.staffId),
    start: String(r.start),
    end: String(r.end),
    breaks,
    channel: String(r.channel),
    locked: r.locked === true || r.locked === 1 || r.locked === '1',
    version: Number(r.version),
    uid: r.uid ? String(r.uid) : `shift-${Number(r.id)}`,
  };
}

export async function getRotaShift(db: Db, id: number): Promise<RotaShift | null> {
  const row = await shiftQuery(db).where('sh.id = :id', { id }).getRawOne<Record<string, unknown>>();
  return row ? toRotaShift(row) : null;
}

/**
 * Shifts in published rotas overlapping [from, to) (ISO UTC), for some people or everyone.
 * Instants are stored in one fixed ISO form, so text comparison is time order.
 */
export async function publishedShifts(db: Db, q: { staffIds?: number[]; from: string; to: string }): Promise<RotaShift[]> {
  if (q.staffIds && q.staffIds.length === 0) return [];
  const qb = shiftQuery(db)
    .where('r.status = :published', { published: 'published' })
    .andWhere('sh.start < :to AND sh.end > :from', { from: q.from, to: q.to });
  if (q.staffIds) qb.andWhere('sh.staffId IN (:...staffIds)', { staffIds: q.staffIds });
  return (await qb.getRawMany<Record<string, unknown>>()).map(toRotaShift);
}

/** Every shift of these people in one rota. */
export async function shiftsInRota(db: Db, rotaId: number, staffIds: number[]): Promise<RotaShift[]> {
  if (!staffIds.length) return [];
  const rows = await shiftQuery(db)
    .where('sh.rotaId = :rotaId', { rotaId })
    .andWhere('sh.staffId IN (:...staffIds)', { staffIds })
    .getRawMany<Record<string, unknown>>();
  return rows.map(toRotaShift);
}

/** Moves a shift to another person if it is still at `expectedVersion` (throws StaleEditError). */
export async function reassignShift(
  db: Db,
  shiftId: number,
  expectedVersion: number,
  staffId: number,
  now: string,
  by: string,
): Promise<void> {
  await updateVersioned(db, Shift, 'shift', shiftId, expectedVersion, { staffId, updatedAt: now, updatedBy: by });
}
