/** Open shifts on the board (entity OpenShift): offered, claimed, filled or withdrawn. */
import { In } from 'typeorm';
import { OpenShift } from '../entities/open-shift';
import type { Db } from './db';
import { updateVersioned } from './versioned';

export type OpenShiftStatus = 'open' | 'claimed' | 'filled' | 'withdrawn';
/** 'uncovered': out of the rota, offered by the coordinator; 'agent': still the agent's, offered by them. */
export type OpenShiftSource = 'uncovered' | 'agent';

export interface OpenShiftRecord {
  id: number;
  uid: string;
  weekStart: string;
  start: string;
  end: string;
  channel: string;
  fromStaffId: number;
  source: OpenShiftSource;
  status: OpenShiftStatus;
  autoApprove: boolean;
  offeredBy: string | null;
  offeredAt: string;
  claimedByStaffId: number | null;
  claimedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  version: number;
}

const toRecord = (r: OpenShift): OpenShiftRecord => ({
  id: r.id,
  uid: r.uid,
  weekStart: r.weekStart,
  start: r.start,
  end: r.end,
  channel: r.channel,
  fromStaffId: r.fromStaffId,
  source: (r.source ?? 'uncovered') as OpenShiftSource,
  status: r.status as OpenShiftStatus,
  autoApprove: !!r.autoApprove,
  offeredBy: r.offeredBy ?? null,
  offeredAt: r.offeredAt,
  claimedByStaffId: r.claimedByStaffId ?? null,
  claimedAt: r.claimedAt ?? null,
  decidedBy: r.decidedBy ?? null,
  decidedAt: r.decidedAt ?? null,
  version: r.version,
});

export type NewOpenShift = Pick<
  OpenShiftRecord,
  'uid' | 'weekStart' | 'start' | 'end' | 'channel' | 'fromStaffId' | 'autoApprove' | 'offeredBy'
> & { source?: OpenShiftSource };

export async function createOpenShift(db: Db, input: NewOpenShift, now: string): Promise<OpenShiftRecord> {
  const repo = db.getRepository(OpenShift);
  const row = repo.create({
    ...input,
    source: input.source ?? 'uncovered',
    start: new Date(input.start).toISOString(),
    end: new Date(input.end).toISOString(),
    status: 'open',
    offeredAt: now,
  });
  return toRecord(await repo.save(row));
}

export async function getOpenShift(db: Db, id: number): Promise<OpenShiftRecord | null> {
  const row = await db.getRepository(OpenShift).findOne({ where: { id } });
  return row ? toRecord(row) : null;
}

/** Offers with these statuses, soonest first; for one shift identity when `uid` is given. */
export async function listOpenShifts(db: Db, q: { statuses: OpenShiftStatus[]; uid?: string }): Promise<OpenShiftRecord[]> {
  const rows = await db.getRepository(OpenShift).find({
    where: { status: In(q.statuses), ...(q.uid ? { uid: q.uid } : {}) },
    order: { start: 'ASC', id: 'ASC' },
  });
  return rows.map(toRecord);
}

export async function setOpenShiftState(
  db: Db,
  id: number,
  expectedVersion: number,
  patch: Partial<Pick<OpenShiftRecord, 'status' | 'claimedByStaffId' | 'claimedAt' | 'decidedBy' | 'decidedAt'>>,
): Promise<OpenShiftRecord> {
  await updateVersioned(db, OpenShift, 'open shift', id, expectedVersion, patch);
  return (await getOpenShift(db, id))!;
}
