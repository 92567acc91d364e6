/**
 * Overtime and voluntary time off offered from the intraday page (issue #12), as open shifts
 * are (app/open-shifts.ts): sent to everyone eligible, first to accept gets it, notifications
 * through app/notify.ts, the change through the one change path (applyRotaChange).
 *
 * An offer is a stretch of today [start, end) on one channel:
 * - overtime: work the stretch. An agent whose shift today on that channel ends at `start`
 *   works on to `end` (the shift extended); an agent off today works it as a new shift (lunch
 *   in the middle, as a call-in), when the stretch is at least the shortest shift length.
 * - vto: go home at `start`. An agent whose shift today on that channel ends at `end` leaves
 *   at `start` (the shift shortened), or does not come in when it starts at `start`.
 * Eligible = the change keeps every hard rule for them (the change path's check: skills,
 * rest, hours, time off, breaks, opening hours); only the planning grid's shift lengths give
 * way, by agreement (rota-change.ts allowsAnyLength). The rules are checked again when someone
 * accepts. Once the stretch has begun only its rest can be taken (from the next interval); at
 * `end` the offer expires.
 *
 * The effect shown before sending is the one projection (projectToday) of the change of the
 * first eligible agent (extensions first): what the offer buys when somebody takes it.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { withTransaction, type Db } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { listStaff } from '../models/repositories/staff';
import { getChannel, listChannels } from '../models/repositories/settings';
import { getUser } from '../models/repositories/users';
import { listRotasForWeek, listShifts, newShiftUid, publishedRotaForWeek, type ShiftRecord } from '../models/repositories/rotas';
import {
  createIntradayOffer,
  getIntradayOffer,
  listIntradayOffers,
  setIntradayOfferState,
  type IntradayOfferKind,
  type IntradayOfferRecord,
} from '../models/repositories/intraday-offers';
import { StaleEditError } from '../models/errors';
import { channelsOfShift, reshape, type ActionSpec, type ShapedShift, type TodayShift, type Violation } from '../scheduling';
import { mondayOf } from '../forecasting/week';
import { applyRotaChange, freshHardForPeople, hardViolations, weekViolations } from './rota-change';
import { loadRotaContext, rotaRules } from './rota-problem';
import { loadTeamSettings } from './team-settings';
import { teamIdOrDefault } from './team-scope';
import { loadIntraday, projectToday, restOfDay, type IntradayInputs } from './intraday-today';
import type { ChannelEffect } from './intraday-actions';
import { notifyStaff } from './notify';
import type { Outcome, RequestsContext } from './time-off';

export type { IntradayOfferRecord, IntradayOfferKind };

export interface OfferStretch {
  kind: IntradayOfferKind;
  channel: string;
  start: string;
  end: string;
}

/** One agent's change if they take the offer. */
export interface OfferChange {
  staffId: number;
  name: string;
  /** 'extend' | 'callIn' (overtime), 'shorten' | 'stayHome' (vto). */
  how: 'extend' | 'callIn' | 'shorten' | 'stayHome';
  uid: string | null;
  shift: ShapedShift | null;
}

export interface OfferPreview {
  stretch: OfferStretch;
  eligible: OfferChange[];
  /** The projected effect of the first eligible agent's change (rest of the day, per channel). */
  effects: ChannelEffect[];
  /** Why it cannot be sent (a catalogue key), else null. */
  refusal: string | null;
}

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const nowIso = (ctx: RequestsContext) => ctx.now.toISOString();

/** Carries a refusal out of a transaction so that it rolls back. */
class Refused extends Error {
  constructor(readonly outcome: Outcome<never>) {
    super('intraday offer refused');
  }
}

interface Today {
  /** The team whose day it is: its rota, people and channels. */
  teamId: number;
  zone: string;
  intervalMinutes: number;
  weekStart: string;
  dayStart: number;
  dayEnd: number;
  /** Start of the next interval: nothing before it changes. */
  next: number;
}

