/** Session storage for an express-session store: JSON text with an expiry instant (ISO UTC). */
import { Session } from '../entities/session';
import type { Db } from './db';

export async function getSessionData(db: Db, sid: string, now: string): Promise<string | null> {
  const row = await db.getRepository(Session).findOne({ where: { sid } });
  if (!row || row.expiresAt <= now) return null;
  return row.data;
}

export async function setSessionData(db: Db, sid: string, data: string, expiresAt: string): Promise<void> {
  await db.getRepository(Session).upsert({ sid, data, expiresAt }, ['sid']);
}

export async function touchSession(db: Db, sid: string, expiresAt: string): Promise<void> {
  await db.getRepository(Session).update({ sid }, { expiresAt });
}

export async function destroySession(db: Db, sid: string): Promise<void> {
  await db.getRepository(Session).delete({ sid });
}

export async function pruneExpiredSessions(db: Db, now: string): Promise<number> {
  const res = await db.getRepository(Session).createQueryBuilder().delete().where('expiresAt <= :now', { now }).execute();
  return res.affected ?? 0;
}
