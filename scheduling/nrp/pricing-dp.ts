/**
 * Column generation's pricing problem solved exactly by dynamic programming (a resource-
 * constrained shortest path over the days): one person's cheapest schedule for given costs per
 * day × shift type, keeping every hard rule of evaluate.ts. Much faster than the pricing MIP
 * (milliseconds against up to seconds per person) and exact, so every round's bound is proven.
 *
 * A label is a partial schedule up to day d. Labels with the same last shift, length of the
 * current run (capped where only a minimum matters), "the run began on day 0" (exempt from the
 * minimum runs) and total minutes are compared by cost, weekends worked and shifts of each
 * limited type: one no worse in all of them dominates (the rest of the schedule that fits the
 * other fits it too), so only the Pareto front of each group is kept.
 */
import type { NrpInstance } from './instance';

export interface DpPricing {
  /** Cheapest schedule's cost (Σ cost over worked cells); Infinity when the person has none. */
  cost: number;
  /** row[d]: shift index worked on day d, or -1. */
  row: Int32Array | null;
}

interface Label {
  cost: number;
  /** [weekends worked, shifts of each limited type…]: smaller is no worse. */
  res: Int32Array;
  parent: Label | null;
  shift: number;
}

/** Static data of one person's DP. */
export interface DpPerson {
  days: number;
  shifts: number;
  /** allowed[d * shifts + t]. */
  allowed: Uint8Array;
  units: Int32Array;
  maxUnits: number;
  minUnits: number;
  maxCons: number;
  minCons: number;
  minOff: number;
  maxWeekends: number;
  /** forbidden[a * shifts + b]: b may not follow a the next day. */
  forbidden: Uint8Array;
  /** Per shift type: its slot in `res` (1…), or 0 when unlimited; and the limits per slot. */
  slot: Int32Array;
  limits: Int32Array;
}

