/**
 * Failed logins, kept in the database so that every app instance sees the same counts and a
 * restart forgets nothing. A row is one failure under one `key` ('account:<username>' or
 * 'address:<ip>'); the login limiter (app/login-limit.ts) decides what they mean.
 */
import { LessThan } from 'typeorm';
import { LoginAttempt } from '../entities/login-attempt';
import type { Db } from './db';

export interface LoginFailure {
  id: number;
  at: string;
}

/** Stores one failure; returns its id (ids grow, so "the failures before this one" is `id <`). */
export async function recordLoginFailure(db: Db, key: string, at: string): Promise<number> {
  const result = await db.getRepository(LoginAttempt).insert({ key, at, succeeded: false });
  return Number(result.identifiers[0]?.id);
}

/** The failures under `key` at or after `sinceIso`, oldest first; with `beforeId`, only those stored before it. */
export async function loginFailures(db: Db, key: string, sinceIso: string, beforeId?: number): Promise<LoginFailure[]> {
  const q = db
    .getRepository(LoginAttempt)
    .createQueryBuilder('a')
    .select(['a.id', 'a.at'])
    .where('a.key = :key', { key })
    .andWhere('a.at >= :since', { since: sinceIso })
    .andWhere('a.succeeded = :failed', { failed: false })
    .orderBy('a.id', 'ASC');
  if (beforeId !== undefined) q.andWhere('a.id < :beforeId', { beforeId });
  const rows = await q.getMany();
  return rows.map((r) => ({ id: r.id, at: r.at }));
}

export async function deleteLoginFailure(db: Db, id: number): Promise<void> {
  await db.getRepository(LoginAttempt).delete({ id });
}

/** Forgets every failure under `key` (a successful login clears its account). */
export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.getRepository(LoginAttempt).delete({ key });
}

/** Deletes failures older than `beforeIso`; returns how many. */
export async function pruneLoginFailures(db: Db, beforeIso: string): Promise<number> {
  const result = await db.getRepository(LoginAttempt).delete({ at: LessThan(beforeIso) });
  return result.affected ?? 0;
}
