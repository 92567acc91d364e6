/**
 * The in-app notification list, each person's notification switches, and who a member of staff
 * is as a recipient (their login's language, address and switches).
 */
import { In, IsNull, LessThanOrEqual } from 'typeorm';
import { Notification } from '../entities/notification';
import { UserAccount } from '../entities/user-account';
import type { Db } from './db';

export interface NotificationRecord {
  id: number;
  userId: number;
  topic: string;
  kind: string;
  params: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export type NewNotificationRow = Pick<NotificationRecord, 'userId' | 'topic' | 'kind' | 'params'>;

/** A login that notifications about a member of staff go to. */
export interface Recipient {
  userId: number;
  staffId: number;
  locale: string | null;
  email: string | null;
  /** The stored switches (JSON text), null when never changed. */
  settings: string | null;
}

const toRecord = (r: Notification): NotificationRecord => ({
  id: r.id,
  userId: r.userId,
  topic: r.topic,
  kind: r.kind,
  params: JSON.parse(r.params) as Record<string, unknown>,
  createdAt: r.createdAt,
  readAt: r.readAt ?? null,
});

export async function insertNotifications(db: Db, rows: NewNotificationRow[], now: string): Promise<void> {
  if (!rows.length) return;
  const repo = db.getRepository(Notification);
  for (const r of rows) await repo.insert({ ...r, params: JSON.stringify(r.params), createdAt: now, readAt: null });
}

/** The person's newest notifications first. */
export async function listNotifications(db: Db, userId: number, limit: number): Promise<NotificationRecord[]> {
  const rows = await db.getRepository(Notification).find({ where: { userId }, order: { id: 'DESC' }, take: limit });
  return rows.map(toRecord);
}

export async function countUnreadNotifications(db: Db, userId: number): Promise<number> {
  return db.getRepository(Notification).count({ where: { userId, readAt: IsNull() } });
}

/** Marks read what the person has seen (up to `upToId`, so one arriving meanwhile stays unread). */
export async function markNotificationsRead(db: Db, userId: number, upToId: number, now: string): Promise<number> {
  const res = await db.getRepository(Notification).update({ userId, readAt: IsNull(), id: LessThanOrEqual(upToId) }, { readAt: now });
  return res.affected ?? 0;
}

/** The enabled logins of these members of staff. */
export async function recipientsOfStaff(db: Db, staffIds: number[]): Promise<Recipient[]> {
  if (!staffIds.length) return [];
  const rows = await db.getRepository(UserAccount).find({ where: { staffId: In(staffIds), disabled: false }, order: { id: 'ASC' } });
  return rows.map((u) => ({
    userId: u.id,
    staffId: u.staffId!,
    locale: u.locale,
    email: u.email,
    settings: u.notificationSettings ?? null,
  }));
}

export async function getNotificationSettings(db: Db, userId: number): Promise<string | null> {
  const row = await db.getRepository(UserAccount).findOne({ where: { id: userId }, select: { id: true, notificationSettings: true } });
  return row?.notificationSettings ?? null;
}

export async function setNotificationSettings(db: Db, userId: number, settings: string): Promise<void> {
  await db.getRepository(UserAccount).update({ id: userId }, { notificationSettings: settings });
}
