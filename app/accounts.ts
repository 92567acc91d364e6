/**
 * The administrator's accounts page: logins (create, role and staff link, password reset,
 * disable/enable); the administrator sees and may revoke a person's API tokens but never makes
 * one for them (a person makes their own, see api-tokens.ts). Passwords are hashed with
 * argon2id (@node-rs/argon2's default algorithm).
 *
 * Edits carry a `stamp` of the account state they were made against (see
 * models/repositories/accounts.ts); a changed account answers 'stale'.
 *
 * The page and `wfm user` create accounts and set passwords through the same functions here,
 * with the same rules (NewAccountFields) and refusals; the CLI has no acting user (null).
 */
import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import type { DataSource } from '../models';
import { appendAudit } from '../models/repositories/audit';
import { getStaffByCode, listStaff } from '../models/repositories/staff';
import { listTeams } from '../models/repositories/teams';
import {
  createUser,
  deleteApiToken,
  deleteApiTokensOfUser,
  findUserByUsername,
  getUser,
  listApiTokens,
  listUsers,
  setUserPasswordHash,
  USER_ROLES,
  type ApiTokenRecord,
  type UserRecord,
  type UserRole,
} from '../models/repositories/users';
import { updateAccountIfUnchanged, type AccountPatch } from '../models/repositories/accounts';
import { revokePasswordResetTokens } from '../models/repositories/password-resets';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy';
import { revokeCalendarLink } from './rota-calendar-link';

export interface AccountsContext {
  db: DataSource;
  now: Date;
  /** Who acts: an administrator on the page; `wfm user` acts as nobody (userId null). */
  actor: { userId: number | null; username: string };
}

export type AccountOutcome<T = object> =
  ({ kind: 'ok' } & T) | { kind: 'notFound' } | { kind: 'stale' } | { kind: 'refused'; key: string; field?: string };

export { MIN_PASSWORD_LENGTH } from './password-policy';

export const ACCOUNT_ROLES = USER_ROLES as readonly UserRole[] as readonly [UserRole, ...UserRole[]];

/** The length here; the whole password policy (app/password-policy.ts) is applied by the use cases. */
export const PasswordSchema = z.string().min(MIN_PASSWORD_LENGTH, 'password.error.short').max(MAX_PASSWORD_LENGTH, 'password.error.long');

/** The rules of a new login, for the page's form and `wfm user create` alike (messages are catalogue keys). */
export const NewAccountFields = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, 'accounts.error.username'),
  role: z.enum(ACCOUNT_ROLES, { message: 'accounts.error.role' }),
  password: PasswordSchema,
});

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

export interface NewAccountInput {
  username: string;
  role: string;
  password: string;
  /** The person to link: by id (the page's list) or by staff code (the CLI); null for none. */
  staff: { id: number } | { code: string } | null;
}

/** A refusal of the input itself: field → catalogue key (the page shows each beside its field). */
export type InvalidInput = { kind: 'invalid'; errors: Record<string, string> };

function invalid(error: z.ZodError, field?: string): InvalidInput {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[field ?? String(issue.path[0] ?? 'form')] ??= issue.message;
  return { kind: 'invalid', errors };
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

export async function listAccounts(
  db: DataSource,
): Promise<{ accounts: (Account & { teamName: string | null })[]; staff: StaffOption[]; teamCount: number }> {
  const users = await listUsers(db);
  const staff = await staffOptions(db, users);
  const names = new Map(staff.map((p) => [p.id, p.name]));
  // Each account's team is its person's (an account without one, e.g. the admin, has none).
  const teams = await listTeams(db);
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const teamOf = new Map((await listStaff(db)).map((p) => [p.id, p.teamId === null ? null : (teamNames.get(p.teamId) ?? null)]));
  return {
    accounts: users.map((u) => ({ ...toAccount(u, names), teamName: u.staffId === null ? null : (teamOf.get(u.staffId) ?? null) })),
    staff,
    teamCount: teams.length,
  };
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

/**
 * A new login. Refused: input against NewAccountFields ('invalid'), a taken username, a person
 * who does not exist or already has an account (field 'staffId').
 */
export async function createAccount(
  ctx: AccountsContext,
  input: NewAccountInput,
): Promise<AccountOutcome<{ account: UserRecord }> | InvalidInput> {
  const parsed = NewAccountFields.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const form = parsed.data;
  if (await findUserByUsername(ctx.db, form.username)) return { kind: 'refused', key: 'accounts.error.taken', field: 'username' };
  const weak = passwordProblem(form.password, [form.username]);
  if (weak) return { kind: 'refused', key: weak, field: 'password' };
  let staffId: number | null = null;
  if (input.staff && 'code' in input.staff) {
    const person = await getStaffByCode(ctx.db, input.staff.code);
    if (!person) return { kind: 'refused', key: 'accounts.error.staff', field: 'staffId' };
    staffId = person.id;
  } else if (input.staff) staffId = input.staff.id;
  const staffProblem = await staffLinkProblem(ctx.db, staffId, null);
  if (staffProblem) return { kind: 'refused', key: staffProblem, field: 'staffId' };
  const account = await createUser(
    ctx.db,
    { username: form.username, passwordHash: await hash(form.password), role: form.role, staffId },
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
 * A new password (under the password policy) ends the account's other ways in: its sessions
 * (they carry a stamp of the old hash, see middleware/auth.ts), its API tokens, its calendar
 * feed link and any open forgotten-password link.
 */
export async function resetPassword(ctx: AccountsContext, id: number, stamp: string, password: string): Promise<AccountOutcome> {
  const user = await getUser(ctx.db, id);
  if (!user) return { kind: 'notFound' };
  const weak = passwordProblem(password, [user.username, user.email]);
  if (weak) return { kind: 'refused', key: weak, field: 'password' };
  const outcome = await editAccount(ctx, id, stamp, { passwordHash: await hash(password) }, 'account.password_reset', {});
  if (outcome.kind === 'ok') {
    await revokeAllTokens(ctx, id, 'password_reset');
    await revokeCalendarLink(ctx.db, id);
    await revokePasswordResetTokens(ctx.db, id, nowIso(ctx));
  }
  return outcome;
}

/**
 * `wfm user password`: a new password for the login named `username` (same rule as the page).
 * Unlike the page's reset it needs no stamp: whoever runs the command owns the database.
 */
export async function setPasswordByUsername(
  ctx: AccountsContext,
  username: string,
  password: string,
): Promise<AccountOutcome<{ account: UserRecord }> | InvalidInput> {
  const check = PasswordSchema.safeParse(password);
  if (!check.success) return invalid(check.error, 'password');
  const account = await findUserByUsername(ctx.db, username);
  if (!account) return { kind: 'notFound' };
  const weak = passwordProblem(password, [account.username, account.email]);
  if (weak) return { kind: 'refused', key: weak, field: 'password' };
  await setUserPasswordHash(ctx.db, account.id, await hash(password));
  await revokeAllTokens(ctx, account.id, 'password_reset');
  await revokeCalendarLink(ctx.db, account.id);
  await revokePasswordResetTokens(ctx.db, account.id, nowIso(ctx));
  await appendAudit(ctx.db, {
    at: nowIso(ctx),
    userId: ctx.actor.userId,
    action: 'user.password',
    entity: 'user_account',
    entityId: account.id,
    detail: { username: account.username },
  });
  return { kind: 'ok', account };
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