async function todayOf(db: Db, now: Date, fallbackZone: string, teamId?: number): Promise<Today & { rules: ReturnType<typeof rotaRules> }> {
  const id = await teamIdOrDefault(db, teamId);
  const team = await loadTeamSettings(db as DataSource, { fallbackZone, teamId: id });
  const zone = team.timeZone;
  const local = DateTime.fromJSDate(now, { zone });
  const dayStart = local.startOf('day').toMillis();
  const step = team.intervalMinutes * 60_000;
  return {
    teamId: id,
    zone,
    intervalMinutes: team.intervalMinutes,
    weekStart: mondayOf(local.toISODate()!, zone),
    dayStart,
    dayEnd: local.startOf('day').plus({ days: 1 }).toMillis(),
    next: dayStart + (Math.floor((now.getTime() - dayStart) / step) + 1) * step,
    rules: rotaRules(team.rules),
  };
}

/** The stretch still to come: from the next interval at the earliest (null when nothing is left). */
function remaining(s: OfferStretch, t: Today): OfferStretch | null {
  const start = Math.max(ms(s.start), t.next);
  return start < ms(s.end) ? { ...s, start: iso(start) } : null;
}

/** The agent's change for the stretch, or null when the stretch does not fit their day. */
export function changeFor(
  s: OfferStretch,
  person: { staffId: number; skills: string[] },
  todays: TodayShift[],
  o: { rules: ReturnType<typeof rotaRules>; intervalMinutes: number },
): Pick<OfferChange, 'how' | 'uid' | 'shift'> | null {
  const a = ms(s.start);
  const b = ms(s.end);
  const on = (x: TodayShift) => channelsOfShift(x).includes(s.channel);
  const spec = (kind: ActionSpec['kind'], x: TodayShift | null, from: number, to: number): ActionSpec => ({
    kind,
    staffId: person.staffId,
    uid: x?.uid ?? null,
    from: iso(from),
    to: iso(to),
    ...(x ? {} : { channel: s.channel }),
  });
  if (s.kind === 'overtime') {
    if (!todays.length) {
      const shortest = Math.min(...o.rules.shiftLengthsHours) * 3_600_000;
      if (!person.skills.includes(s.channel) || b - a < shortest) return null;
      const c = reshape(spec('callIn', null, a, b), null, o);
      return c ? { how: 'callIn', uid: null, shift: c.shift } : null;
    }
    const x = todays.find((y) => ms(y.end) === a && on(y));
    const c = x && reshape(spec('extendShift', x, a, b), x, o);
    return c && x ? { how: 'extend', uid: x.uid, shift: c.shift } : null;
  }
  const x = todays.find((y) => ms(y.end) === b && on(y) && ms(y.start) <= a);
  if (!x || x.locked) return null;
  if (ms(x.start) === a) return { how: 'stayHome', uid: x.uid, shift: null };
  const c = reshape(spec('shortenShift', x, a, b), x, o);
  return c ? { how: 'shorten', uid: x.uid, shift: c.shift } : null;
}

/** The shifts after one agent's change. */
function withChange(shifts: ShiftRecord[], c: Pick<OfferChange, 'uid' | 'shift' | 'staffId'>): ShiftRecord[] {
  if (c.uid === null) {
    if (!c.shift) return shifts;
    const added: ShiftRecord = {
      ...c.shift,
      id: -1,
      rotaId: -1,
      note: null,
      uid: 'offer',
      sequence: 0,
      version: 0,
      updatedAt: '',
      updatedBy: null,
    };
    return [...shifts, added];
  }
  return shifts.flatMap((s) => (s.uid !== c.uid ? [s] : c.shift ? [{ ...s, ...c.shift }] : []));
}

/** Today's rota (the published revision, else the newest draft) and its shifts. */
async function todaysRota(db: Db, weekStart: string, teamId: number) {
  const rota = (await publishedRotaForWeek(db, teamId, weekStart)) ?? (await listRotasForWeek(db, teamId, weekStart))[0] ?? null;
  return rota ? { rota, shifts: await listShifts(db, rota.id) } : null;
}

