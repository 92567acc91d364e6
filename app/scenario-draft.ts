/**
 * "Make it a draft rota": a saved what-if scenario's week generated as a new draft through the
 * one generation path (a background job, rota-generate.ts), the problem changed as the scenario
 * says (scenario-problem.ts).
 */
import type { DataSource } from '../models';
import { getScenario } from '../models/repositories/scenarios';
import type { JobQueue } from './job-queue';
import { startRotaJob, type RotaJob } from './rota-jobs';
import { teamIdOrDefault } from './team-scope';

export type ScenarioDraftResult = { kind: 'started'; weekStart: string; job: RotaJob } | { kind: 'notFound' };

/** Queues the generation of the scenario's week as a draft made for the scenario. */
export async function startScenarioDraft(
  ds: DataSource,
  queue: JobQueue,
  q: {
    scenarioId: number;
    zone: string;
    intervalMinutes: number;
    now: Date;
    userId: number;
    by: string;
    timeLimitSeconds: number;
    seed: number;
    teamId?: number;
  },
): Promise<ScenarioDraftResult> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  // The team's scenario only: another team's is not found.
  const saved = await getScenario(ds, q.scenarioId, teamId);
  if (!saved) return { kind: 'notFound' };
  const job = await startRotaJob(queue, {
    teamId,
    weekStart: saved.weekStart,
    zone: q.zone,
    intervalMinutes: q.intervalMinutes,
    now: q.now,
    mode: 'all',
    timeLimitSeconds: q.timeLimitSeconds,
    seed: q.seed,
    userId: q.userId,
    by: q.by,
    scenarioId: saved.id,
  });
  return { kind: 'started', weekStart: saved.weekStart, job };
}
