/**
 * Stored forecasts: one row per generated forecast of one channel (a horizon of one or more
 * weeks from `weekStart`), its values (one per interval) and the planner's adjustments.
 *
 * Status: 'draft' → 'accepted' (the plan's input) → 'superseded' (another accepted forecast of
 * the same channel now covers one of its weeks). Edits (accept, adjust) carry the forecast's
 * version; adjustments bump it, so two planners adjusting at once cannot lose one's change.
 * Values are written in chunks under the drivers' bound-parameter limits.
 */
import { Forecast } from '../entities/forecast';
import type { ForecastWarning } from '../../forecasting/warnings';
import type { ForecastNote } from '../../forecasting/notes';
import { ForecastAdjustment } from '../entities/forecast-adjustment';
import { ForecastValue } from '../entities/forecast-value';
import { ForecastPlatformValue } from '../entities/forecast-platform-value';
import { NotFoundError } from '../errors';
import { chunks, num, numOrNull, type Db } from './db';
import { updateVersioned } from './versioned';

export type ForecastStatus = 'draft' | 'accepted' | 'superseded';

export interface CandidateScoreRecord {
  method: string;
  wape: number | null;
  mase: number | null;
  bias: number | null;
}

export interface ForecastRecord {
  id: number;
  channelId: string;
  /** Monday of the first week, local 'YYYY-MM-DD'. */
  weekStart: string;
  /** First interval's start and the end of the last interval (exclusive), ISO UTC. */
  horizonStart: string;
  horizonEnd: string;
  method: string;
  /** Why `method`, as codes (stored as JSON); a plain string was stored before they were codes. */
  chosenBecause: ForecastNote[] | string;
  candidates: CandidateScoreRecord[];
  /** Codes and figures; a plain string is a warning stored before warnings were codes. */
  warnings: (ForecastWarning | string)[];
  status: ForecastStatus;
  createdAt: string;
  createdBy: string | null;
  acceptedAt: string | null;
  /** The version accepted; null if never accepted. */
  acceptedVersion: number | null;
  version: number;
}

/** Accepted, then edited: it needs accepting again, and the plan uses the accepted volumes until then. */
export function editedSinceAcceptance(f: Pick<ForecastRecord, 'status' | 'acceptedVersion' | 'version'>): boolean {
  return f.status === 'accepted' && f.acceptedVersion !== null && f.version !== f.acceptedVersion;
}

export interface ForecastValueRecord {
  start: string;
  volume: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
  ahtSeconds: number | null;
  /** Volume after adjustments; null = not adjusted. */
  adjustedVolume: number | null;
  /** The (adjusted) volume at the last acceptance; null if never accepted. */
  acceptedVolume?: number | null;
}

export interface ForecastAdjustmentRecord {
  id: number;
  forecastId: number;
  fromStart: string;
  toStart: string;
  kind: 'scale' | 'set';
  /** 'scale': factor (1.1 = +10 %); 'set': contacts per interval. */
  value: number;
  note: string;
  createdBy: string | null;
  createdAt: string;
  /** As the coordinator typed it: 'factor' (value 1.15), 'percent' (entered 15), 'set'; '' = older edit. */
  unit: AdjustmentUnit | '';
  entered: number | null;
  /** The forecast's version this edit made (null for older edits). */
  version: number | null;
  undoneAt: string | null;
  undoneBy: string | null;
  /** One platform of the channel (its code); null = the whole channel. */
  platformCode: string | null;
}

/** One platform's part of one interval of a stored forecast (see ForecastPlatformValue). */
export interface ForecastPlatformValueRecord {
  platformCode: string;
  start: string;
  volume: number;
  adjustedVolume: number | null;
}

export type AdjustmentUnit = 'factor' | 'percent' | 'set';

export type NewForecast = Omit<ForecastRecord, 'id' | 'version' | 'status' | 'acceptedAt' | 'acceptedVersion'> & {
  status?: ForecastStatus;
};

/** 9 columns a row: 500 rows = 4,500 parameters, far under SQLite's and PostgreSQL's limits. */
const INSERT_CHUNK_ROWS = 500;

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The stored reason: a JSON list of codes, or an English sentence stored before them (kept as it is). */
function notesOf(text: string): ForecastNote[] | string {
  if (!text.startsWith('[')) return text;
  const parsed = parseJson<unknown>(text, null);
  const isNote = (n: unknown) => typeof n === 'object' && n !== null && typeof (n as ForecastNote).code === 'string';
  return Array.isArray(parsed) && parsed.every(isNote) ? (parsed as ForecastNote[]) : text;
}

