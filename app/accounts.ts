/**
 * The administrator's accounts page: logins (create, role and staff link, password reset,
 * disable/enable); the administrator sees and may revoke a person's API tokens but never makes
 * one for them (a person makes their own, see api-tokens.ts). Passwords are hashed with
 * argon2id (@node-rs/argon2's default algorithm).
 *
 * Edits carry a `stamp` of the account state they were made against (see
 * models/repositories/accounts.ts); a changed account answers 'stale'.
 */
import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { DataSource } from '../models';
import { appendAudit } from '../models/repositories/audit';
import { listStaff } from '../models/repositories/staff';
import {
  createUser,
  deleteApiToken,
  deleteApiTokensOfUser,
  findUserByUsername,
  getUser,
  listApiTokens,
  listUsers,
  type ApiTokenRecord,
  type UserRecord,
  type UserRole,
} from '../models/repositories/users';
import { updateAccountIfUnchanged, type AccountPatch } from '../models/repositories/accounts';

export interface AccountsContext {
  db: DataSource;
  now: Date;
  actor: { userId: number; username: string };
}

export type AccountOutcome<T = object> =
  ({ kind: 'ok' } & T) | { kind: 'notFound' } | { kind: 'stale' } | { kind: 'refused'; key: string; field?: string };

export interface Account {
  id: number;
  username: string;
  role: UserRole;
  staffId: number | null;
  staffName: string | null;
  disabled: boolean;
  isDemo: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  /** The concurrency stamp an edit form sends back. */
  stamp: string;
}

export interface StaffOption {
  id: number;
  name: string;
  /** Username of the account already linked to this person, if any. */
  linkedTo: string | null;
}

export interface NewAccountForm {
  username: string;
  role: UserRole;
  staffId: number | null;
  password: string;
}

const nowIso = (ctx: AccountsContext) => ctx.now.toISOString();

/** A short digest of what an edit could change; the password hash is included, never shown. */
export function accountStamp(u: Pick<UserRecord, 'role' | 'staffId' | 'disabled' | 'passwordHash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([u.role, u.staffId, u.disabled, u.passwordHash]))
    .digest('hex')
    .slice(0, 20);
}

function toAccount(u: UserRecord, names: Map<number, string>): Account {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    staffId: u.staffId,
    staffName: u.staffId === null ? null : (names.get(u.staffId) ?? null),
    disabled: u.disabled,
    isDemo: u.isDemo,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    stamp: accountStamp(u),
  };
}

async function staffOptions(db: DataSource, users: UserRecord[]): Promise<StaffOption[]> {
  const linked = new Map(users.filter((u) => u.staffId !== null).map((u) => [u.staffId as number, u.username]));
  return (await listStaff(db)).map((p) => ({ id: p.id, name: p.name, linkedTo: linked.get(p.id) ?? null }));
}

export async function listAccounts(db: DataSource): Promise<{ accounts: Account[]; staff: StaffOption[] }> {
  const users = await listUsers(db);
  const staff = await staffOptions(db, users);
  const names = new Map(staff.map((p) => [p.id, p.name]));
  return { accounts: users.map((u) => toAccount(u, names)), staff };
}

export async function accountDetail(
  db: DataSource,
  id: number,
): Promise<{ account: Account; staff: StaffOption[]; tokens: Omit<ApiTokenRecord, 'tokenHash'>[] } | null> {
  const user = await getUser(db, id);
  if (!user) return null;
  const staff = await staffOptions(db, await listUsers(db));
  const tokens = (await listApiTokens(db, id)).filter((t) => t.kind === 'personal').map(({ tokenHash: _hidden, ...t }) => t);
  return { account: toAccount(user, new Map(staff.map((p) => [p.id, p.name]))), staff, tokens };
}

async function staffLinkProblem(db: DataSource, staffId: number | null, exceptUserId: number | null): Promise<string | null> {
  if (staffId === null) return null;
  const options = await staffOptions(
    db,
    (await listUsers(db)).filter((u) => u.id !== exceptUserId),
  );
  const person = options.find((p) => p.id === staffId);
  if (!person) return 'accounts.error.staff';
  return person.linkedTo ? 'accounts.error.staffTaken' : null;
}

