/**
 * Open shifts: a shift left uncovered (approved time off, a removal) that the coordinator puts
 * on the board instead of picking someone. Everyone who could take it (the change path's rule
 * check: skills, time off, rest, hours; app/rota-cover.ts) is told; on the board each agent
 * sees only the offers they could take now. The first claim sends it to the coordinator, or
 * gives it at once when the offer was made with auto-approve and the rules still hold. Taking
 * the shift is the cover operation of the change path (same uid, published revision and draft).
 *
 * Assumption: an offer is for one shift identity; a second offer of the same shift while one
 * is open or claimed is refused, and covering it from /rota/cover closes the offer.
 */
import type { DataSource } from '../models';
import { withTransaction, type Db } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { listStaff, type StaffMember } from '../models/repositories/staff';
import { getTeamSettings } from '../models/repositories/settings';
import { createOpenShift, getOpenShift, listOpenShifts, setOpenShiftState, type OpenShiftRecord } from '../models/repositories/open-shifts';
import type { Violation } from '../scheduling';
import { loadRotaContext } from './rota-problem';
import { assignCover, coverVerdicts, uncoveredShift } from './rota-cover';
import { hardViolations } from './rota-change';
import { guardStale, type Outcome, type RequestsContext } from './time-off';
import { notifyStaff } from './notify';
import { weekHeadroom, type HeadroomWeek } from './headroom';
import { mondayOf } from '../forecasting/week';
import { DateTime } from 'luxon';

export type { OpenShiftRecord };

export interface OfferForm {
  weekStart: string;
  uid: string;
  autoApprove: boolean;
}

export interface BoardItem extends OpenShiftRecord {
  fromName: string;
  claimedByName: string;
  /** How many agents could take it now (the coordinator's view). */
  eligibleCount: number | null;
}

export interface OpenShiftBoard {
  /** Offers the person could claim now (rules checked for them). */
  forMe: BoardItem[];
  /** The person's own claims waiting for the coordinator. */
  myClaims: BoardItem[];
  /** Every open or claimed offer (for those who decide), else null. */
  all: BoardItem[] | null;
  /** This week and next, from today: how many more could be off each day (app/headroom.ts). */
  headroom: HeadroomWeek[];
}

const nowIso = (ctx: RequestsContext) => ctx.now.toISOString();
const intervalOf = async (db: Db) => (await getTeamSettings(db))?.intervalMinutes ?? 60;

/** Carries a refusal out of a transaction so that it rolls back. */
class Refused extends Error {
  constructor(readonly outcome: Outcome<never>) {
    super('open shift refused');
  }
}

/** The agents (role agent, active that week) who could work the open shift now, by staff id. */
async function eligibleAgents(db: Db, zone: string, now: Date, offer: Pick<OpenShiftRecord, 'weekStart' | 'uid'>, only?: number[]) {
  const found = await uncoveredShift(db, { weekStart: offer.weekStart, uid: offer.uid, zone });
  if (!found) return null;
  const ctx = await loadRotaContext(db as DataSource, {
    weekStart: found.weekStart,
    zone,
    intervalMinutes: await intervalOf(db),
    now,
    withRequirement: false,
  });
  const agents = new Set((await listStaff(db)).filter((p) => p.role === 'agent').map((p) => p.id));
  return coverVerdicts(ctx, found, only)
    .filter((v) => agents.has(v.staffId) && !v.violations.length)
    .map((v) => v.staffId);
}

/** The coordinator offers an uncovered shift on the board; everyone eligible is told. */
export async function offerOpenShift(ctx: RequestsContext, form: OfferForm): Promise<Outcome<{ offer: OpenShiftRecord; told: number }>> {
  const found = await uncoveredShift(ctx.db, { weekStart: form.weekStart, uid: form.uid, zone: ctx.zone });
  if (!found) return { kind: 'notFound' };
  if (Date.parse(found.open.start) <= ctx.now.getTime()) return { kind: 'refused', key: 'openShifts.error.started' };
  if ((await listOpenShifts(ctx.db, { statuses: ['open', 'claimed'], uid: form.uid })).length)
    return { kind: 'refused', key: 'openShifts.error.offered' };
  const eligible = (await eligibleAgents(ctx.db, ctx.zone, ctx.now, { weekStart: found.weekStart, uid: form.uid })) ?? [];
  return withTransaction(ctx.db, async (tx) => {
    const offer = await createOpenShift(
      tx,
      {
        uid: found.open.uid,
        weekStart: found.weekStart,
        start: found.open.start,
        end: found.open.end,
        channel: found.open.channel,
        fromStaffId: found.open.staffId,
        autoApprove: form.autoApprove,
        offeredBy: ctx.actor.username,
      },
      nowIso(ctx),
    );
    await appendAudit(tx, {
      at: nowIso(ctx),
      userId: ctx.actor.userId,
      action: 'open_shift.offered',
      entity: 'open_shift',
      entityId: offer.id,
      detail: { uid: offer.uid, autoApprove: form.autoApprove, eligible },
    });
    await notifyStaff(
      tx,
      eligible.map((staffId) => ({ staffId, kind: 'openShift.available', params: shiftParams(offer) })),
      ctx.now,
    );
    return { kind: 'ok' as const, offer, told: eligible.length };
  });
}

