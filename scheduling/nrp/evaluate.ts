/**
 * The benchmark's rules and objective for a roster, one small function per rule. A roster is
 * a grid: `grid[p][d]` is the index of the shift person p works on day d, or -1 (day off).
 *
 * Boundary convention (the one that reproduces the published optima): minimum runs of shifts
 * and of days off are not checked for runs that touch the first or the last day (they may
 * continue into the neighbouring periods); maximum consecutive shifts is checked on every run;
 * nothing is assumed about shift rotation across the edges.
 */
import type { NrpAssignment, NrpInstance, NrpStaffMember } from './instance';

export type NrpGrid = Int32Array[];

export type NrpRule =
  | 'shiftRotation'
  | 'maxShiftsOfType'
  | 'maxTotalMinutes'
  | 'minTotalMinutes'
  | 'maxConsecutiveShifts'
  | 'minConsecutiveShifts'
  | 'minConsecutiveDaysOff'
  | 'maxWeekends'
  | 'dayOff';

export interface NrpViolation {
  rule: NrpRule;
  staff: string;
  day?: number;
  params: Record<string, string | number>;
}

export interface NrpScore {
  objective: number;
  on: number;
  off: number;
  under: number;
  over: number;
}

export function emptyGrid(instance: NrpInstance): NrpGrid {
  return instance.staff.map(() => new Int32Array(instance.days).fill(-1));
}

/** The grid of a list of assignments; throws on a name or day the instance does not know, or two shifts on one day. */
export function gridOf(instance: NrpInstance, assignments: NrpAssignment[]): NrpGrid {
  const grid = emptyGrid(instance);
  const p = new Map(instance.staff.map((s, i) => [s.id, i]));
  const t = new Map(instance.shifts.map((s, i) => [s.id, i]));
  for (const a of assignments) {
    const pi = p.get(a.staff);
    const ti = t.get(a.shift);
    if (pi === undefined || ti === undefined || !(a.day >= 0 && a.day < instance.days))
      throw new Error(`unknown assignment ${JSON.stringify(a)}`);
    if (grid[pi][a.day] !== -1) throw new Error(`${a.staff} has two shifts on day ${a.day}`);
    grid[pi][a.day] = ti;
  }
  return grid;
}

export function assignmentsOf(instance: NrpInstance, grid: NrpGrid): NrpAssignment[] {
  const out: NrpAssignment[] = [];
  grid.forEach((row, p) =>
    row.forEach((t, day) => {
      if (t >= 0) out.push({ staff: instance.staff[p].id, day, shift: instance.shifts[t].id });
    }),
  );
  return out;
}

/** Soft goals: unmet on-requests, met off-requests, people under and over the cover. */
export function scoreOf(instance: NrpInstance, grid: NrpGrid): NrpScore {
  const p = new Map(instance.staff.map((s, i) => [s.id, i]));
  const t = new Map(instance.shifts.map((s, i) => [s.id, i]));
  let on = 0;
  let off = 0;
  for (const r of instance.onRequests) if (grid[p.get(r.staff)!][r.day] !== t.get(r.shift)) on += r.weight;
  for (const r of instance.offRequests) if (grid[p.get(r.staff)!][r.day] === t.get(r.shift)) off += r.weight;
  const count = instance.shifts.map(() => new Int32Array(instance.days));
  for (const row of grid) row.forEach((ti, d) => ti >= 0 && count[ti][d]++);
  let under = 0;
  let over = 0;
  for (const c of instance.cover) {
    const n = count[t.get(c.shift)!][c.day];
    under += c.underWeight * Math.max(0, c.requirement - n);
    over += c.overWeight * Math.max(0, n - c.requirement);
  }
  return { objective: on + off + under + over, on, off, under, over };
}

/** Every hard rule the roster breaks (empty: the roster is feasible). */
export function violationsOf(instance: NrpInstance, grid: NrpGrid): NrpViolation[] {
  return instance.staff.flatMap((person, p) => personViolations(instance, person, grid[p]));
}

export function personViolations(instance: NrpInstance, person: NrpStaffMember, row: Int32Array): NrpViolation[] {
  return [
    ...noForbiddenShiftTheNextDay(instance, person, row),
    ...atMostMaxShiftsOfEachType(instance, person, row),
    ...totalMinutesWithinLimits(instance, person, row),
    ...runsOfShiftsWithinLimits(person, row),
    ...runsOfDaysOffAtLeastMinimum(person, row),
    ...atMostMaxWeekends(person, row),
    ...noShiftOnADayOff(person, row),
  ];
}

