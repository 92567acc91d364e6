/**
 * Publishing with a look first: the difference from the published revision (rota-diff), the
 * draft's rule violations (only this week's), and the approved changes the draft would undo.
 * A draft that undoes an approved swap or time off is refused with the list; a draft that
 * breaks rules is published only with a reason, recorded in the audit trail and shown on the
 * rota. The switch itself is the existing publishRotaRevision; afterwards every shift the
 * publish took from someone leaves a cancellation for their calendar feed.
 */
import type { DataSource } from '../models';
import { appendAudit } from '../models/repositories/audit';
import { getRota, listShifts, publishedRotaForWeek, shiftsByIds, type RotaRecord, type ShiftRecord } from '../models/repositories/rotas';
import { listSwaps, listTimeOff } from '../models/repositories/requests';
import type { Violation } from '../scheduling';
import { loadRotaContext } from './rota-problem';
import { cancelFor, hardViolations, weekViolations } from './rota-change';
import { diffShifts } from './rota-diff';
import { publishRotaRevision } from './rota-publish';
import { timeOffSpan } from './time-off';
import { withoutMovedAway } from './team-scope';

export interface UndoneChange {
  kind: 'swap' | 'timeOff';
  requestId: number;
  /** Who should have (swap) or must not have (time off) the shift. */
  staffId: number;
  start: string;
  end: string;
}

export interface PublishReview {
  rota: RotaRecord;
  published: RotaRecord | null;
  /** The draft's broken hard rules in this week (soft ones, like contract hours, do not stop a publish). */
  violations: Violation[];
  undone: UndoneChange[];
}

export type ReviewedPublishResult =
  | { kind: 'published'; rota: RotaRecord }
  | { kind: 'publishedMeanwhile'; published: RotaRecord | null }
  | { kind: 'needsReason'; review: PublishReview }
  | { kind: 'undoesApproved'; review: PublishReview }
  | { kind: 'stale'; current: RotaRecord }
  | { kind: 'notFound' }
  | { kind: 'notDraft'; rota: RotaRecord };

interface Settings {
  zone: string;
  intervalMinutes: number;
  now: Date;
}

/** Approved swaps and time off of this week that `shifts` (a draft) would put back. */
export async function undoneApprovedChanges(
  ds: DataSource,
  weekStart: string,
  shifts: ShiftRecord[],
  zone: string,
): Promise<UndoneChange[]> {
  const out: UndoneChange[] = [];
  const swaps = (await listSwaps(ds, { statuses: ['approved'] })).sort((a, b) => (a.decidedAt ?? '').localeCompare(b.decidedAt ?? ''));
  // The latest approval of each shift (by uid) says who has it now.
  const owner = new Map<string, { staffId: number; requestId: number }>();
  for (const swap of swaps) {
    const moved = await shiftsByIds(ds, [swap.shiftId, ...(swap.targetShiftId === null ? [] : [swap.targetShiftId])]);
    for (const s of moved) {
      const rota = await getRota(ds, s.rotaId);
      if (rota?.weekStart !== weekStart) continue;
      const to = s.id === swap.shiftId ? swap.targetStaffId : swap.requesterStaffId;
      if (to !== null) owner.set(s.uid, { staffId: to, requestId: swap.id });
    }
  }
  for (const s of shifts) {
    const o = owner.get(s.uid);
    if (o && o.staffId !== s.staffId) out.push({ kind: 'swap', requestId: o.requestId, staffId: o.staffId, start: s.start, end: s.end });
  }
  for (const t of await listTimeOff(ds, { statuses: ['approved'] })) {
    const span = timeOffSpan(zone, t.startDate, t.endDate, t);
    for (const s of shifts) {
      if (s.staffId === t.staffId && s.start < span.to && s.end > span.from)
        out.push({ kind: 'timeOff', requestId: t.id, staffId: t.staffId, start: s.start, end: s.end });
    }
  }
  return out;
}

export async function reviewPublish(ds: DataSource, rota: RotaRecord, q: Settings): Promise<PublishReview> {
  const [shifts, published, ctx] = await Promise.all([
    listShifts(ds, rota.id),
    publishedRotaForWeek(ds, rota.teamId, rota.weekStart),
    loadRotaContext(ds, {
      teamId: rota.teamId,
      weekStart: rota.weekStart,
      zone: q.zone,
      intervalMinutes: q.intervalMinutes,
      now: q.now,
      withRequirement: false,
    }),
  ]);
  // Someone moved to another team keeps the shifts this revision gives them: not a rule break.
  const moved = ctx.movedAway;
  return {
    rota,
    published,
    violations: hardViolations(withoutMovedAway(weekViolations(ctx.problem, shifts, q.zone), moved)),
    undone: await undoneApprovedChanges(ds, rota.weekStart, shifts, q.zone),
  };
}

export async function publishReviewed(
  ds: DataSource,
  q: Settings & {
    rotaId: number;
    expectedVersion: number;
    /** The revision the user saw published (null: none); undefined skips the check. */
    expectedPublishedId?: number | null;
    reason?: string;
    userId: number | null;
    by: string | null;
  },
): Promise<ReviewedPublishResult> {
  const rota = await getRota(ds, q.rotaId);
  if (!rota) return { kind: 'notFound' };
  if (rota.status !== 'draft') return { kind: 'notDraft', rota };
  if (rota.version !== q.expectedVersion) return { kind: 'stale', current: rota };
  const review = await reviewPublish(ds, rota, q);
  if (review.undone.length) return { kind: 'undoesApproved', review };
  const reason = q.reason?.trim() ?? '';
  if (review.violations.length && !reason) return { kind: 'needsReason', review };
  const before = review.published ? await listShifts(ds, review.published.id) : [];
  const result = await publishRotaRevision(ds, {
    rotaId: rota.id,
    expectedVersion: q.expectedVersion,
    expectedPublishedId: q.expectedPublishedId,
    now: q.now,
    userId: q.userId,
    by: q.by,
  });
  if (result.kind !== 'published') return result;
  const after = await listShifts(ds, rota.id);
  const at = q.now.toISOString();
  const byUid = new Map(after.map((s) => [s.uid, s]));
  // Calendar feeds: whoever lost a shift sees it cancelled.
  for (const s of before) if (byUid.get(s.uid)?.staffId !== s.staffId) await cancelFor(ds, s, at);
  const diff = diffShifts(before, after);
  await appendAudit(ds, {
    at,
    userId: q.userId,
    action: 'rota.publish.reviewed',
    entity: 'rota',
    entityId: rota.id,
    detail: {
      by: q.by,
      weekStart: rota.weekStart,
      fromRotaId: review.published?.id ?? null,
      added: diff.added.length,
      removed: diff.removed.length,
      moved: diff.moved.length,
      ...(review.violations.length ? { override: { reason, violations: review.violations } } : {}),
    },
  });
  return result;
}

/** The review of the draft `rotaId`; null when there is no such rota. */
export async function reviewPublishById(ds: DataSource, rotaId: number, q: Settings): Promise<PublishReview | null> {
  const rota = await getRota(ds, rotaId);
  return rota && reviewPublish(ds, rota, q);
}
