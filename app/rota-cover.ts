/**
 * Finding cover for a shift taken out of the rota (approved time off, a removal): everyone who
 * could work it without breaking a hard rule (the change path's check), ranked by the service
 * the shift brings back (service level, ASA and the chance of meeting the target while it runs,
 * from the one projection of app/week-projection.ts) and then by fairness (fewest hours this week first). Assigning one goes through the change path, with
 * the shift's identity (uid), so calendar feeds see the same event move to the new person.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import type { Db } from '../models/repositories/db';
import type { Violation } from '../scheduling';
import { listOpenShifts, setOpenShiftState } from '../models/repositories/open-shifts';
import {
  latestShiftCancellation,
  listShifts,
  publishedRotaForWeek,
  type ShiftCancellationRecord,
  type ShiftRecord,
} from '../models/repositories/rotas';
import { teamIdOrDefault, teamOfShift } from './team-scope';
import { loadRotaContext, type RotaContext } from './rota-problem';
import { mondayOf } from '../forecasting/week';
import { weekFigures } from '../staffing';
import { contextRisk, inputsFromContext, projectInputs, type WeekInputs } from './week-projection';
import { compareDays, datesOf, type ImpactDay } from './request-impact';
import { applyOperation, applyRotaChange, freshHardForPeople, weekViolations, type ChangeActor, type ChangeResult } from './rota-change';
import { shiftFromTimes } from './rota-edit';
import { workedHours } from './rota-diff';

export interface CoverCandidate {
  staffId: number;
  name: string;
  hoursThisWeek: number;
}

/** The projected service of the shift's channel(s) while it runs. */
export interface CoverService {
  serviceLevel: number | null;
  asaSeconds: number | null;
  /** Mean chance of the intervals meeting the target (null: no target or no volume). */
  pMeet: number | null;
}

export interface CoverPage {
  weekStart: string;
  open: ShiftCancellationRecord;
  /** Projected service level of the shift's channel while it runs, without and with cover. */
  serviceLevelBefore: number | null;
  serviceLevelAfter: number | null;
  before: CoverService;
  /** With the first candidate on it (null: nobody can cover). */
  after: CoverService | null;
  /** The shift's days per channel, without and with the first candidate on it. */
  days: ImpactDay[];
  candidates: CoverCandidate[];
}

interface CoverQuery {
  weekStart: string;
  uid: string;
  zone: string;
  intervalMinutes: number;
  now: Date;
}

/** The shift as it would be worked by `staffId` (same times and identity, lunch in the middle). */
export function coverShift(open: ShiftCancellationRecord, staffId: number, ctx: RotaContext) {
  const start = DateTime.fromISO(open.start, { zone: ctx.zone }).setZone(ctx.zone);
  const end = DateTime.fromISO(open.end, { zone: ctx.zone }).setZone(ctx.zone);
  const times = {
    date: start.toISODate()!,
    startTime: start.toFormat('HH:mm'),
    endTime: end.toFormat('HH:mm'),
    channel: open.channel,
    locked: false,
  };
  return { ...shiftFromTimes(staffId, times, ctx.problem, ctx.zone), uid: open.uid, sequence: open.sequence + 1 };
}

function serviceWhile(w: WeekInputs, shifts: ShiftRecord[], open: ShiftCancellationRecord): CoverService {
  const view = projectInputs({ ...w, shifts }, { onlyShifts: true });
  const from = Date.parse(open.start);
  const to = Date.parse(open.end);
  const rows = view.projection.rows.filter(
    (r) => (open.channel === 'both' || r.channel === open.channel) && Date.parse(r.start) >= from && Date.parse(r.start) < to,
  );
  const f = weekFigures(rows, w.intervalMinutes);
  const risky = rows.filter((r) => r.pMeet !== null);
  return {
    serviceLevel: f.volume > 0 ? f.serviceLevel : null,
    asaSeconds: f.asaSeconds,
    pMeet: risky.length ? risky.reduce((t, r) => t + r.pMeet!, 0) / risky.length : null,
  };
}

/** The candidate's shift as a stored one would look (for the projection only). */
const asRecord = (s: ReturnType<typeof coverShift>, rotaId: number): ShiftRecord => ({
  ...s,
  id: 0,
  rotaId,
  note: s.note ?? null,
  version: 0,
  updatedAt: '',
  updatedBy: null,
});