/**
 * The agents (role agent) who could take the stretch now, each with their change, extensions
 * and shortenings before call-ins; `only` limits the check to these staff ids.
 */
async function eligibleFor(db: Db, now: Date, t: Today & { rules: ReturnType<typeof rotaRules> }, s: OfferStretch, only?: number[]) {
  const found = await todaysRota(db, t.weekStart, t.teamId);
  if (!found) return { shifts: [] as ShiftRecord[], list: [] as OfferChange[] };
  // The team's agents only: an offer is never sent to another team's people.
  const agents = new Map((await listStaff(db, { teamId: t.teamId })).filter((p) => p.role === 'agent').map((p) => [p.id, p]));
  const ctx = await loadRotaContext(db as DataSource, {
    teamId: t.teamId,
    weekStart: t.weekStart,
    zone: t.zone,
    intervalMinutes: t.intervalMinutes,
    now,
    withRequirement: false,
  });
  const before = weekViolations(ctx.problem, found.shifts, t.zone);
  const list: OfferChange[] = [];
  for (const m of ctx.problem.staff) {
    const staffId = Number(m.id);
    const person = agents.get(staffId);
    if (!person || (only && !only.includes(staffId))) continue;
    const todays = found.shifts.filter((x) => x.staffId === staffId && ms(x.end) > t.dayStart && ms(x.start) < t.dayEnd) as TodayShift[];
    const change = changeFor(s, { staffId, skills: m.skills }, todays, t);
    if (!change) continue;
    const after = withChange(found.shifts, { ...change, staffId });
    const broken = freshHardForPeople(ctx.problem, before, after, new Set([staffId]), t.zone).filter((v) => v.rule !== 'shiftLength');
    if (!broken.length) list.push({ staffId, name: person.name, ...change });
  }
  const order = { extend: 0, shorten: 0, stayHome: 1, callIn: 1 };
  return { shifts: found.shifts, list: list.sort((x, y) => order[x.how] - order[y.how]) };
}

/** One agent's change as the rota stands, rules not checked (the change path does that). */
async function fitFor(db: Db, t: Today & { rules: ReturnType<typeof rotaRules> }, s: OfferStretch, staffId: number) {
  const found = await todaysRota(db, t.weekStart, t.teamId);
  const person = (await listStaff(db, { teamId: t.teamId })).find((p) => p.id === staffId);
  if (!found || !person) return null;
  const todays = found.shifts.filter((x) => x.staffId === staffId && ms(x.end) > t.dayStart && ms(x.start) < t.dayEnd) as TodayShift[];
  const change = changeFor(s, { staffId, skills: person.skills }, todays, t);
  return change ? { staffId, name: person.name, ...change } : null;
}

/** A stretch the coordinator may offer: today, on the grid, not begun, on a channel of the team. */
function stretchRefusal(s: OfferStretch, t: Today, channels: string[]): string | null {
  const a = ms(s.start);
  const b = ms(s.end);
  const step = t.intervalMinutes * 60_000;
  if (!channels.includes(s.channel) || !Number.isFinite(a) || !Number.isFinite(b) || b <= a) return 'intradayOffers.error.stretch';
  if ((a - t.dayStart) % step !== 0 || (b - t.dayStart) % step !== 0 || b > t.dayEnd) return 'intradayOffers.error.stretch';
  if (a < t.next) return 'intradayOffers.error.past';
  return null;
}

