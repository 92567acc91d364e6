/**
 * The difference between two revisions of a week, shift by shift (matched by uid): shifts
 * added, removed and changed (moved in time, to someone else, other channel); each affected
 * person's worked hours and unpopular shifts (evenings, weekend days, public holidays: the
 * optimiser's fairness counts) before and after; and the projected service level and ASA per
 * day and channel before and after: the one projection (app/week-projection.ts) of each
 * revision, so the figures are the rota page's for that revision.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { getRota, listRotasForWeek, listShifts, type RotaRecord, type ShiftRecord } from '../models/repositories/rotas';
import { namesOf, teamIdOrDefault } from './team-scope';
import { getTeamSettings } from '../models/repositories/settings';
import { fairnessCounts, loadRotaContext, type FairnessCounts } from './rota-problem';
import { georgianHolidaysBetween } from '../forecasting/calendar/georgian-holidays';
import { mondayOf } from '../forecasting/week';
import type { PeriodFigures } from '../staffing';
import { contextRisk, inputsFromContext, projectInputs, type WeekInputs } from './week-projection';

export interface ShiftChange {
  uid: string;
  before: ShiftRecord | null;
  after: ShiftRecord | null;
}

export interface PersonHours {
  staffId: number;
  name: string;
  hoursBefore: number;
  hoursAfter: number;
  fairnessBefore: FairnessCounts;
  fairnessAfter: FairnessCounts;
}

export interface DayService {
  date: string;
  channel: string;
  serviceLevelBefore: number | null;
  serviceLevelAfter: number | null;
  asaBefore: number | null;
  asaAfter: number | null;
  /** The day's figures of the one projection (null before: nothing was published). */
  before: PeriodFigures | null;
  after: PeriodFigures;
}

export interface RotaDiff {
  weekStart: string;
  from: RotaRecord | null;
  to: RotaRecord;
  added: ShiftChange[];
  removed: ShiftChange[];
  moved: ShiftChange[];
  people: PersonHours[];
  service: DayService[];
}

export interface DiffQuery {
  zone: string;
  intervalMinutes: number;
  now: Date;
}

const shape = (s: ShiftRecord) =>
  JSON.stringify([
    s.staffId,
    Date.parse(s.start),
    Date.parse(s.end),
    s.channel,
    s.breaks.map((b) => [Date.parse(b.start), Date.parse(b.end)]),
  ]);

export function workedHours(shifts: ShiftRecord[]): number {
  const minutes = shifts.reduce(
    (t, s) =>
      t +
      (Date.parse(s.end) - Date.parse(s.start)) / 60000 -
      s.breaks.reduce((m, b) => m + (Date.parse(b.end) - Date.parse(b.start)) / 60000, 0),
    0,
  );
  return Math.round((minutes / 60) * 10) / 10;
}

/** The shift-by-shift difference (no database). */
export function diffShifts(before: ShiftRecord[], after: ShiftRecord[]): Pick<RotaDiff, 'added' | 'removed' | 'moved'> {
  const old = new Map(before.map((s) => [s.uid, s]));
  const now = new Map(after.map((s) => [s.uid, s]));
  return {
    added: after.filter((s) => !old.has(s.uid)).map((s) => ({ uid: s.uid, before: null, after: s })),
    removed: before.filter((s) => !now.has(s.uid)).map((s) => ({ uid: s.uid, before: s, after: null })),
    moved: after
      .filter((s) => old.has(s.uid) && shape(old.get(s.uid)!) !== shape(s))
      .map((s) => ({ uid: s.uid, before: old.get(s.uid)!, after: s })),
  };
}

/**
 * The day figures per `date|channel` of a revision, from the one projection (a revision's
 * own shifts, even none: an empty revision is projected as nobody on the queue).
 */
export function servicePerDay(w: WeekInputs, rota: RotaRecord, shifts: ShiftRecord[]): Map<string, PeriodFigures> {
  const view = projectInputs({ ...w, rota, shifts }, { onlyShifts: true });
  const out = new Map<string, PeriodFigures>();
  for (const c of view.summary) for (const d of c.days) if (d.volume > 0 || d.onQueueHours > 0) out.set(`${d.date}|${c.channel}`, d);
  return out;
}