const shiftParams = (o: OpenShiftRecord) => ({ openShiftId: o.id, start: o.start, end: o.end, channel: o.channel });

/** Gives the shift through the change path (or only checks it); a refusal carries the broken rules. */
async function take(tx: Db, ctx: RequestsContext, offer: OpenShiftRecord, staffId: number, dryRun: boolean): Promise<void> {
  const result = await assignCover(tx, {
    weekStart: offer.weekStart,
    uid: offer.uid,
    zone: ctx.zone,
    intervalMinutes: await intervalOf(tx),
    now: ctx.now,
    staffId,
    actor: { userId: ctx.actor.userId, username: ctx.actor.username },
    dryRun,
    fromBoard: true,
  });
  if (result.kind === 'gone' || result.kind === 'notFound') throw new Refused({ kind: 'refused', key: 'openShifts.error.covered' });
  if (result.kind === 'stale') throw new Refused({ kind: 'stale' });
  const broken: Violation[] =
    result.kind === 'refused' ? result.newViolations : result.kind === 'checked' ? hardViolations(result.newViolations) : [];
  if (broken.length) throw new Refused({ kind: 'refused', key: 'openShifts.error.rules', violations: broken, overridable: false });
}

function settle<T>(run: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  return guardStale(() =>
    run().catch((err: unknown) => {
      if (err instanceof Refused) return err.outcome;
      throw err;
    }),
  );
}

/**
 * An agent claims an open offer: first come, first served (the offer's version). The rules are
 * checked for them now; with auto-approve the shift is theirs at once, else it waits for the
 * coordinator.
 */
export async function claimOpenShift(
  ctx: RequestsContext,
  input: { id: number; version: number },
): Promise<Outcome<{ offer: OpenShiftRecord; approved: boolean }>> {
  const me = ctx.actor.staffId;
  if (me === null) return { kind: 'refused', key: 'requests.error.noStaff' };
  const offer = await getOpenShift(ctx.db, input.id);
  if (!offer || offer.status === 'withdrawn') return { kind: 'notFound' };
  if (offer.status !== 'open') return { kind: 'refused', key: 'openShifts.error.taken' };
  if (offer.version !== input.version) return { kind: 'stale' };
  if (Date.parse(offer.start) <= ctx.now.getTime()) return { kind: 'refused', key: 'openShifts.error.started' };
  return settle(() =>
    withTransaction(ctx.db, async (tx) => {
      let saved = await setOpenShiftState(tx, offer.id, input.version, { status: 'claimed', claimedByStaffId: me, claimedAt: nowIso(ctx) });
      await take(tx, ctx, offer, me, !offer.autoApprove);
      if (offer.autoApprove)
        saved = await setOpenShiftState(tx, offer.id, saved.version, { status: 'filled', decidedBy: null, decidedAt: nowIso(ctx) });
      await appendAudit(tx, {
        at: nowIso(ctx),
        userId: ctx.actor.userId,
        action: offer.autoApprove ? 'open_shift.taken' : 'open_shift.claimed',
        entity: 'open_shift',
        entityId: offer.id,
        detail: { uid: offer.uid, staffId: me },
      });
      return { kind: 'ok' as const, offer: saved, approved: offer.autoApprove };
    }),
  );
}

