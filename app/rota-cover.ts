/**
 * Finding cover for a shift taken out of the rota (approved time off, a removal): everyone who
 * could work it without breaking a hard rule (the change path's check), ranked by the service
 * the shift brings back (projected service level while it runs, projectService) and then by
 * fairness (fewest hours this week first). Assigning one goes through the change path, with
 * the shift's identity (uid), so calendar feeds see the same event move to the new person.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import {
  latestShiftCancellation,
  listShifts,
  publishedRotaForWeek,
  type ShiftCancellationRecord,
  type ShiftRecord,
} from '../models/repositories/rotas';
import { coverageOf } from '../scheduling';
import { loadRotaContext, toEngineShift, type RotaContext } from './rota-problem';
import { mondayOf } from '../forecasting/week';
import { projectService, weightedServiceLevel } from '../staffing';
import { applyOperation, applyRotaChange, judge, weekViolations, type ChangeActor, type ChangeResult } from './rota-change';
import { shiftFromTimes } from './rota-edit';
import { workedHours } from './rota-diff';

export interface CoverCandidate {
  staffId: number;
  name: string;
  hoursThisWeek: number;
}

export interface CoverPage {
  weekStart: string;
  open: ShiftCancellationRecord;
  /** Projected service level of the shift's channel while it runs, without and with cover. */
  serviceLevelBefore: number | null;
  serviceLevelAfter: number | null;
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
function coverShift(open: ShiftCancellationRecord, staffId: number, ctx: RotaContext) {
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

function serviceWhile(
  ctx: RotaContext,
  shifts: Pick<ShiftRecord, 'staffId' | 'start' | 'end' | 'breaks' | 'channel' | 'activities'>[],
  open: ShiftCancellationRecord,
) {
  const coverage = coverageOf(
    ctx.problem,
    shifts.map((s) => toEngineShift(s, ctx.zone)),
  );
  const rows = projectService(coverage.rows, ctx.requirement, ctx.channels, ctx.intervalMinutes).filter(
    (r) => (open.channel === 'both' || r.channel === open.channel) && r.start >= open.start && r.start < open.end,
  );
  return weightedServiceLevel(rows);
}

async function openShift(ds: DataSource, q: CoverQuery) {
  const weekStart = mondayOf(q.weekStart, q.zone);
  const open = await latestShiftCancellation(ds, q.uid);
  const published = await publishedRotaForWeek(ds, weekStart);
  if (!open || !published || open.weekStart !== weekStart) return null;
  const shifts = await listShifts(ds, published.id);
  if (shifts.some((s) => s.uid === q.uid)) return null; // covered already
  return { weekStart, open, shifts };
}

export async function findCover(ds: DataSource, q: CoverQuery): Promise<CoverPage | null> {
  const found = await openShift(ds, q);
  if (!found) return null;
  const { weekStart, open, shifts } = found;
  const ctx = await loadRotaContext(ds, { ...q, weekStart, tolerateMissingRequirement: true });
  const before = weekViolations(ctx.problem, shifts, q.zone);
  const needs = open.channel === 'both' ? ['voice', 'chat'] : [open.channel];
  const candidates: CoverCandidate[] = [];
  for (const person of ctx.problem.staff) {
    const staffId = Number(person.id);
    if (staffId === open.staffId || !needs.every((c) => person.skills.includes(c))) continue;
    const after = applyOperation(shifts, { kind: 'assign', shift: coverShift(open, staffId, ctx) }, ctx.problem, q.zone);
    if (!after || judge(before, weekViolations(ctx.problem, after, q.zone)).hard.length) continue;
    candidates.push({ staffId, name: person.name, hoursThisWeek: workedHours(shifts.filter((s) => s.staffId === staffId)) });
  }
  // Every candidate brings the same shift back, so the service gained is the same for all of
  // them; fairness decides: fewest hours this week first.
  candidates.sort((a, b) => a.hoursThisWeek - b.hoursThisWeek || a.name.localeCompare(b.name));
  const sample = candidates[0] ? coverShift(open, candidates[0].staffId, ctx) : null;
  return {
    weekStart,
    open,
    serviceLevelBefore: serviceWhile(ctx, shifts, open),
    serviceLevelAfter: sample ? serviceWhile(ctx, [...shifts, sample], open) : null,
    candidates,
  };
}

/** Gives the open shift to `staffId` through the change path (published revision and draft). */
export async function assignCover(
  ds: DataSource,
  q: CoverQuery & { staffId: number; actor: ChangeActor },
): Promise<ChangeResult | { kind: 'gone' }> {
  const found = await openShift(ds, q);
  if (!found) return { kind: 'gone' };
  const ctx = await loadRotaContext(ds, { ...q, weekStart: found.weekStart, withRequirement: false });
  return applyRotaChange(
    { ds, zone: q.zone, intervalMinutes: q.intervalMinutes, now: q.now },
    { weekStart: found.weekStart, operation: { kind: 'assign', shift: coverShift(found.open, q.staffId, ctx) }, actor: q.actor },
  );
}
