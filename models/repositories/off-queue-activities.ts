/** Off-queue activities of a week as plain objects: attendees as staff ids, instants ISO UTC. */
import { OffQueueActivity } from '../entities/off-queue-activity';
import type { Db } from './db';

export type OffQueueActivityKind = 'training' | 'meeting' | 'coaching' | 'backOffice' | 'teamMeeting';

export interface OffQueueActivityRecord {
  id: number;
  weekStart: string;
  kind: OffQueueActivityKind;
  title: string;
  minutes: number;
  attendees: number[];
  windowStart: string;
  windowEnd: string;
  createdBy: string | null;
  createdAt: string;
}

export type NewOffQueueActivity = Omit<OffQueueActivityRecord, 'id'>;

function toRecord(r: OffQueueActivity): OffQueueActivityRecord {
  return {
    id: r.id,
    weekStart: r.weekStart,
    kind: r.kind as OffQueueActivityKind,
    title: r.title,
    minutes: Number(r.minutes),
    attendees: (JSON.parse(r.attendeesJson || '[]') as unknown[]).map(Number),
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    createdBy: r.createdBy ?? null,
    createdAt: r.createdAt,
  };
}

/** The week's activities, by window start. */
export async function listOffQueueActivities(db: Db, weekStart: string): Promise<OffQueueActivityRecord[]> {
  const rows = await db.getRepository(OffQueueActivity).find({ where: { weekStart }, order: { windowStart: 'ASC', id: 'ASC' } });
  return rows.map(toRecord);
}

export async function getOffQueueActivity(db: Db, id: number): Promise<OffQueueActivityRecord | null> {
  const row = await db.getRepository(OffQueueActivity).findOne({ where: { id } });
  return row ? toRecord(row) : null;
}

export async function createOffQueueActivity(db: Db, input: NewOffQueueActivity): Promise<OffQueueActivityRecord> {
  const repo = db.getRepository(OffQueueActivity);
  const { attendees, ...rest } = input;
  return toRecord(await repo.save(repo.create({ ...rest, attendeesJson: JSON.stringify(attendees) })));
}

export async function deleteOffQueueActivity(db: Db, id: number): Promise<boolean> {
  const res = await db.getRepository(OffQueueActivity).delete({ id });
  return (res.affected ?? 0) > 0;
}
