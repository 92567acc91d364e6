/**
 * Adding or editing a person, with the audit trail. An edit carries the version the form was
 * loaded with; if someone saved in between, nothing is written and the current record comes
 * back so the coordinator can see both.
 */
import type { DataSource } from '../models';
import { withTransaction } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { createStaff, getStaff, listStaff, updateStaff, type StaffMember as StoredStaff } from '../models/repositories/staff';
import { StaleEditError, NotFoundError } from '../models/errors';

/** A person's fields as the staff form gives them, parsed (server/view-models/staff.ts has the schema). */
export interface StaffFields {
  name: string;
  role: 'agent' | 'team_lead' | 'coordinator' | 'head';
  /** Channel ids the person answers (the team's channels: app/staff.ts checks). */
  skills: string[];
  contractHoursPerWeek: number;
  /** Share of worked time on the queue, 0..1 (the rest is planned off-queue time). */
  queueShare: number;
  activeFrom: string;
  activeTo: string | null;
  email: string | null;
  phone: string | null;
  /** The version the form was loaded with (0 for a new person). */
  version: number;
}

export type SaveStaffResult = { kind: 'ok'; person: StoredStaff } | { kind: 'stale'; current: StoredStaff } | { kind: 'notFound' };

/** Codes are s01, s02, …: the next free number after the highest in use. */
async function nextStaffCode(ds: DataSource): Promise<string> {
  const numbers = (await listStaff(ds)).map((p) => Number(/^s(\d+)$/.exec(p.code)?.[1] ?? 0));
  return `s${String(Math.max(0, ...numbers) + 1).padStart(2, '0')}`;
}

export async function saveStaff(
  ds: DataSource,
  input: { id: number | null; form: StaffFields; userId: number; now: Date; teamId?: number },
): Promise<SaveStaffResult> {
  const at = input.now.toISOString();
  const { version, ...fields } = input.form;
  try {
    const person = await withTransaction(ds, async (tx) => {
      const saved =
        input.id === null
          ? await createStaff(tx, { ...fields, code: await nextStaffCode(ds), teamId: input.teamId }, at)
          : await updateStaff(tx, input.id, version, fields, at);
      await appendAudit(tx, {
        at,
        userId: input.userId,
        action: input.id === null ? 'staff.create' : 'staff.update',
        entity: 'staff',
        entityId: saved.id,
        detail: fields,
      });
      return saved;
    });
    return { kind: 'ok', person };
  } catch (err) {
    if (err instanceof StaleEditError && input.id !== null) {
      const current = await getStaff(ds, input.id);
      return current ? { kind: 'stale', current } : { kind: 'notFound' };
    }
    if (err instanceof NotFoundError) return { kind: 'notFound' };
    throw err;
  }
}