/** The difference from `fromRotaId` (null: nothing, e.g. no published revision yet) to `toRotaId`. */
export async function rotaDiff(ds: DataSource, q: DiffQuery & { fromRotaId: number | null; toRotaId: number }): Promise<RotaDiff | null> {
  const to = await getRota(ds, q.toRotaId);
  const from = q.fromRotaId === null ? null : await getRota(ds, q.fromRotaId);
  if (!to || (q.fromRotaId !== null && (!from || from.weekStart !== to.weekStart))) return null;
  const [before, after] = await Promise.all([from ? listShifts(ds, from.id) : Promise.resolve([]), listShifts(ds, to.id)]);
  const ctx = await loadRotaContext(ds, {
    teamId: to.teamId,
    weekStart: to.weekStart,
    zone: q.zone,
    intervalMinutes: q.intervalMinutes,
    now: q.now,
    tolerateMissingRequirement: true,
  });
  const changes = diffShifts(before, after);
  const affected = new Set<number>();
  for (const c of [...changes.added, ...changes.removed, ...changes.moved]) {
    if (c.before) affected.add(c.before.staffId);
    if (c.after) affected.add(c.after.staffId);
  }
  const names = await namesOf(ds, affected, new Map(ctx.people.map((p) => [p.id, p.name])));
  const sunday = DateTime.fromISO(to.weekStart, { zone: q.zone }).plus({ days: 6 }).toISODate()!;
  const holidays = new Set(georgianHolidaysBetween(to.weekStart, sunday).map((h) => h.date));
  const counts = (list: ShiftRecord[]) => fairnessCounts(list, q.zone, ctx.problem.rules.eveningAfter, holidays);
  const people = [...affected]
    .map((id) => ({
      staffId: id,
      name: names.get(id) ?? String(id),
      hoursBefore: workedHours(before.filter((s) => s.staffId === id)),
      hoursAfter: workedHours(after.filter((s) => s.staffId === id)),
      fairnessBefore: counts(before.filter((s) => s.staffId === id)),
      fairnessAfter: counts(after.filter((s) => s.staffId === id)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const inputs = inputsFromContext(ctx, to, after, await contextRisk(ds, ctx, q.now));
  const sBefore = from ? servicePerDay(inputs, from, before) : new Map<string, PeriodFigures>();
  const sAfter = servicePerDay(inputs, to, after);
  const service = [...sAfter.keys()].sort().map((k): DayService => {
    const [date, channel] = k.split('|') as [string, string];
    const b = sBefore.get(k) ?? null;
    const a = sAfter.get(k)!;
    return {
      date,
      channel,
      serviceLevelBefore: b?.serviceLevel ?? null,
      serviceLevelAfter: a.serviceLevel,
      asaBefore: b?.asaSeconds ?? null,
      asaAfter: a.asaSeconds,
      before: b,
      after: a,
    };
  });
  return { weekStart: to.weekStart, from, to, ...changes, people, service };
}

/** The diff between revision numbers `from` and `to` of a week, as plain data for the CLI. */
export async function rotaDiffByRevision(
  ds: DataSource,
  q: { weekStart: string; fromRevision: number; toRevision: number; now: Date; fallbackZone?: string; teamId?: number },
): Promise<{ kind: 'ok'; diff: RotaDiff; zone: string } | { kind: 'noTeam' } | { kind: 'noRevision'; revision: number }> {
  const settings = await getTeamSettings(ds, q.teamId);
  if (!settings) return { kind: 'noTeam' };
  const zone = settings.timeZone ?? q.fallbackZone ?? 'Asia/Tbilisi';
  const weekStart = mondayOf(q.weekStart, zone);
  const revisions = await listRotasForWeek(ds, await teamIdOrDefault(ds, q.teamId), weekStart);
  const from = revisions.find((r) => r.revision === q.fromRevision);
  const to = revisions.find((r) => r.revision === q.toRevision);
  if (!from) return { kind: 'noRevision', revision: q.fromRevision };
  if (!to) return { kind: 'noRevision', revision: q.toRevision };
  const diff = await rotaDiff(ds, {
    zone,
    intervalMinutes: settings.intervalMinutes ?? 60,
    now: q.now,
    fromRotaId: from.id,
    toRotaId: to.id,
  });
  return { kind: 'ok', diff: diff!, zone };
}