function toRecord(row: Forecast): ForecastRecord {
  return {
    id: row.id,
    channelId: row.channelId,
    weekStart: row.weekStart,
    horizonStart: row.horizonStart,
    horizonEnd: row.horizonEnd,
    method: row.method,
    chosenBecause: notesOf(row.chosenBecause),
    candidates: parseJson<CandidateScoreRecord[]>(row.candidatesJson, []),
    warnings: parseJson<(ForecastWarning | string)[]>(row.warningsJson, []),
    status: row.status as ForecastStatus,
    createdAt: row.createdAt,
    createdBy: row.createdBy ?? null,
    acceptedAt: row.acceptedAt ?? null,
    acceptedVersion: row.acceptedVersion ?? null,
    version: row.version,
  };
}

/** JSON has no NaN/Infinity: store them as null. */
function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** Inserts the forecast and its values; wrap in a transaction for all-or-nothing. */
export async function createForecast(db: Db, input: NewForecast, values: readonly ForecastValueRecord[]): Promise<ForecastRecord> {
  const repo = db.getRepository(Forecast);
  const candidates = input.candidates.map((c) => ({
    method: c.method,
    wape: finiteOrNull(c.wape),
    mase: finiteOrNull(c.mase),
    bias: finiteOrNull(c.bias),
  }));
  const row = await repo.save(
    repo.create({
      channelId: input.channelId,
      weekStart: input.weekStart,
      horizonStart: input.horizonStart,
      horizonEnd: input.horizonEnd,
      method: input.method.slice(0, 40),
      chosenBecause: typeof input.chosenBecause === 'string' ? input.chosenBecause : JSON.stringify(input.chosenBecause),
      candidatesJson: JSON.stringify(candidates),
      warningsJson: JSON.stringify(input.warnings),
      status: input.status ?? 'draft',
      createdAt: input.createdAt,
      createdBy: input.createdBy,
      acceptedAt: null,
    }),
  );
  const valueRepo = db.getRepository(ForecastValue);
  for (const chunk of chunks(values, INSERT_CHUNK_ROWS)) {
    await valueRepo
      .createQueryBuilder()
      .insert()
      .values(chunk.map((v) => ({ ...v, forecastId: row.id })))
      .updateEntity(false)
      .execute();
  }
  return toRecord(row);
}

export async function getForecast(db: Db, id: number): Promise<ForecastRecord | null> {
  const row = await db.getRepository(Forecast).findOne({ where: { id } });
  return row ? toRecord(row) : null;
}

/** Newest first; optionally one channel and/or statuses. */
export async function listForecasts(
  db: Db,
  q: { channelId?: string; statuses?: ForecastStatus[]; limit?: number } = {},
): Promise<ForecastRecord[]> {
  const qb = db
    .getRepository(Forecast)
    .createQueryBuilder('f')
    .orderBy('f.createdAt', 'DESC')
    .addOrderBy('f.id', 'DESC')
    .take(q.limit ?? 50);
  if (q.channelId) qb.andWhere('f.channelId = :channelId', { channelId: q.channelId });
  if (q.statuses?.length) qb.andWhere('f.status IN (:...statuses)', { statuses: q.statuses });
  return (await qb.getMany()).map(toRecord);
}

/**
 * Forecasts of `channelId` whose horizon overlaps [from, to), newest first (accepted ones by
 * acceptance time), optionally of some statuses only.
 */
export async function forecastsCovering(
  db: Db,
  q: { channelId: string; from: string; to: string; statuses?: ForecastStatus[] },
): Promise<ForecastRecord[]> {
  const qb = db
    .getRepository(Forecast)
    .createQueryBuilder('f')
    .where('f.channelId = :channelId', { channelId: q.channelId })
    .andWhere('f.horizonStart < :to AND f.horizonEnd > :from', { from: q.from, to: q.to })
    .orderBy('f.acceptedAt', 'DESC')
    .addOrderBy('f.createdAt', 'DESC')
    .addOrderBy('f.id', 'DESC');
  if (q.statuses?.length) qb.andWhere('f.status IN (:...statuses)', { statuses: q.statuses });
  const rows = (await qb.getMany()).map(toRecord);
  // NULLs sort differently in SQLite and PostgreSQL: order in code to be portable.
  return rows.sort(
    (a, b) => (b.acceptedAt ?? '').localeCompare(a.acceptedAt ?? '') || b.createdAt.localeCompare(a.createdAt) || b.id - a.id,
  );
}

