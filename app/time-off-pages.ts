/**
 * What the request pages show: an agent's own requests, shifts and colleagues (`myRequests`),
 * and the coordinator's inbox with each request's effect on the rota (`requestsInbox`).
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { getStaff, listStaff, type StaffMember } from '../models/repositories/staff';
import {
  getRotaShift,
  listSwaps,
  listTimeOff,
  publishedShifts,
  type RotaShift,
  type SwapRecord,
  type TimeOffRecord,
} from '../models/repositories/requests';

export type { RotaShift };
import { shiftsAffectedBy, type RequestsContext } from './time-off';
import { checkSwap, type SwapCheck } from './swap-check';
import { swapImpact, timeOffImpact, type ImpactContext, type RequestImpact } from './request-impact';
import { swapPicker, type SwapPicker } from './swap-picker';

export type { SwapPicker };

/** How far ahead the swap form offers shifts. */
const SWAP_HORIZON_DAYS = 42;

export interface TimeOffItem extends TimeOffRecord {
  staffName: string;
  affected: RotaShift[];
  /** Other people with approved time off on at least one of these days (inbox only). */
  othersOff: string[];
  /** What approving it does to the projected service of the days it touches (inbox only). */
  impact?: RequestImpact[];
}

export interface SwapItem extends SwapRecord {
  requesterName: string;
  targetName: string;
  shift: RotaShift | null;
  targetShift: RotaShift | null;
  check: SwapCheck | null;
  /** What approving it does to the projected service of the days it touches (inbox only). */
  impact?: RequestImpact[];
}

export interface MyRequests {
  staffId: number | null;
  timeOff: TimeOffItem[];
  swaps: SwapItem[];
  myShifts: RotaShift[];
  colleagueShifts: (RotaShift & { staffName: string })[];
  colleagues: { id: number; name: string }[];
  today: string;
  /** Requests waiting in the inbox (for those who decide them), else null. */
  inboxCount: number | null;
  /**
   * For the shift picked in the swap form: who and what keeps every rule, and why not the others.
   * Null until a shift is picked: it checks every colleague and colleague shift against the rules
   * (the page's dearest part), so the list view leaves it to the form (htmx, on picking a shift).
   */
  picker: SwapPicker | null;
}

export interface RequestsInbox {
  timeOff: TimeOffItem[];
  swaps: SwapItem[];
  recentTimeOff: TimeOffItem[];
  recentSwaps: SwapItem[];
}

const nameOf = (people: Map<number, StaffMember>, id: number | null) => (id === null ? '' : (people.get(id)?.name ?? `#${id}`));

async function timeOffItems(
  db: DataSource,
  zone: string,
  people: Map<number, StaffMember>,
  list: TimeOffRecord[],
  withAffected: (r: TimeOffRecord) => boolean,
): Promise<TimeOffItem[]> {
  const out: TimeOffItem[] = [];
  for (const r of list)
    out.push({
      ...r,
      staffName: nameOf(people, r.staffId),
      affected: withAffected(r) ? await shiftsAffectedBy(db, zone, r) : [],
      othersOff: [],
    });
  return out;
}

async function swapItems(
  db: DataSource,
  zone: string,
  people: Map<number, StaffMember>,
  list: SwapRecord[],
  withCheck: (s: SwapRecord) => boolean,
  /** The coordinator's inbox checks the week's draft too (the approval goes into it). */
  drafts = false,
): Promise<SwapItem[]> {
  const out: SwapItem[] = [];
  for (const s of list) {
    const shift = await getRotaShift(db, s.shiftId);
    const targetShift = s.targetShiftId === null ? null : await getRotaShift(db, s.targetShiftId);
    const check =
      withCheck(s) && shift && s.targetStaffId !== null
        ? await checkSwap(
            db,
            zone,
            { requesterStaffId: s.requesterStaffId, targetStaffId: s.targetStaffId, shift, targetShift },
            { drafts },
          )
        : null;
    out.push({
      ...s,
      requesterName: nameOf(people, s.requesterStaffId),
      targetName: nameOf(people, s.targetStaffId),
      shift,
      targetShift,
      check,
    });
  }
  return out;
}

const isOpen = (s: { status: string }) => s.status === 'pending' || s.status === 'accepted';

/** The badge of the inbox: what waits for a decision in the context's team (as the inbox lists it). */
async function countInbox(ctx: RequestsContext): Promise<number> {
  const ours = ctx.teamId === undefined ? null : new Set((await listStaff(ctx.db, { teamId: ctx.teamId })).map((p) => p.id));
  const inTeam = (id: number) => ours === null || ours.has(id);
  const timeOff = await listTimeOff(ctx.db, { statuses: ['pending'] });
  const swaps = await listSwaps(ctx.db, { statuses: ['accepted'] });
  const me = ctx.actor.staffId;
  return (
    timeOff.filter((r) => r.staffId !== me && inTeam(r.staffId)).length +
    swaps.filter((s) => s.requesterStaffId !== me && s.targetStaffId !== me && inTeam(s.requesterStaffId)).length
  );
}

