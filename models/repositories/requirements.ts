/**
 * The stored staffing requirement: one row per (channel, interval start) of a planning week.
 * A week's rows are replaced as a whole (delete + insert) inside the caller's transaction, so
 * readers never see half of an old week and half of a new one.
 */
import { In } from 'typeorm';
import { Forecast } from '../entities/forecast';
import { StaffingRequirement } from '../entities/staffing-requirement';
import { chunks, type Db } from './db';

export interface RequirementRecord {
  weekStart: string;
  channelId: string;
  /** Interval start, ISO UTC. */
  start: string;
  volume: number;
  ahtSeconds: number;
  rawAgents: number;
  scheduledAgents: number;
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  abandonRate: number | null;
  forecastId: number | null;
  createdAt: string;
}

function toRecord(r: StaffingRequirement): RequirementRecord {
  return {
    weekStart: r.weekStart,
    channelId: r.channelId,
    start: r.start,
    volume: Number(r.volume),
    ahtSeconds: Number(r.ahtSeconds),
    rawAgents: r.rawAgents,
    scheduledAgents: r.scheduledAgents,
    serviceLevel: Number(r.serviceLevel),
    asaSeconds: Number(r.asaSeconds),
    occupancy: Number(r.occupancy),
    abandonRate: r.abandonRate === null || r.abandonRate === undefined ? null : Number(r.abandonRate),
    forecastId: r.forecastId ?? null,
    createdAt: r.createdAt,
  };
}

/** The week's stored rows, by channel then start (empty when nothing is stored). */
/** The week's stored rows: of these channels (a team's), or of every channel when `channelIds` is undefined. */
export async function listRequirements(db: Db, weekStart: string, channelIds?: readonly string[]): Promise<RequirementRecord[]> {
  if (channelIds && channelIds.length === 0) return [];
  const where = channelIds ? { weekStart, channelId: In([...channelIds]) } : { weekStart };
  const rows = await db.getRepository(StaffingRequirement).find({ where, order: { channelId: 'ASC', start: 'ASC' } });
  return rows.map(toRecord);
}

/**
 * Replaces the stored rows of `weekStart` with `rows`: of these channels (a team's; another
 * team's rows stay), or every row of the week when `channelIds` is undefined. Run it inside a
 * transaction (withTransaction) so the delete and the inserts commit together.
 */
export async function replaceRequirements(
  db: Db,
  weekStart: string,
  rows: readonly Omit<RequirementRecord, 'weekStart'>[],
  channelIds?: readonly string[],
): Promise<number> {
  const repo = db.getRepository(StaffingRequirement);
  await repo.delete(channelIds ? { weekStart, channelId: In([...channelIds]) } : { weekStart });
  // 14 columns per row: 60 rows stay under SQLite's 999 bound parameters.
  for (const part of chunks(rows, 60)) await repo.insert(part.map((r) => ({ ...r, weekStart })));
  return rows.length;
}

/** Status ('draft' | 'accepted' | 'superseded') of each forecast id that still exists. */
export async function forecastStatuses(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.getRepository(Forecast).find({ where: { id: In([...ids]) }, select: { id: true, status: true } });
  return new Map(rows.map((r) => [r.id, r.status]));
}
