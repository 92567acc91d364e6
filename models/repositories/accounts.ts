/**
 * Account edits with a concurrency check. user_accounts has no version column, so an edit
 * carries the state it was made against (role, staff link, disabled, password hash) and the
 * UPDATE only matches a row still in that state: a compare-and-set in one statement, so two
 * administrators editing the same account cannot overwrite each other unknowingly.
 */
import { IsNull } from 'typeorm';
import { UserAccount } from '../entities/user-account';
import type { Db } from './db';
import type { UserRecord, UserRole } from './users';

export type AccountState = Pick<UserRecord, 'role' | 'staffId' | 'disabled' | 'passwordHash'>;
export type AccountPatch = Partial<{ role: UserRole; staffId: number | null; disabled: boolean; passwordHash: string }>;

/** True when the row was still in `expected` and is now patched; false when it changed (or is gone). */
export async function updateAccountIfUnchanged(db: Db, id: number, expected: AccountState, patch: AccountPatch): Promise<boolean> {
  const res = await db
    .getRepository(UserAccount)
    .createQueryBuilder()
    .update()
    .set(patch)
    .where({
      id,
      role: expected.role,
      passwordHash: expected.passwordHash,
      disabled: expected.disabled,
      staffId: expected.staffId ?? IsNull(),
    })
    .execute();
  return (res.affected ?? 0) > 0;
}
