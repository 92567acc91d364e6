/** Form schemas of the accounts pages, and their template data. */
import { z } from 'zod';
import { ACCOUNT_ROLES, NewAccountFields, PasswordSchema, type Account, type StaffOption } from '../../app/accounts';

const password = PasswordSchema;
const stamp = z.string().regex(/^[a-f0-9]{20}$/, 'accounts.error.invalid');
const role = z.enum(ACCOUNT_ROLES, { message: 'accounts.error.role' });
const staffId = z
  .union([z.literal(''), z.coerce.number().int().positive().max(2_147_483_647)])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

export const NewAccountSchema = NewAccountFields.extend({ staffId });

export const RoleFormSchema = z.object({ stamp, role, staffId });
export const PasswordFormSchema = z
  .object({ stamp, password, confirm: z.string() })
  .refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'accounts.error.confirm' });
export const StatusFormSchema = z.object({ stamp, disabled: z.enum(['true', 'false']).transform((v) => v === 'true') });
export function accountFormErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= /^(accounts|password)\./.test(issue.message) ? issue.message : 'accounts.error.invalid';
  }
  return out;
}

const accountView = (a: Account) => ({ ...a, roleKey: `role.${a.role}` });

export function accountsListViewModel(data: {
  accounts: (Account & { teamName: string | null })[];
  staff: StaffOption[];
  teamCount: number;
}) {
  return {
    accounts: data.accounts.map((a) => ({ ...accountView(a), teamName: a.teamName })),
    // One team: the column would say the same on every row.
    showTeams: data.teamCount > 1,
    unlinkedStaff: data.staff.filter((p) => p.linkedTo === null),
    roles: ACCOUNT_ROLES.map((r) => ({ value: r, key: `role.${r}` })),
    count: data.accounts.length,
  };
}

export function accountEditViewModel(data: {
  account: Account;
  staff: StaffOption[];
  tokens: { id: number; name: string; scopes: string[]; createdAt: string; expiresAt: string | null; lastUsedAt: string | null }[];
}) {
  return {
    account: accountView(data.account),
    // The person already linked to this account stays selectable.
    staffOptions: data.staff.filter((p) => p.linkedTo === null || p.id === data.account.staffId),
    tokens: data.tokens,
    roles: ACCOUNT_ROLES.map((r) => ({ value: r, key: `role.${r}` })),
  };
}
