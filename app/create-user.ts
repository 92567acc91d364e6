/**
 * Creating a login outside demo mode (the first admin from `wfm user create`, later an admin
 * page): the username is checked and free, the password passes the password policy
 * (app/password-policy.ts; its refusal is a catalogue key in `message`), the optional staff
 * code exists; the password is stored as an argon2id hash only.
 */
import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import {
  appendAudit,
  createUser,
  findUserByUsername,
  getStaffByCode,
  normalizeUsername,
  setUserPasswordHash,
  USER_ROLES,
  type DataSource,
  type UserRecord,
  type UserRole,
} from '../models';
import { revokePasswordResetTokens } from '../models/repositories/password-resets';
import { passwordProblem } from './password-policy';
import { revokeCalendarLink } from './rota-calendar-link';

export const NewAccountSchema = z.object({
  username: z
    .string()
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(80)
    .regex(/^[a-zA-Z0-9._-]+$/, 'may contain letters, digits, dot, dash and underscore only'),
  /** Checked by the password policy (app/password-policy.ts); errors carry its catalogue key. */
  password: z.string(),
  role: z.enum(USER_ROLES as [UserRole, ...UserRole[]]),
  staffCode: z.string().trim().min(1).optional(),
});

export type NewAccount = z.input<typeof NewAccountSchema>;

export type CreateAccountResult =
  { ok: true; user: Omit<UserRecord, 'passwordHash'> } | { ok: false; errors: { field: string; message: string }[] };

export async function createUserAccount(deps: { ds: DataSource }, input: NewAccount, now: Date): Promise<CreateAccountResult> {
  const parsed = NewAccountSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })) };
  const { username, password, role, staffCode } = parsed.data;
  const weak = passwordProblem(password, [username]);
  if (weak) return { ok: false, errors: [{ field: 'password', message: weak }] };
  if (await findUserByUsername(deps.ds, username))
    return { ok: false, errors: [{ field: 'username', message: `'${normalizeUsername(username)}' is taken` }] };
  let staffId: number | null = null;
  if (staffCode) {
    const staff = await getStaffByCode(deps.ds, staffCode);
    if (!staff) return { ok: false, errors: [{ field: 'staffCode', message: `no staff member with code '${staffCode}'` }] };
    staffId = staff.id;
  }
  const passwordHash = await hash(password);
  const nowIso = now.toISOString();
  const user = await createUser(deps.ds, { username, passwordHash, role, staffId, isDemo: false }, nowIso);
  await appendAudit(deps.ds, {
    at: nowIso,
    action: 'user.create',
    entity: 'user_account',
    entityId: user.id,
    detail: { username: user.username, role },
  });
  const { passwordHash: _omit, ...safe } = user;
  return { ok: true, user: safe };
}

/** Sets a new password (same policy); ends the account's sessions, calendar link and reset links. */
export async function setUserPassword(
  deps: { ds: DataSource },
  username: string,
  password: string,
  now: Date,
): Promise<CreateAccountResult | { ok: false; errors: { field: string; message: string }[] }> {
  const user = await findUserByUsername(deps.ds, username);
  if (!user) return { ok: false, errors: [{ field: 'username', message: `no user '${normalizeUsername(username)}'` }] };
  const weak = passwordProblem(password, [user.username, user.email]);
  if (weak) return { ok: false, errors: [{ field: 'password', message: weak }] };
  await setUserPasswordHash(deps.ds, user.id, await hash(password));
  await revokeCalendarLink(deps.ds, user.id);
  await revokePasswordResetTokens(deps.ds, user.id, now.toISOString());
  await appendAudit(deps.ds, {
    at: now.toISOString(),
    action: 'user.password',
    entity: 'user_account',
    entityId: user.id,
    detail: { username: user.username },
  });
  const { passwordHash: _omit, ...safe } = user;
  return { ok: true, user: safe };
}
