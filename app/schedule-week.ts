/**
 * `wfm schedule --week W` without files: the week's rota from the database (requirement via
 * requirementForWeek, staff, rules, time off, last week's published shifts), solved in a
 * worker and stored as a new draft revision, exactly as the page's Generate does.
 */
import type { DataSource } from '../models';
import { loadTeamSettings } from './team-settings';
import type { SolveProgress } from '../scheduling';
import { generateRota, type GenerateRotaResult } from './rota-generate';
import { mondayOf } from '../forecasting/week';

export interface ScheduleWeekQuery {
  weekStart: string;
  timeLimitSeconds: number;
  seed: number;
  now: Date;
  /** Used when the database has no team settings yet. */
  fallbackZone?: string;
  /** The team whose week is planned (default: the default team). */
  teamId?: number;
  onProgress?: (p: SolveProgress) => void;
}

export type ScheduleWeekResult = (GenerateRotaResult & { weekStart: string; zone: string }) | { kind: 'noTeam' };

export async function scheduleWeekFromDatabase(ds: DataSource, q: ScheduleWeekQuery): Promise<ScheduleWeekResult> {
  const settings = await loadTeamSettings(ds, { fallbackZone: q.fallbackZone, teamId: q.teamId });
  if (!settings.configured) return { kind: 'noTeam' };
  const zone = settings.timeZone;
  const weekStart = mondayOf(q.weekStart, zone);
  const result = await generateRota(ds, {
    teamId: q.teamId,
    weekStart,
    zone,
    intervalMinutes: settings.intervalMinutes,
    now: q.now,
    mode: 'all',
    timeLimitSeconds: q.timeLimitSeconds,
    seed: q.seed,
    userId: null,
    by: 'wfm schedule',
    onProgress: q.onProgress,
  });
  return { ...result, weekStart, zone };
}
