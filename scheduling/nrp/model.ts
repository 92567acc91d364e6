/**
 * The benchmark instance as a mixed-integer model for HiGHS, in the engine's style (the same
 * LpBuilder and runner as the weekly rota): per-person binaries x[p,d,t] for the shifts a
 * person may work, a worked-day column w[p,d] = Σt x[p,d,t], and the hard rules as rows:
 *  - at most one shift a day (w ≤ 1), no forbidden successor the next day;
 *  - most shifts of each type, total minutes between the limits;
 *  - most consecutive shifts as sliding windows: any C+1 days hold at most C worked days;
 *  - minimum runs as "a run that starts on day d lasts k days": w[d] − w[d−1] ≤ w[d+j]
 *    (and the same for days off), only for runs that neither start on day 0 nor reach the
 *    last day, the benchmark's boundary convention;
 *  - weekends: a weekend column ≥ each of its two days, their sum ≤ the maximum.
 * The soft goals are the objective: weight × (1 − x) for an on-request (a constant plus −weight
 * × x), weight × x for an off-request, and under/over columns per cover row.
 */
import { LpBuilder, type SparseModel } from '../model/lp-builder';
import type { NrpInstance } from './instance';
import type { NrpGrid } from './evaluate';

export interface NrpModel {
  sparse: SparseModel;
  /** x[p][d * shifts + t]: the column of person p working shift t on day d, or -1 (not allowed). */
  x: Int32Array[];
  /** w[p][d]: worked-day columns. */
  w: Int32Array[];
  /** weekend[p][k]: weekend columns. */
  weekend: Int32Array[];
  shifts: number;
  days: number;
}

export function buildNrpModel(instance: NrpInstance): NrpModel {
  const lp = new LpBuilder();
  const x: Int32Array[] = [];
  const w: Int32Array[] = [];
  const weekend: Int32Array[] = [];
  instance.staff.forEach((_, p) => {
    const cols = addPerson(lp, instance, p);
    x.push(cols.x);
    w.push(cols.w);
    weekend.push(cols.weekend);
  });
  coverRows(lp, instance, x);
  return { sparse: lp.build(Infinity), x, w, weekend, shifts: instance.shifts.length, days: instance.days };
}

/** One person alone (their rules and requests, no cover): column generation's pricing problem. */
export function buildPersonModel(instance: NrpInstance, p: number): { sparse: SparseModel; x: Int32Array } {
  const lp = new LpBuilder();
  const { x } = addPerson(lp, instance, p);
  return { sparse: lp.build(Infinity), x };
}

/** Request penalties of person p per day × shift (x's cost) and the on-requests' constant. */
export function requestCosts(instance: NrpInstance, p: number): { cost: Float64Array; offset: number } {
  const T = instance.shifts.length;
  const id = instance.staff[p].id;
  const cost = new Float64Array(instance.days * T);
  let offset = 0;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  for (const r of instance.offRequests) if (r.staff === id) cost[r.day * T + shiftIndex.get(r.shift)!] += r.weight;
  for (const r of instance.onRequests) {
    if (r.staff !== id) continue;
    offset += r.weight;
    cost[r.day * T + shiftIndex.get(r.shift)!] -= r.weight;
  }
  return { cost, offset };
}

/** Person p's columns and rows. */
function addPerson(lp: LpBuilder, instance: NrpInstance, p: number): { x: Int32Array; w: Int32Array; weekend: Int32Array } {
  const H = instance.days;
  const T = instance.shifts.length;
  const person = instance.staff[p];
  const { cost, offset } = requestCosts(instance, p);
  lp.offset += offset;
  const off = new Set(person.daysOff);
  const xp = new Int32Array(H * T).fill(-1);
  const wp = new Int32Array(H);
  for (let d = 0; d < H; d++) {
    for (let t = 0; t < T; t++) {
      const limit = person.maxShifts[instance.shifts[t].id];
      const allowed = !off.has(d) && limit !== 0 && instance.shifts[t].minutes <= person.maxTotalMinutes;
      if (allowed) xp[d * T + t] = lp.addCol(`x_${p}_${d}_${t}`, cost[d * T + t], 0, 1, true);
    }
    const cols = colsOfDay(xp, d, T);
    // Integer although implied by the x: HiGHS's cuts and branching on worked days tightened instance 4's bound by a third.
    wp[d] = lp.addCol(`w_${p}_${d}`, 0, 0, cols.length ? 1 : 0, true);
    lp.addRow([wp[d], ...cols], [1, ...cols.map(() => -1)], 0, 0);
  }
  return { x: xp, w: wp, weekend: personRows(lp, instance, p, xp, wp) };
}

function colsOfDay(xp: Int32Array, d: number, T: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < T; t++) if (xp[d * T + t] >= 0) out.push(xp[d * T + t]);
  return out;
}

