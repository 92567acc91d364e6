/**
 * A person's own account (/account): change their password (the old one required), their
 * e-mail address for forgotten-password links, and the language they read Rota in.
 *
 * A changed password ends the account's other ways in: other sessions carry a stamp of the old
 * hash and stop working (middleware/auth.ts), the calendar feed link is revoked, and open
 * forgotten-password links die. The session that made the change is kept by the caller (rotated).
 * Demo accounts keep their public password: the demo must stay open to the next visitor.
 */
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import type { DataSource } from '../models';
import { appendAudit } from '../models/repositories/audit';
import { updateAccountIfUnchanged } from '../models/repositories/accounts';
import { revokePasswordResetTokens } from '../models/repositories/password-resets';
import { getUser, setUserEmail, setUserLocale } from '../models/repositories/users';
import { passwordProblem } from './password-policy';
import { revokeCalendarLink } from './rota-calendar-link';

export type SettingsOutcome = { kind: 'ok' } | { kind: 'notFound' } | { kind: 'refused'; key: string; field?: string };

export interface OwnAccount {
  username: string;
  email: string | null;
  locale: string | null;
  isDemo: boolean;
}

export async function ownAccount(ds: DataSource, userId: number): Promise<OwnAccount | null> {
  const u = await getUser(ds, userId);
  return u ? { username: u.username, email: u.email, locale: u.locale, isDemo: u.isDemo } : null;
}

/**
 * Every effect of a password set by its owner or through a reset link, in one place: the hash
 * is compared-and-set against the state read, so two changes racing cannot both win.
 */
export async function replacePassword(
  ds: DataSource,
  userId: number,
  newPassword: string,
  now: Date,
  audit: { action: string; actor: number | null },
): Promise<SettingsOutcome> {
  const user = await getUser(ds, userId);
  if (!user) return { kind: 'notFound' };
  const problem = passwordProblem(newPassword, [user.username, user.email]);
  if (problem) return { kind: 'refused', key: problem, field: 'password' };
  if (!(await updateAccountIfUnchanged(ds, userId, user, { passwordHash: await hash(newPassword) })))
    return { kind: 'refused', key: 'error.stale' };
  await revokeCalendarLink(ds, userId);
  await revokePasswordResetTokens(ds, userId, now.toISOString());
  await appendAudit(ds, { at: now.toISOString(), userId: audit.actor, action: audit.action, entity: 'user_account', entityId: userId });
  return { kind: 'ok' };
}

export async function changeOwnPassword(
  ds: DataSource,
  userId: number,
  form: { currentPassword: string; password: string },
  now: Date,
): Promise<SettingsOutcome> {
  const user = await getUser(ds, userId);
  if (!user) return { kind: 'notFound' };
  if (user.isDemo) return { kind: 'refused', key: 'account.error.demo' };
  if (!(await verify(user.passwordHash, form.currentPassword).catch(() => false)))
    return { kind: 'refused', key: 'account.error.currentPassword', field: 'currentPassword' };
  return replacePassword(ds, userId, form.password, now, { action: 'account.password_changed', actor: userId });
}

/** An address a mail server accepts; empty clears it. */
export const EmailSchema = z
  .string()
  .trim()
  .max(200)
  .transform((v) => (v === '' ? null : v.toLowerCase()))
  .pipe(z.email().nullable());

export async function changeOwnEmail(ds: DataSource, userId: number, email: string | null, now: Date): Promise<SettingsOutcome> {
  const user = await getUser(ds, userId);
  if (!user) return { kind: 'notFound' };
  if (user.isDemo) return { kind: 'refused', key: 'account.error.demo' };
  await setUserEmail(ds, userId, email);
  await appendAudit(ds, { at: now.toISOString(), userId, action: 'account.email_changed', entity: 'user_account', entityId: userId });
  return { kind: 'ok' };
}

/** The language switch of a logged-in person: remembered on the account for the next login, mail and feeds. */
export async function saveOwnLocale(ds: DataSource, userId: number, locale: string): Promise<void> {
  await setUserLocale(ds, userId, locale);
}