export function noForbiddenShiftTheNextDay(instance: NrpInstance, person: NrpStaffMember, row: Int32Array): NrpViolation[] {
  const out: NrpViolation[] = [];
  for (let d = 0; d + 1 < row.length; d++) {
    if (row[d] < 0 || row[d + 1] < 0) continue;
    const a = instance.shifts[row[d]];
    const b = instance.shifts[row[d + 1]];
    if (a.forbiddenNext.includes(b.id))
      out.push({ rule: 'shiftRotation', staff: person.id, day: d + 1, params: { shift: a.id, next: b.id } });
  }
  return out;
}

export function atMostMaxShiftsOfEachType(instance: NrpInstance, person: NrpStaffMember, row: Int32Array): NrpViolation[] {
  return instance.shifts.flatMap((s, t) => {
    const limit = person.maxShifts[s.id];
    const value = row.filter((x) => x === t).length;
    return limit !== undefined && value > limit
      ? [{ rule: 'maxShiftsOfType' as const, staff: person.id, params: { shift: s.id, value, limit } }]
      : [];
  });
}

export function totalMinutesWithinLimits(instance: NrpInstance, person: NrpStaffMember, row: Int32Array): NrpViolation[] {
  const value = row.reduce((m, t) => m + (t >= 0 ? instance.shifts[t].minutes : 0), 0);
  if (value > person.maxTotalMinutes)
    return [{ rule: 'maxTotalMinutes', staff: person.id, params: { value, limit: person.maxTotalMinutes } }];
  if (value < person.minTotalMinutes)
    return [{ rule: 'minTotalMinutes', staff: person.id, params: { value, limit: person.minTotalMinutes } }];
  return [];
}

/** Maximal runs of worked days (work=true) or days off: [first day, length]. */
export function runs(row: Int32Array, work: boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let d = 0; d < row.length;) {
    if (row[d] >= 0 !== work) {
      d++;
      continue;
    }
    const first = d;
    while (d < row.length && row[d] >= 0 === work) d++;
    out.push([first, d - first]);
  }
  return out;
}

function touchesEdge(row: Int32Array, first: number, length: number): boolean {
  return first === 0 || first + length === row.length;
}

export function runsOfShiftsWithinLimits(person: NrpStaffMember, row: Int32Array): NrpViolation[] {
  const out: NrpViolation[] = [];
  for (const [first, value] of runs(row, true)) {
    if (value > person.maxConsecutiveShifts)
      out.push({ rule: 'maxConsecutiveShifts', staff: person.id, day: first, params: { value, limit: person.maxConsecutiveShifts } });
    if (value < person.minConsecutiveShifts && !touchesEdge(row, first, value))
      out.push({ rule: 'minConsecutiveShifts', staff: person.id, day: first, params: { value, limit: person.minConsecutiveShifts } });
  }
  return out;
}

export function runsOfDaysOffAtLeastMinimum(person: NrpStaffMember, row: Int32Array): NrpViolation[] {
  return runs(row, false)
    .filter(([first, value]) => value < person.minConsecutiveDaysOff && !touchesEdge(row, first, value))
    .map(([first, value]) => ({
      rule: 'minConsecutiveDaysOff' as const,
      staff: person.id,
      day: first,
      params: { value, limit: person.minConsecutiveDaysOff },
    }));
}

/** Weekend k is days 7k+5 and 7k+6 (day 0 is a Monday); worked when either is. */
export function weekendsWorked(row: Int32Array): number {
  let n = 0;
  for (let sat = 5; sat < row.length; sat += 7) if (row[sat] >= 0 || (sat + 1 < row.length && row[sat + 1] >= 0)) n++;
  return n;
}

export function atMostMaxWeekends(person: NrpStaffMember, row: Int32Array): NrpViolation[] {
  const value = weekendsWorked(row);
  return value > person.maxWeekends ? [{ rule: 'maxWeekends', staff: person.id, params: { value, limit: person.maxWeekends } }] : [];
}

export function noShiftOnADayOff(person: NrpStaffMember, row: Int32Array): NrpViolation[] {
  return person.daysOff.filter((d) => row[d] >= 0).map((d) => ({ rule: 'dayOff' as const, staff: person.id, day: d, params: {} }));
}