/** One person's hard rules; returns the weekend columns. */
function personRows(lp: LpBuilder, instance: NrpInstance, p: number, xp: Int32Array, wp: Int32Array): Int32Array {
  const person = instance.staff[p];
  const H = instance.days;
  const T = instance.shifts.length;
  // No forbidden successor: x[d,t] + Σ x[d+1,t'] ≤ 1 over t' that may not follow t (one shift a day makes this valid).
  instance.shifts.forEach((s, t) => {
    const next = s.forbiddenNext.map((id) => instance.shifts.findIndex((o) => o.id === id));
    if (!next.length) return;
    for (let d = 0; d + 1 < H; d++) {
      const a = xp[d * T + t];
      const b = next.map((u) => xp[(d + 1) * T + u]).filter((c) => c >= 0);
      if (a >= 0 && b.length) lp.addRow([a, ...b], 1, -Infinity, 1);
    }
  });
  instance.shifts.forEach((s, t) => {
    const limit = person.maxShifts[s.id];
    const cols = Array.from({ length: H }, (_, d) => xp[d * T + t]).filter((c) => c >= 0);
    if (limit !== undefined && cols.length > limit) lp.addRow(cols, 1, -Infinity, limit);
  });
  const all: number[] = [];
  const minutes: number[] = [];
  xp.forEach((c, i) => {
    if (c < 0) return;
    all.push(c);
    minutes.push(instance.shifts[i % T].minutes);
  });
  lp.addRow(all, minutes, person.minTotalMinutes, person.maxTotalMinutes);
  const C = person.maxConsecutiveShifts;
  for (let d = 0; d + C < H; d++)
    lp.addRow(
      Array.from({ length: C + 1 }, (_, j) => wp[d + j]),
      1,
      -Infinity,
      C,
    );
  // A run of shifts starting on day d (1 ≤ d) lasts k days unless it reaches the last day.
  for (let d = 1; d < H; d++)
    for (let j = 1; j < person.minConsecutiveShifts && d + j <= H - 1; j++)
      lp.addRow([wp[d], wp[d - 1], wp[d + j]], [1, -1, -1], -Infinity, 0);
  // A run of days off starting on day d lasts k days unless it reaches the last day.
  for (let d = 1; d < H; d++)
    for (let j = 1; j < person.minConsecutiveDaysOff && d + j <= H - 1; j++)
      lp.addRow([wp[d - 1], wp[d], wp[d + j]], [1, -1, 1], -Infinity, 1);
  const weekends: number[] = [];
  for (let sat = 5; sat < H; sat += 7) {
    const y = lp.addCol(`y_${p}_${sat}`, 0, 0, 1, true);
    weekends.push(y);
    lp.addRow([y, wp[sat]], [1, -1], 0, Infinity);
    if (sat + 1 < H) lp.addRow([y, wp[sat + 1]], [1, -1], 0, Infinity);
  }
  if (weekends.length > person.maxWeekends) lp.addRow(weekends, 1, -Infinity, person.maxWeekends);
  return Int32Array.from(weekends);
}

function coverRows(lp: LpBuilder, instance: NrpInstance, x: Int32Array[]): void {
  const T = instance.shifts.length;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  for (const c of instance.cover) {
    const t = shiftIndex.get(c.shift)!;
    const cols = x.map((xp) => xp[c.day * T + t]).filter((col) => col >= 0);
    const under = lp.addCol(`u_${c.day}_${t}`, c.underWeight, 0, Infinity, false);
    const over = lp.addCol(`o_${c.day}_${t}`, c.overWeight, 0, Infinity, false);
    lp.addRow([...cols, under, over], [...cols.map(() => 1), 1, -1], c.requirement, c.requirement);
  }
}

/** The roster in a solution vector. */
export function gridFromSolution(model: NrpModel, values: ArrayLike<number>): NrpGrid {
  return model.x.map((xp) => {
    const row = new Int32Array(model.days).fill(-1);
    xp.forEach((c, i) => {
      if (c >= 0 && values[c] > 0.5) row[Math.floor(i / model.shifts)] = i % model.shifts;
    });
    return row;
  });
}

/** A MIP start: every x, w and weekend column of the roster. */
export function startFromGrid(model: NrpModel, grid: NrpGrid): { indices: Int32Array; values: Float64Array } {
  const idx: number[] = [];
  const val: number[] = [];
  grid.forEach((row, p) => {
    model.x[p].forEach((c, i) => {
      if (c < 0) return;
      idx.push(c);
      val.push(row[Math.floor(i / model.shifts)] === i % model.shifts ? 1 : 0);
    });
    model.w[p].forEach((c, d) => {
      idx.push(c);
      val.push(row[d] >= 0 ? 1 : 0);
    });
    model.weekend[p].forEach((c, k) => {
      const sat = 7 * k + 5;
      idx.push(c);
      val.push(row[sat] >= 0 || (sat + 1 < row.length && row[sat + 1] >= 0) ? 1 : 0);
    });
  });
  return { indices: Int32Array.from(idx), values: Float64Array.from(val) };
}
