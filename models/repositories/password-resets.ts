/** Forgotten-password tokens: stored as SHA-256 hex, used at most once, until their expiry. */
import { IsNull } from 'typeorm';
import { PasswordResetToken } from '../entities/password-reset-token';
import type { Db } from './db';

export interface PasswordResetRecord {
  id: number;
  userId: number;
  expiresAt: string;
  usedAt: string | null;
}

export async function createPasswordResetToken(db: Db, input: { userId: number; tokenHash: string; expiresAt: string }, now: string) {
  const repo = db.getRepository(PasswordResetToken);
  await repo.insert({ ...input, usedAt: null, createdAt: now });
}

export async function findPasswordResetToken(db: Db, tokenHash: string): Promise<PasswordResetRecord | null> {
  const row = await db.getRepository(PasswordResetToken).findOne({ where: { tokenHash } });
  return row ? { id: row.id, userId: row.userId, expiresAt: row.expiresAt, usedAt: row.usedAt ?? null } : null;
}

/**
 * Marks the token used if nobody did yet: a compare-and-set, so two requests racing with the
 * same link cannot both set a password.
 */
export async function claimPasswordResetToken(db: Db, id: number, now: string): Promise<boolean> {
  const res = await db.getRepository(PasswordResetToken).update({ id, usedAt: IsNull() }, { usedAt: now });
  return (res.affected ?? 0) > 0;
}

/** Ends every open link of the account (after any password change). */
export async function revokePasswordResetTokens(db: Db, userId: number, now: string): Promise<void> {
  await db.getRepository(PasswordResetToken).update({ userId, usedAt: IsNull() }, { usedAt: now });
}

export async function countRecentPasswordResetTokens(db: Db, userId: number, sinceIso: string): Promise<number> {
  return db
    .getRepository(PasswordResetToken)
    .createQueryBuilder('t')
    .where('t.userId = :userId AND t.createdAt >= :since', { userId, since: sinceIso })
    .getCount();
}
