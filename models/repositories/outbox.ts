/** The notification outbox: messages queued in a transaction with what caused them, sent later. */
import { IsNull, LessThanOrEqual } from 'typeorm';
import { NotificationOutbox } from '../entities/notification-outbox';
import type { Db } from './db';

export interface OutboxMessage {
  id: number;
  kind: string;
  recipient: string;
  locale: string;
  subject: string;
  body: string;
  /** A notification's code parameters: subject and body are written from them at send time. */
  params: Record<string, unknown> | null;
  attempts: number;
  nextAttemptAt: string;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
}

export type NewOutboxMessage = Pick<OutboxMessage, 'kind' | 'recipient' | 'locale' | 'subject' | 'body'> & {
  params?: Record<string, unknown> | null;
};

const toMessage = (r: NotificationOutbox): OutboxMessage => ({
  id: r.id,
  kind: r.kind,
  recipient: r.recipient,
  locale: r.locale,
  subject: r.subject,
  body: r.body,
  params: r.params ? (JSON.parse(r.params) as Record<string, unknown>) : null,
  attempts: r.attempts,
  nextAttemptAt: r.nextAttemptAt,
  sentAt: r.sentAt ?? null,
  lastError: r.lastError ?? null,
  createdAt: r.createdAt,
});

export async function enqueueOutboxMessage(db: Db, message: NewOutboxMessage, now: string): Promise<number> {
  const repo = db.getRepository(NotificationOutbox);
  const row = await repo.save(
    repo.create({
      ...message,
      params: message.params ? JSON.stringify(message.params) : null,
      attempts: 0,
      nextAttemptAt: now,
      sentAt: null,
      lastError: null,
      createdAt: now,
    }),
  );
  return row.id;
}

/** Unsent messages whose next attempt is due, oldest first. */
export async function dueOutboxMessages(db: Db, now: string, limit: number): Promise<OutboxMessage[]> {
  const rows = await db.getRepository(NotificationOutbox).find({
    where: { sentAt: IsNull(), nextAttemptAt: LessThanOrEqual(now) },
    order: { nextAttemptAt: 'ASC', id: 'ASC' },
    take: limit,
  });
  return rows.map(toMessage);
}

/**
 * Takes a due message for one sender: moves its next attempt to `leaseUntil` only if nobody
 * moved it since it was read (compare-and-set on `nextAttemptAt`), so of two app instances
 * delivering at once exactly one sends it; one that dies mid-send leaves it due again later.
 */
export async function claimOutboxMessage(db: Db, m: Pick<OutboxMessage, 'id' | 'nextAttemptAt'>, leaseUntil: string): Promise<boolean> {
  const res = await db
    .getRepository(NotificationOutbox)
    .update({ id: m.id, sentAt: IsNull(), nextAttemptAt: m.nextAttemptAt }, { nextAttemptAt: leaseUntil });
  return (res.affected ?? 0) > 0;
}

export async function markOutboxSent(db: Db, id: number, now: string): Promise<void> {
  await db.getRepository(NotificationOutbox).update({ id }, { sentAt: now, lastError: null });
}

export async function markOutboxFailed(db: Db, id: number, attempts: number, nextAttemptAt: string, error: string): Promise<void> {
  await db.getRepository(NotificationOutbox).update({ id }, { attempts, nextAttemptAt, lastError: error.slice(0, 2000) });
}

export async function listOutboxMessages(db: Db): Promise<OutboxMessage[]> {
  return (await db.getRepository(NotificationOutbox).find({ order: { id: 'ASC' } })).map(toMessage);
}
