/**
 * Who is signing in or calling: a user found by id (the session), by API token or by username
 * and password (the login form), and the demo logins offered on the login page. A disabled
 * account, or a demo account outside demo mode, is nobody (null).
 */
import { createHash } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { DataSource } from '../models';
import {
  findUserByUsername,
  getUser,
  listUsers,
  recordLogin,
  useApiToken,
  type UserRecord,
  type UserRole,
} from '../models/repositories/users';
import { getStaff, listStaff } from '../models/repositories/staff';
import { CALENDAR_TOKEN_NAME } from './rota-calendar-link';

export type { UserRole };

export interface SignedInUser {
  id: number;
  username: string;
  role: UserRole;
  staffId: number | null;
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
    displayName: person?.name ?? u.username,
    locale: u.locale,
    passwordStamp: createHash('sha256').update(u.passwordHash).digest('hex').slice(0, 16),
  };
}

export async function userById(deps: UserDeps, id: number): Promise<SignedInUser | null> {
  return signedIn(deps, await getUser(deps.ds, id));
}

export async function userByApiToken(deps: UserDeps, token: string): Promise<SignedInUser | null> {
  const found = await useApiToken(deps.ds, createHash('sha256').update(token).digest('hex'), deps.now().toISOString());
  // A calendar feed secret is stored as SHA-256("calendar:" + secret) in the same table, so
  // "Bearer calendar:<secret>" would find it: the feed's row must never authenticate a request.
  if (found?.token.name === CALENDAR_TOKEN_NAME) return null;
  return signedIn(deps, found?.user ?? null);
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