export async function createAccount(ctx: AccountsContext, form: NewAccountForm): Promise<AccountOutcome<{ account: UserRecord }>> {
  if (await findUserByUsername(ctx.db, form.username)) return { kind: 'refused', key: 'accounts.error.taken', field: 'username' };
  const staffProblem = await staffLinkProblem(ctx.db, form.staffId, null);
  if (staffProblem) return { kind: 'refused', key: staffProblem, field: 'staffId' };
  const account = await createUser(
    ctx.db,
    { username: form.username, passwordHash: await hash(form.password), role: form.role, staffId: form.staffId },
    nowIso(ctx),
  );
  await appendAudit(ctx.db, {
    at: nowIso(ctx),
    userId: ctx.actor.userId,
    action: 'account.created',
    entity: 'user_account',
    entityId: account.id,
    detail: { username: account.username, role: account.role, staffId: account.staffId },
  });
  return { kind: 'ok', account };
}

/** Applies `patch` if the account is still as stamped; one audit entry named `action`. */
async function editAccount(
  ctx: AccountsContext,
  id: number,
  stamp: string,
  patch: AccountPatch,
  action: string,
  detail: unknown,
): Promise<AccountOutcome> {
  const current = await getUser(ctx.db, id);
  if (!current) return { kind: 'notFound' };
  if (accountStamp(current) !== stamp) return { kind: 'stale' };
  // An administrator cannot lock themselves out (the last admin would leave nobody to undo it).
  if (id === ctx.actor.userId && ((patch.role && patch.role !== current.role) || patch.disabled))
    return { kind: 'refused', key: 'accounts.error.self' };
  if (!(await updateAccountIfUnchanged(ctx.db, id, current, patch))) return { kind: 'stale' };
  await appendAudit(ctx.db, { at: nowIso(ctx), userId: ctx.actor.userId, action, entity: 'user_account', entityId: id, detail });
  return { kind: 'ok' };
}

/** Ends every token of the account (API tokens and calendar link), with the count in the audit. */
async function revokeAllTokens(ctx: AccountsContext, id: number, reason: string): Promise<void> {
  const count = await deleteApiTokensOfUser(ctx.db, id);
  if (count > 0)
    await appendAudit(ctx.db, {
      at: nowIso(ctx),
      userId: ctx.actor.userId,
      action: 'api_token.revoked_all',
      entity: 'user_account',
      entityId: id,
      detail: { count, reason },
    });
}

/**
 * A new role ends the account's tokens (they were granted under the old role) and its sessions
 * (the session stamp covers the role, see server/services.ts).
 */
export async function changeRole(
  ctx: AccountsContext,
  id: number,
  stamp: string,
  form: { role: UserRole; staffId: number | null },
): Promise<AccountOutcome> {
  const staffProblem = await staffLinkProblem(ctx.db, form.staffId, id);
  if (staffProblem) return { kind: 'refused', key: staffProblem, field: 'staffId' };
  const before = await getUser(ctx.db, id);
  const detail = { before: before && { role: before.role, staffId: before.staffId }, after: form };
  const outcome = await editAccount(ctx, id, stamp, { role: form.role, staffId: form.staffId }, 'account.role_changed', detail);
  if (outcome.kind === 'ok' && before && before.role !== form.role) await revokeAllTokens(ctx, id, 'role_changed');
  return outcome;
}

export async function setAccountDisabled(ctx: AccountsContext, id: number, stamp: string, disabled: boolean): Promise<AccountOutcome> {
  return editAccount(ctx, id, stamp, { disabled }, disabled ? 'account.disabled' : 'account.enabled', {});
}

/**
 * A new password ends the account's other ways in: its sessions (they carry a stamp of the old
 * hash, see middleware/auth.ts), its API tokens and its calendar feed link.
 */
export async function resetPassword(ctx: AccountsContext, id: number, stamp: string, password: string): Promise<AccountOutcome> {
  const outcome = await editAccount(ctx, id, stamp, { passwordHash: await hash(password) }, 'account.password_reset', {});
  if (outcome.kind === 'ok') await revokeAllTokens(ctx, id, 'password_reset');
  return outcome;
}

export async function revokeToken(ctx: AccountsContext, userId: number, tokenId: number): Promise<AccountOutcome> {
  if (!(await deleteApiToken(ctx.db, userId, tokenId))) return { kind: 'notFound' };
  await appendAudit(ctx.db, {
    at: nowIso(ctx),
    userId: ctx.actor.userId,
    action: 'api_token.revoked',
    entity: 'api_token',
    entityId: tokenId,
    detail: { forUser: userId },
  });
  return { kind: 'ok' };
}