/** Values of a forecast with start in [from, to) (all when omitted), by start. */
export async function forecastValues(
  db: Db,
  forecastId: number,
  range: { from?: string; to?: string } = {},
): Promise<ForecastValueRecord[]> {
  const qb = db
    .getRepository(ForecastValue)
    .createQueryBuilder('v')
    .where('v.forecastId = :forecastId', { forecastId })
    .orderBy('v.start', 'ASC');
  if (range.from) qb.andWhere('v.start >= :from', { from: range.from });
  if (range.to) qb.andWhere('v.start < :to', { to: range.to });
  const rows = await qb.getMany();
  return rows.map((r) => ({
    start: r.start,
    volume: num(r.volume),
    lower80: num(r.lower80),
    upper80: num(r.upper80),
    lower95: num(r.lower95),
    upper95: num(r.upper95),
    ahtSeconds: numOrNull(r.ahtSeconds),
    adjustedVolume: numOrNull(r.adjustedVolume),
    acceptedVolume: numOrNull(r.acceptedVolume),
  }));
}

/**
 * Accepts forecast `id` if its version is still `expectedVersion` (StaleEditError otherwise) and
 * supersedes every other accepted forecast of the same channel whose horizon overlaps it.
 * Returns the ids superseded. Run inside a transaction.
 */
export async function acceptForecast(
  db: Db,
  id: number,
  expectedVersion: number,
  now: string,
): Promise<{ forecast: ForecastRecord; superseded: number[] }> {
  const current = await getForecast(db, id);
  if (!current) throw new NotFoundError('forecast', id);
  // The update bumps the version: the accepted version is the one after it.
  await updateVersioned(db, Forecast, 'forecast', id, expectedVersion, {
    status: 'accepted',
    acceptedAt: now,
    acceptedVersion: expectedVersion + 1,
  });
  await db
    .getRepository(ForecastValue)
    .createQueryBuilder()
    .update()
    .set({ acceptedVolume: () => 'COALESCE("adjustedVolume", "volume")' })
    .where('forecastId = :id', { id })
    .execute();
  const overlapping = await forecastsCovering(db, {
    channelId: current.channelId,
    from: current.horizonStart,
    to: current.horizonEnd,
    statuses: ['accepted'],
  });
  const superseded = overlapping.filter((f) => f.id !== id).map((f) => f.id);
  for (const other of superseded) {
    await db.getRepository(Forecast).createQueryBuilder().update().set({ status: 'superseded' }).where({ id: other }).execute();
  }
  return { forecast: (await getForecast(db, id))!, superseded };
}

/**
 * Records an adjustment if the forecast's version is still `expectedVersion`, and bumps the
 * version. The values are not touched here: the caller replays the adjustments in force
 * (app/forecast-adjustments.ts) in the same transaction.
 */
export async function addForecastAdjustment(
  db: Db,
  expectedVersion: number,
  adj: Omit<ForecastAdjustmentRecord, 'id' | 'version' | 'undoneAt' | 'undoneBy' | 'unit' | 'entered' | 'platformCode'> &
    Partial<Pick<ForecastAdjustmentRecord, 'unit' | 'entered' | 'platformCode'>>,
): Promise<ForecastAdjustmentRecord> {
  const current = await getForecast(db, adj.forecastId);
  if (!current) throw new NotFoundError('forecast', adj.forecastId);
  await updateVersioned(db, Forecast, 'forecast', adj.forecastId, expectedVersion, { status: current.status });
  const repo = db.getRepository(ForecastAdjustment);
  const saved = await repo.save(
    repo.create({
      ...adj,
      unit: adj.unit ?? '',
      entered: adj.entered ?? null,
      platformCode: adj.platformCode ?? null,
      version: expectedVersion + 1,
      undoneAt: null,
      undoneBy: null,
    }),
  );
  return toAdjustment(saved);
}

/**
 * Undoes (`undone` = who and when) or restores (`undone` = null) one adjustment, if the
 * forecast's version is still `expectedVersion`, and bumps the version. The caller replays the
 * adjustments still in force. Returns null when the forecast has no such adjustment. Run inside
 * a transaction.
 */
export async function setAdjustmentUndone(
  db: Db,
  expectedVersion: number,
  forecastId: number,
  adjustmentId: number,
  undone: { at: string; by: string } | null,
): Promise<ForecastAdjustmentRecord | null> {
  const repo = db.getRepository(ForecastAdjustment);
  const row = await repo.findOne({ where: { id: adjustmentId, forecastId } });
  if (!row) return null;
  const current = await getForecast(db, forecastId);
  if (!current) throw new NotFoundError('forecast', forecastId);
  await updateVersioned(db, Forecast, 'forecast', forecastId, expectedVersion, { status: current.status });
  await repo.update({ id: adjustmentId }, { undoneAt: undone?.at ?? null, undoneBy: undone?.by ?? null });
  return toAdjustment((await repo.findOne({ where: { id: adjustmentId } }))!);
}

