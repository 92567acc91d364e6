/** Logins, API tokens and login attempts as plain objects. Passwords arrive already hashed. */
import { IsNull } from 'typeorm';
import { ApiToken } from '../entities/api-token';
import { LoginAttempt } from '../entities/login-attempt';
import { UserAccount } from '../entities/user-account';
import type { Db } from './db';
import { Staff } from '../entities/staff';
import { ensureDefaultTeamId } from './teams';

export type UserRole = 'agent' | 'team_lead' | 'coordinator' | 'head' | 'admin';
export const USER_ROLES: readonly UserRole[] = ['agent', 'team_lead', 'coordinator', 'head', 'admin'];

export interface UserRecord {
  id: number;
  username: string;
  passwordHash: string;
  role: UserRole;
  staffId: number | null;
  /** Their team (that of the person they are linked to); null only before the install has a team. */
  teamId: number | null;
  locale: string | null;
  email: string | null;
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
  /** Default: the linked person's team, else the default team. */
  teamId?: number;
  locale?: string | null;
  email?: string | null;
  isDemo?: boolean;
}

export type ApiTokenKind = 'personal' | 'service' | 'calendar';

export interface ApiTokenRecord {
  id: number;
  /** Null for a service token. */
  userId: number | null;
  kind: ApiTokenKind;
  name: string;
  scopes: string[];
  tokenHash: string;
  createdAt: string;
  /** Null: never expires (calendar links, and tokens made before scopes existed). */
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface NewApiToken {
  userId: number | null;
  kind?: ApiTokenKind;
  name: string;
  scopes?: readonly string[];
  tokenHash: string;
  expiresAt?: string | null;
}

function toUser(row: UserAccount): UserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.passwordHash,
    role: row.role as UserRole,
    staffId: row.staffId ?? null,
    teamId: row.teamId ?? null,
    locale: row.locale ?? null,
    email: row.email ?? null,
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

/** Addresses are compared lower-cased; more than one account may share one (then none is picked). */
export async function findUsersByEmail(db: Db, email: string): Promise<UserRecord[]> {
  const rows = await db
    .getRepository(UserAccount)
    .createQueryBuilder('u')
    .where('LOWER(u.email) = :email', { email: email.trim().toLowerCase() })
    .getMany();
  return rows.map(toUser);
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  const rows = await db.getRepository(UserAccount).find({ order: { username: 'ASC' } });
  return rows.map(toUser);
}

export async function createUser(db: Db, input: NewUser, now: string): Promise<UserRecord> {
  const repo = db.getRepository(UserAccount);
  const person = input.staffId ? await db.getRepository(Staff).findOne({ where: { id: input.staffId } }) : null;
  const row = repo.create({
    username: normalizeUsername(input.username),
    passwordHash: input.passwordHash,
    role: input.role,
    staffId: input.staffId ?? null,
    teamId: input.teamId ?? person?.teamId ?? (await ensureDefaultTeamId(db)),
    locale: input.locale ?? null,
    email: input.email ?? null,
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

export async function setUserDisabled(db: Db, userId: number, disabled: boolean): Promise<void> {
  await db.getRepository(UserAccount).update({ id: userId }, { disabled });
}

export async function setUserEmail(db: Db, userId: number, email: string | null): Promise<void> {
  await db.getRepository(UserAccount).update({ id: userId }, { email });
}

export async function setUserLocale(db: Db, userId: number, locale: string | null): Promise<void> {
  await db.getRepository(UserAccount).update({ id: userId }, { locale });
}

function toApiToken(r: ApiToken): ApiTokenRecord {
  return {
    id: r.id,
    userId: r.userId ?? null,
    kind: r.kind as ApiTokenKind,
    name: r.name,
    scopes: r.scopes ? r.scopes.split(' ').filter(Boolean) : [],
    tokenHash: r.tokenHash,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt ?? null,
    lastUsedAt: r.lastUsedAt ?? null,
  };
}

export async function createApiToken(db: Db, input: NewApiToken, now: string): Promise<ApiTokenRecord> {
  const repo = db.getRepository(ApiToken);
  const row = await repo.save(
    repo.create({
      userId: input.userId,
      kind: input.kind ?? 'personal',
      name: input.name,
      scopes: (input.scopes ?? []).join(' '),
      tokenHash: input.tokenHash,
      expiresAt: input.expiresAt ?? null,
      createdAt: now,
      lastUsedAt: null,
    }),
  );
  return toApiToken(row);
}

/** The token with this SHA-256 hex hash and its user (null for a service token); no side effect. */
export async function findApiToken(db: Db, tokenHash: string): Promise<{ token: ApiTokenRecord; user: UserRecord | null } | null> {
  const row = await db.getRepository(ApiToken).findOne({ where: { tokenHash } });
  if (!row) return null;
  const token = toApiToken(row);
  if (token.userId === null) return token.kind === 'service' ? { token, user: null } : null;
  const user = await getUser(db, token.userId);
  return user ? { token, user } : null;
}

export async function touchApiToken(db: Db, tokenId: number, now: string): Promise<void> {
  await db.getRepository(ApiToken).update({ id: tokenId }, { lastUsedAt: now });
}

/** The person's token with this SHA-256 hex hash and its user, stamping lastUsedAt. */
export async function useApiToken(db: Db, tokenHash: string, now: string): Promise<{ token: ApiTokenRecord; user: UserRecord } | null> {
  const found = await findApiToken(db, tokenHash);
  if (!found?.user) return null;
  await touchApiToken(db, found.token.id, now);
  return { token: { ...found.token, lastUsedAt: now }, user: found.user };
}

/** A person's tokens (every kind), oldest first. */
export async function listApiTokens(db: Db, userId: number): Promise<ApiTokenRecord[]> {
  const rows = await db.getRepository(ApiToken).find({ where: { userId }, order: { id: 'ASC' } });
  return rows.map(toApiToken);
}

/** The service tokens (they belong to no person), oldest first. */
export async function listServiceTokens(db: Db): Promise<ApiTokenRecord[]> {
  const rows = await db.getRepository(ApiToken).find({ where: { userId: IsNull(), kind: 'service' }, order: { id: 'ASC' } });
  return rows.map(toApiToken);
}

export async function deleteApiToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  const res = await db.getRepository(ApiToken).delete({ id: tokenId, userId });
  return (res.affected ?? 0) > 0;
}

export async function deleteServiceToken(db: Db, tokenId: number): Promise<boolean> {
  const res = await db.getRepository(ApiToken).delete({ id: tokenId, userId: IsNull(), kind: 'service' });
  return (res.affected ?? 0) > 0;
}

/** Every token of the person (API tokens and the calendar link): how many went. */
export async function deleteApiTokensOfUser(db: Db, userId: number): Promise<number> {
  const res = await db.getRepository(ApiToken).delete({ userId });
  return res.affected ?? 0;
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
