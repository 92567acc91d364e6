/**
 * The coordinator's edits of a stored forecast: accept it as the plan's input, adjust a range
 * of it (in an explicit unit: × factor, + %, set to N; previewed before saving), undo or
 * restore an adjustment. Every edit carries the version the coordinator saw; a newer one
 * means someone else changed the forecast in between, and the edit is refused ('stale')
 * rather than applied to values they have not seen. Every edit is audited.
 *
 * An edit of an accepted forecast bumps its version past the accepted one: it then needs
 * accepting again, and until then the plan keeps the volumes accepted (forecast-for-week.ts).
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { StaleEditError, NotFoundError } from '../models/errors';
import { withTransaction } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { listChannels, listPlatforms } from '../models/repositories/settings';
import {
  acceptForecast,
  addForecastAdjustment,
  forecastValues,
  getForecast,
  listForecastAdjustments,
  setAdjustmentUndone,
  type AdjustmentUnit,
  type ForecastRecord,
} from '../models/repositories/forecasts';
import { forecastSplit, replayAdjustments, replayed, withPlatform } from './forecast-adjustments';

export type EditResult =
  | { kind: 'ok'; forecast: ForecastRecord }
  | { kind: 'stale'; forecast: ForecastRecord }
  | { kind: 'notFound' }
  | { kind: 'invalid'; field: string; messageKey: string };

interface Actor {
  id: number;
  username: string;
}

async function guarded(ds: DataSource, id: number, run: () => Promise<void>): Promise<EditResult> {
  try {
    await run();
    return { kind: 'ok', forecast: (await getForecast(ds, id))! };
  } catch (err) {
    if (err instanceof StaleEditError) {
      const current = await getForecast(ds, id);
      return current ? { kind: 'stale', forecast: current } : { kind: 'notFound' };
    }
    if (err instanceof NotFoundError) return { kind: 'notFound' };
    throw err;
  }
}

/**
 * Whether forecast `id` is of another team's channel: the edits below then answer 404 to the
 * team (a forecast that does not exist is left to them). `teamId` absent: nothing is outside.
 */
export async function forecastOutsideTeam(ds: DataSource, q: { id: number; teamId?: number }): Promise<boolean> {
  if (q.teamId === undefined) return false;
  const forecast = await getForecast(ds, q.id);
  return !!forecast && !(await listChannels(ds, q.teamId)).some((c) => c.id === forecast.channelId);
}

/** Accepts forecast `id` (superseding the accepted ones of the same channel that overlap it). */
export async function acceptForecastEdit(ds: DataSource, r: { id: number; version: number; now: Date; user: Actor }): Promise<EditResult> {
  const current = await getForecast(ds, r.id);
  if (!current) return { kind: 'notFound' };
  if (current.status === 'superseded') return { kind: 'invalid', field: 'form', messageKey: 'forecast.error.superseded' };
  const at = r.now.toISOString();
  return guarded(ds, r.id, () =>
    withTransaction(ds, async (tx) => {
      const { superseded } = await acceptForecast(tx, r.id, r.version, at);
      await appendAudit(tx, {
        at,
        userId: r.user.id,
        action: 'forecast.accept',
        entity: 'forecast',
        entityId: r.id,
        detail: { channelId: current.channelId, weekStart: current.weekStart, superseded },
      });
    }),
  );
}

export interface AdjustRequest {
  id: number;
  version: number;
  /** 'factor': × value (1.15); 'percent': + value % (15 → ×1.15); 'set': value contacts per interval. */
  unit: AdjustmentUnit;
  value: number;
  /** One platform of the channel (its code): only its part changes, and the channel with it; null = the whole channel. */
  platform: string | null;
  /** Local date-times 'YYYY-MM-DDTHH:mm', from inclusive, to exclusive. */
  fromLocal: string;
  toLocal: string;
  note: string;
  zone: string;
  now: Date;
  user: Actor;
}

type Invalid = Extract<EditResult, { kind: 'invalid' }>;