function effectsOf(x: IntradayInputs, change: OfferChange | undefined): ChannelEffect[] {
  if (!change) return [];
  const before = projectToday(x, x.week.shifts, { withRisk: false });
  const after = projectToday(x, withChange(x.week.shifts, change), { withRisk: false });
  const slOf = (r: (typeof before)[number]) => (r.overloaded ? 0 : (r.serviceLevel ?? 0));
  const out: ChannelEffect[] = [];
  for (const ch of x.week.channels) {
    const b = before.filter((r) => r.channel === ch.id && ms(r.start) >= x.day.current);
    const a = after.filter((r) => r.channel === ch.id && ms(r.start) >= x.day.current);
    const rows = b.flatMap((r, i) => {
      const n = a[i]!;
      if (Math.abs(n.onQueue - r.onQueue) < 1e-6) return [];
      return [
        {
          start: r.start,
          onQueueBefore: r.onQueue,
          onQueueAfter: n.onQueue,
          serviceLevelBefore: r.volume > 0 ? slOf(r) : null,
          serviceLevelAfter: n.volume > 0 ? slOf(n) : null,
          asaBefore: r.volume > 0 && !r.overloaded ? r.asaSeconds : null,
          asaAfter: n.volume > 0 && !n.overloaded ? n.asaSeconds : null,
        },
      ];
    });
    if (rows.length) out.push({ channel: ch.id, before: restOfDay(b), after: restOfDay(a), rows });
  }
  return out;
}

/** What an offer would buy and who could take it, before it is sent. */
export async function previewIntradayOffer(
  ds: DataSource,
  q: { now: Date; zone: string; stretch: OfferStretch; teamId?: number },
): Promise<OfferPreview> {
  const t = await todayOf(ds, q.now, q.zone, q.teamId);
  const x = await loadIntraday(ds, { now: q.now, zone: t.zone, teamId: t.teamId });
  const refusal = stretchRefusal(
    q.stretch,
    t,
    x.week.channels.map((c) => c.id),
  );
  if (refusal) return { stretch: q.stretch, eligible: [], effects: [], refusal };
  const { list } = await eligibleFor(ds, q.now, t, q.stretch);
  return {
    stretch: q.stretch,
    eligible: list,
    effects: effectsOf(x, list[0]),
    refusal: list.length ? null : 'intradayOffers.error.nobody',
  };
}

/** An offer's team: the team that answers its channel (the default team's, for a channel without one). */
async function offerTeam(db: Db, offer: IntradayOfferRecord): Promise<number> {
  return teamIdOrDefault(db, (await getChannel(db, offer.channel))?.teamId);
}

const offerParams = (o: IntradayOfferRecord) => ({ offerId: o.id, kind: o.kind, start: o.start, end: o.end, channel: o.channel });

/** The coordinator sends the offer: everyone eligible now is told. */
export async function sendIntradayOffer(
  ctx: RequestsContext,
  stretch: OfferStretch,
): Promise<Outcome<{ offer: IntradayOfferRecord; told: number }>> {
  const preview = await previewIntradayOffer(ctx.db, { now: ctx.now, zone: ctx.zone, stretch, teamId: ctx.teamId });
  if (preview.refusal) return { kind: 'refused', key: preview.refusal };
  const eligible = preview.eligible.map((e) => e.staffId);
  return withTransaction(ctx.db, async (tx) => {
    const offer = await createIntradayOffer(
      tx,
      { ...stretch, eligible, offeredByUserId: ctx.actor.userId, offeredBy: ctx.actor.username },
      nowIso(ctx),
    );
    await appendAudit(tx, {
      at: nowIso(ctx),
      userId: ctx.actor.userId,
      action: 'intraday_offer.sent',
      entity: 'intraday_offer',
      entityId: offer.id,
      detail: { ...stretch, eligible },
    });
    await notifyStaff(
      tx,
      eligible.map((staffId) => ({ staffId, kind: 'intradayOffer.available', params: offerParams(offer) })),
      ctx.now,
    );
    return { kind: 'ok' as const, offer, told: eligible.length };
  });
}

