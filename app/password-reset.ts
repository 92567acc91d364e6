/**
 * Forgotten passwords: a person names their account (username or e-mail address); if it has an
 * address and mail is on, a single-use link valid for one hour is queued to it. The answer to
 * the asker is the same whatever happened, so the form cannot tell who has an account.
 * The link's secret is random (256 bits) and only its SHA-256 is stored; following it sets a
 * new password under the usual policy, and every other way in is ended (see replacePassword).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from '../models';
import { appendAudit } from '../models/repositories/audit';
import { enqueueOutboxMessage } from '../models/repositories/outbox';
import {
  claimPasswordResetToken,
  countRecentPasswordResetTokens,
  createPasswordResetToken,
  findPasswordResetToken,
} from '../models/repositories/password-resets';
import { findUserByUsername, findUsersByEmail, getUser, type UserRecord } from '../models/repositories/users';
import { replacePassword, type SettingsOutcome } from './account-settings';
import { passwordProblem } from './password-policy';

export const RESET_LINK_MINUTES = 60;
/** Links per account per hour: enough for a lost mail, too few to flood someone's inbox. */
export const RESET_LINKS_PER_HOUR = 3;

export interface PasswordResetDeps {
  ds: DataSource;
  now: Date;
  /** False when no mail server is configured: nothing is queued. */
  mailEnabled: boolean;
  /** Where links point, e.g. 'https://rota.example.ge' (no trailing slash). */
  publicUrl: string;
  /** The catalogue: mail is written in the account's language. */
  translate: (locale: string, key: string, params?: Record<string, unknown>) => string;
}

const tokenHash = (token: string) => createHash('sha256').update(`reset:${token}`).digest('hex');

async function accountNamed(ds: DataSource, identifier: string): Promise<UserRecord | null> {
  const id = identifier.trim();
  if (!id) return null;
  const byName = await findUserByUsername(ds, id);
  if (byName) return byName;
  if (!id.includes('@')) return null;
  const byEmail = await findUsersByEmail(ds, id);
  // An address shared by two accounts names neither: the person should ask by username.
  return byEmail.length === 1 ? byEmail[0] : null;
}

/** Queues the link when it can; says nothing about whether it did. */
export async function requestPasswordReset(deps: PasswordResetDeps, identifier: string, askedInLocale: string): Promise<void> {
  if (!deps.mailEnabled) return;
  const user = await accountNamed(deps.ds, identifier);
  if (!user || user.disabled || user.isDemo || !user.email) return;
  const nowIso = deps.now.toISOString();
  const hourAgo = new Date(deps.now.getTime() - 3_600_000).toISOString();
  if ((await countRecentPasswordResetTokens(deps.ds, user.id, hourAgo)) >= RESET_LINKS_PER_HOUR) return;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString();
  await createPasswordResetToken(deps.ds, { userId: user.id, tokenHash: tokenHash(token), expiresAt }, nowIso);
  const locale = user.locale ?? askedInLocale;
  const params = { username: user.username, link: `${deps.publicUrl}/password/reset/${token}`, minutes: RESET_LINK_MINUTES };
  await enqueueOutboxMessage(
    deps.ds,
    {
      kind: 'password.reset',
      recipient: user.email,
      locale,
      subject: deps.translate(locale, 'mail.reset.subject', params),
      body: deps.translate(locale, 'mail.reset.body', params),
    },
    nowIso,
  );
  await appendAudit(deps.ds, { at: nowIso, userId: null, action: 'password.reset_requested', entity: 'user_account', entityId: user.id });
}

export type ResetLinkState = { kind: 'valid'; username: string } | { kind: 'invalid' };

async function openLink(ds: DataSource, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const record = await findPasswordResetToken(ds, tokenHash(token));
  if (!record || record.usedAt !== null || record.expiresAt <= now.toISOString()) return null;
  const user = await getUser(ds, record.userId);
  if (!user || user.disabled) return null;
  return { record, user };
}

/** Whether the link can still be used (the page shows the form or says it is void). */
export async function checkResetLink(ds: DataSource, token: string, now: Date): Promise<ResetLinkState> {
  const open = await openLink(ds, token, now);
  return open ? { kind: 'valid', username: open.user.username } : { kind: 'invalid' };
}

/**
 * Sets the password through the link. A password the policy refuses leaves the link usable;
 * an accepted one uses it up (compare-and-set: a second request with the same link is refused).
 */
export async function resetPasswordWithLink(
  ds: DataSource,
  token: string,
  password: string,
  now: Date,
): Promise<SettingsOutcome | { kind: 'invalid' }> {
  const open = await openLink(ds, token, now);
  if (!open) return { kind: 'invalid' };
  const problem = passwordProblem(password, [open.user.username, open.user.email]);
  if (problem) return { kind: 'refused', key: problem, field: 'password' };
  if (!(await claimPasswordResetToken(ds, open.record.id, now.toISOString()))) return { kind: 'invalid' };
  return replacePassword(ds, open.user.id, password, now, { action: 'password.reset_by_link', actor: null });
}
