/**
 * Logging in, with the limiter against password guessing. Failures are stored in the database
 * (models/repositories/login-attempts.ts), so every app instance counts the same and a restart
 * forgets nothing. Two limits:
 * - per account (the username as looked up: trimmed, lower case): after `failuresBeforeLock`
 *   failures the account waits `firstLockMinutes`, doubling with every further failure up to
 *   `maxLockMinutes`; a day without failures, or a successful login, starts it afresh. An
 *   unknown username is counted and locked the same way, so the answer never tells whether an
 *   account exists.
 * - per address, wider: `addressFailuresPer15Min` failures from one address (all usernames
 *   together) in 15 minutes, against trying one password on many usernames.
 * A failure is stored before the password is checked, so attempts sent in parallel count each
 * other; a refused attempt is then taken back (only checked passwords make the wait grow).
 * A malformed form (`password: null`) is a failure too.
 */
import { normalizeUsername } from '../models/repositories/users';
import {
  clearLoginFailures,
  deleteLoginFailure,
  loginFailures,
  pruneLoginFailures,
  recordLoginFailure,
  type LoginFailure,
} from '../models/repositories/login-attempts';
import type { Db } from '../models/repositories/db';

export interface LoginLimitPolicy {
  failuresBeforeLock: number;
  firstLockMinutes: number;
  maxLockMinutes: number;
  addressFailuresPer15Min: number;
}

const MINUTE_MS = 60_000;
const ADDRESS_WINDOW_MS = 15 * MINUTE_MS;
/** How long an account's failures are remembered. */
const ACCOUNT_MEMORY_MS = 24 * 60 * MINUTE_MS;

export type LoginOutcome<U> =
  { kind: 'ok'; user: U } | { kind: 'failed' } | { kind: 'locked'; scope: 'account' | 'address'; retryAfterSeconds: number };

export const accountKey = (username: string) => `account:${normalizeUsername(username)}`;
export const addressKey = (address: string) => `address:${address}`;

/** When an account with these failures (oldest first) may try again; null when it is not locked. */
export function accountLockedUntil(failures: readonly LoginFailure[], policy: LoginLimitPolicy): number | null {
  const beyond = failures.length - policy.failuresBeforeLock;
  if (beyond < 0) return null;
  const minutes = Math.min(policy.maxLockMinutes, policy.firstLockMinutes * 2 ** Math.min(beyond, 30));
  return Date.parse(failures[failures.length - 1].at) + minutes * MINUTE_MS;
}

/** When an address with these failures of the last 15 minutes (oldest first) may try again; null when not limited. */
export function addressLockedUntil(failures: readonly LoginFailure[], policy: LoginLimitPolicy): number | null {
  const limit = policy.addressFailuresPer15Min;
  if (failures.length < limit) return null;
  return Date.parse(failures[failures.length - limit].at) + ADDRESS_WINDOW_MS;
}

export async function logIn<U>(
  deps: { db: Db; policy: LoginLimitPolicy; verify: (username: string, password: string) => Promise<U | null> },
  q: { username: string; password: string | null; address: string; now: Date },
): Promise<LoginOutcome<U>> {
  const { db, policy } = deps;
  const nowMs = q.now.getTime();
  const at = q.now.toISOString();
  const account = accountKey(q.username);
  const address = addressKey(q.address);
  await pruneLoginFailures(db, new Date(nowMs - ACCOUNT_MEMORY_MS).toISOString());
  const accountRow = await recordLoginFailure(db, account, at);
  const addressRow = await recordLoginFailure(db, address, at);
  const accountUntil = accountLockedUntil(
    await loginFailures(db, account, new Date(nowMs - ACCOUNT_MEMORY_MS).toISOString(), accountRow),
    policy,
  );
  const addressUntil = addressLockedUntil(
    await loginFailures(db, address, new Date(nowMs - ADDRESS_WINDOW_MS).toISOString(), addressRow),
    policy,
  );
  const lock =
    accountUntil !== null && accountUntil > nowMs
      ? { scope: 'account' as const, until: accountUntil }
      : addressUntil !== null && addressUntil > nowMs
        ? { scope: 'address' as const, until: addressUntil }
        : null;
  if (lock) {
    await deleteLoginFailure(db, accountRow);
    await deleteLoginFailure(db, addressRow);
    return { kind: 'locked', scope: lock.scope, retryAfterSeconds: Math.ceil((lock.until - nowMs) / 1000) };
  }
  const user = q.password === null ? null : await deps.verify(q.username, q.password);
  if (!user) return { kind: 'failed' };
  await clearLoginFailures(db, account);
  await deleteLoginFailure(db, addressRow);
  return { kind: 'ok', user };
}
