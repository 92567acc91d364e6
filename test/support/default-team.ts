/** The default team's id (made on an empty install), for tests that act on the one-team install. */
import type { DataSource } from 'typeorm';
import { ensureDefaultTeamId } from '../../models/repositories/teams';

export function defaultTeamId(ds: DataSource): Promise<number> {
  return ensureDefaultTeamId(ds);
}
