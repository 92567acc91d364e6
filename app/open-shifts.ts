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
import { getStaff, listStaff, type StaffMember } from '../models/repositories/staff';
import { getTeamSettings } from '../models/repositories/settings';
import { listShifts, publishedRotaForWeek } from '../models/repositories/rotas';
import { teamIdOrDefault, teamOfShift } from './team-scope';
import { createOpenShift, getOpenShift, listOpenShifts, setOpenShiftState, type OpenShiftRecord } from '../models/repositories/open-shifts';
import type { Violation } from '../scheduling';
import { loadRotaContext } from './rota-problem';
import { assignCover, coverVerdicts, uncoveredShift } from './rota-cover';
import { applyRotaChange, freshHardForPeople, hardViolations, weekViolations } from './rota-change';
import { guardStale, outsideTeam, type Outcome, type RequestsContext } from './time-off';
import { notifyStaff } from './notify';
import { swapImpact, worseDays } from './request-impact';
import { getRotaShift, openSwapsForShift, publishedShifts, type RotaShift } from '../models/repositories/requests';
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
  /** The person's own future shifts they could put on the board. */
  offerable: RotaShift[];
  /** Offers of the person's own shifts still on the board. */
  myOffers: BoardItem[];
  /** The person's own claims waiting for the coordinator. */
  myClaims: BoardItem[];
  /** Every open or claimed offer (for those who decide), else null. */
  all: BoardItem[] | null;
  /** This week and next, from today: how many more could be off each day (app/headroom.ts). */
  headroom: HeadroomWeek[];
}

const nowIso = (ctx: RequestsContext) => ctx.now.toISOString();
const intervalOf = async (db: Db, teamId?: number) => (await getTeamSettings(db, teamId))?.intervalMinutes ?? 60;

/** Carries a refusal out of a transaction so that it rolls back. */
class Refused extends Error {
  constructor(readonly outcome: Outcome<never>) {
    super('open shift refused');
  }
}

type OfferShape = Pick<OpenShiftRecord, 'weekStart' | 'uid' | 'source' | 'fromStaffId'>;

/**
 * The team an offer belongs to: the offering person's, or for an uncovered shift the team whose
 * rota held it. Only that team's agents see, get and take it.
 */
async function offerTeam(db: Db, offer: OfferShape): Promise<number> {
  const owner = offer.fromStaffId === null ? null : (await getStaff(db, offer.fromStaffId))?.teamId;
  return owner ?? (await teamOfShift(db, offer.weekStart, [offer.uid])) ?? (await teamIdOrDefault(db));
}

/** An agent's own shift on the board: still theirs in the published rota, with the week's shifts. */
async function offeredShift(db: Db, offer: OfferShape) {
  const teamId = await offerTeam(db, offer);
  const published = await publishedRotaForWeek(db, teamId, offer.weekStart);
  if (!published) return null;
  const shifts = await listShifts(db, published.id);
  const shift = shifts.find((s) => s.uid === offer.uid && s.staffId === offer.fromStaffId);
  return shift ? { shift, shifts } : null;
}

/**
 * The agents (role agent, active that week) who could work the offered shift now, by staff id:
 * an uncovered shift given to them (the cover check), or an agent's shift handed to them (the
 * offerer and they are checked again); null when the offer no longer matches the rota.
 */
