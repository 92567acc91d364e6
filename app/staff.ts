/**
 * The staff pages' reads and writes: people with their login name (if they have an account),
 * and adding or editing a person (save-staff.ts does the writing and the audit trail).
 */
import type { DataSource } from '../models';
import { listUsers } from '../models/repositories/users';
import { countStaff, getStaff, listStaff, type StaffMember as StoredStaff } from '../models/repositories/staff';
import { listChannels } from '../models/repositories/settings';
import { saveStaff, type SaveStaffResult, type StaffFields } from './save-staff';

/** A person as the staff pages show them: the stored record and their login, if any. */
export type StaffWithLogin = StoredStaff & { username: string | null };

export type SaveResult =
  | { kind: 'ok'; person: StaffWithLogin }
  | { kind: 'stale'; current: StaffWithLogin }
  | { kind: 'notFound' }
  /** A skill that is not one of the team's channels. */
  | { kind: 'refused'; key: 'staff.error.skills'; field: 'skills' };

/** A skill the staff form offers: one of the team's channels, labelled by its kind. */
export interface SkillChoice {
  id: string;
  kind: string;
}

/** The team's channels as skill choices (`teamId` absent: every channel of the install). */
export async function skillChoices(ds: DataSource, teamId?: number): Promise<SkillChoice[]> {
  return (await listChannels(ds, teamId)).map((c) => ({ id: c.id, kind: c.kind }));
}

/** Whether every skill is one of the team's channels (always, without a team: the CLI and seeds). */
async function skillsOfTeam(ds: DataSource, skills: string[], teamId?: number): Promise<boolean> {
  if (teamId === undefined) return true;
  const ids = new Set((await skillChoices(ds, teamId)).map((c) => c.id));
  return skills.every((s) => ids.has(s));
}

const skillsRefused = { kind: 'refused', key: 'staff.error.skills', field: 'skills' } as const;

async function withUsernames(ds: DataSource, people: StoredStaff[]): Promise<StaffWithLogin[]> {
  const byStaff = new Map((await listUsers(ds)).filter((u) => u.staffId !== null).map((u) => [u.staffId as number, u.username]));
  return people.map((p) => ({ ...p, username: byStaff.get(p.id) ?? null }));
}

async function toSaveResult(ds: DataSource, result: SaveStaffResult): Promise<SaveResult> {
  if (result.kind === 'ok') return { kind: 'ok', person: (await withUsernames(ds, [result.person]))[0] };
  if (result.kind === 'stale') return { kind: 'stale', current: (await withUsernames(ds, [result.current]))[0] };
  return result;
}

/** `teamId`: only that team's people (every page passes the team it shows). */
export async function listStaffWithLogins(
  ds: DataSource,
  filter: { role?: string; skill?: string },
  teamId?: number,
): Promise<StaffWithLogin[]> {
  return (await withUsernames(ds, await listStaff(ds, { teamId }))).filter(
    (p) => (!filter.role || p.role === filter.role) && (!filter.skill || p.skills.includes(filter.skill)),
  );
}

/** A person, or null when there is none with this id or (given `teamId`) they are in another team. */
export async function staffWithLogin(ds: DataSource, id: number, teamId?: number): Promise<StaffWithLogin | null> {
  const p = await getStaff(ds, id);
  if (!p || (teamId !== undefined && p.teamId !== teamId)) return null;
  return (await withUsernames(ds, [p]))[0];
}

export async function staffCount(ds: DataSource, teamId?: number): Promise<number> {
  return countStaff(ds, teamId);
}

export async function addStaff(ds: DataSource, q: { form: StaffFields; userId: number; now: Date; teamId?: number }): Promise<SaveResult> {
  if (!(await skillsOfTeam(ds, q.form.skills, q.teamId))) return skillsRefused;
  return toSaveResult(ds, await saveStaff(ds, { id: null, form: q.form, userId: q.userId, now: q.now, teamId: q.teamId }));
}

/** Given `teamId`, a person of another team is `notFound`: nothing is written. */
export async function editStaff(
  ds: DataSource,
  q: { id: number; form: StaffFields; expectedVersion: number; userId: number; now: Date; teamId?: number },
): Promise<SaveResult> {
  if (q.teamId !== undefined && !(await staffWithLogin(ds, q.id, q.teamId))) return { kind: 'notFound' };
  if (!(await skillsOfTeam(ds, q.form.skills, q.teamId))) return skillsRefused;
  return toSaveResult(ds, await saveStaff(ds, { id: q.id, form: { ...q.form, version: q.expectedVersion }, userId: q.userId, now: q.now }));
}
