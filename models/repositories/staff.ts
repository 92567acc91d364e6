/** Staff as plain domain objects: skills as string[], dates as 'YYYY-MM-DD'. */
import { Staff } from '../entities/staff';
import { NotFoundError } from '../errors';
import type { Db } from './db';
import { updateVersioned } from './versioned';
import { ensureDefaultTeamId } from './teams';

export type StaffRole = 'agent' | 'team_lead' | 'coordinator' | 'head';

export interface StaffMember {
  id: number;
  code: string;
  name: string;
  role: StaffRole;
  skills: string[];
  contractHoursPerWeek: number;
  /** Share of worked time on the queue, 0..1. */
  queueShare: number;
  activeFrom: string;
  activeTo: string | null;
  email: string | null;
  phone: string | null;
  /** The team they belong to. */
  teamId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewStaffMember {
  code: string;
  name: string;
  role: StaffRole;
  skills: string[];
  contractHoursPerWeek: number;
  /** Default 1: all worked time on the queue. */
  queueShare?: number;
  activeFrom: string;
  activeTo?: string | null;
  email?: string | null;
  phone?: string | null;
  /** Default: the default team. */
  teamId?: number;
}

export type StaffPatch = Partial<Omit<NewStaffMember, 'teamId'>>;

export function toStaffMember(row: Staff): StaffMember {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    role: row.role as StaffRole,
    skills: row.skills
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    contractHoursPerWeek: Number(row.contractHoursPerWeek),
    queueShare: row.queueShare === null || row.queueShare === undefined ? 1 : Number(row.queueShare),
    activeFrom: row.activeFrom,
    activeTo: row.activeTo ?? null,
    email: row.email ?? null,
    phone: row.phone ?? null,
    teamId: row.teamId ?? null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toColumns(input: StaffPatch): Partial<Staff> {
  const { skills, ...rest } = input;
  const out: Partial<Staff> = { ...rest };
  if (skills) out.skills = skills.join(',');
  return out;
}

/**
 * Everyone, by code. `activeOn` ('YYYY-MM-DD') keeps those employed that day
 * (activeFrom ≤ day and no activeTo before it).
 */
export async function listStaff(db: Db, opts: { activeOn?: string; teamId?: number } = {}): Promise<StaffMember[]> {
  const qb = db.getRepository(Staff).createQueryBuilder('s').where('1 = 1').orderBy('s.code', 'ASC');
  if (opts.teamId !== undefined) qb.andWhere('s.teamId = :teamId', { teamId: opts.teamId });
  if (opts.activeOn) {
    qb.andWhere('s.activeFrom <= :day', { day: opts.activeOn }).andWhere('(s.activeTo IS NULL OR s.activeTo >= :day)', {
      day: opts.activeOn,
    });
  }
  return (await qb.getMany()).map(toStaffMember);
}

export async function getStaff(db: Db, id: number): Promise<StaffMember | null> {
  const row = await db.getRepository(Staff).findOne({ where: { id } });
  return row ? toStaffMember(row) : null;
}

export async function getStaffByCode(db: Db, code: string): Promise<StaffMember | null> {
  const row = await db.getRepository(Staff).findOne({ where: { code } });
  return row ? toStaffMember(row) : null;
}

/** Creates one member; `now` is the ISO UTC instant stamped as createdAt/updatedAt. */
export async function createStaff(db: Db, input: NewStaffMember, now: string): Promise<StaffMember> {
  const repo = db.getRepository(Staff);
  const { teamId, ...fields } = input;
  const row = repo.create({
    ...toColumns(fields),
    teamId: teamId ?? (await ensureDefaultTeamId(db)),
    queueShare: input.queueShare ?? 1,
    activeTo: input.activeTo ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    createdAt: now,
    updatedAt: now,
  });
  return toStaffMember(await repo.save(row));
}

/**
 * Saves `patch` if the stored version is still `expectedVersion`; throws StaleEditError if
 * someone saved in between, NotFoundError if the member is gone. Returns the saved member.
 */
export async function updateStaff(db: Db, id: number, expectedVersion: number, patch: StaffPatch, now: string): Promise<StaffMember> {
  await updateVersioned(db, Staff, 'staff', id, expectedVersion, { ...toColumns(patch), updatedAt: now });
  const saved = await getStaff(db, id);
  if (!saved) throw new NotFoundError('staff', id);
  return saved;
}

export async function countStaff(db: Db, teamId?: number): Promise<number> {
  return db.getRepository(Staff).count({ where: teamId === undefined ? {} : { teamId } });
}
