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
export async function listRequirements(db: Db, weekStart: string): Promise<RequirementRecord[]> {
  const rows = await db.getRepository(StaffingRequirement).find({ where: { weekStart }, order: { channelId: 'ASC', start: 'ASC' } });
  return rows.map(toRecord);
}

/**
 * Replaces every stored row of `weekStart` with `rows`. Run it inside a transaction
 * (withTransaction) so the delete and the inserts commit together.
 */
export async function replaceRequirements(
  db: Db,
  weekStart: string,
  rows: readonly Omit<RequirementRecord, 'weekStart'>[],
): Promise<number> {
  const repo = db.getRepository(StaffingRequirement);
  await repo.delete({ weekStart });
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
