/**
 * Which team a use case acts for. The web passes the team the person looks at (`req.team`);
 * the CLI, background jobs and older callers pass nothing and act for the default team (the
 * install's first, made on an install that has none yet, as every first write does).
 */
import type { DataSource } from '../models';
import type { Db } from '../models/repositories/db';
import { ensureDefaultTeamId, getTeam } from '../models/repositories/teams';
import { getRota, latestShiftCancellation, teamOfShiftUids } from '../models/repositories/rotas';
import { getStaff } from '../models/repositories/staff';

export async function teamIdOrDefault(ds: DataSource | Db, teamId?: number | null): Promise<number> {
  return teamId ?? (await ensureDefaultTeamId(ds));
}

/**
 * The team whose rota of `weekStart` holds (or held) a shift with one of these uids: a revision
 * that still has it, else the person whose shift it was when it was taken out (time off
 * removes a shift from the published revision in place). Null when none is known.
 */
export async function teamOfShift(db: Db, weekStart: string, uids: readonly string[]): Promise<number | null> {
  const held = await teamOfShiftUids(db, weekStart, uids);
  if (held !== null) return held;
  for (const uid of uids) {
    const cancelled = await latestShiftCancellation(db, uid);
    const team = cancelled ? (await getStaff(db, cancelled.staffId))?.teamId : null;
    if (team != null) return team;
  }
  return null;
}

/** Someone a team's rota names who has since moved to another team (and keeps those shifts). */
export interface MovedAway {
  staffId: number;
  name: string;
  teamId: number;
  teamName: string;
}

/**
 * People of `staffIds` (those a revision of `teamId`'s names) now in another team. Their shifts
 * stay in the old team's rota until someone changes them (the calendar and My shifts show
 * them): they are not rule breaks of the old team's week, and its checks cannot see them.
 */
export async function movedAwayFrom(
  db: Db,
  teamId: number,
  staffIds: Iterable<number>,
  weekStart: string,
): Promise<Map<number, MovedAway>> {
  const out = new Map<number, MovedAway>();
  for (const id of new Set(staffIds)) {
    const p = await getStaff(db, id);
    // Someone who has left (inactive by the week) is gone, not moved: their shifts stay rule breaks.
    if (!p || p.teamId === null || p.teamId === teamId || (p.activeTo !== null && p.activeTo < weekStart)) continue;
    const team = await getTeam(db, p.teamId);
    if (team) out.set(id, { staffId: id, name: p.name, teamId: team.id, teamName: team.name });
  }
  return out;
}

/** The violations less those that only say a moved person is no longer in the team. */
export function withoutMovedAway<V extends { code: string; staffId?: string | null }>(violations: V[], moved: Map<number, MovedAway>): V[] {
  return violations.filter((v) => !(v.code === 'unknownStaff' && moved.has(Number(v.staffId))));
}

/**
 * "Not in the team" for a moved person, said as what it is: they are in another team now, so
 * their shifts here can be taken out but not given new times (no rule of theirs can be checked
 * here). Other violations unchanged.
 */
export function explainMovedAway<V extends { code: string; staffId: string | null; params: Record<string, unknown> }>(
  violations: V[],
  moved: Map<number, MovedAway>,
): V[] {
  return violations.map((v) => {
    const m = v.code === 'unknownStaff' ? moved.get(Number(v.staffId)) : undefined;
    return m ? { ...v, code: 'movedAway', params: { name: m.name, team: m.teamName } } : v;
  });
}

/**
 * Names of `ids`: from `known` (the team's people), else from the staff table — someone moved to
 * another team or gone is still named, never shown as a bare id. An id no one has stays a number.
 */
export async function namesOf(db: Db, ids: Iterable<number>, known: Map<number, string>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const id of new Set(ids)) out.set(id, known.get(id) ?? (await getStaff(db, id))?.name ?? String(id));
  return out;
}

/**
 * For shifts of `teamId`'s page (time off approved there, say): the name of the other team whose
 * rota each is in, or null when it is the team's own. Someone moved away keeps shifts in the old
 * team's rota; finding cover for those is that team's.
 */
export async function otherTeamOfShifts<S extends { rotaId: number }>(
  db: Db,
  teamId: number,
  shifts: S[],
): Promise<(S & { otherTeam: string | null })[]> {
  const out: (S & { otherTeam: string | null })[] = [];
  for (const s of shifts) {
    const rota = await getRota(db, s.rotaId);
    const team = rota && rota.teamId !== teamId ? await getTeam(db, rota.teamId) : null;
    out.push({ ...s, otherTeam: team?.name ?? null });
  }
  return out;
}
