/** Saved what-if scenarios of a team: name, week, channel (null = all), inputs and results as JSON. */
import { Scenario } from '../entities/scenario';
import type { Db } from './db';

export interface ScenarioRecord<I = unknown, R = unknown> {
  id: number;
  /** The team whose week it is (null only on rows from before scenarios had a team). */
  teamId: number | null;
  name: string;
  createdBy: string | null;
  weekStart: string;
  channelId: string | null;
  input: I;
  result: R;
  createdAt: string;
}

export type ScenarioSummary = Omit<ScenarioRecord, 'input' | 'result'>;

export async function saveScenario(db: Db, s: Omit<ScenarioRecord, 'id'>): Promise<ScenarioRecord> {
  const repo = db.getRepository(Scenario);
  const row = await repo.save(
    repo.create({
      teamId: s.teamId,
      name: s.name,
      createdBy: s.createdBy,
      weekStart: s.weekStart,
      channelId: s.channelId,
      inputJson: JSON.stringify(s.input),
      resultJson: JSON.stringify(s.result),
      createdAt: s.createdAt,
    }),
  );
  return { ...s, id: row.id };
}

/** Newest first, without the (large) inputs and results; with `teamId`, that team's only. */
export async function listScenarios(db: Db, opts: { limit?: number; teamId?: number } = {}): Promise<ScenarioSummary[]> {
  const rows = await db.getRepository(Scenario).find({
    select: { id: true, teamId: true, name: true, createdBy: true, weekStart: true, channelId: true, createdAt: true },
    where: opts.teamId === undefined ? {} : { teamId: opts.teamId },
    order: { createdAt: 'DESC', id: 'DESC' },
    take: opts.limit ?? 50,
  });
  return rows.map((r) => ({
    id: r.id,
    teamId: r.teamId ?? null,
    name: r.name,
    createdBy: r.createdBy ?? null,
    weekStart: r.weekStart,
    channelId: r.channelId ?? null,
    createdAt: r.createdAt,
  }));
}

/** One scenario; with `teamId`, null when it is another team's (as when there is none). */
export async function getScenario(db: Db, id: number, teamId?: number): Promise<ScenarioRecord | null> {
  const r = await db.getRepository(Scenario).findOne({ where: teamId === undefined ? { id } : { id, teamId } });
  if (!r) return null;
  return {
    id: r.id,
    teamId: r.teamId ?? null,
    name: r.name,
    createdBy: r.createdBy ?? null,
    weekStart: r.weekStart,
    channelId: r.channelId ?? null,
    input: JSON.parse(r.inputJson) as unknown,
    result: JSON.parse(r.resultJson) as unknown,
    createdAt: r.createdAt,
  };
}
