/**
 * Which team a use case acts for. The web passes the team the person looks at (`req.team`);
 * the CLI, background jobs and older callers pass nothing and act for the default team (the
 * install's first, made on an install that has none yet, as every first write does).
 */
import type { DataSource } from '../models';
import type { Db } from '../models/repositories/db';
import { ensureDefaultTeamId } from '../models/repositories/teams';

export async function teamIdOrDefault(ds: DataSource | Db, teamId?: number | null): Promise<number> {
  return teamId ?? (await ensureDefaultTeamId(ds));
}
