/**
 * A private calendar feed URL per person, for calendar apps that cannot log in. The secret is
 * shown once; only a hash is stored, reusing the api_tokens table with the kind 'calendar'
 * (no new table; such a row never opens the API, see api-tokens.ts). The stored hash is SHA-256 of "calendar:" + token, so the feed's secret
 * never works as an API bearer token (which is hashed without the prefix), and a leaked
 * calendar URL shows shifts and nothing else. Making a new link revokes the old one.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from '../models';
import { createApiToken, deleteApiToken, listApiTokens, useApiToken, type UserRecord } from '../models/repositories/users';
import { appendAudit } from '../models/repositories/audit';

export const CALENDAR_TOKEN_NAME = 'calendar';

const feedHash = (token: string) => createHash('sha256').update(`calendar:${token}`).digest('hex');

/** Ends the person's calendar link, if any (a new link, or a password reset). */
export async function revokeCalendarLink(ds: DataSource, userId: number): Promise<void> {
  for (const t of await listApiTokens(ds, userId)) if (t.kind === 'calendar') await deleteApiToken(ds, userId, t.id);
}

export async function createCalendarLink(ds: DataSource, userId: number, now: Date): Promise<string> {
  await revokeCalendarLink(ds, userId);
  const token = randomBytes(24).toString('base64url');
  await createApiToken(ds, { userId, kind: 'calendar', name: CALENDAR_TOKEN_NAME, tokenHash: feedHash(token) }, now.toISOString());
  await appendAudit(ds, { at: now.toISOString(), userId, action: 'calendar.link', entity: 'user', entityId: userId });
  return token;
}

export async function hasCalendarLink(ds: DataSource, userId: number): Promise<boolean> {
  return (await listApiTokens(ds, userId)).some((t) => t.kind === 'calendar');
}

/** The user behind a feed token, or null (unknown, revoked, disabled, or not a calendar token). */
export async function calendarFeedUser(ds: DataSource, token: string, now: Date): Promise<UserRecord | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const found = await useApiToken(ds, feedHash(token), now.toISOString());
  if (!found || found.token.kind !== 'calendar' || found.user.disabled) return null;
  return found.user;
}
