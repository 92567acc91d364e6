/**
 * Fairness counts: the one definition of which shifts count as evenings, nights, weekend days
 * and public holidays, used by the optimiser's fairness goal (candidates.ts, objective.ts,
 * model/soft-goals.ts), by the history it carries in from previous weeks (app/rota-problem.ts)
 * and by the fairness ledger people read (/rota/fairness). Pure: times, zone and holidays are
 * arguments.
 *
 * - evening: the shift ends after `eveningAfter` (local wall clock of its start day);
 * - night: part of the shift lies between 00:00 and 06:00 local time. Not the Labour Code's
 *   22:00-06:00 night hours (the per-shift cap uses those): with the default closing time of
 *   23:00 every evening shift has one such hour, and "night" would then only repeat "evening";
 * - weekend: the shift starts on a Saturday or Sunday;
 * - holiday: the shift starts on a public holiday (local date).
 */
import { DateTime } from 'luxon';

export const FAIRNESS_KINDS = ['evenings', 'nights', 'weekends', 'holidays'] as const;
export type FairnessKind = (typeof FAIRNESS_KINDS)[number];
export type FairnessCounts = Record<FairnessKind, number>;

export interface FairnessFacts {
  evening: boolean;
  night: boolean;
  weekend: boolean;
  holiday: boolean;
}

export interface FairnessCalendar {
  zone: string;
  /** Local "HH:MM" of the start day: a shift ending later is an evening. */
  eveningAfter: string;
  /** Public holidays, local dates yyyy-mm-dd. */
  holidays: ReadonlySet<string>;
}

const NIGHT_END_MINUTES = 6 * 60;

export const zeroCounts = (): FairnessCounts => ({ evenings: 0, nights: 0, weekends: 0, holidays: 0 });

/** Which unpopular kinds a shift [start, end) (ISO instants) is. */
export function fairnessFacts(shift: { start: string; end: string }, cal: FairnessCalendar): FairnessFacts {
  const start = DateTime.fromISO(shift.start, { zone: cal.zone }).setZone(cal.zone);
  const end = DateTime.fromISO(shift.end, { zone: cal.zone }).setZone(cal.zone);
  const midnight = start.startOf('day');
  const [h, m] = cal.eveningAfter.split(':').map(Number);
  const evening = end > midnight.set({ hour: h, minute: m });
  // Any part before 06:00 on the start day, or past the next midnight.
  const night = start < midnight.plus({ minutes: NIGHT_END_MINUTES }) || end > midnight.plus({ days: 1 });
  return { evening, night, weekend: start.weekday >= 6, holiday: cal.holidays.has(start.toISODate()!) };
}

/** Adds one shift's facts to a person's counts. */
export function addFacts(counts: FairnessCounts, f: FairnessFacts): FairnessCounts {
  if (f.evening) counts.evenings++;
  if (f.night) counts.nights++;
  if (f.weekend) counts.weekends++;
  if (f.holiday) counts.holidays++;
  return counts;
}

/** Per person (by id) the counts of their shifts; people in `ids` without shifts get zeros. */
export function countFairness<K>(
  shifts: Array<{ staffId: K; start: string; end: string }>,
  cal: FairnessCalendar,
  ids: K[] = [],
): Map<K, FairnessCounts> {
  const out = new Map<K, FairnessCounts>(ids.map((id) => [id, zeroCounts()]));
  for (const s of shifts) {
    const c = out.get(s.staffId) ?? zeroCounts();
    addFacts(c, fairnessFacts(s, cal));
    out.set(s.staffId, c);
  }
  return out;
}

/**
 * A shift's type in words for people (early, day, late, night): night and late follow the
 * fairness facts above, so "late" on My week is exactly what the ledger counts as an evening.
 */
export function shiftKind(shift: { start: string; end: string }, cal: FairnessCalendar): 'early' | 'day' | 'late' | 'night' {
  const f = fairnessFacts(shift, cal);
  if (f.night) return 'night';
  if (f.evening) return 'late';
  return DateTime.fromISO(shift.start, { zone: cal.zone }).setZone(cal.zone).hour < 10 ? 'early' : 'day';
}

/**
 * The optimiser's fairness cost of one person's counts this week: the n-th evening (night,
 * weekend day, holiday) costs n + history units, so the week's cost is n(n+1)/2 + history·n
 * per kind (convex: unpopular shifts go to whoever has had fewest). `history` is the person's
 * excess over the team's mean in the ledger's window (fairnessHistory).
 */
export function fairnessCost(counts: FairnessCounts, history: Partial<FairnessCounts> = {}): number {
  let total = 0;
  for (const k of FAIRNESS_KINDS) {
    const n = counts[k];
    total += (n * (n + 1)) / 2 + (history[k] ?? 0) * n;
  }
  return total;
}

/** max - min of a list (0 for an empty list). */
export function spread(values: number[]): number {
  return values.length ? Math.max(...values) - Math.min(...values) : 0;
}

/**
 * The Gini coefficient of non-negative values: mean absolute difference over all ordered
 * pairs divided by twice the mean, G = Σi Σj |xi − xj| / (2 n² x̄). 0 = all equal; (n−1)/n =
 * one person has everything. 0 when every value is 0 (nothing to share out).
 */
export function gini(values: number[]): number {
  const n = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  if (n === 0 || sum === 0) return 0;
  // Sorted form of the same sum: Σ (2i − n − 1) x(i) over ascending x, i = 1..n.
  const sorted = [...values].sort((a, b) => a - b);
  const weighted = sorted.reduce((acc, x, i) => acc + (2 * (i + 1) - n - 1) * x, 0);
  return weighted / (n * sum);
}
