/** A person's in-app notifications: the list, the unread count on every page, marking as read. */
import type { DataSource } from '../models';
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
  type NotificationRecord,
} from '../models/repositories/notifications';

export type NotificationItem = NotificationRecord;

export interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

export async function myNotifications(ds: DataSource, userId: number, limit = 50): Promise<NotificationList> {
  const [items, unread] = await Promise.all([listNotifications(ds, userId, limit), countUnreadNotifications(ds, userId)]);
  return { items, unread };
}

export const unreadNotificationCount = (ds: DataSource, userId: number) => countUnreadNotifications(ds, userId);

/** Marks read everything up to the newest the person saw. */
export async function markMyNotificationsRead(ds: DataSource, userId: number, upToId: number, now: Date): Promise<number> {
  return markNotificationsRead(ds, userId, upToId, now.toISOString());
}