export async function myRequests(
  ctx: RequestsContext,
  opts: { withInboxCount: boolean; pickShiftId?: number | null } = { withInboxCount: false },
): Promise<MyRequests> {
  const me = ctx.actor.staffId;
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.zone }).toISODate()!;
  const inboxCount = opts.withInboxCount ? await countInbox(ctx) : null;
  if (me === null)
    return { staffId: null, timeOff: [], swaps: [], myShifts: [], colleagueShifts: [], colleagues: [], today, inboxCount, picker: null };
  const people = new Map((await listStaff(ctx.db, { activeOn: today })).map((p) => [p.id, p]));
  // Colleagues to swap with are agents of my own team (a swap across teams is refused too: swap.ts).
  const myTeam = people.get(me)?.teamId ?? (await getStaff(ctx.db, me))?.teamId;
  const colleagues = [...people.values()]
    .filter((p) => p.role === 'agent' && p.id !== me && p.teamId === myTeam)
    .map((p) => ({ id: p.id, name: p.name }));
  const from = ctx.now.toISOString();
  const to = new Date(ctx.now.getTime() + SWAP_HORIZON_DAYS * 86_400_000).toISOString();
  const upcoming = (await publishedShifts(ctx.db, { staffIds: [me, ...colleagues.map((c) => c.id)], from, to })).filter(
    (s) => s.start > from,
  );
  const timeOff = await timeOffItems(
    ctx.db,
    ctx.zone,
    people,
    await listTimeOff(ctx.db, { staffId: me, limit: 50 }),
    (r) => r.status !== 'cancelled' && r.status !== 'rejected' && r.endDate >= today,
  );
  const swaps = await swapItems(ctx.db, ctx.zone, people, await listSwaps(ctx.db, { involvingStaffId: me, limit: 50 }), (s) => isOpen(s));
  const busy = new Set(swaps.filter(isOpen).flatMap((s) => [s.shiftId, s.targetShiftId]));
  const myShifts = upcoming.filter((s) => s.staffId === me && !busy.has(s.id));
  const colleagueShifts = upcoming
    .filter((s) => s.staffId !== me && !busy.has(s.id))
    .map((s) => ({ ...s, staffName: nameOf(people, s.staffId) }));
  const picked = myShifts.find((s) => s.id === opts.pickShiftId);
  const picker = picked
    ? await swapPicker(ctx.db, { zone: ctx.zone, now: ctx.now, me, shiftId: picked.id, colleagues, colleagueShifts })
    : null;
  return { staffId: me, timeOff, swaps, myShifts, colleagueShifts, colleagues, today, inboxCount, picker };
}

/** Only the swap picker, for the shift chosen in the form (the htmx fragment); null when it is not the person's. */
export async function swapPickerFor(ctx: RequestsContext, shiftId: number): Promise<SwapPicker | null> {
  const page = await myRequests(ctx, { withInboxCount: false, pickShiftId: shiftId });
  return page.picker?.shiftId === shiftId ? page.picker : null;
}

/** The inbox of the context's team (every request without one): requests of its people only. */
export async function requestsInbox(ctx: RequestsContext): Promise<RequestsInbox> {
  const people = new Map((await listStaff(ctx.db, { teamId: ctx.teamId })).map((p) => [p.id, p]));
  const ours = <R extends { staffId: number }>(rows: R[]) => rows.filter((r) => people.has(r.staffId));
  const oursSwaps = <S extends { requesterStaffId: number }>(rows: S[]) => rows.filter((r) => people.has(r.requesterStaffId));
  const pendingTimeOff = ours(await listTimeOff(ctx.db, { statuses: ['pending'] })).sort((a, b) => a.startDate.localeCompare(b.startDate));
  const decidedTimeOff = ours(await listTimeOff(ctx.db, { statuses: ['approved', 'rejected'] }))
    .filter((r) => r.decidedAt !== null)
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))
    .slice(0, 10);
  const openSwaps = oursSwaps(await listSwaps(ctx.db, { statuses: ['pending', 'accepted'] }));
  const decidedSwaps = oursSwaps(await listSwaps(ctx.db, { statuses: ['approved', 'rejected'], limit: 10 })).sort((a, b) =>
    (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''),
  );
  // Colleagues of the same team already off: another team's absences are not this team's cover.
  const approved = ours(await listTimeOff(ctx.db, { statuses: ['approved'] }));
  const othersOff = (r: TimeOffRecord) => [
    ...new Set(
      approved
        .filter((a) => a.staffId !== r.staffId && a.startDate <= r.endDate && a.endDate >= r.startDate)
        .map((a) => nameOf(people, a.staffId)),
    ),
  ];
  const pending = await timeOffItems(ctx.db, ctx.zone, people, pendingTimeOff, () => true);
  // The cost of each decision, from the one projection (weeks loaded once for the whole inbox).
  const impactCtx: ImpactContext = { db: ctx.db, zone: ctx.zone, now: ctx.now };
  const timeOff: TimeOffItem[] = [];
  for (const r of pending) timeOff.push({ ...r, othersOff: othersOff(r), impact: await timeOffImpact(impactCtx, r.affected) });
  const swaps = await swapItems(ctx.db, ctx.zone, people, openSwaps, () => true, true);
  for (const s of swaps)
    if (s.shift && s.targetStaffId !== null)
      s.impact = await swapImpact(
        impactCtx,
        { requesterStaffId: s.requesterStaffId, targetStaffId: s.targetStaffId },
        s.shift,
        s.targetShift,
      );
  return {
    timeOff,
    swaps,
    recentTimeOff: await timeOffItems(ctx.db, ctx.zone, people, decidedTimeOff, (r) => r.status === 'approved'),
    recentSwaps: await swapItems(ctx.db, ctx.zone, people, decidedSwaps, () => false),
  };
}