async function eligibleAgents(db: Db, zone: string, now: Date, offer: OfferShape, only?: number[]) {
  // An offer goes to agents of its team only, checked against that team's week.
  const teamId = await offerTeam(db, offer);
  const agents = new Set((await listStaff(db, { teamId })).filter((p) => p.role === 'agent').map((p) => p.id));
  const context = (weekStart: string) =>
    intervalOf(db, teamId).then((intervalMinutes) =>
      loadRotaContext(db as DataSource, { teamId, weekStart, zone, intervalMinutes, now, withRequirement: false }),
    );
  if (offer.source === 'agent') {
    const found = await offeredShift(db, offer);
    if (!found) return null;
    const ctx = await context(offer.weekStart);
    const before = weekViolations(ctx.problem, found.shifts, zone);
    const out: number[] = [];
    for (const person of ctx.problem.staff) {
      const id = Number(person.id);
      if (id === offer.fromStaffId || !agents.has(id) || (only && !only.includes(id))) continue;
      const after = found.shifts.map((s) => (s.uid === offer.uid ? { ...s, staffId: id } : s));
      if (!freshHardForPeople(ctx.problem, before, after, new Set([offer.fromStaffId, id]), zone).length) out.push(id);
    }
    return out;
  }
  const found = await uncoveredShift(db, { weekStart: offer.weekStart, uid: offer.uid, zone });
  if (!found) return null;
  const ctx = await context(found.weekStart);
  return coverVerdicts(ctx, found, only)
    .filter((v) => agents.has(v.staffId) && !v.violations.length)
    .map((v) => v.staffId);
}

/** The coordinator offers an uncovered shift on the board; everyone eligible is told. */
export async function offerOpenShift(ctx: RequestsContext, form: OfferForm): Promise<Outcome<{ offer: OpenShiftRecord; told: number }>> {
  const found = await uncoveredShift(ctx.db, { weekStart: form.weekStart, uid: form.uid, zone: ctx.zone });
  if (!found) return { kind: 'notFound' };
  // Only the team's own uncovered shift (another team's rota is not the page's to offer).
  if (ctx.teamId !== undefined && found.published.teamId !== ctx.teamId) return { kind: 'notFound' };
  if (Date.parse(found.open.start) <= ctx.now.getTime()) return { kind: 'refused', key: 'openShifts.error.started' };
  if ((await listOpenShifts(ctx.db, { statuses: ['open', 'claimed'], uid: form.uid })).length)
    return { kind: 'refused', key: 'openShifts.error.offered' };
  const eligible =
    (await eligibleAgents(ctx.db, ctx.zone, ctx.now, {
      weekStart: found.weekStart,
      uid: form.uid,
      source: 'uncovered',
      fromStaffId: found.open.staffId,
    })) ?? [];
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
  const deps = { zone: ctx.zone, intervalMinutes: await intervalOf(tx, await offerTeam(tx, offer)), now: ctx.now };
  const actor = { userId: ctx.actor.userId, username: ctx.actor.username };
  let result: Awaited<ReturnType<typeof assignCover>>;
  if (offer.source === 'agent') {
    // Still the offerer's in the published rota, or the offer is over.
    if (!(await offeredShift(tx, offer))) throw new Refused({ kind: 'refused', key: 'openShifts.error.notOpen' });
    result = await applyRotaChange(
      { ds: tx, ...deps },
      {
        weekStart: offer.weekStart,
        operation: { kind: 'reassign', moves: [{ uid: offer.uid, toStaffId: staffId }], openShiftId: offer.id },
        actor,
        dryRun,
      },
    );
  } else {
    result = await assignCover(tx, { weekStart: offer.weekStart, uid: offer.uid, ...deps, staffId, actor, dryRun, fromBoard: true });
  }
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
  if (offer.fromStaffId === me) return { kind: 'refused', key: 'openShifts.error.own' };
  // An offer is for its own team (the board shows it to no one else).
  if ((await offerTeam(ctx.db, offer)) !== (await getStaff(ctx.db, me))?.teamId) return { kind: 'notFound' };
  const atOnce = offer.source === 'agent' ? await costsNoService(ctx, offer, me) : offer.autoApprove;
  return settle(() =>
    withTransaction(ctx.db, async (tx) => {
      let saved = await setOpenShiftState(tx, offer.id, input.version, { status: 'claimed', claimedByStaffId: me, claimedAt: nowIso(ctx) });
      await take(tx, ctx, offer, me, !atOnce);
      if (atOnce) {
        saved = await setOpenShiftState(tx, offer.id, saved.version, { status: 'filled', decidedBy: null, decidedAt: nowIso(ctx) });
        await tellOfferer(tx, ctx, offer, me);
      }
      await appendAudit(tx, {
        at: nowIso(ctx),
        userId: ctx.actor.userId,
        action: atOnce ? 'open_shift.taken' : 'open_shift.claimed',
        entity: 'open_shift',
        entityId: offer.id,
        detail: { uid: offer.uid, staffId: me },
      });
      return { kind: 'ok' as const, offer: saved, approved: atOnce };
    }),
  );
}

