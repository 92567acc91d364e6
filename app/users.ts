/**
 * Who is signing in or calling: a user found by id (the session), by API token or by username
 * and password (the login form), and the demo logins offered on the login page. A disabled
 * account, or a demo account outside demo mode, is nobody (null).
 */
import { createHash } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { DataSource } from '../models';
import { findUserByUsername, getUser, listUsers, recordLogin, type UserRecord, type UserRole } from '../models/repositories/users';
import { getStaff, listStaff } from '../models/repositories/staff';
import { authenticateApiToken, type AuthenticatedToken } from './api-tokens';

export type { UserRole };

export interface SignedInUser {
  id: number;
  username: string;
  role: UserRole;
  staffId: number | null;
  /** Their team: the linked person's, else the account's own (null only on an install without teams yet). */
  teamId: number | null;
  /** The linked person's name, else the username. */
  displayName: string;
  /** As stored; the web layer checks it against its locales. */
  locale: string | null;
  /** A short fingerprint of the password hash: a session from before a password change is void. */
  passwordStamp: string;
}

export interface UserDeps {
  ds: DataSource;
  /** Demo accounts may sign in only in demo mode. */
  demoMode: boolean;
  now: () => Date;
}

/** Demo logins are listed with the planners first, agents last. */
const ROLE_ORDER = ['admin', 'head', 'coordinator', 'team_lead', 'agent'];

/** Verifying against a fixed hash when the user is unknown keeps the timing of both answers alike. */
const DUMMY_HASH_PROMISE = argonHash('not-a-real-password-just-timing');

async function signedIn(deps: UserDeps, u: UserRecord | null): Promise<SignedInUser | null> {
  if (!u || u.disabled || (u.isDemo && !deps.demoMode)) return null;
  const person = u.staffId !== null ? await getStaff(deps.ds, u.staffId) : null;
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    staffId: u.staffId,
    teamId: person?.teamId ?? u.teamId,
    displayName: person?.name ?? u.username,
    locale: u.locale,
    // The stamp covers the role too: a role change ends the person's sessions.
    passwordStamp: createHash('sha256').update(`${u.role}\0${u.passwordHash}`).digest('hex').slice(0, 16),
  };
}

export async function userById(deps: UserDeps, id: number): Promise<SignedInUser | null> {
  return signedIn(deps, await getUser(deps.ds, id));
}

/**
 * A bearer token's client: the token (its scopes) and, for a personal token, its owner; null when
 * the token is unknown, expired, a calendar secret, or its owner may not sign in.
 */
export async function apiClientByToken(
  deps: UserDeps,
  secret: string,
  now: Date,
): Promise<{ token: AuthenticatedToken['token']; user: SignedInUser | null } | null> {
  const found = await authenticateApiToken(deps.ds, secret, now);
  if (!found) return null;
  const user = found.user ? await signedIn(deps, found.user) : null;
  if (found.user && !user) return null;
  return { token: found.token, user };
}

/** The login form: the user, with the login recorded, or null (unknown user and wrong password alike). */
export async function verifyLogin(deps: UserDeps, username: string, password: string): Promise<SignedInUser | null> {
  const user = await findUserByUsername(deps.ds, username);
  const ok = await argonVerify(user?.passwordHash ?? (await DUMMY_HASH_PROMISE), password).catch(() => false);
  const current = ok ? await signedIn(deps, user) : null;
  if (current) await recordLogin(deps.ds, current.id, deps.now().toISOString());
  return current;
}

/** The demo accounts the login page offers (none outside demo mode). */
export async function demoLogins(deps: UserDeps): Promise<{ username: string; role: string; name: string }[]> {
  if (!deps.demoMode) return [];
  const people = new Map((await listStaff(deps.ds)).map((p) => [p.id, p.name]));
  return (await listUsers(deps.ds))
    .filter((u) => u.isDemo && !u.disabled)
    .map((u) => ({ username: u.username, role: u.role, name: u.staffId !== null ? (people.get(u.staffId) ?? '') : '' }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.username.localeCompare(b.username));
}
