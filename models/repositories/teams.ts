/** Teams of one install. The team with the lowest id is the default team (the install's first). */
import { Staff } from '../entities/staff';
import { Team } from '../entities/team';
import { TeamSettings } from '../entities/team-settings';
import { UserAccount } from '../entities/user-account';
import type { Db } from './db';

export interface TeamRecord {
  id: number;
  name: string;
  timeZone: string;
}

const toTeam = (row: Team): TeamRecord => ({ id: row.id, name: row.name, timeZone: row.timeZone });

export async function listTeams(db: Db): Promise<TeamRecord[]> {
  return (await db.getRepository(Team).find({ order: { id: 'ASC' } })).map(toTeam);
}

export async function getTeam(db: Db, id: number): Promise<TeamRecord | null> {
  const row = await db.getRepository(Team).findOne({ where: { id } });
  return row ? toTeam(row) : null;
}

export async function findTeamByName(db: Db, name: string): Promise<TeamRecord | null> {
  const row = await db
    .getRepository(Team)
    .createQueryBuilder('t')
    .where('LOWER(t.name) = :name', { name: name.trim().toLowerCase() })
    .getOne();
  return row ? toTeam(row) : null;
}

/** The default team, or null on an install that has none yet. */
export async function getDefaultTeam(db: Db): Promise<TeamRecord | null> {
  const row = await db.getRepository(Team).findOne({ where: {}, order: { id: 'ASC' } });
  return row ? toTeam(row) : null;
}

/**
 * The default team's id, creating it (with `seed`, else "Team" in Asia/Tbilisi) on an install
 * that has none yet: whatever writes the first settings row, person or account puts it there.
 */
export async function ensureDefaultTeamId(
  db: Db,
  seed: { name: string; timeZone: string } = { name: 'Team', timeZone: 'Asia/Tbilisi' },
): Promise<number> {
  const found = await getDefaultTeam(db);
  if (found) return found.id;
  return (await createTeamRow(db, seed, new Date().toISOString())).id;
}

export async function createTeamRow(db: Db, input: { name: string; timeZone: string }, now: string): Promise<TeamRecord> {
  const repo = db.getRepository(Team);
  return toTeam(await repo.save(repo.create({ name: input.name, timeZone: input.timeZone, createdAt: now, updatedAt: now })));
}

/** Keeps the team's name and zone equal to its settings row's. */
export async function syncTeamFromSettings(
  db: Db,
  teamId: number,
  patch: { name?: string; timeZone?: string },
  now: string,
): Promise<void> {
  const columns: Partial<Team> = { updatedAt: now };
  if (patch.name !== undefined) columns.name = patch.name;
  if (patch.timeZone !== undefined) columns.timeZone = patch.timeZone;
  await db.getRepository(Team).update({ id: teamId }, columns);
}

/** Moves a person, and the account linked to them, to another team. */
/**
 * Moves a person and their account to `teamId`; `skills`, when given, replace theirs (the new
 * team's channels). The version moves on, so a staff form loaded before the move is stale.
 */
export async function setStaffTeam(db: Db, staffId: number, teamId: number, now: string, skills?: string[]): Promise<void> {
  await db
    .getRepository(Staff)
    .createQueryBuilder()
    .update()
    .set({ teamId, updatedAt: now, ...(skills ? { skills: skills.join(',') } : {}), version: () => '"version" + 1' })
    .where('id = :id', { id: staffId })
    .execute();
  await db.getRepository(UserAccount).update({ staffId }, { teamId });
}

/** The team a settings row belongs to (for writers that only know the row). */
export async function teamIdOfSettings(db: Db, settingsId: number): Promise<number | null> {
  const row = await db.getRepository(TeamSettings).findOne({ where: { id: settingsId } });
  return row?.teamId ?? null;
}
