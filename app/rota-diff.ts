/**
 * The difference between two revisions of a week, shift by shift (matched by uid): shifts
 * added, removed and changed (moved in time, to someone else, other channel); each affected
 * person's worked hours and unpopular shifts (evenings, weekend days, public holidays: the
 * optimiser's fairness counts) before and after; and the projected service level and ASA per
 * day and channel before and after (projectService on each revision's coverage).
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { getRota, listRotasForWeek, listShifts, type RotaRecord, type ShiftRecord } from '../models/repositories/rotas';
import { getTeamSettings } from '../models/repositories/settings';
import { coverageOf } from '../scheduling';
import { fairnessCounts, loadRotaContext, toEngineShift, type FairnessCounts, type RotaContext } from './rota-problem';
import { georgianHolidaysBetween } from '../forecasting/calendar/georgian-holidays';
import { mondayOf } from '../forecasting/week';
import { projectService, weightedAsa, weightedServiceLevel } from '../staffing';

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

function servicePerDay(ctx: RotaContext, shifts: ShiftRecord[]) {
  const coverage = coverageOf(
    ctx.problem,
    shifts.map((s) => toEngineShift(s, ctx.zone)),
  );
  const rows = projectService(coverage.rows, ctx.requirement, ctx.channels, ctx.intervalMinutes);
  const byDay = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${DateTime.fromISO(r.start, { zone: ctx.zone }).setZone(ctx.zone).toISODate()}|${r.channel}`;
    (byDay.get(key) ?? byDay.set(key, []).get(key)!).push(r);
  }
  return new Map([...byDay].map(([k, list]) => [k, { sl: weightedServiceLevel(list), asa: weightedAsa(list) }]));
}

/** The difference from `fromRotaId` (null: nothing, e.g. no published revision yet) to `toRotaId`. */
export async function rotaDiff(ds: DataSource, q: DiffQuery & { fromRotaId: number | null; toRotaId: number }): Promise<RotaDiff | null> {
  const to = await getRota(ds, q.toRotaId);
  const from = q.fromRotaId === null ? null : await getRota(ds, q.fromRotaId);
  if (!to || (q.fromRotaId !== null && (!from || from.weekStart !== to.weekStart))) return null;
  const [before, after] = await Promise.all([from ? listShifts(ds, from.id) : Promise.resolve([]), listShifts(ds, to.id)]);
  const ctx = await loadRotaContext(ds, {
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
  const names = new Map(ctx.people.map((p) => [p.id, p.name]));
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
  const sBefore = servicePerDay(ctx, before);
  const sAfter = servicePerDay(ctx, after);
  const service = [...new Set([...sBefore.keys(), ...sAfter.keys()])].sort().map((k) => {
    const [date, channel] = k.split('|');
    return {
      date,
      channel,
      serviceLevelBefore: sBefore.get(k)?.sl ?? null,
      serviceLevelAfter: sAfter.get(k)?.sl ?? null,
      asaBefore: sBefore.get(k)?.asa ?? null,
      asaAfter: sAfter.get(k)?.asa ?? null,
    };
  });
  return { weekStart: to.weekStart, from, to, ...changes, people, service };
}

/** The diff between revision numbers `from` and `to` of a week, as plain data for the CLI. */
export async function rotaDiffByRevision(
  ds: DataSource,
  q: { weekStart: string; fromRevision: number; toRevision: number; now: Date; fallbackZone?: string },
): Promise<{ kind: 'ok'; diff: RotaDiff; zone: string } | { kind: 'noTeam' } | { kind: 'noRevision'; revision: number }> {
  const settings = await getTeamSettings(ds);
  if (!settings) return { kind: 'noTeam' };
  const zone = settings.timeZone ?? q.fallbackZone ?? 'Asia/Tbilisi';
  const weekStart = mondayOf(q.weekStart, zone);
  const revisions = await listRotasForWeek(ds, weekStart);
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
