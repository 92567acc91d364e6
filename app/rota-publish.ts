/**
 * Publishing a draft (agents see it from then on; the revision published before is archived;
 * one transaction under the week's lock, refused when someone else published meanwhile)
 * and copying last week's rota into a new draft of this week (every shift moved by 7 local
 * days, the rules checked again against this week's time off and last week's shifts).
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { StaleEditError, NotFoundError } from '../models/errors';
import { appendAudit } from '../models/repositories/audit';
import { withWriteTransaction, type Db } from '../models/repositories/db';
import {
  getRota,
  listRotasForWeek,
  listShifts,
  lockWeekForPublishing,
  publishRota,
  publishedRotaForWeek,
  PublishedMeanwhileError,
  type NewShift,
  type RotaRecord,
} from '../models/repositories/rotas';
import type { Violation } from '../scheduling';
import { mondayOf } from '../forecasting/week';
import { teamIdOrDefault } from './team-scope';
import { listStaff } from '../models/repositories/staff';
import { applyRotaChange } from './rota-change';
import { diffByPerson, shiftHours } from './notification-diff';
import { notifyStaff, type News } from './notify';

export type PublishResult =
  | { kind: 'published'; rota: RotaRecord }
  | { kind: 'stale'; current: RotaRecord }
  | { kind: 'notFound' }
  | { kind: 'notDraft'; rota: RotaRecord }
  /** Another revision of the week was published since the user looked (`published`: the one now, or null). */
  | { kind: 'publishedMeanwhile'; published: RotaRecord | null };

/**
 * Publishes a draft in one transaction holding the week's lock, so two people publishing two
 * drafts of one week at once are put one after the other; nothing is read before the lock.
 * `expectedPublishedId` is the revision the user saw published when deciding (null: none). If
 * another one is published by now, the second publisher is refused instead of silently replacing
 * work they never saw. Leave it undefined to replace whatever is published (the demo seed).
 */
export async function publishRotaRevision(
  ds: DataSource,
  q: {
    rotaId: number;
    expectedVersion: number;
    expectedPublishedId?: number | null;
    now: Date;
    userId: number | null;
    by: string | null;
  },
): Promise<PublishResult> {
  const target = await getRota(ds, q.rotaId); // only for its week, which never changes
  if (!target) return { kind: 'notFound' };
  const at = q.now.toISOString();
  try {
    return await withWriteTransaction(ds, async (tx): Promise<PublishResult> => {
      await lockWeekForPublishing(tx, target.teamId, target.weekStart);
      const rota = await getRota(tx, target.id);
      if (!rota) return { kind: 'notFound' };
      if (rota.status !== 'draft') return { kind: 'notDraft', rota };
      if (rota.version !== q.expectedVersion) return { kind: 'stale', current: rota };
      const before = await publishedRotaForWeek(tx, rota.teamId, rota.weekStart);
      if (q.expectedPublishedId !== undefined && (before?.id ?? null) !== q.expectedPublishedId) {
        return { kind: 'publishedMeanwhile', published: before };
      }
      await publishRota(tx, rota.id, q.expectedVersion, at, q.by);
      await appendAudit(tx, {
        at,
        userId: q.userId,
        action: 'rota.publish',
        entity: 'rota',
        entityId: rota.id,
        detail: { weekStart: rota.weekStart, teamId: rota.teamId, revision: rota.revision, replacedRotaId: before?.id ?? null },
      });
      await notifyStaff(tx, await publishNews(tx, rota, before), q.now);
      return { kind: 'published', rota: (await getRota(tx, rota.id))! };
    });
  } catch (err) {
    if (err instanceof StaleEditError) return { kind: 'stale', current: (await getRota(ds, target.id))! };
    if (err instanceof NotFoundError) return { kind: 'notFound' };
    if (err instanceof PublishedMeanwhileError)
      return { kind: 'publishedMeanwhile', published: await publishedRotaForWeek(ds, target.teamId, target.weekStart) };
    throw err;
  }
}

/**
 * What a publish means for each person: a first publish of the week tells everyone on it their
 * shifts and hours; a later one tells only those whose shifts changed, and how.
 */
async function publishNews(tx: Db, rota: RotaRecord, before: RotaRecord | null): Promise<News[]> {
  const after = await listShifts(tx, rota.id);
  const old = before ? await listShifts(tx, before.id) : [];
  const week = { weekStart: rota.weekStart };
  return [...diffByPerson(old, after)].map(([staffId, changes]) => {
    if (before) return { staffId, kind: 'rota.changed' as const, params: { ...week, changes } };
    const mine = after.filter((s) => s.staffId === staffId);
    return { staffId, kind: 'rota.published' as const, params: { ...week, shifts: mine.length, hours: shiftHours(mine), changes } };
  });
}

export type CopyResult = { kind: 'copied'; rota: RotaRecord; violations: Violation[] } | { kind: 'nothingToCopy' };

export async function copyLastWeek(
  ds: DataSource,
  q: { weekStart: string; zone: string; intervalMinutes: number; now: Date; userId: number | null; by: string | null; teamId?: number },
): Promise<CopyResult> {
  const weekStart = mondayOf(q.weekStart, q.zone);
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const previous = DateTime.fromISO(weekStart, { zone: q.zone }).minus({ days: 7 }).toISODate()!;
  const source = (await publishedRotaForWeek(ds, teamId, previous)) ?? (await listRotasForWeek(ds, teamId, previous))[0] ?? null;
  if (!source) return { kind: 'nothingToCopy' };
  const plus7 = (iso: string) => DateTime.fromISO(iso, { zone: q.zone }).plus({ days: 7 }).toUTC().toISO()!;
  // Only the team's people of the new week: someone moved to another team (or gone) keeps last
  // week's shifts there, not a new week here.
  const members = new Set((await listStaff(ds, { teamId, activeOn: weekStart })).map((p) => p.id));
  const shifts: NewShift[] = (await listShifts(ds, source.id))
    .filter((s) => members.has(s.staffId))
    .map((s) => ({
      staffId: s.staffId,
      start: plus7(s.start),
      end: plus7(s.end),
      breaks: s.breaks.map((b) => ({ start: plus7(b.start), end: plus7(b.end) })),
      channel: s.channel,
      activities: s.activities?.map((a) => ({ ...a, start: plus7(a.start), end: plus7(a.end) })) ?? null,
      offQueue: s.offQueue?.map((o) => ({ ...o, start: plus7(o.start), end: plus7(o.end) })) ?? null,
      locked: false,
    }));
  const at = q.now.toISOString();
  const change = await applyRotaChange(
    { ds, zone: q.zone, intervalMinutes: q.intervalMinutes, now: q.now },
    {
      teamId,
      weekStart,
      actor: { userId: q.userId, username: q.by },
      operation: {
        kind: 'replace',
        source: 'copy',
        shifts,
        rota: { basedOnRotaId: source.id, createdBy: q.by, solverLog: JSON.stringify({ copiedFrom: source.id }) },
      },
    },
  );
  if (change.kind !== 'applied') throw new Error(`storing the copied rota: ${change.kind}`);
  const { working: rota, violations } = change;
  await appendAudit(ds, {
    at,
    userId: q.userId,
    action: 'rota.copy',
    entity: 'rota',
    entityId: rota.id,
    detail: { weekStart, fromRotaId: source.id, violations: violations.length },
  });
  return { kind: 'copied', rota, violations };
}
