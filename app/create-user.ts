/**
 * Creating a login outside demo mode (the first admin from `wfm user create`, later an admin
 * page): the username is checked and free, the password is long enough, the optional staff
 * code exists; the password is stored as an argon2id hash only.
 */
import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import {
  appendAudit,
  createUser,
  deleteApiTokensOfUser,
  findUserByUsername,
  getStaffByCode,
  normalizeUsername,
  setUserPasswordHash,
  USER_ROLES,
  type DataSource,
  type UserRecord,
  type UserRole,
} from '../models';

/** NIST SP 800-63B asks for at least 8; we ask for 10 and no upper limit below 200. */
export const MIN_PASSWORD_LENGTH = 10;

export const NewAccountSchema = z.object({
  username: z
    .string()
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(80)
    .regex(/^[a-zA-Z0-9._-]+$/, 'may contain letters, digits, dot, dash and underscore only'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
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

/** Sets a new password (same length rule); false when the user does not exist. */
export async function setUserPassword(
  deps: { ds: DataSource },
  username: string,
  password: string,
  now: Date,
): Promise<CreateAccountResult | { ok: false; errors: { field: string; message: string }[] }> {
  const check = NewAccountSchema.shape.password.safeParse(password);
  if (!check.success) return { ok: false, errors: check.error.issues.map((i) => ({ field: 'password', message: i.message })) };
  const user = await findUserByUsername(deps.ds, username);
  if (!user) return { ok: false, errors: [{ field: 'username', message: `no user '${normalizeUsername(username)}'` }] };
  await setUserPasswordHash(deps.ds, user.id, await hash(password));
  // A new password ends the person's API tokens and calendar link, as on the accounts page.
  const revokedTokens = await deleteApiTokensOfUser(deps.ds, user.id);
  await appendAudit(deps.ds, {
    at: now.toISOString(),
    action: 'user.password',
    entity: 'user_account',
    entityId: user.id,
    detail: { username: user.username, revokedTokens },
  });
  const { passwordHash: _omit, ...safe } = user;
  return { ok: true, user: safe };
}