/** Marks open offers whose stretch is over as expired (read paths call it first). */
export async function expireIntradayOffers(db: Db, now: Date): Promise<number> {
  let n = 0;
  for (const o of await listIntradayOffers(db, { statuses: ['open'] })) {
    if (ms(o.end) > now.getTime()) continue;
    try {
      await setIntradayOfferState(db, o.id, o.version, { status: 'expired', closedAt: now.toISOString() });
      n++;
    } catch (err) {
      if (!(err instanceof StaleEditError)) throw err;
    }
  }
  return n;
}

/**
 * An agent accepts: the first wins (a compare-and-set on the offer's version), the rules are
 * checked for them now and the change goes through the change path in the same transaction;
 * a refusal rolls the claim back, so the offer stays open for the others.
 */
export async function acceptIntradayOffer(
  ctx: RequestsContext,
  input: { id: number; version: number },
): Promise<Outcome<{ offer: IntradayOfferRecord }>> {
  const me = ctx.actor.staffId;
  if (me === null) return { kind: 'refused', key: 'requests.error.noStaff' };
  const offer = await getIntradayOffer(ctx.db, input.id);
  if (!offer || offer.status === 'withdrawn' || !offer.eligible.includes(me)) return { kind: 'notFound' };
  const closed = (o: IntradayOfferRecord): Outcome<never> | null =>
    o.status === 'taken'
      ? { kind: 'refused', key: 'intradayOffers.error.taken' }
      : o.status === 'withdrawn'
        ? { kind: 'notFound' }
        : o.status === 'expired' || ms(o.end) <= ctx.now.getTime()
          ? { kind: 'refused', key: 'intradayOffers.error.expired' }
          : null;
  const shut = closed(offer);
  if (shut) return shut;
  if (offer.version !== input.version) return { kind: 'stale' };
  const t = await todayOf(ctx.db, ctx.now, ctx.zone, await offerTeam(ctx.db, offer));
  const stretch = remaining(offer, t);
  if (!stretch) return { kind: 'refused', key: 'intradayOffers.error.expired' };
  try {
    return await withTransaction(ctx.db, async (tx) => {
      const saved = await setIntradayOfferState(tx, offer.id, input.version, {
        status: 'taken',
        takenByStaffId: me,
        takenAt: nowIso(ctx),
      });
      // The change path checks the rules now (and refuses with them); here only whether the stretch still fits their day.
      const mine = await fitFor(tx, t, stretch, me);
      if (!mine) throw new Refused({ kind: 'refused', key: 'intradayOffers.error.rules' });
      const result = await applyRotaChange(
        { ds: tx, zone: t.zone, intervalMinutes: t.intervalMinutes, now: ctx.now },
        {
          teamId: t.teamId,
          weekStart: t.weekStart,
          operation: {
            kind: 'intraday',
            action: offer.kind,
            uid: mine.uid,
            shift: mine.shift ? { ...mine.shift, ...(mine.uid === null ? { uid: newShiftUid() } : {}) } : null,
          },
          actor: { userId: ctx.actor.userId, username: ctx.actor.username },
        },
      );
      if (result.kind === 'refused') {
        const violations: Violation[] = hardViolations(result.newViolations);
        throw new Refused({ kind: 'refused', key: 'intradayOffers.error.rules', violations, overridable: false });
      }
      if (result.kind !== 'applied') throw new Refused({ kind: 'refused', key: 'intradayOffers.error.rules' });
      await appendAudit(tx, {
        at: nowIso(ctx),
        userId: ctx.actor.userId,
        action: 'intraday_offer.taken',
        entity: 'intraday_offer',
        entityId: offer.id,
        detail: { ...stretch, kind: offer.kind, staffId: me, how: mine.how, rotaIds: result.changed.map((r) => r.id) },
      });
      const coordinator = offer.offeredByUserId === null ? null : await getUser(tx, offer.offeredByUserId);
      if (coordinator?.staffId != null)
        await notifyStaff(
          tx,
          [{ staffId: coordinator.staffId, kind: 'intradayOffer.taken', params: { ...offerParams(offer), to: mine.name } }],
          ctx.now,
        );
      return { kind: 'ok' as const, offer: saved };
    });
  } catch (err) {
    if (err instanceof Refused) return err.outcome;
    if (err instanceof StaleEditError) {
      // Someone was quicker (or the coordinator withdrew it): say which.
      const now = await getIntradayOffer(ctx.db, input.id);
      return (now && closed(now)) ?? { kind: 'stale' };
    }
    throw err;
  }
}