/** The shift taken out of the week's published rota and not covered since; null when it is. */
export async function uncoveredShift(ds: Db, q: Pick<CoverQuery, 'weekStart' | 'uid' | 'zone'>) {
  const weekStart = mondayOf(q.weekStart, q.zone);
  const open = await latestShiftCancellation(ds, q.uid);
  // The team whose rota held the shift (an earlier revision of the week still has it).
  const teamId = (await teamOfShift(ds, weekStart, [q.uid])) ?? (await teamIdOrDefault(ds));
  const published = await publishedRotaForWeek(ds, teamId, weekStart);
  if (!open || !published || open.weekStart !== weekStart) return null;
  const shifts = await listShifts(ds, published.id);
  if (shifts.some((s) => s.uid === q.uid)) return null; // covered already
  return { weekStart, open, shifts, published };
}

/** Whether one person could work the open shift: the new hard-rule violations it would bring (the change path's check). */
export interface CoverVerdict {
  staffId: number;
  name: string;
  violations: Violation[];
}

/**
 * The verdict for each person of the week (or only `staffIds`): the published week with the
 * shift given to them, checked by the change path's rules (skills, time off, rest, hours, ...).
 */
export function coverVerdicts(
  ctx: RotaContext,
  found: NonNullable<Awaited<ReturnType<typeof uncoveredShift>>>,
  staffIds?: number[],
): CoverVerdict[] {
  const before = weekViolations(ctx.problem, found.shifts, ctx.zone);
  const out: CoverVerdict[] = [];
  for (const person of ctx.problem.staff) {
    const staffId = Number(person.id);
    if (staffId === found.open.staffId || (staffIds && !staffIds.includes(staffId))) continue;
    const after = applyOperation(found.shifts, { kind: 'assign', shift: coverShift(found.open, staffId, ctx) }, ctx.problem, ctx.zone);
    if (!after) continue;
    out.push({ staffId, name: person.name, violations: freshHardForPeople(ctx.problem, before, after, new Set([staffId]), ctx.zone) });
  }
  return out;
}

export async function findCover(ds: DataSource, q: CoverQuery): Promise<CoverPage | null> {
  const found = await uncoveredShift(ds, q);
  if (!found) return null;
  const { weekStart, open, shifts, published } = found;
  const ctx = await loadRotaContext(ds, { ...q, teamId: published.teamId, weekStart, tolerateMissingRequirement: true });
  const candidates: CoverCandidate[] = coverVerdicts(ctx, found)
    .filter((v) => !v.violations.length)
    .map((v) => ({ staffId: v.staffId, name: v.name, hoursThisWeek: workedHours(shifts.filter((s) => s.staffId === v.staffId)) }));
  // Every candidate brings the same shift back, so the service gained is the same for all of
  // them; fairness decides: fewest hours this week first.
  candidates.sort((a, b) => a.hoursThisWeek - b.hoursThisWeek || a.name.localeCompare(b.name));
  const sample = candidates[0] ? coverShift(open, candidates[0].staffId, ctx) : null;
  const inputs = inputsFromContext(ctx, published, shifts, await contextRisk(ds, ctx, q.now));
  const without = serviceWhile(inputs, shifts, open);
  const extra = sample ? asRecord(sample, published.id) : null;
  const withCover = extra ? serviceWhile(inputs, [...shifts, extra], open) : null;
  const days = extra ? compareDays(inputs, new Set(datesOf(open, q.zone)), { extraShifts: [extra] }) : [];
  return {
    weekStart,
    open,
    serviceLevelBefore: without.serviceLevel,
    serviceLevelAfter: withCover?.serviceLevel ?? null,
    before: without,
    after: withCover,
    days,
    candidates,
  };
}

/**
 * Gives the open shift to `staffId` through the change path (published revision and draft);
 * `dryRun` only checks. Called in a transaction by the open-shift board (app/open-shifts.ts).
 */
export async function assignCover(
  ds: Db,
  q: CoverQuery & { staffId: number; actor: ChangeActor; dryRun?: boolean; fromBoard?: boolean },
): Promise<ChangeResult | { kind: 'gone' }> {
  const found = await uncoveredShift(ds, q);
  if (!found) return { kind: 'gone' };
  const ctx = await loadRotaContext(ds as DataSource, {
    ...q,
    teamId: found.published.teamId,
    weekStart: found.weekStart,
    withRequirement: false,
  });
  const result = await applyRotaChange(
    { ds, zone: q.zone, intervalMinutes: q.intervalMinutes, now: q.now },
    {
      weekStart: found.weekStart,
      operation: { kind: 'assign', shift: coverShift(found.open, q.staffId, ctx) },
      actor: q.actor,
      dryRun: q.dryRun,
    },
  );
  // Covered by hand: an offer of it on the open-shift board is over (the board settles its own).
  if (result.kind === 'applied' && !q.fromBoard)
    for (const o of await listOpenShifts(ds, { statuses: ['open', 'claimed'], uid: q.uid }))
      await setOpenShiftState(ds, o.id, o.version, { status: 'filled', decidedBy: q.actor.username, decidedAt: q.now.toISOString() });
  return result;
}
