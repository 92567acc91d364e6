/**
 * Demo: a published rota for the current week, so that agents see shifts on the first start.
 * Runs the real optimiser in its worker with a short budget, in the background after the
 * server listens; does nothing when the week already has a published rota (later starts).
 */
import { weekOf } from '../forecasting/week';
import type { DataSource } from '../models';
import { loadTeamSettings } from './team-settings';
import { listShifts, publishedRotaForWeek } from '../models/repositories/rotas';
import { teamIdOrDefault } from './team-scope';
import { generateRota } from './rota-generate';
import { publishRotaRevision } from './rota-publish';

export interface DemoRotaResult {
  weekStart: string;
  rotaId: number;
  shifts: number;
  seconds: number;
}

export async function ensureDemoRota(
  ds: DataSource,
  now: Date,
  o: { timeLimitSeconds?: number; clock?: () => number } = {},
): Promise<DemoRotaResult | null> {
  const clock = o.clock ?? Date.now;
  const settings = await loadTeamSettings(ds);
  if (!settings.configured) return null;
  const weekStart = weekOf(now, settings.timeZone);
  if (await publishedRotaForWeek(ds, await teamIdOrDefault(ds), weekStart)) return null;
  const started = clock();
  const result = await generateRota(ds, {
    weekStart,
    zone: settings.timeZone,
    intervalMinutes: settings.intervalMinutes,
    now,
    mode: 'all',
    timeLimitSeconds: Math.min(20, o.timeLimitSeconds ?? 15),
    seed: 1,
    userId: null,
    by: 'demo',
  });
  if (result.kind !== 'stored') return null;
  const published = await publishRotaRevision(ds, {
    rotaId: result.rota.id,
    expectedVersion: result.rota.version,
    now,
    userId: null,
    by: 'demo',
  });
  if (published.kind !== 'published') return null;
  return {
    weekStart,
    rotaId: result.rota.id,
    shifts: (await listShifts(ds, result.rota.id)).length,
    seconds: Math.round((clock() - started) / 100) / 10,
  };
}
