/**
 * Telling people what happened to them: a line in their in-app list and, when they gave an
 * address, a mail through the outbox (sent later by app/notification-outbox.ts, never inside
 * the request). Called by the use cases that cause the news (publishing, rota changes, swaps,
 * time off), inside their transaction, so news and change commit or roll back together.
 * Only codes and parameters are stored: the catalogue writes them in the reader's language,
 * the page when it is read, the delivery loop when the mail goes out (in the saved language).
 */
import { z } from 'zod';
import type { DataSource } from '../models';
import type { Db } from '../models/repositories/db';
import { enqueueOutboxMessage } from '../models/repositories/outbox';
import {
  getNotificationSettings,
  insertNotifications,
  recipientsOfStaff,
  setNotificationSettings,
  type NewNotificationRow,
  type Recipient,
} from '../models/repositories/notifications';

/** What a person can switch on and off, each for the app and for mail. */
export const NOTIFICATION_TOPICS = ['rota', 'requests', 'swaps', 'openShifts'] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

export const NOTIFICATION_KINDS = {
  'rota.published': 'rota',
  'rota.changed': 'rota',
  'timeOff.decided': 'requests',
  'swap.decided': 'requests',
  'swap.asked': 'swaps',
  'swap.answered': 'swaps',
  'swap.withdrawn': 'swaps',
  'openShift.available': 'openShifts',
  'openShift.decided': 'requests',
  'openShift.taken': 'swaps',
  'intradayOffer.available': 'openShifts',
  'intradayOffer.taken': 'openShifts',
} as const satisfies Record<string, NotificationTopic>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/** The outbox kind of a notification mail (the delivery loop writes it from the code). */
export const MAIL_KIND_PREFIX = 'notify.';

export interface News {
  staffId: number;
  kind: NotificationKind;
  params: Record<string, unknown>;
}

const Switch = z.object({ app: z.boolean(), email: z.boolean() });
export type NotificationSettings = Record<NotificationTopic, { app: boolean; email: boolean }>;
const SettingsSchema = z.object(Object.fromEntries(NOTIFICATION_TOPICS.map((t) => [t, Switch.optional()])));

/** The stored switches, everything on where nothing was said (also for unreadable JSON). */
export function parseNotificationSettings(stored: string | null): NotificationSettings {
  let given: Partial<NotificationSettings> = {};
  try {
    const parsed = SettingsSchema.safeParse(stored ? JSON.parse(stored) : {});
    if (parsed.success) given = parsed.data as Partial<NotificationSettings>;
  } catch {
    given = {};
  }
  return Object.fromEntries(NOTIFICATION_TOPICS.map((t) => [t, given[t] ?? { app: true, email: true }])) as NotificationSettings;
}

/**
 * Whether mail goes out from this database's app: set once at wiring (server/services.ts) from
 * the SMTP configuration. Kept per data source, not passed through every use case that causes
 * news; without it (mail off, or the CLI) notifications are in-app only and nothing is queued.
 */
const mailOn = new WeakMap<DataSource, boolean>();

export function setNotificationMail(ds: DataSource, on: boolean): void {
  mailOn.set(ds, on);
}

const mailEnabled = (db: Db) => mailOn.get('connection' in db ? db.connection : db) === true;

function rowsAndMail(r: Recipient, news: News): { row: NewNotificationRow | null; mail: boolean } {
  const topic = NOTIFICATION_KINDS[news.kind];
  const wants = parseNotificationSettings(r.settings)[topic];
  return {
    row: wants.app ? { userId: r.userId, topic, kind: news.kind, params: news.params } : null,
    mail: wants.email && !!r.email,
  };
}

/** Records each piece of news for every login of its person, as each of them asked. */
export async function notifyStaff(db: Db, news: News[], now: Date): Promise<void> {
  if (!news.length) return;
  const at = now.toISOString();
  const recipients = await recipientsOfStaff(db, [...new Set(news.map((n) => n.staffId))]);
  const rows: NewNotificationRow[] = [];
  const mailing = mailEnabled(db);
  for (const n of news) {
    for (const r of recipients.filter((x) => x.staffId === n.staffId)) {
      const { row, mail } = rowsAndMail(r, n);
      if (row) rows.push(row);
      if (mail && mailing) {
        await enqueueOutboxMessage(
          db,
          { kind: MAIL_KIND_PREFIX + n.kind, recipient: r.email!, locale: r.locale ?? 'en', subject: '', body: '', params: n.params },
          at,
        );
      }
    }
  }
  await insertNotifications(db, rows, at);
}

export async function notificationSettings(db: Db, userId: number): Promise<NotificationSettings> {
  return parseNotificationSettings(await getNotificationSettings(db, userId));
}

export async function saveNotificationSettings(db: Db, userId: number, settings: NotificationSettings): Promise<void> {
  await setNotificationSettings(db, userId, JSON.stringify(settings));
}