/** The coordinator approves (the shift moves, rules checked again now) or rejects a claim (the offer is open again). */
export async function decideOpenShift(
  ctx: RequestsContext,
  input: { id: number; version: number; approve: boolean },
): Promise<Outcome<{ offer: OpenShiftRecord }>> {
  const offer = await getOpenShift(ctx.db, input.id);
  if (!offer) return { kind: 'notFound' };
  if (offer.version !== input.version) return { kind: 'stale' };
  if (offer.status !== 'claimed' || offer.claimedByStaffId === null) return { kind: 'refused', key: 'openShifts.error.notClaimed' };
  const claimant = offer.claimedByStaffId;
  if (claimant === ctx.actor.staffId) return { kind: 'refused', key: 'requests.error.ownRequest' };
  return settle(() =>
    withTransaction(ctx.db, async (tx) => {
      const decided = { decidedBy: ctx.actor.username, decidedAt: nowIso(ctx) };
      const saved = input.approve
        ? await setOpenShiftState(tx, offer.id, input.version, { status: 'filled', ...decided })
        : await setOpenShiftState(tx, offer.id, input.version, { status: 'open', claimedByStaffId: null, claimedAt: null, ...decided });
      if (input.approve) await take(tx, ctx, offer, claimant, false);
      await appendAudit(tx, {
        at: nowIso(ctx),
        userId: ctx.actor.userId,
        action: input.approve ? 'open_shift.approved' : 'open_shift.rejected',
        entity: 'open_shift',
        entityId: offer.id,
        detail: { uid: offer.uid, staffId: claimant },
      });
      await notifyStaff(
        tx,
        [
          {
            staffId: claimant,
            kind: 'openShift.decided',
            params: { ...shiftParams(offer), status: input.approve ? 'approved' : 'rejected' },
          },
        ],
        ctx.now,
      );
      return { kind: 'ok' as const, offer: saved };
    }),
  );
}

/** The coordinator takes the offer off the board (a claim waiting on it is told). */
export async function withdrawOpenShift(
  ctx: RequestsContext,
  input: { id: number; version: number },
): Promise<Outcome<{ offer: OpenShiftRecord }>> {
  const offer = await getOpenShift(ctx.db, input.id);
  if (!offer) return { kind: 'notFound' };
  if (offer.version !== input.version) return { kind: 'stale' };
  if (offer.status !== 'open' && offer.status !== 'claimed') return { kind: 'refused', key: 'openShifts.error.notOpen' };
  return settle(() =>
    withTransaction(ctx.db, async (tx) => {
      const saved = await setOpenShiftState(tx, offer.id, input.version, {
        status: 'withdrawn',
        decidedBy: ctx.actor.username,
        decidedAt: nowIso(ctx),
      });
      await appendAudit(tx, {
        at: nowIso(ctx),
        userId: ctx.actor.userId,
        action: 'open_shift.withdrawn',
        entity: 'open_shift',
        entityId: offer.id,
      });
      if (offer.claimedByStaffId !== null)
        await notifyStaff(
          tx,
          [{ staffId: offer.claimedByStaffId, kind: 'openShift.decided', params: { ...shiftParams(offer), status: 'withdrawn' } }],
          ctx.now,
        );
      return { kind: 'ok' as const, offer: saved };
    }),
  );
}

/** The board: what the person could take, their claims, and (for deciders) every live offer. */
export async function openShiftBoard(ctx: RequestsContext, opts: { withAll: boolean }): Promise<OpenShiftBoard> {
  const people = new Map<number, StaffMember>((await listStaff(ctx.db)).map((p) => [p.id, p]));
  const nameOf = (id: number | null) => (id === null ? '' : (people.get(id)?.name ?? `#${id}`));
  const live = (await listOpenShifts(ctx.db, { statuses: ['open', 'claimed'] })).filter((o) => Date.parse(o.start) > ctx.now.getTime());
  const item = (o: OpenShiftRecord, eligibleCount: number | null): BoardItem => ({
    ...o,
    fromName: nameOf(o.fromStaffId),
    claimedByName: nameOf(o.claimedByStaffId),
    eligibleCount,
  });
  const me = ctx.actor.staffId;
  const forMe: BoardItem[] = [];
  const all: BoardItem[] = [];
  for (const o of live) {
    const mine = me !== null && o.status === 'open' ? await eligibleAgents(ctx.db, ctx.zone, ctx.now, o, [me]) : null;
    if (mine?.includes(me!)) forMe.push(item(o, null));
    if (opts.withAll) all.push(item(o, o.status === 'open' ? ((await eligibleAgents(ctx.db, ctx.zone, ctx.now, o))?.length ?? 0) : null));
  }
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.zone }).toISODate()!;
  const headroom: HeadroomWeek[] = [];
  for (const weeks of [0, 1]) {
    const weekStart = DateTime.fromISO(mondayOf(today, ctx.zone), { zone: ctx.zone }).plus({ weeks }).toISODate()!;
    const week = await weekHeadroom(ctx.db, { weekStart, zone: ctx.zone, now: ctx.now });
    headroom.push({ ...week, days: week.days.filter((d) => d.date >= today) });
  }
  return {
    forMe,
    myClaims: me === null ? [] : live.filter((o) => o.status === 'claimed' && o.claimedByStaffId === me).map((o) => item(o, null)),
    all: opts.withAll ? all : null,
    headroom,
  };
}
