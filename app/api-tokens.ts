/**
 * API tokens for scripts (security issue #11). A token opens only the API routes of its
 * scopes, never a page, and expires (default 90 days). A person makes tokens for their own
 * account only, with scopes their role allows; an administrator makes service tokens, which
 * belong to nobody and are named in the audit log when they act. A password reset or a role
 * change ends all of a person's tokens (see accounts.ts).
 *
 * The token is `rota_` + 32 random bytes, shown once; only its SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from '../models';
import { appendAudit } from '../models/repositories/audit';
import {
  createApiToken,
  deleteApiToken,
  deleteServiceToken,
  findApiToken,
  listApiTokens,
  listServiceTokens,
  touchApiToken,
  type ApiTokenRecord,
  type UserRecord,
} from '../models/repositories/users';

/** Every scope a token can carry: the one list (the routes name theirs with requireScope). */
export const TOKEN_SCOPES = ['history:import', 'actuals:write', 'rota:read', 'calendar:read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === 'string' && (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** A token as its pages show it: never the hash. */
export type TokenView = Omit<ApiTokenRecord, 'tokenHash'> & { expired: boolean };

export interface TokenForm {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number;
}

export interface TokensContext {
  db: DataSource;
  now: Date;
  actor: { userId: number };
}

export type TokenOutcome<T = object> = ({ kind: 'ok' } & T) | { kind: 'notFound' } | { kind: 'refused'; key: string; field?: string };

const DAY_MS = 86_400_000;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

function toView(t: ApiTokenRecord, now: Date): TokenView {
  const { tokenHash: _hidden, ...rest } = t;
  return { ...rest, expired: t.expiresAt !== null && t.expiresAt <= now.toISOString() };
}

/** The person's API tokens (their calendar link is not one). */
export async function listOwnTokens(db: DataSource, userId: number, now: Date): Promise<TokenView[]> {
  return (await listApiTokens(db, userId)).filter((t) => t.kind === 'personal').map((t) => toView(t, now));
}

export async function listAllServiceTokens(db: DataSource, now: Date): Promise<TokenView[]> {
  return (await listServiceTokens(db)).map((t) => toView(t, now));
}

async function mint(ctx: TokensContext, owner: number | null, form: TokenForm): Promise<{ token: string; record: TokenView }> {
  const token = `rota_${randomBytes(32).toString('base64url')}`;
  const record = await createApiToken(
    ctx.db,
    {
      userId: owner,
      kind: owner === null ? 'service' : 'personal',
      name: form.name,
      scopes: [...new Set(form.scopes)],
      tokenHash: hashOf(token),
      expiresAt: new Date(ctx.now.getTime() + form.expiresInDays * DAY_MS).toISOString(),
    },
    ctx.now.toISOString(),
  );
  await appendAudit(ctx.db, {
    at: ctx.now.toISOString(),
    userId: ctx.actor.userId,
    action: owner === null ? 'service_token.created' : 'api_token.created',
    entity: 'api_token',
    entityId: record.id,
    detail: { name: record.name, scopes: record.scopes, expiresAt: record.expiresAt, service: owner === null },
  });
  return { token, record: toView(record, ctx.now) };
}

/** A token for the actor's own account, with scopes their role allows (`allowed`). */
export async function createOwnToken(
  ctx: TokensContext,
  form: TokenForm,
  allowed: readonly TokenScope[],
): Promise<TokenOutcome<{ token: string; record: TokenView }>> {
  if (form.scopes.length === 0 || form.scopes.some((s) => !allowed.includes(s)))
    return { kind: 'refused', key: 'tokens.error.scopes', field: 'scopes' };
  return { kind: 'ok', ...(await mint(ctx, ctx.actor.userId, form)) };
}

/** A service token (the administrator's): it belongs to nobody. */
export async function createServiceToken(ctx: TokensContext, form: TokenForm): Promise<TokenOutcome<{ token: string; record: TokenView }>> {
  if (form.scopes.length === 0) return { kind: 'refused', key: 'tokens.error.scopes', field: 'scopes' };
  return { kind: 'ok', ...(await mint(ctx, null, form)) };
}

export async function revokeOwnToken(ctx: TokensContext, tokenId: number): Promise<TokenOutcome> {
  const mine = (await listApiTokens(ctx.db, ctx.actor.userId)).find((t) => t.id === tokenId && t.kind === 'personal');
  if (!mine || !(await deleteApiToken(ctx.db, ctx.actor.userId, tokenId))) return { kind: 'notFound' };
  await appendAudit(ctx.db, {
    at: ctx.now.toISOString(),
    userId: ctx.actor.userId,
    action: 'api_token.revoked',
    entity: 'api_token',
    entityId: tokenId,
    detail: { name: mine.name },
  });
  return { kind: 'ok' };
}

export async function revokeServiceToken(ctx: TokensContext, tokenId: number): Promise<TokenOutcome> {
  const token = (await listServiceTokens(ctx.db)).find((t) => t.id === tokenId);
  if (!token || !(await deleteServiceToken(ctx.db, tokenId))) return { kind: 'notFound' };
  await appendAudit(ctx.db, {
    at: ctx.now.toISOString(),
    userId: ctx.actor.userId,
    action: 'service_token.revoked',
    entity: 'api_token',
    entityId: tokenId,
    detail: { name: token.name, service: true },
  });
  return { kind: 'ok' };
}

export interface AuthenticatedToken {
  token: { id: number; name: string; kind: 'personal' | 'service'; scopes: TokenScope[] };
  /** The owner of a personal token; null for a service token. */
  user: UserRecord | null;
}

/**
 * The token behind a bearer secret, if it may be used at all: known, an API token (never a
 * calendar feed secret), not expired, its owner (if any) still enabled. Stamps lastUsedAt.
 */
export async function authenticateApiToken(db: DataSource, secret: string, now: Date): Promise<AuthenticatedToken | null> {
  if (!/^rota_[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const found = await findApiToken(db, hashOf(secret));
  if (!found || found.token.kind === 'calendar') return null;
  const { token, user } = found;
  if (token.expiresAt === null || token.expiresAt <= now.toISOString()) return null;
  if (token.kind === 'personal' ? !user || user.disabled : user !== null) return null;
  await touchApiToken(db, token.id, now.toISOString());
  return {
    token: { id: token.id, name: token.name, kind: token.kind as 'personal' | 'service', scopes: token.scopes.filter(isTokenScope) },
    user,
  };
}
