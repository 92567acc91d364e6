/** Logins, API tokens and login attempts as plain objects. Passwords arrive already hashed. */
import { ApiToken } from '../entities/api-token';
import { LoginAttempt } from '../entities/login-attempt';
import { UserAccount } from '../entities/user-account';
import type { Db } from './db';

export type UserRole = 'agent' | 'team_lead' | 'coordinator' | 'head' | 'admin';
export const USER_ROLES: readonly UserRole[] = ['agent', 'team_lead', 'coordinator', 'head', 'admin'];

export interface UserRecord {
  id: number;
  username: string;
  passwordHash: string;
  role: UserRole;
  staffId: number | null;
  locale: string | null;
  isDemo: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: UserRole;
  staffId?: number | null;
  locale?: string | null;
  isDemo?: boolean;
}

export interface ApiTokenRecord {
  id: number;
  userId: number;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
}

function toUser(row: UserAccount): UserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.passwordHash,
    role: row.role as UserRole,
    staffId: row.staffId ?? null,
    locale: row.locale ?? null,
    isDemo: !!row.isDemo,
    disabled: !!row.disabled,
    lastLoginAt: row.lastLoginAt ?? null,
    createdAt: row.createdAt,
  };
}

/** Usernames are matched case-insensitively by storing them lower-cased. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | null> {
  const row = await db.getRepository(UserAccount).findOne({ where: { username: normalizeUsername(username) } });
  return row ? toUser(row) : null;
}

export async function getUser(db: Db, id: number): Promise<UserRecord | null> {
  const row = await db.getRepository(UserAccount).findOne({ where: { id } });
  return row ? toUser(row) : null;
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  const rows = await db.getRepository(UserAccount).find({ order: { username: 'ASC' } });
  return rows.map(toUser);
}

export async function createUser(db: Db, input: NewUser, now: string): Promise<UserRecord> {
  const repo = db.getRepository(UserAccount);
  const row = repo.create({
    username: normalizeUsername(input.username),
    passwordHash: input.passwordHash,
    role: input.role,
    staffId: input.staffId ?? null,
    locale: input.locale ?? null,
    isDemo: input.isDemo ?? false,
    disabled: false,
    lastLoginAt: null,
    createdAt: now,
  });
  return toUser(await repo.save(row));
}

export async function recordLogin(db: Db, userId: number, now: string): Promise<void> {
  await db.getRepository(UserAccount).update({ id: userId }, { lastLoginAt: now });
}

export async function setUserPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.getRepository(UserAccount).update({ id: userId }, { passwordHash });
}

export async function createApiToken(
  db: Db,
  input: { userId: number; name: string; tokenHash: string },
  now: string,
): Promise<ApiTokenRecord> {
  const repo = db.getRepository(ApiToken);
  const row = await repo.save(repo.create({ ...input, createdAt: now, lastUsedAt: null }));
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    tokenHash: row.tokenHash,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt ?? null,
  };
}

/** The token with this SHA-256 hex hash and its user, stamping lastUsedAt. */
export async function useApiToken(db: Db, tokenHash: string, now: string): Promise<{ token: ApiTokenRecord; user: UserRecord } | null> {
  const token = await db.getRepository(ApiToken).findOne({ where: { tokenHash } });
  if (!token) return null;
  const user = await getUser(db, token.userId);
  if (!user) return null;
  await db.getRepository(ApiToken).update({ id: token.id }, { lastUsedAt: now });
  return { token: { id: token.id, userId: token.userId, name: token.name, tokenHash, createdAt: token.createdAt, lastUsedAt: now }, user };
}

export async function listApiTokens(db: Db, userId: number): Promise<ApiTokenRecord[]> {
  const rows = await db.getRepository(ApiToken).find({ where: { userId }, order: { id: 'ASC' } });
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    name: r.name,
    tokenHash: r.tokenHash,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt ?? null,
  }));
}

export async function deleteApiToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  const res = await db.getRepository(ApiToken).delete({ id: tokenId, userId });
  return (res.affected ?? 0) > 0;
}

export async function recordLoginAttempt(db: Db, key: string, succeeded: boolean, at: string): Promise<void> {
  await db.getRepository(LoginAttempt).insert({ key, succeeded, at });
}

/** Failed attempts for `key` at or after `sinceIso` (for rate limiting). */
export async function countFailedLoginAttempts(db: Db, key: string, sinceIso: string): Promise<number> {
  return db
    .getRepository(LoginAttempt)
    .createQueryBuilder('a')
    .where('a.key = :key AND a.at >= :since AND a.succeeded = :f', { key, since: sinceIso, f: false })
    .getCount();
}

export async function pruneLoginAttempts(db: Db, beforeIso: string): Promise<number> {
  const res = await db.getRepository(LoginAttempt).createQueryBuilder().delete().where('at < :before', { before: beforeIso }).execute();
  return res.affected ?? 0;
}
