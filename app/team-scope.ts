/**
 * Which team a use case acts for. The web passes the team the person looks at (`req.team`);
 * the CLI, background jobs and older callers pass nothing and act for the default team (the
 * install's first, made on an install that has none yet, as every first write does).
 */
import type { DataSource } from '../models';
import type { Db } from '../models/repositories/db';
import { ensureDefaultTeamId } from '../models/repositories/teams';
import { latestShiftCancellation, teamOfShiftUids } from '../models/repositories/rotas';
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
