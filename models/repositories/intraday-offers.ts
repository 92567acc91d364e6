/** Intraday offers (entity IntradayOffer): overtime or voluntary time off for a stretch of today. */
import { In } from 'typeorm';
import { IntradayOffer } from '../entities/intraday-offer';
import type { Db } from './db';
import { updateVersioned } from './versioned';

export type IntradayOfferKind = 'overtime' | 'vto';
export type IntradayOfferStatus = 'open' | 'taken' | 'withdrawn' | 'expired';

export interface IntradayOfferRecord {
  id: number;
  kind: IntradayOfferKind;
  channel: string;
  start: string;
  end: string;
  status: IntradayOfferStatus;
  /** The agents told when it was sent (staff ids). */
  eligible: number[];
  offeredByUserId: number | null;
  offeredBy: string | null;
  offeredAt: string;
  takenByStaffId: number | null;
  takenAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  version: number;
}

function parseIds(json: string): number[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}

const toRecord = (r: IntradayOffer): IntradayOfferRecord => ({
  id: r.id,
  kind: r.kind as IntradayOfferKind,
  channel: r.channel,
  start: r.start,
  end: r.end,
  status: r.status as IntradayOfferStatus,
  eligible: parseIds(r.eligibleJson),
  offeredByUserId: r.offeredByUserId ?? null,
  offeredBy: r.offeredBy ?? null,
  offeredAt: r.offeredAt,
  takenByStaffId: r.takenByStaffId ?? null,
  takenAt: r.takenAt ?? null,
  closedBy: r.closedBy ?? null,
  closedAt: r.closedAt ?? null,
  version: r.version,
});

export type NewIntradayOffer = Pick<
  IntradayOfferRecord,
  'kind' | 'channel' | 'start' | 'end' | 'eligible' | 'offeredByUserId' | 'offeredBy'
>;

export async function createIntradayOffer(db: Db, input: NewIntradayOffer, now: string): Promise<IntradayOfferRecord> {
  const repo = db.getRepository(IntradayOffer);
  const { eligible, ...rest } = input;
  const row = repo.create({
    ...rest,
    start: new Date(input.start).toISOString(),
    end: new Date(input.end).toISOString(),
    eligibleJson: JSON.stringify(eligible),
    status: 'open',
    offeredAt: now,
  });
  return toRecord(await repo.save(row));
}

export async function getIntradayOffer(db: Db, id: number): Promise<IntradayOfferRecord | null> {
  const row = await db.getRepository(IntradayOffer).findOne({ where: { id } });
  return row ? toRecord(row) : null;
}

/** Offers with these statuses ending after `endsAfter` (ISO), soonest first. */
export async function listIntradayOffers(
  db: Db,
  q: { statuses: IntradayOfferStatus[]; endsAfter?: string },
): Promise<IntradayOfferRecord[]> {
  const rows = await db.getRepository(IntradayOffer).find({
    where: { status: In(q.statuses) },
    order: { start: 'ASC', id: 'ASC' },
  });
  return rows.map(toRecord).filter((o) => !q.endsAfter || o.end > q.endsAfter);
}

/** Compare-and-set on the version: a second writer that read the same version gets StaleEditError. */
export async function setIntradayOfferState(
  db: Db,
  id: number,
  expectedVersion: number,
  patch: Partial<Pick<IntradayOfferRecord, 'status' | 'takenByStaffId' | 'takenAt' | 'closedBy' | 'closedAt'>>,
): Promise<IntradayOfferRecord> {
  await updateVersioned(db, IntradayOffer, 'intraday offer', id, expectedVersion, patch);
  return (await getIntradayOffer(db, id))!;
}
