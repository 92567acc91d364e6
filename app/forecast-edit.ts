/**
 * The coordinator's edits of a stored forecast: accept it as the plan's input, or adjust a
 * range of it. Both carry the version the coordinator saw; a newer one means someone else
 * changed the forecast in between, and the edit is refused ('stale') rather than applied to
 * values they have not seen. Every edit is audited.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { StaleEditError, NotFoundError } from '../models/errors';
import { withTransaction } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { acceptForecast, addForecastAdjustment, getForecast, type ForecastRecord } from '../models/repositories/forecasts';

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
  kind: 'scale' | 'set';
  /** 'scale': percent change (+10 = ×1.1); 'set': contacts per interval. */
  value: number;
  /** Local date-times 'YYYY-MM-DDTHH:mm', from inclusive, to exclusive. */
  fromLocal: string;
  toLocal: string;
  note: string;
  zone: string;
  now: Date;
  user: Actor;
}

/** Adjusts a range of a stored forecast; the range must lie inside the forecast's horizon. */
export async function adjustForecastEdit(ds: DataSource, r: AdjustRequest): Promise<EditResult> {
  const current = await getForecast(ds, r.id);
  if (!current) return { kind: 'notFound' };
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
  const factor = r.kind === 'scale' ? 1 + r.value / 100 : r.value;
  const at = r.now.toISOString();
  return guarded(ds, r.id, () =>
    withTransaction(ds, async (tx) => {
      const { adjustment, changed } = await addForecastAdjustment(tx, r.version, {
        forecastId: r.id,
        fromStart,
        toStart,
        kind: r.kind,
        value: factor,
        note: r.note,
        createdBy: r.user.username,
        createdAt: at,
      });
      await appendAudit(tx, {
        at,
        userId: r.user.id,
        action: 'forecast.adjust',
        entity: 'forecast',
        entityId: r.id,
        detail: { adjustmentId: adjustment.id, kind: r.kind, value: r.value, fromStart, toStart, changed },
      });
    }),
  );
}
