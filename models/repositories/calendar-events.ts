/**
 * Coordinator-entered calendar events (a campaign, an outage, a one-off government day off),
 * with optimistic locking on edit and delete. Dates are local and inclusive.
 */
import { CalendarEvent } from '../entities/calendar-event';
import { NotFoundError, StaleEditError } from '../errors';
import { num, type Db } from './db';
import { updateVersioned } from './versioned';

export const CALENDAR_EVENT_KINDS = ['government_day_off', 'holiday', 'campaign', 'outage', 'other'] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

export interface CalendarEventRecord {
  id: number;
  startDate: string;
  endDate: string;
  kind: CalendarEventKind;
  name: string;
  /** null = every channel. */
  channelId: string | null;
  /** Only this platform of the channel (its code); null = every platform. */
  platformCode: string | null;
  /** Expected change of volume, percent (−40 = 40 % fewer contacts). */
  effectPercent: number;
  note: string;
  createdBy: string | null;
  createdAt: string;
  version: number;
}

export type CalendarEventInput = Omit<CalendarEventRecord, 'id' | 'createdAt' | 'version' | 'createdBy'>;

function toRecord(row: CalendarEvent): CalendarEventRecord {
  return {
    id: row.id,
    startDate: row.startDate,
    endDate: row.endDate,
    kind: row.kind as CalendarEventKind,
    name: row.name,
    channelId: row.channelId ?? null,
    platformCode: row.platformCode ?? null,
    effectPercent: num(row.effectPercent),
    note: row.note,
    createdBy: row.createdBy ?? null,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/** Events overlapping [fromDate, toDate] (both optional), by start date. */
export async function listCalendarEvents(
  db: Db,
  q: { fromDate?: string; toDate?: string; channelId?: string } = {},
): Promise<CalendarEventRecord[]> {
  const qb = db.getRepository(CalendarEvent).createQueryBuilder('e').orderBy('e.startDate', 'ASC').addOrderBy('e.id', 'ASC');
  if (q.fromDate) qb.andWhere('e.endDate >= :fromDate', { fromDate: q.fromDate });
  if (q.toDate) qb.andWhere('e.startDate <= :toDate', { toDate: q.toDate });
  if (q.channelId) qb.andWhere('(e.channelId IS NULL OR e.channelId = :channelId)', { channelId: q.channelId });
  return (await qb.getMany()).map(toRecord);
}

export async function getCalendarEvent(db: Db, id: number): Promise<CalendarEventRecord | null> {
  const row = await db.getRepository(CalendarEvent).findOne({ where: { id } });
  return row ? toRecord(row) : null;
}

export async function createCalendarEvent(db: Db, input: CalendarEventInput, by: string | null, now: string): Promise<CalendarEventRecord> {
  const repo = db.getRepository(CalendarEvent);
  return toRecord(await repo.save(repo.create({ ...input, createdBy: by, createdAt: now })));
}

/** Saves if the stored version is still `expectedVersion` (StaleEditError / NotFoundError otherwise). */
export async function updateCalendarEvent(
  db: Db,
  id: number,
  expectedVersion: number,
  patch: CalendarEventInput,
): Promise<CalendarEventRecord> {
  await updateVersioned(db, CalendarEvent, 'calendar event', id, expectedVersion, patch);
  const saved = await getCalendarEvent(db, id);
  if (!saved) throw new NotFoundError('calendar event', id);
  return saved;
}

/** Deletes if the stored version is still `expectedVersion`. */
export async function deleteCalendarEvent(db: Db, id: number, expectedVersion: number): Promise<void> {
  const res = await db.getRepository(CalendarEvent).createQueryBuilder().delete().where({ id, version: expectedVersion }).execute();
  if (res.affected && res.affected > 0) return;
  if (!(await db.getRepository(CalendarEvent).exists({ where: { id } }))) throw new NotFoundError('calendar event', id);
  throw new StaleEditError('calendar event', id, expectedVersion);
}