export function dpPerson(instance: NrpInstance, p: number): DpPerson {
  const H = instance.days;
  const T = instance.shifts.length;
  const person = instance.staff[p];
  const g = instance.shifts.reduce((a, s) => gcd(a, s.minutes), 0) || 1;
  const units = Int32Array.from(instance.shifts, (s) => s.minutes / g);
  const off = new Set(person.daysOff);
  const allowed = new Uint8Array(H * T);
  for (let d = 0; d < H; d++)
    for (let t = 0; t < T; t++) allowed[d * T + t] = !off.has(d) && person.maxShifts[instance.shifts[t].id] !== 0 ? 1 : 0;
  const forbidden = new Uint8Array(T * T);
  instance.shifts.forEach((s, a) =>
    s.forbiddenNext.forEach((id) => (forbidden[a * T + instance.shifts.findIndex((o) => o.id === id)] = 1)),
  );
  const slot = new Int32Array(T);
  const limits: number[] = [0];
  instance.shifts.forEach((s, t) => {
    const limit = person.maxShifts[s.id];
    if (limit !== undefined && limit > 0 && limit < H) {
      slot[t] = limits.length;
      limits.push(limit);
    }
  });
  return {
    days: H,
    shifts: T,
    allowed,
    units,
    maxUnits: Math.floor(person.maxTotalMinutes / g),
    minUnits: Math.ceil(person.minTotalMinutes / g),
    maxCons: person.maxConsecutiveShifts,
    minCons: person.minConsecutiveShifts,
    minOff: person.minConsecutiveDaysOff,
    maxWeekends: person.maxWeekends,
    forbidden,
    slot,
    limits: Int32Array.from(limits),
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The cheapest schedule of the person for cost[d * shifts + t] (a day off costs 0). A backward
 * pass over the states without the counts (weekends, shifts per type) gives each state the least
 * the rest of the horizon can cost; a label whose cost plus that exceeds the best complete
 * schedule known (`incumbent`, or one found on the way) is dropped.
 */
export function priceByDp(dp: DpPerson, cost: ArrayLike<number>, incumbent?: Int32Array): DpPricing {
  const { days: H } = dp;
  const sp = stateSpace(dp);
  const after = completionCosts(dp, sp, cost);
  let ceiling = Infinity;
  if (incumbent) {
    ceiling = 0;
    incumbent.forEach((t, d) => (ceiling += t >= 0 ? cost[d * dp.shifts + t] : 0));
  }
  const floors = new Int32Array(dp.limits.length);
  let layer = new Map<number, Label[]>([[sp.root, [{ cost: 0, res: new Int32Array(dp.limits.length), parent: null, shift: -1 }]]]);
  for (let d = 0; d < H; d++) {
    const next = new Map<number, Label[]>();
    const h = after[d];
    countFloors(dp, d, floors);
    const sunday = d % 7 === 6;
    for (const [key, front] of layer) {
      const last = sp.lastOf(key);
      for (const label of front)
        moves(dp, sp, cost, d, key, (t, to, step) => {
          const c = label.cost + step;
          if (c + h[to] > ceiling + 1e-7) return;
          let res = label.res;
          if (t >= 0) {
            const slot = dp.slot[t];
            if (slot && res[slot] >= dp.limits[slot]) return;
            const weekend = d % 7 === 5 || (sunday && last < 0);
            if (weekend && res[0] >= dp.maxWeekends) return;
            if (slot || weekend) {
              res = Int32Array.from(res);
              if (slot) res[slot]++;
              if (weekend) res[0]++;
            }
          }
          insert(next, to, { cost: c, res, parent: label, shift: t }, floors);
        });
    }
    layer = next;
  }
  let best: Label | null = null;
  for (const [key, front] of layer) {
    if (sp.unitsOf(key) < dp.minUnits) continue;
    for (const label of front) if (!best || label.cost < best.cost) best = label;
  }
  if (incumbent && (!best || best.cost > ceiling)) return { cost: ceiling, row: Int32Array.from(incumbent) };
  if (!best) return { cost: Infinity, row: null };
  const row = new Int32Array(H).fill(-1);
  let d = H - 1;
  for (let l: Label | null = best; l && l.parent; l = l.parent) row[d--] = l.shift;
  return { cost: best.cost, row };
}

/** States: last shift (or off), length of the current run, whether it began on day 0, minutes (units). */
interface StateSpace {
  size: number;
  runCap: number;
  /** The state before day 0 (no run to check). */
  root: number;
  keyOf: (last: number, run: number, fromStart: number, units: number) => number;
  lastOf: (key: number) => number;
  unitsOf: (key: number) => number;
}

function stateSpace(dp: DpPerson): StateSpace {
  const runCap = Math.max(dp.maxCons, dp.minOff, 1);
  const U = dp.maxUnits + 1;
  const keyOf = (last: number, run: number, fromStart: number, units: number) =>
    (((last + 1) * (runCap + 1) + run) * 2 + fromStart) * U + units;
  return {
    size: (dp.shifts + 1) * (runCap + 1) * 2 * U,
    runCap,
    root: keyOf(-1, 0, 1, 0),
    keyOf,
    lastOf: (key) => Math.floor(Math.floor(Math.floor(key / U) / 2) / (runCap + 1)) - 1,
    unitsOf: (key) => key % U,
  };
}

/**
 * Every move from state `key` on day d that keeps the rules other than the counts: a day off or
 * a shift t, with the state it leads to and its cost.
 */
function moves(
  dp: DpPerson,
  sp: StateSpace,
  c: ArrayLike<number>,
  d: number,
  key: number,
  out: (t: number, to: number, cost: number) => void,
): void {
  const T = dp.shifts;
  const U = dp.maxUnits + 1;
  const u = key % U;
  let rest = Math.floor(key / U);
  const fromStart = rest % 2;
  rest = Math.floor(rest / 2);
  const run = rest % (sp.runCap + 1);
  const last = Math.floor(rest / (sp.runCap + 1)) - 1;
  // A run of shifts that ends must have lasted minCons unless it began on day 0.
  if (last < 0 || run >= dp.minCons || fromStart) {
    const offRun = last < 0 ? Math.min(run + 1, sp.runCap) : 1;
    out(-1, sp.keyOf(-1, offRun, last < 0 ? fromStart : d === 0 ? 1 : 0, u), 0);
  }
  // So must a run of days off (minOff).
  if (last < 0 && d > 0 && run < dp.minOff && !fromStart) return;
  if (last >= 0 && run >= dp.maxCons) return;
  for (let t = 0; t < T; t++) {
    if (!dp.allowed[d * T + t] || (last >= 0 && dp.forbidden[last * T + t])) continue;
    const nu = u + dp.units[t];
    if (nu > dp.maxUnits) continue;
    out(t, sp.keyOf(t, last >= 0 ? run + 1 : 1, last >= 0 ? fromStart : d === 0 ? 1 : 0, nu), c[d * T + t]);
  }
}

/** after[d][state]: the least the days after d can cost from that state (Infinity: no way to end). */
function completionCosts(dp: DpPerson, sp: StateSpace, c: ArrayLike<number>): Float64Array[] {
  const H = dp.days;
  const after: Float64Array[] = new Array<Float64Array>(H);
  const end = new Float64Array(sp.size).fill(Infinity);
  for (let key = 0; key < sp.size; key++) if (sp.unitsOf(key) >= dp.minUnits) end[key] = 0;
  after[H - 1] = end;
  for (let d = H - 2; d >= -1; d--) {
    const h = new Float64Array(sp.size).fill(Infinity);
    const next = after[d + 1];
    for (let key = 0; key < sp.size; key++) {
      let best = Infinity;
      moves(dp, sp, c, d + 1, key, (_t, to, step) => {
        if (step + next[to] < best) best = step + next[to];
      });
      h[key] = best;
    }
    if (d >= 0) after[d] = h;
  }
  return after;
}

/** A count that can no longer reach its limit after day d is as good as any smaller one: counts are compared from these floors up. */
function countFloors(dp: DpPerson, d: number, floors: Int32Array): void {
  let weekendsLeft = 0;
  for (let sat = 5; sat < dp.days; sat += 7) if (sat + 1 > d) weekendsLeft++;
  floors[0] = dp.maxWeekends - weekendsLeft;
  for (let i = 1; i < floors.length; i++) floors[i] = dp.limits[i] - (dp.days - 1 - d);
}

function insert(map: Map<number, Label[]>, key: number, label: Label, floors: Int32Array): void {
  const front = map.get(key);
  if (!front) {
    map.set(key, [label]);
    return;
  }
  for (const other of front) if (dominates(other, label, floors)) return;
  let k = 0;
  for (const other of front) if (!dominates(label, other, floors)) front[k++] = other;
  front.length = k;
  front.push(label);
}

function dominates(a: Label, b: Label, floors: Int32Array): boolean {
  if (a.cost > b.cost + 1e-9) return false;
  for (let i = 0; i < a.res.length; i++) if (a.res[i] > b.res[i] && a.res[i] > floors[i]) return false;
  return true;
}
