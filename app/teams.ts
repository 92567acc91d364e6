/**
 * Teams of one install (issue #14): which team a person is looking at, creating a team, and
 * moving a person to another team. Each team has its own zone and settings row (interval,
 * labour rules), staff and accounts; leads and coordinators see only their own team, while
 * whoever `seesAllTeams` (the admin and the head) picks one.
 */
import type { DataSource } from '../models';
import { withTransaction } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { createTeamSettings, getTeamSettings } from '../models/repositories/settings';
import { getStaff } from '../models/repositories/staff';
import { getRota, getShift } from '../models/repositories/rotas';
import { teamOfShift } from './team-scope';
import {
  createTeamRow,
  findTeamByName,
  getDefaultTeam,
  getTeam,
  listTeams,
  setStaffTeam,
  type TeamRecord,
} from '../models/repositories/teams';
import { TEAM_SETTINGS_DEFAULTS } from './team-settings';
import { copyTeamChannels, skillsInTeam } from './team-channels';
import { DEFAULT_LABOUR_RULES } from '../models/repositories/settings';

export type { TeamRecord };

export interface TeamView {
  /** The team the pages show; null only on an install that has no team yet. */
  team: TeamRecord | null;
  /** Every team, for the switcher: only for those who see all teams, else empty. */
  teams: TeamRecord[];
}

/**
 * The team a person looks at: their own; or, for one who sees all teams, the one they chose
 * (kept in their session) while it exists. A person without a team looks at the default team.
 */
export async function currentTeam(
  ds: DataSource,
  q: { ownTeamId: number | null; chosenTeamId: number | null; seesAllTeams: boolean },
): Promise<TeamView> {
  if (q.seesAllTeams) {
    const teams = await listTeams(ds);
    const pick = teams.find((t) => t.id === q.chosenTeamId) ?? teams.find((t) => t.id === q.ownTeamId) ?? teams[0] ?? null;
    return { team: pick, teams };
  }
  const own = q.ownTeamId === null ? null : await getTeam(ds, q.ownTeamId);
  return { team: own ?? (await getDefaultTeam(ds)), teams: [] };
}

/** A team named on the command line: by its id or its name (any case); null when none is. */
export async function teamByNameOrId(ds: DataSource, nameOrId: string): Promise<TeamRecord | null> {
  const trimmed = nameOrId.trim();
  if (/^\d{1,9}$/.test(trimmed)) return getTeam(ds, Number(trimmed));
  return findTeamByName(ds, trimmed);
}

export async function allTeams(ds: DataSource): Promise<TeamRecord[]> {
  return listTeams(ds);
}

export type CreateTeamResult = { kind: 'ok'; team: TeamRecord } | { kind: 'refused'; key: string; field: 'name' };

/**
 * A new team with its zone and a settings row of its own: the interval, language and labour rules
 * start as the default team's (else the defaults) and are then the new team's to change. It gets
 * copies of the default team's channels with their opening hours, under fresh ids (`voice-2`:
 * team-channels.ts), so its history, forecasts and rota are its own.
 */
export async function createTeam(
  ds: DataSource,
  q: { name: string; timeZone: string; actor: { userId: number | null }; now: Date },
): Promise<CreateTeamResult> {
  const name = q.name.trim();
  if (await findTeamByName(ds, name)) return { kind: 'refused', key: 'teams.nameTaken', field: 'name' };
  const at = q.now.toISOString();
  const team = await withTransaction(ds, async (tx) => {
    const template = await getTeamSettings(tx);
    const defaultTeam = await getDefaultTeam(tx);
    const created = await createTeamRow(tx, { name, timeZone: q.timeZone }, at);
    const channels = defaultTeam ? await copyTeamChannels(tx, defaultTeam.id, created.id) : [];
    await createTeamSettings(
      tx,
      {
        teamId: created.id,
        name,
        timeZone: q.timeZone,
        intervalMinutes: template?.intervalMinutes ?? TEAM_SETTINGS_DEFAULTS.intervalMinutes,
        locale: template?.locale ?? 'en',
        rules: template?.rules ?? DEFAULT_LABOUR_RULES,
      },
      at,
    );
    await appendAudit(tx, {
      at,
      userId: q.actor.userId,
      action: 'team.create',
      entity: 'team',
      entityId: created.id,
      detail: { name, timeZone: q.timeZone, channels: channels.map((c) => c.id) },
    });
    return created;
  });
  return { kind: 'ok', team };
}

export type MoveStaffResult = { kind: 'ok' } | { kind: 'notFound' } | { kind: 'alreadyThere'; name: string; team: string };

/**
 * Moves a person (and their account) to another team; their shifts and requests stay theirs.
 * Their skills follow by channel kind (voice → the new team's voice channel: team-channels.ts).
 */
export async function moveStaffToTeam(
  ds: DataSource,
  q: { staffId: number; teamId: number; actor: { userId: number | null }; now: Date },
): Promise<MoveStaffResult> {
  const [person, team] = [await getStaff(ds, q.staffId), await getTeam(ds, q.teamId)];
  if (!person || !team) return { kind: 'notFound' };
  // Nothing to move: no audit entry, no skill remapping, and the page says so.
  if (person.teamId === team.id) return { kind: 'alreadyThere', name: person.name, team: team.name };
  const at = q.now.toISOString();
  await withTransaction(ds, async (tx) => {
    const skills = await skillsInTeam(tx, person.skills, q.teamId);
    await setStaffTeam(tx, q.staffId, q.teamId, at, skills);
    await appendAudit(tx, {
      at,
      userId: q.actor.userId,
      action: 'staff.moveTeam',
      entity: 'staff',
      entityId: q.staffId,
      detail: { from: person.teamId, to: q.teamId, skills: { from: person.skills, to: skills } },
    });
  });
  return { kind: 'ok' };
}

/** Whether a person belongs to a team: the check behind every by-id read or write of a team's data. */
export async function staffInTeam(ds: DataSource, staffId: number, teamId: number): Promise<boolean> {
  return (await getStaff(ds, staffId))?.teamId === teamId;
}

/**
 * Whether a hand edit of the rota reaches outside a team: the shift it changes is in another
 * team's revision, or the person it gives a shift to is another team's (or does not exist). A
 * shift of the team's own revision stays the team's to edit or take out after its person moved
 * to another team.
 */
export async function shiftEditOutsideTeam(
  ds: DataSource,
  q: { teamId: number; shiftId?: number | null; staffId?: number | null },
): Promise<boolean> {
  if (q.shiftId) {
    const shift = await getShift(ds, q.shiftId);
    if (!shift || (await getRota(ds, shift.rotaId))?.teamId !== q.teamId) return true;
    if (shift.staffId === q.staffId || !q.staffId) return false;
  }
  return !!q.staffId && !(await staffInTeam(ds, q.staffId, q.teamId));
}

/**
 * Whether a request names another team's rota: a revision by id, or a shift of a week by uid
 * (find cover). The rota pages answer 404 then, as for another team's person.
 */
export async function rotaOutsideTeam(
  ds: DataSource,
  q: { teamId: number; rotaIds: number[]; shiftUid?: { weekStart: string; uid: string } | null },
): Promise<boolean> {
  for (const id of q.rotaIds) {
    const rota = await getRota(ds, id);
    if (rota && rota.teamId !== q.teamId) return true;
  }
  if (q.shiftUid) {
    const team = await teamOfShift(ds, q.shiftUid.weekStart, [q.shiftUid.uid]);
    if (team !== null && team !== q.teamId) return true;
  }
  return false;
}