/**
 * An agent's shift handed to a colleague is approved at once when the service does not suffer:
 * the cost of the change (request-impact.ts, the one projection) makes no day worse. With the
 * rules holding (skills included) the same shift in other hands usually costs nothing; the
 * coordinator decides the rest.
 */
async function costsNoService(ctx: RequestsContext, offer: OpenShiftRecord, to: number): Promise<boolean> {
  const found = await offeredShift(ctx.db, offer);
  const shift = found ? await getRotaShift(ctx.db, found.shift.id) : null;
  if (!shift) return false;
  const impact = await swapImpact(
    { db: ctx.db, zone: ctx.zone, now: ctx.now },
    { requesterStaffId: offer.fromStaffId, targetStaffId: to },
    shift,
    null,
  );
  return worseDays(impact).length === 0;
}

/** The agent who offered their shift hears who took it. */
async function tellOfferer(tx: Db, ctx: RequestsContext, offer: OpenShiftRecord, to: number): Promise<void> {
  if (offer.source !== 'agent') return;
  const taker = (await listStaff(tx)).find((p) => p.id === to);
  await notifyStaff(
    tx,
    [{ staffId: offer.fromStaffId, kind: 'openShift.taken', params: { ...shiftParams(offer), to: taker?.name ?? '' } }],
    ctx.now,
  );
}

