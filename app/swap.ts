/**
 * Shift swaps between agents. The flow: the requester offers one of their published future
 * shifts to a colleague (an agent), in exchange for one of the colleague's shifts or as a
 * give-away → the colleague accepts or declines → the coordinator approves or rejects.
 * Approval moves the shift(s) in one transaction, each shift checked against the version the
 * coordinator saw, so a rota edited in between is never overwritten, and the labour rules
 * checked again at that moment (the change path, app/rota-change.ts). A swap that breaks a
 * hard rule can neither be sent nor approved, unless the coordinator overrides with a reason.
 */
import { withTransaction, type Db } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { getStaff } from '../models/repositories/staff';
import {
  createSwap,
  getRotaShift,
  getSwap,
  openSwapsForShift,
  setSwapStatus,
  type RotaShift,
  type SwapRecord,
} from '../models/repositories/requests';
import { getTeamSettings } from '../models/repositories/settings';
import { applyRotaChange } from './rota-change';
import { guardStale, outsideTeam, type Outcome, type RequestsContext } from './time-off';
import { checkSwap, type SwapCheck } from './swap-check';
import { notifyStaff, type NotificationKind } from './notify';

export interface SwapForm {
  shiftId: number;
  /** The colleague's shift to take in exchange; null to give the shift away. */
  targetShiftId: number | null;
  /** The colleague, for a give-away (for an exchange it is the target shift's owner). */
  targetStaffId: number | null;
  note: string;
}

const nowIso = (ctx: RequestsContext) => ctx.now.toISOString();

/** A shift that can still be swapped: in a published rota and not started yet. */
function swappable(s: RotaShift | null, now: Date): s is RotaShift {
  return s !== null && s.rotaStatus === 'published' && Date.parse(s.start) > now.getTime();
}

export async function requestSwap(ctx: RequestsContext, form: SwapForm): Promise<Outcome<{ swap: SwapRecord; check: SwapCheck }>> {
  const me = ctx.actor.staffId;
  if (me === null) return { kind: 'refused', key: 'requests.error.noStaff' };
  const shift = await getRotaShift(ctx.db, form.shiftId);
  if (!swappable(shift, ctx.now) || shift.staffId !== me) return { kind: 'refused', key: 'requests.error.shift', field: 'shiftId' };
  const targetShift = form.targetShiftId === null ? null : await getRotaShift(ctx.db, form.targetShiftId);
  if (form.targetShiftId !== null && (!swappable(targetShift, ctx.now) || targetShift.staffId === me)) {
    return { kind: 'refused', key: 'requests.error.targetShift', field: 'targetShiftId' };
  }
  const targetStaffId = targetShift?.staffId ?? form.targetStaffId;
  const colleague = targetStaffId === null ? null : await getStaff(ctx.db, targetStaffId);
  const requester = await getStaff(ctx.db, me);
  if (!colleague || colleague.id === me || colleague.role !== 'agent' || colleague.teamId !== requester?.teamId)
    return { kind: 'refused', key: 'requests.error.colleague', field: 'targetStaffId' };
  const busy = [...(await openSwapsForShift(ctx.db, shift.id)), ...(targetShift ? await openSwapsForShift(ctx.db, targetShift.id) : [])];
  if (busy.length) return { kind: 'refused', key: 'requests.error.swapOpen', field: 'shiftId' };

  const check = await checkSwap(ctx.db, ctx.zone, { requesterStaffId: me, targetStaffId: colleague.id, shift, targetShift });
  // A swap that breaks a hard rule is never sent: the form shows why (the same check as approval).
  if (!check.ok)
    return { kind: 'refused', key: 'requests.error.swapBreaksRules', field: 'shiftId', violations: check.problems.map((p) => p.violation) };

  const swap = await createSwap(
    ctx.db,
    { requesterStaffId: me, shiftId: shift.id, targetStaffId: colleague.id, targetShiftId: targetShift?.id ?? null, note: form.note },
    nowIso(ctx),
  );
  await appendAudit(ctx.db, {
    at: nowIso(ctx),
    userId: ctx.actor.userId,
    action: 'swap.requested',
    entity: 'swap_request',
    entityId: swap.id,
    detail: form,
  });
  await tellAboutSwap(ctx.db, ctx.now, swap, 'swap.asked', [colleague.id], {
    targetStart: targetShift?.start ?? null,
    targetEnd: targetShift?.end ?? null,
  });
  return { kind: 'ok', swap, check };
}