/** A stored forecast's split by platform with start in [from, to) (all when omitted), by platform then start (empty before its first platform adjustment). */
export async function forecastPlatformValues(
  db: Db,
  forecastId: number,
  range: { from?: string; to?: string } = {},
): Promise<ForecastPlatformValueRecord[]> {
  const qb = db
    .getRepository(ForecastPlatformValue)
    .createQueryBuilder('v')
    .where('v.forecastId = :forecastId', { forecastId })
    .orderBy('v.platformCode', 'ASC')
    .addOrderBy('v.start', 'ASC');
  if (range.from) qb.andWhere('v.start >= :from', { from: range.from });
  if (range.to) qb.andWhere('v.start < :to', { to: range.to });
  const rows = await qb.getMany();
  return rows.map((r) => ({
    platformCode: r.platformCode,
    start: r.start,
    volume: num(r.volume),
    adjustedVolume: numOrNull(r.adjustedVolume),
  }));
}

/** Stores a forecast's split by platform (its model parts, not adjusted yet). */
export async function insertForecastPlatformValues(
  db: Db,
  forecastId: number,
  rows: readonly Omit<ForecastPlatformValueRecord, 'adjustedVolume'>[],
): Promise<void> {
  for (const chunk of chunks(rows, INSERT_CHUNK_ROWS)) {
    await db
      .getRepository(ForecastPlatformValue)
      .createQueryBuilder()
      .insert()
      .values(chunk.map((r) => ({ ...r, forecastId, adjustedVolume: null })))
      .updateEntity(false)
      .execute();
  }
}

/** Rows a CASE update writes at once: 3 parameters a row, 600 in all, far under both drivers' limits. */
const UPDATE_CHUNK_ROWS = 200;

/**
 * Sets `adjustedVolume` of the rows of one table and forecast whose start is listed (one
 * platform's, when `platformCode` is given), one `UPDATE … CASE start …` statement per chunk.
 */
async function updateAdjusted(
  db: Db,
  entity: typeof ForecastValue | typeof ForecastPlatformValue,
  forecastId: number,
  platformCode: string | null,
  rows: { start: string; adjustedVolume: number | null }[],
): Promise<void> {
  for (const chunk of chunks(rows, UPDATE_CHUNK_ROWS)) {
    const params: Record<string, unknown> = { forecastId };
    const cases = chunk.map((r, k) => {
      params[`s${k}`] = r.start;
      params[`v${k}`] = r.adjustedVolume;
      return `WHEN :s${k} THEN CAST(:v${k} AS double precision)`;
    });
    const qb = db
      .getRepository(entity)
      .createQueryBuilder()
      .update()
      .set({ adjustedVolume: () => `CASE "start" ${cases.join(' ')} END` })
      .where('forecastId = :forecastId')
      .andWhere(`start IN (${chunk.map((_, k) => `:s${k}`).join(', ')})`);
    if (platformCode !== null) qb.andWhere('platformCode = :platformCode', { platformCode });
    await qb.setParameters(params).execute();
  }
}

/** Writes adjusted volumes (null = not adjusted) of the channel's values and of its platform parts. */
export async function storeAdjustedVolumes(
  db: Db,
  forecastId: number,
  changes: {
    channel: { start: string; adjustedVolume: number | null }[];
    platforms: { platformCode: string; start: string; adjustedVolume: number | null }[];
  },
): Promise<void> {
  await updateAdjusted(db, ForecastValue, forecastId, null, changes.channel);
  const byPlatform = new Map<string, { start: string; adjustedVolume: number | null }[]>();
  for (const r of changes.platforms) {
    if (!byPlatform.has(r.platformCode)) byPlatform.set(r.platformCode, []);
    byPlatform.get(r.platformCode)!.push(r);
  }
  for (const [code, rows] of byPlatform) await updateAdjusted(db, ForecastPlatformValue, forecastId, code, rows);
}

function toAdjustment(row: ForecastAdjustment): ForecastAdjustmentRecord {
  return {
    id: row.id,
    forecastId: row.forecastId,
    fromStart: row.fromStart,
    toStart: row.toStart,
    kind: row.kind as 'scale' | 'set',
    value: num(row.value),
    note: row.note,
    createdBy: row.createdBy ?? null,
    createdAt: row.createdAt,
    unit: (['factor', 'percent', 'set'].includes(row.unit) ? row.unit : '') as AdjustmentUnit | '',
    entered: numOrNull(row.entered),
    version: row.version ?? null,
    undoneAt: row.undoneAt ?? null,
    undoneBy: row.undoneBy ?? null,
    platformCode: row.platformCode ?? null,
  };
}

/** Oldest first (the order they were applied in). */
export async function listForecastAdjustments(db: Db, forecastId: number): Promise<ForecastAdjustmentRecord[]> {
  const rows = await db.getRepository(ForecastAdjustment).find({ where: { forecastId }, order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map(toAdjustment);
}