/** What an adjustment does in the stored form: scale by a factor, or set a volume, over [from, to). */
interface Planned {
  fromStart: string;
  toStart: string;
  kind: 'scale' | 'set';
  value: number;
  platformCode: string | null;
}

/** The factor or volume the unit means; the range checked against the forecast's horizon. */
function plan(current: ForecastRecord, r: Omit<AdjustRequest, 'id' | 'version' | 'note' | 'now' | 'user'>): Planned | Invalid {
  if (current.status === 'superseded') return { kind: 'invalid', field: 'form', messageKey: 'forecast.error.superseded' };
  const from = DateTime.fromISO(r.fromLocal, { zone: r.zone }).toUTC();
  const to = DateTime.fromISO(r.toLocal, { zone: r.zone }).toUTC();
  if (!from.isValid) return { kind: 'invalid', field: 'from', messageKey: 'forecast.error.date' };
  if (!to.isValid) return { kind: 'invalid', field: 'to', messageKey: 'forecast.error.date' };
  if (to <= from) return { kind: 'invalid', field: 'to', messageKey: 'forecast.error.range' };
  const fromStart = from.toISO()!;
  const toStart = to.toISO()!;
  if (fromStart < current.horizonStart || toStart > current.horizonEnd)
    return { kind: 'invalid', field: 'from', messageKey: 'forecast.error.outside' };
  const value = r.unit === 'percent' ? 1 + r.value / 100 : r.value;
  if (r.unit !== 'set' && !(value >= 0)) return { kind: 'invalid', field: 'value', messageKey: 'forecast.error.value' };
  return { fromStart, toStart, kind: r.unit === 'set' ? 'set' : 'scale', value, platformCode: r.platform };
}

/** A platform the team does not know (the form offers only the known ones) is refused. */
async function checkPlatform(ds: DataSource, platform: string | null): Promise<Invalid | null> {
  if (platform === null || (await listPlatforms(ds)).some((p) => p.code === platform)) return null;
  return { kind: 'invalid', field: 'platform', messageKey: 'forecast.error.platform' };
}

/**
 * The split a platform adjustment needs stored first: the whole split made from the platform
 * shares at the forecast's first platform adjustment, or a part of zeros for a platform the
 * stored split lacks (one without history: its launch); nothing for a channel adjustment.
 */
async function splitToStore(ds: DataSource, current: ForecastRecord, platform: string | null, zone: string) {
  if (platform === null) return [];
  const split = await forecastSplit(ds, current, zone);
  const n = split.parts[0]?.volumes.length ?? (await forecastValues(ds, current.id)).length;
  const parts = withPlatform(split.parts, platform, n);
  return split.stored ? parts.filter((p) => p.platform === platform && !split.parts.includes(p)) : parts;
}

/** Adjusts a range of a stored forecast; the range must lie inside the forecast's horizon. */
export async function adjustForecastEdit(ds: DataSource, r: AdjustRequest): Promise<EditResult> {
  const current = await getForecast(ds, r.id);
  if (!current) return { kind: 'notFound' };
  const planned = plan(current, r);
  if ('field' in planned) return planned;
  const unknown = await checkPlatform(ds, r.platform);
  if (unknown) return unknown;
  const newSplit = await splitToStore(ds, current, r.platform, r.zone);
  const at = r.now.toISOString();
  return guarded(ds, r.id, () =>
    withTransaction(ds, async (tx) => {
      const adjustment = await addForecastAdjustment(tx, r.version, {
        forecastId: r.id,
        ...planned,
        unit: r.unit,
        entered: r.value,
        note: r.note,
        createdBy: r.user.username,
        createdAt: at,
      });
      await replayAdjustments(tx, r.id, newSplit);
      const changed = (await forecastValues(tx, r.id, { from: planned.fromStart, to: planned.toStart })).length;
      await appendAudit(tx, {
        at,
        userId: r.user.id,
        action: 'forecast.adjust',
        entity: 'forecast',
        entityId: r.id,
        detail: {
          adjustmentId: adjustment.id,
          unit: r.unit,
          entered: r.value,
          kind: planned.kind,
          value: planned.value,
          platformCode: planned.platformCode,
          ...range(planned),
          changed,
        },
      });
    }),
  );
}