/** The colleague's answer. Only the colleague asked may answer, and only while it is pending. */
export async function respondToSwap(
  ctx: RequestsContext,
  input: { id: number; version: number; accept: boolean },
): Promise<Outcome<{ swap: SwapRecord }>> {
  const current = await getSwap(ctx.db, input.id);
  if (!current || current.targetStaffId === null || current.targetStaffId !== ctx.actor.staffId) return { kind: 'notFound' };
  if (current.version !== input.version) return { kind: 'stale' };
  if (current.status !== 'pending') return { kind: 'refused', key: 'requests.error.notPending' };
  return guardStale(async () => {
    const swap = await setSwapStatus(ctx.db, input.id, input.version, { status: input.accept ? 'accepted' : 'declined' });
    await appendAudit(ctx.db, {
      at: nowIso(ctx),
      userId: ctx.actor.userId,
      action: input.accept ? 'swap.accepted' : 'swap.declined',
      entity: 'swap_request',
      entityId: input.id,
    });
    await tellAboutSwap(ctx.db, ctx.now, swap, 'swap.answered', [swap.requesterStaffId], { accepted: input.accept });
    return { kind: 'ok', swap };
  });
}

/** The requester withdraws, before the coordinator decides. */
export async function cancelSwap(ctx: RequestsContext, input: { id: number; version: number }): Promise<Outcome<{ swap: SwapRecord }>> {
  const current = await getSwap(ctx.db, input.id);
  if (!current || current.requesterStaffId !== ctx.actor.staffId) return { kind: 'notFound' };
  if (current.version !== input.version) return { kind: 'stale' };
  if (current.status !== 'pending' && current.status !== 'accepted') return { kind: 'refused', key: 'requests.error.notPending' };
  return guardStale(async () => {
    const swap = await setSwapStatus(ctx.db, input.id, input.version, { status: 'cancelled' });
    await appendAudit(ctx.db, {
      at: nowIso(ctx),
      userId: ctx.actor.userId,
      action: 'swap.cancelled',
      entity: 'swap_request',
      entityId: input.id,
    });
    if (swap.targetStaffId !== null) await tellAboutSwap(ctx.db, ctx.now, swap, 'swap.withdrawn', [swap.targetStaffId], {});
    return { kind: 'ok', swap };
  });
}

export interface SwapDecision {
  id: number;
  version: number;
  /** The shift versions the coordinator saw (and the rule check ran on). */
  shiftVersion: number;
  targetShiftVersion: number | null;
  approve: boolean;
  note: string;
  /** Approve although the swap breaks a rule: the coordinator's reason (audit trail, rota page). */
  overrideReason?: string;
}

/**
 * The coordinator's decision. Approving needs the colleague's acceptance and moves the shift(s):
 * the requester's shift to the colleague, the colleague's (if any) to the requester.
 */
export async function decideSwap(ctx: RequestsContext, d: SwapDecision): Promise<Outcome<{ swap: SwapRecord }>> {
  const current = await getSwap(ctx.db, d.id);
  if (!current || (await outsideTeam(ctx, current.requesterStaffId))) return { kind: 'notFound' };
  if (current.version !== d.version) return { kind: 'stale' };
  if (d.approve ? current.status !== 'accepted' : current.status !== 'pending' && current.status !== 'accepted') {
    return { kind: 'refused', key: d.approve ? 'requests.error.notAccepted' : 'requests.error.notPending' };
  }
  if (ctx.actor.staffId !== null && (current.requesterStaffId === ctx.actor.staffId || current.targetStaffId === ctx.actor.staffId)) {
    return { kind: 'refused', key: 'requests.error.ownRequest' };
  }
  // The offered shift as the two people knew it (approval hands it over).
  const shiftBefore = await getRotaShift(ctx.db, current.shiftId);
  return guardStale(() =>
    withTransaction(ctx.db, async (tx): Promise<Outcome<{ swap: SwapRecord }>> => {
      const decided = { decidedBy: ctx.actor.username, decidedAt: nowIso(ctx), decisionNote: d.note };
      if (!d.approve) {
        const swap = await setSwapStatus(tx, d.id, d.version, { status: 'rejected', ...decided });
        await appendAudit(tx, {
          at: nowIso(ctx),
          userId: ctx.actor.userId,
          action: 'swap.rejected',
          entity: 'swap_request',
          entityId: d.id,
          detail: { note: d.note },
        });
        await tellAboutSwap(tx, ctx.now, swap, 'swap.decided', parties(swap), { status: 'rejected', note: d.note }, shiftBefore);
        return { kind: 'ok' as const, swap };
      }
      const moved = await moveShifts(ctx, tx, current, d);
      if (moved) return moved;
      const swap = await setSwapStatus(tx, d.id, d.version, { status: 'approved', ...decided });
      await appendAudit(tx, {
        at: nowIso(ctx),
        userId: ctx.actor.userId,
        action: 'swap.approved',
        entity: 'swap_request',
        entityId: d.id,
        detail: { note: d.note, shiftId: current.shiftId, targetShiftId: current.targetShiftId, overrideReason: d.overrideReason ?? null },
      });
      await tellAboutSwap(tx, ctx.now, swap, 'swap.decided', parties(swap), { status: 'approved', note: d.note }, shiftBefore);
      return { kind: 'ok' as const, swap };
    }).catch((err: unknown) => {
      if (err instanceof ChangeRefused) return err.outcome;
      throw err;
    }),
  );
}

/**
 * Moves the shift(s) of an approved swap through the change path (checked now, at approval;
 * into the published revision and the week's draft); an outcome when it cannot (the caller's
 * transaction then does nothing else).
 */
