/**
 * Availability (recurring or one-off unavailability), shift preferences, and what the rota
 * optimiser needs from them: every period in a week when someone must not work (approved time
 * off and recorded unavailability) and the soft preferences.
 *
 * Local times are 'HH:mm' in the team's zone; '24:00' as an end means the next midnight.
 * Periods come out as ISO UTC instants, [start, end).
 */
import { DateTime } from 'luxon';
import { Availability } from '../entities/availability';
import { Preference } from '../entities/preference';
import { TimeOffRequest } from '../entities/time-off-request';
import type { Db } from './db';

export type AvailabilityKind = 'unavailable' | 'preferred';
export type PreferenceKind = 'early' | 'late' | 'day_off' | 'weekend_off' | 'no_early' | 'no_evening' | 'no_night';

export interface AvailabilityRecord {
  id: number;
  staffId: number;
  /** 1 = Monday … 7 = Sunday for a recurring entry, else null. */
  weekday: number | null;
  /** 'YYYY-MM-DD' for a one-off entry, else null. */
  date: string | null;
  fromTime: string;
  toTime: string;
  kind: AvailabilityKind;
  note: string;
}

export interface PreferenceRecord {
  id: number;
  staffId: number;
  kind: PreferenceKind;
  weekday: number | null;
  /** 1 (nice to have) … 10 (important). */
  weight: number;
}

export interface UnavailablePeriod {
  staffId: number;
  start: string;
  end: string;
  reason: 'time_off' | 'availability';
}

const toAvailability = (r: Availability): AvailabilityRecord => ({
  id: r.id,
  staffId: r.staffId,
  weekday: r.weekday ?? null,
  date: r.date ?? null,
  fromTime: r.fromTime,
  toTime: r.toTime,
  kind: r.kind as AvailabilityKind,
  note: r.note ?? '',
});

const toPreference = (r: Preference): PreferenceRecord => ({
  id: r.id,
  staffId: r.staffId,
  kind: r.kind as PreferenceKind,
  weekday: r.weekday ?? null,
  weight: r.weight,
});

/** Everyone's entries, or one person's. */
export async function listAvailability(db: Db, staffId?: number): Promise<AvailabilityRecord[]> {
  const rows = await db.getRepository(Availability).find({
    where: staffId === undefined ? {} : { staffId },
    order: { staffId: 'ASC', weekday: 'ASC', date: 'ASC', fromTime: 'ASC', id: 'ASC' },
  });
  return rows.map(toAvailability);
}

export async function addAvailability(db: Db, input: Omit<AvailabilityRecord, 'id'>): Promise<AvailabilityRecord> {
  const repo = db.getRepository(Availability);
  return toAvailability(await repo.save(repo.create(input)));
}

/** Deletes one entry of `staffId` (never someone else's); true when it existed. */
export async function deleteAvailability(db: Db, staffId: number, id: number): Promise<boolean> {
  const res = await db.getRepository(Availability).delete({ id, staffId });
  return (res.affected ?? 0) > 0;
}

export async function listPreferences(db: Db, staffId?: number): Promise<PreferenceRecord[]> {
  const rows = await db.getRepository(Preference).find({
    where: staffId === undefined ? {} : { staffId },
    order: { staffId: 'ASC', id: 'ASC' },
  });
  return rows.map(toPreference);
}

export async function addPreference(db: Db, input: Omit<PreferenceRecord, 'id'>): Promise<PreferenceRecord> {
  const repo = db.getRepository(Preference);
  return toPreference(await repo.save(repo.create(input)));
}

export async function deletePreference(db: Db, staffId: number, id: number): Promise<boolean> {
  const res = await db.getRepository(Preference).delete({ id, staffId });
  return (res.affected ?? 0) > 0;
}

/** Soft goals for the optimiser: every stated preference. */
export async function preferencesFor(db: Db): Promise<{ staffId: number; kind: PreferenceKind; weekday: number | null; weight: number }[]> {
  return (await listPreferences(db)).map(({ staffId, kind, weekday, weight }) => ({ staffId, kind, weekday, weight }));
}

/**
 * The local instant of 'HH:mm' on `day` ('24:00' = the next midnight). Wall-clock time, not
 * hours after midnight: on a daylight-saving day those differ by an hour.
 */
function atLocalTime(day: DateTime, hhmm: string): DateTime {
  const [h, m] = hhmm.split(':').map(Number);
  if (h === 24) return day.plus({ days: 1 }).startOf('day');
  return day.startOf('day').set({ hour: h, minute: m });
}

const iso = (t: DateTime) => t.toUTC().toISO()!;

/**
 * Hard unavailability in the week starting `weekStart` (a local Monday, 'YYYY-MM-DD'):
 * approved time off (whole local days, or the hours of part-day time off, clipped to the week) and every 'unavailable'
 * availability entry (recurring by weekday, or on a date inside the week).
 */
export async function unavailablePeriods(db: Db, q: { weekStart: string; zone: string }): Promise<UnavailablePeriod[]> {
  const monday = DateTime.fromISO(q.weekStart, { zone: q.zone }).startOf('day');
  const nextMonday = monday.plus({ days: 7 });
  const sunday = monday.plus({ days: 6 }).toISODate()!;
  const out: UnavailablePeriod[] = [];

  const timeOff = await db
    .getRepository(TimeOffRequest)
    .createQueryBuilder('t')
    .where('t.status = :status', { status: 'approved' })
    .andWhere('t.startDate <= :sunday AND t.endDate >= :monday', { sunday, monday: q.weekStart })
    .orderBy('t.staffId', 'ASC')
    .addOrderBy('t.startDate', 'ASC')
    .getMany();
  for (const t of timeOff) {
    const first = DateTime.fromISO(t.startDate, { zone: q.zone }).startOf('day');
    // Part-day time off: only its hours of the one day.
    const part = t.startTime && t.endTime ? { from: atLocalTime(first, t.startTime), to: atLocalTime(first, t.endTime) } : null;
    const from = DateTime.max(monday, part?.from ?? first);
    const to = DateTime.min(nextMonday, part?.to ?? DateTime.fromISO(t.endDate, { zone: q.zone }).plus({ days: 1 }).startOf('day'));
    if (to > from) out.push({ staffId: t.staffId, start: iso(from), end: iso(to), reason: 'time_off' });
  }

  for (const a of await listAvailability(db)) {
    if (a.kind !== 'unavailable') continue;
    for (let d = 0; d < 7; d++) {
      const day = monday.plus({ days: d });
      const matches = a.date !== null ? a.date === day.toISODate() : a.weekday === day.weekday;
      if (!matches) continue;
      const from = atLocalTime(day, a.fromTime);
      const to = atLocalTime(day, a.toTime);
      if (to > from) out.push({ staffId: a.staffId, start: iso(from), end: iso(to), reason: 'availability' });
    }
  }
  return out.sort((x, y) => x.staffId - y.staffId || x.start.localeCompare(y.start));
}