const range = (p: Planned) => ({ fromStart: p.fromStart, toStart: p.toStart });

export interface AdjustPreview {
  kind: 'preview';
  forecast: ForecastRecord;
  /** Interval starts from the first local day the range touches to the end of its last. */
  points: { start: string; before: number; after: number }[];
  fromStart: string;
  toStart: string;
  changed: number;
  totalBefore: number;
  totalAfter: number;
}

/** Preview days are capped: a range over weeks is previewed on its first two weeks. */
const PREVIEW_MAX_DAYS = 14;

/** What an adjustment would do, on the values now stored; nothing is saved. */
export async function previewAdjustment(
  ds: DataSource,
  r: Omit<AdjustRequest, 'version' | 'note' | 'now' | 'user'>,
): Promise<AdjustPreview | Invalid | { kind: 'notFound' }> {
  const current = await getForecast(ds, r.id);
  if (!current) return { kind: 'notFound' };
  const planned = plan(current, r);
  if ('field' in planned) return planned;
  const unknown = await checkPlatform(ds, r.platform);
  if (unknown) return unknown;
  const dayFrom = DateTime.fromISO(planned.fromStart, { zone: r.zone }).startOf('day');
  const lastDay = DateTime.fromISO(planned.toStart, { zone: r.zone }).minus({ milliseconds: 1 }).startOf('day').plus({ days: 1 });
  const dayTo = DateTime.min(lastDay, dayFrom.plus({ days: PREVIEW_MAX_DAYS }));
  const [from, to] = [dayFrom.toUTC().toISO()!, dayTo.toUTC().toISO()!];
  // Replayed with and without the new adjustment, on the stored split (or the one it would make).
  const values = await forecastValues(ds, r.id);
  const split = planned.platformCode === null ? { parts: [] } : await forecastSplit(ds, current, r.zone, values);
  const parts = withPlatform(split.parts, planned.platformCode, values.length);
  const adjustments = await listForecastAdjustments(ds, r.id);
  const before = replayed(values, parts, adjustments).channel;
  const after = replayed(values, parts, [...adjustments, { ...planned, undoneAt: null }]).channel;
  let changed = 0;
  const points = values.flatMap((v, i) => {
    if (v.start < from || v.start >= to) return [];
    if (v.start >= planned.fromStart && v.start < planned.toStart) changed += 1;
    return [{ start: v.start, before: before[i].volume, after: after[i].volume }];
  });
  return {
    kind: 'preview',
    forecast: current,
    points,
    ...range(planned),
    changed,
    totalBefore: points.reduce((s, p) => s + p.before, 0),
    totalAfter: points.reduce((s, p) => s + p.after, 0),
  };
}

/** Undoes (or restores) one adjustment of a forecast; the values are replayed without it (with it). */
export async function undoAdjustmentEdit(
  ds: DataSource,
  r: { id: number; adjustmentId: number; version: number; restore: boolean; now: Date; user: Actor },
): Promise<EditResult> {
  const current = await getForecast(ds, r.id);
  if (!current) return { kind: 'notFound' };
  if (current.status === 'superseded') return { kind: 'invalid', field: 'form', messageKey: 'forecast.error.superseded' };
  const at = r.now.toISOString();
  let missing = false;
  const result = await guarded(ds, r.id, () =>
    withTransaction(ds, async (tx) => {
      const undone = r.restore ? null : { at, by: r.user.username };
      const adjustment = await setAdjustmentUndone(tx, r.version, r.id, r.adjustmentId, undone);
      if (!adjustment) {
        missing = true;
        return;
      }
      await replayAdjustments(tx, r.id);
      await appendAudit(tx, {
        at,
        userId: r.user.id,
        action: r.restore ? 'forecast.adjust.restore' : 'forecast.adjust.undo',
        entity: 'forecast',
        entityId: r.id,
        detail: { adjustmentId: r.adjustmentId },
      });
    }),
  );
  return missing ? { kind: 'notFound' } : result;
}