async function moveShifts(ctx: RequestsContext, tx: Db, swap: SwapRecord, d: SwapDecision): Promise<Outcome<{ swap: SwapRecord }> | null> {
  const shift = await getRotaShift(tx, swap.shiftId);
  const target = swap.targetShiftId === null ? null : await getRotaShift(tx, swap.targetShiftId);
  if (!shift || (swap.targetShiftId !== null && !target)) return { kind: 'notFound' };
  if (shift.version !== d.shiftVersion || (target && target.version !== d.targetShiftVersion)) return { kind: 'stale' };
  // The rota changed hands since the request (re-planned or unpublished): refuse rather than guess.
  if (
    shift.staffId !== swap.requesterStaffId ||
    shift.rotaStatus !== 'published' ||
    (target && (target.staffId !== swap.targetStaffId || target.rotaStatus !== 'published'))
  ) {
    return { kind: 'refused', key: 'requests.error.shiftChanged' };
  }
  const settings = await getTeamSettings(tx);
  const moves = [
    { uid: shift.uid, toStaffId: swap.targetStaffId!, weekStart: shift.weekStart },
    ...(target ? [{ uid: target.uid, toStaffId: swap.requesterStaffId, weekStart: target.weekStart }] : []),
  ];
  for (const weekStart of new Set(moves.map((m) => m.weekStart))) {
    const result = await applyRotaChange(
      { ds: tx, zone: ctx.zone, intervalMinutes: settings?.intervalMinutes ?? 60, now: ctx.now },
      {
        weekStart,
        operation: { kind: 'reassign', moves: moves.filter((m) => m.weekStart === weekStart), swapId: swap.id },
        actor: { userId: ctx.actor.userId, username: ctx.actor.username },
        ...(d.overrideReason?.trim() ? { override: { reason: d.overrideReason.trim() } } : {}),
      },
    );
    if (result.kind === 'stale') return { kind: 'stale' };
    if (result.kind === 'notFound') return { kind: 'notFound' };
    if (result.kind === 'refused') {
      // Nothing of an earlier week may stay moved: undo the transaction.
      throw new ChangeRefused({
        kind: 'refused',
        key: 'change.refused',
        violations: result.newViolations,
        overridable: result.overridable,
      });
    }
  }
  for (const [s, to] of [[shift, swap.targetStaffId!] as const, ...(target ? [[target, swap.requesterStaffId] as const] : [])]) {
    await appendAudit(tx, {
      at: nowIso(ctx),
      userId: ctx.actor.userId,
      action: 'shift.reassigned',
      entity: 'shift',
      entityId: s.id,
      detail: { from: s.staffId, to, swapId: swap.id, uid: s.uid },
    });
  }
  return null;
}

const parties = (swap: SwapRecord) => [swap.requesterStaffId, ...(swap.targetStaffId === null ? [] : [swap.targetStaffId])];

/** News of a swap for `to`: who asked, the offered shift's times, and what `extra` says. */
async function tellAboutSwap(
  db: Db,
  now: Date,
  swap: SwapRecord,
  kind: NotificationKind,
  to: number[],
  extra: Record<string, unknown>,
  shown?: RotaShift | null,
): Promise<void> {
  const shift = shown ?? (await getRotaShift(db, swap.shiftId));
  const requester = await getStaff(db, swap.requesterStaffId);
  const target = swap.targetStaffId === null ? null : await getStaff(db, swap.targetStaffId);
  const params = {
    swapId: swap.id,
    from: requester?.name ?? '',
    to: target?.name ?? '',
    start: shift?.start ?? null,
    end: shift?.end ?? null,
    channel: shift?.channel ?? null,
    ...extra,
  };
  await notifyStaff(
    db,
    to.map((staffId) => ({ staffId, kind, params })),
    now,
  );
}

/** Carries a refusal out of a transaction so that it rolls back. */
class ChangeRefused extends Error {
  constructor(readonly outcome: Outcome<never>) {
    super('change refused');
  }
}

/** The rule check of a swap the requester is still filling in; null while it is incomplete or not theirs. */
export async function previewSwap(ctx: RequestsContext, form: Omit<SwapForm, 'note'>): Promise<SwapCheck | null> {
  const me = ctx.actor.staffId;
  const shift = await getRotaShift(ctx.db, form.shiftId);
  const target = form.targetShiftId === null ? null : await getRotaShift(ctx.db, form.targetShiftId);
  const targetStaffId = target?.staffId ?? form.targetStaffId;
  if (me === null || !shift || shift.staffId !== me || targetStaffId === null || targetStaffId === me) return null;
  // Nothing about a colleague of another team (a swap with them is refused anyway).
  if ((await getStaff(ctx.db, targetStaffId))?.teamId !== (await getStaff(ctx.db, me))?.teamId) return null;
  return checkSwap(ctx.db, ctx.zone, { requesterStaffId: me, targetStaffId, shift, targetShift: target });
}