/** An agent puts one of their own published, future shifts on the board for everyone who could take it. */
export async function offerMyShift(
  ctx: RequestsContext,
  input: { shiftId: number },
): Promise<Outcome<{ offer: OpenShiftRecord; told: number }>> {
  const me = ctx.actor.staffId;
  if (me === null) return { kind: 'refused', key: 'requests.error.noStaff' };
  const shift = await getRotaShift(ctx.db, input.shiftId);
  if (!shift || shift.staffId !== me || shift.rotaStatus !== 'published') return { kind: 'notFound' };
  if (Date.parse(shift.start) <= ctx.now.getTime()) return { kind: 'refused', key: 'openShifts.error.started' };
  if ((await openSwapsForShift(ctx.db, shift.id)).length) return { kind: 'refused', key: 'requests.error.swapOpen' };
  if ((await listOpenShifts(ctx.db, { statuses: ['open', 'claimed'], uid: shift.uid })).length)
    return { kind: 'refused', key: 'openShifts.error.offered' };
  const shape = { weekStart: shift.weekStart, uid: shift.uid, source: 'agent' as const, fromStaffId: me };
  const eligible = (await eligibleAgents(ctx.db, ctx.zone, ctx.now, shape)) ?? [];
  return withTransaction(ctx.db, async (tx) => {
    const offer = await createOpenShift(
      tx,
      { ...shape, start: shift.start, end: shift.end, channel: shift.channel, autoApprove: false, offeredBy: ctx.actor.username },
      nowIso(ctx),
    );
    await appendAudit(tx, {
      at: nowIso(ctx),
      userId: ctx.actor.userId,
      action: 'open_shift.offered',
      entity: 'open_shift',
      entityId: offer.id,
      detail: { uid: offer.uid, source: 'agent', eligible },
    });
    await notifyStaff(
      tx,
      eligible.map((staffId) => ({ staffId, kind: 'openShift.available', params: shiftParams(offer) })),
      ctx.now,
    );
    return { kind: 'ok' as const, offer, told: eligible.length };
  });
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
  if (await outsideTeam(ctx, claimant)) return { kind: 'notFound' };
  if (claimant === ctx.actor.staffId) return { kind: 'refused', key: 'requests.error.ownRequest' };
  return settle(() =>
    withTransaction(ctx.db, async (tx) => {
      const decided = { decidedBy: ctx.actor.username, decidedAt: nowIso(ctx) };
      const saved = input.approve
        ? await setOpenShiftState(tx, offer.id, input.version, { status: 'filled', ...decided })
        : await setOpenShiftState(tx, offer.id, input.version, { status: 'open', claimedByStaffId: null, claimedAt: null, ...decided });
      if (input.approve) {
        await take(tx, ctx, offer, claimant, false);
        await tellOfferer(tx, ctx, offer, claimant);
      }
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

/** The coordinator, or the agent who offered their shift, takes the offer off the board (a claim waiting on it is told). */
export async function withdrawOpenShift(
  ctx: RequestsContext,
  input: { id: number; version: number; canDecide: boolean },
): Promise<Outcome<{ offer: OpenShiftRecord }>> {
  const offer = await getOpenShift(ctx.db, input.id);
  const offerer = offer?.source === 'agent' && offer.fromStaffId === ctx.actor.staffId;
  if (!offer || !(input.canDecide || offerer)) return { kind: 'notFound' };
  // A coordinator withdraws only what people of the team offered.
  if (!offerer && offer.fromStaffId !== null && (await outsideTeam(ctx, offer.fromStaffId))) return { kind: 'notFound' };
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
  // An offer stays in its team (offerTeam): on my board if I am of it, on the coordinator's if
  // the page's team is.
  const myTeam = me === null ? undefined : people.get(me)?.teamId;
  for (const o of live) {
    const team = await offerTeam(ctx.db, o);
    const forMyTeam = team === myTeam;
    const forThisPage = ctx.teamId === undefined || team === ctx.teamId;
    const mine =
      forMyTeam && me !== null && o.status === 'open' && o.fromStaffId !== me
        ? await eligibleAgents(ctx.db, ctx.zone, ctx.now, o, [me])
        : null;
    if (mine?.includes(me!)) forMe.push(item(o, null));
    if (opts.withAll && forThisPage)
      all.push(item(o, o.status === 'open' ? ((await eligibleAgents(ctx.db, ctx.zone, ctx.now, o))?.length ?? 0) : null));
  }
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.zone }).toISODate()!;
  const headroom: HeadroomWeek[] = [];
  for (const weeks of [0, 1]) {
    const weekStart = DateTime.fromISO(mondayOf(today, ctx.zone), { zone: ctx.zone }).plus({ weeks }).toISODate()!;
    // The page's team (an agent's own): its channels, people and rota, never another team's.
    const week = await weekHeadroom(ctx.db, { weekStart, zone: ctx.zone, now: ctx.now, teamId: ctx.teamId ?? myTeam ?? undefined });
    headroom.push({ ...week, days: week.days.filter((d) => d.date >= today) });
  }
  // My own future published shifts that could go on the board (not offered, not in a swap already).
  const offered = new Set(live.map((o) => o.uid));
  const horizon = new Date(ctx.now.getTime() + 42 * 86_400_000).toISOString();
  const mineUpcoming = me === null ? [] : await publishedShifts(ctx.db, { staffIds: [me], from: ctx.now.toISOString(), to: horizon });
  const offerable = [];
  for (const s of mineUpcoming.filter((x) => Date.parse(x.start) > ctx.now.getTime() && !offered.has(x.uid)))
    if (!(await openSwapsForShift(ctx.db, s.id)).length) offerable.push(s);
  return {
    forMe,
    offerable: offerable.sort((a, b) => a.start.localeCompare(b.start)),
    myOffers: me === null ? [] : live.filter((o) => o.source === 'agent' && o.fromStaffId === me).map((o) => item(o, null)),
    myClaims: me === null ? [] : live.filter((o) => o.status === 'claimed' && o.claimedByStaffId === me).map((o) => item(o, null)),
    all: opts.withAll ? all : null,
    headroom,
  };
}