/** The coordinator takes an open offer back. */
export async function withdrawIntradayOffer(
  ctx: RequestsContext,
  input: { id: number; version: number },
): Promise<Outcome<{ offer: IntradayOfferRecord }>> {
  const offer = await getIntradayOffer(ctx.db, input.id);
  if (!offer || (ctx.teamId !== undefined && (await offerTeam(ctx.db, offer)) !== ctx.teamId)) return { kind: 'notFound' };
  if (offer.status !== 'open') return { kind: 'refused', key: 'intradayOffers.error.notOpen' };
  if (offer.version !== input.version) return { kind: 'stale' };
  try {
    return await withTransaction(ctx.db, async (tx) => {
      const saved = await setIntradayOfferState(tx, offer.id, input.version, {
        status: 'withdrawn',
        closedBy: ctx.actor.username,
        closedAt: nowIso(ctx),
      });
      await appendAudit(tx, {
        at: nowIso(ctx),
        userId: ctx.actor.userId,
        action: 'intraday_offer.withdrawn',
        entity: 'intraday_offer',
        entityId: offer.id,
      });
      return { kind: 'ok' as const, offer: saved };
    });
  } catch (err) {
    if (err instanceof StaleEditError) return { kind: 'refused', key: 'intradayOffers.error.notOpen' };
    throw err;
  }
}

export interface OfferListItem extends IntradayOfferRecord {
  takenByName: string;
}

/** Today's offers (open, taken, withdrawn, expired), for the coordinator's page. */
export async function todaysIntradayOffers(ds: DataSource, q: { now: Date; zone: string; teamId?: number }): Promise<OfferListItem[]> {
  await expireIntradayOffers(ds, q.now);
  const t = await todayOf(ds, q.now, q.zone, q.teamId);
  const channels = new Set((await listChannels(ds, t.teamId)).map((c) => c.id));
  const names = new Map((await listStaff(ds, { teamId: t.teamId })).map((p) => [p.id, p.name]));
  return (await listIntradayOffers(ds, { statuses: ['open', 'taken', 'withdrawn', 'expired'], endsAfter: iso(t.dayStart) }))
    .filter((o) => ms(o.start) < t.dayEnd && channels.has(o.channel))
    .map((o) => ({ ...o, takenByName: o.takenByStaffId === null ? '' : (names.get(o.takenByStaffId) ?? '') }));
}

export interface MyOffer extends IntradayOfferRecord {
  /** open and the rules hold for me now. */
  canAccept: boolean;
  mine: boolean;
}

/** The offers an agent was sent and that are not over: open ones they could take, and the ones taken (by them or someone else). */
export async function myIntradayOffers(ctx: RequestsContext): Promise<MyOffer[]> {
  const me = ctx.actor.staffId;
  if (me === null) return [];
  await expireIntradayOffers(ctx.db, ctx.now);
  const live = (await listIntradayOffers(ctx.db, { statuses: ['open', 'taken'], endsAfter: nowIso(ctx) })).filter((o) =>
    o.eligible.includes(me),
  );
  if (!live.length) return [];
  const out: MyOffer[] = [];
  for (const o of live) {
    const t = await todayOf(ctx.db, ctx.now, ctx.zone, await offerTeam(ctx.db, o));
    const stretch = o.status === 'open' ? remaining(o, t) : null;
    const canAccept = stretch !== null && (await eligibleFor(ctx.db, ctx.now, t, stretch, [me])).list.length > 0;
    out.push({ ...o, canAccept, mine: o.takenByStaffId === me });
  }
  return out;
}
