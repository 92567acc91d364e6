/**
 * A lower bound by column generation (Dantzig-Wolfe over people): the master LP picks a convex
 * combination of whole schedules per person against the cover rows; each person's pricing
 * problem (their own rules and requests, cover rows priced at the master's duals) is solved
 * exactly by dynamic programming (pricing-dp.ts). People are linked only through the soft cover
 * rows, so after every round
 *
 *   L(π) = Σ_rows π·requirement + Σ_p min over p's schedules of (cost − π·cover)
 *
 * is a valid lower bound for any duals with −overWeight ≤ π ≤ underWeight (the master's
 * optimal duals are such), with each person's exact minimum from the DP. This is
 * the relaxation the published optima were proven with, much tighter than the compact MIP's LP.
 */
import highsLoader from 'highs';
import { highsModule } from '../model/highs-runner';
import type { NrpInstance } from './instance';
import type { NrpGrid } from './evaluate';
import { requestCosts } from './model';
import { dpPerson, priceByDp, type DpPerson } from './pricing-dp';

/** Weight of the centre in the smoothed duals. */
const SMOOTHING = 0.7;

type Highs = Awaited<ReturnType<typeof highsLoader>>;
type HModel = ReturnType<Highs['createModel']>;

export interface BoundOptions {
  seconds: number;
  now?: () => number;
  /** Stop once the bound proves this objective optimal. */
  target?: number;
  /** A roster whose schedules start the master (e.g. the compact MIP's). */
  initial?: NrpGrid;
  /**
   * After the bound, dive for a roster until this many seconds: fix the people whose schedule
   * the master LP picks (nearly) whole, price the others again, repeat (price-and-dive).
   */
  diveUntil?: number;
}

export interface BoundResult {
  /** Best Lagrangian bound found (−Infinity if no round completed). */
  bound: number;
  seconds: number;
  rounds: number;
  /** Every schedule generated, per person (rows of a roster grid), for a restricted master MIP. */
  schedules: Int32Array[][];
  /** The dive's roster (one generated schedule per person), when `diveUntil` was given. */
  roster: NrpGrid | null;
}

interface Pricing {
  dp: DpPerson;
  /** Request cost per day × shift, and the on-requests' constant. */
  base: Float64Array;
  offset: number;
  /** The last schedule priced (it keeps the rules): the DP's first ceiling. */
  last: Int32Array | null;
}

export async function columnGenerationBound(instance: NrpInstance, o: BoundOptions): Promise<BoundResult> {
  const t0 = o.now?.() ?? 0;
  let spent = 0;
  const used = () => (o.now ? (o.now() - t0) / 1000 : spent);
  const highs = await highsLoader({ wasmModule: await highsModule() });
  const T = instance.shifts.length;
  const P = instance.staff.length;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const coverRow = new Int32Array(instance.days * T).fill(-1);
  instance.cover.forEach((c, i) => (coverRow[c.day * T + shiftIndex.get(c.shift)!] = i));
  const R = instance.cover.length;
  const pricing = instance.staff.map((_, p) => pricingOf(instance, p));
  const master = masterModel(highs, instance);
  const schedules: Int32Array[][] = instance.staff.map(() => []);
  /** Master column of each person's schedules (the first 2R are under/over cover). */
  const columns: number[][] = instance.staff.map(() => []);
  let numCols = 2 * R;
  const add = (p: number, row: Int32Array) => {
    schedules[p].push(row);
    columns[p].push(numCols++);
    pricing[p].last = row;
    addSchedule(master, instance, p, row, coverRow, R);
  };
  if (o.initial) o.initial.forEach((row, p) => add(p, row));
  let bound = -Infinity;
  let rounds = 0;
  let roster: NrpGrid | null = null;
  // Without a roster to start from, one round at zero duals gives every person a schedule.
  if (!o.initial) {
    const zero = new Float64Array(R);
    for (let p = 0; p < P; p++) {
      const priced = price(pricing[p], zero, coverRow);
      if (priced.row) add(p, priced.row);
    }
  }
  // Wentges smoothing: price at a mix of the best-bound duals (the centre) and the master's, which
  // damps the duals' swings between rounds; when the mix finds no column the master's duals are
  // priced alone (a mispricing), and only a round at the master's duals without a column ends it.
  let centre: Float64Array | null = null;
  let alpha = SMOOTHING;
  try {
    for (; used() < o.seconds; rounds++) {
      master.run();
      spent += master.getRunTime();
      master.zeroAllClocks();
      const masterObjective = master.getObjectiveValue();
      const duals = master.getSolution().rowDual;
      const pi: Float64Array = centre ? Float64Array.from(centre, (c, i) => alpha * c + (1 - alpha) * duals[i]) : duals.subarray(0, R);
      let lagrange = 0;
      for (let i = 0; i < R; i++) lagrange += pi[i] * instance.cover[i].requirement;
      let added = 0;
      let complete = true;
      for (let p = 0; p < P; p++) {
        if (used() >= o.seconds) {
          complete = false;
          break;
        }
        // The pricing DP is exact: its minimum is the person's term of the Lagrangian bound.
        const priced = price(pricing[p], pi, coverRow);
        if (!Number.isFinite(priced.bound)) complete = false;
        lagrange += priced.bound;
        if (priced.row && reducedCost(instance, p, priced.row, duals, coverRow, R) < -1e-6) {
          add(p, priced.row);
          added++;
        }
      }
      if (complete && lagrange > bound) {
        bound = lagrange;
        centre = Float64Array.from(pi);
      }
      if (o.target !== undefined && Math.ceil(bound - 1e-6) >= o.target) break;
      if (added === 0 && complete) {
        if (alpha === 0 || !centre) {
          bound = Math.max(bound, masterObjective);
          break;
        }
        alpha = 0;
      } else alpha = SMOOTHING;
    }
    const proven = o.target !== undefined && Math.ceil(bound - 1e-6) >= o.target;
    if (o.diveUntil !== undefined && !proven) {
      const runMaster = () => {
        master.run();
        spent += master.getRunTime();
        master.zeroAllClocks();
        return master.getSolution();
      };
      roster = dive(instance, {
        schedules,
        columns,
        pricing,
        coverRow,
        R,
        add,
        runMaster,
        used,
        until: o.diveUntil,
        fix: (c, on) => master.changeColBounds(c, 0, on ? Infinity : 0),
      });
    }
  } finally {
    master.dispose();
  }
  return { bound, seconds: used(), rounds, schedules, roster };
}

interface Dive {
  schedules: Int32Array[][];
  columns: number[][];
  pricing: Pricing[];
  coverRow: Int32Array;
  R: number;
  add: (p: number, row: Int32Array) => void;
  runMaster: () => { colValue: Float64Array; rowDual: Float64Array };
  used: () => number;
  until: number;
  /** Opens (on) or closes a master column. */
  fix: (col: number, on: boolean) => void;
}

/**
 * Dive rounds of pricing between two fixings, and the value at which people whose best schedule
 * the master LP takes (nearly) whole are fixed together; otherwise one person is fixed at a time.
 * Instance 8: 1,412 (bound 1,297) with 8 rounds and 0.99, 1,509 with 5 and 0.95, 1,715 with 2 and
 * 0.8; the dive then costs about as much as the bound (40 s of CPU).
 */
const DIVE_PRICING_ROUNDS = 8;
const DIVE_FIX_AT = 0.99;

/**
 * Price-and-dive: solve the master, fix every person whose largest schedule value is at least
 * DIVE_FIX_AT (or else the one with the largest), price the unfixed people again, repeat until
 * everyone is fixed. Out of time, the unfixed take their largest schedule. The master always has
 * a solution (cover is soft), so the dive always ends in a roster keeping every hard rule.
 */
function dive(instance: NrpInstance, v: Dive): NrpGrid {
  const P = instance.staff.length;
  const chosen = new Int32Array(P).fill(-1);
  const fixPerson = (p: number, k: number) => {
    chosen[p] = k;
    v.columns[p].forEach((c, j) => j !== k && v.fix(c, false));
  };
  let sol = v.runMaster();
  let stepSeconds = 0;
  for (let stepStart = v.used(); ; stepStart = v.used()) {
    const bestK = new Int32Array(P).fill(-1);
    const bestV = new Float64Array(P).fill(-1);
    for (let p = 0; p < P; p++)
      if (chosen[p] < 0)
        v.columns[p].forEach((c, k) => {
          if (sol.colValue[c] > bestV[p]) {
            bestV[p] = sol.colValue[c];
            bestK[p] = k;
          }
        });
    const open = [...Array(P).keys()].filter((p) => chosen[p] < 0);
    if (!open.length) break;
    if (v.used() >= v.until) {
      open.forEach((p) => (chosen[p] = bestK[p]));
      break;
    }
    // One at a time while the steps left fit before `until` at the last step's pace; more per
    // step when they do not (many people, a busy machine), so the dive still ends by fixing.
    const perStep = stepSeconds > 0 ? Math.ceil((open.length * stepSeconds) / Math.max(1e-3, v.until - v.used())) : 1;
    const fixNow = open.filter((p) => bestV[p] >= DIVE_FIX_AT);
    const tops = open.filter((p) => bestV[p] < DIVE_FIX_AT).sort((a, b) => bestV[b] - bestV[a]);
    fixNow.push(...tops.slice(0, Math.max(fixNow.length ? 0 : 1, perStep - fixNow.length)));
    fixNow.forEach((p) => fixPerson(p, bestK[p]));
    sol = v.runMaster();
    for (let r = 0; r < DIVE_PRICING_ROUNDS && v.used() < v.until; r++) {
      const pi = sol.rowDual.subarray(0, v.R);
      let added = 0;
      for (let p = 0; p < P && v.used() < v.until; p++) {
        if (chosen[p] >= 0) continue;
        const priced = price(v.pricing[p], pi, v.coverRow);
        if (priced.row && reducedCost(instance, p, priced.row, sol.rowDual, v.coverRow, v.R) < -1e-6) {
          v.add(p, priced.row);
          added++;
        }
      }
      if (!added) break;
      sol = v.runMaster();
    }
    stepSeconds = v.used() - stepStart;
  }
  return v.schedules.map((rows, p) => (chosen[p] >= 0 ? Int32Array.from(rows[chosen[p]]) : new Int32Array(instance.days).fill(-1)));
}

/** Person's cheapest schedule at the duals (exact): its cost less the duals of the cover it works. */
function price(pr: Pricing, pi: Float64Array, coverRow: Int32Array): { bound: number; row: Int32Array | null } {
  const costs = Float64Array.from(pr.base, (c, cell) => c - (coverRow[cell] >= 0 ? pi[coverRow[cell]] : 0));
  const { cost, row } = priceByDp(pr.dp, costs, pr.last ?? undefined);
  if (row) pr.last = row;
  return { bound: cost + pr.offset, row };
}

function pricingOf(instance: NrpInstance, p: number): Pricing {
  const { cost, offset } = requestCosts(instance, p);
  return { dp: dpPerson(instance, p), base: cost, offset, last: null };
}

/** Cover rows (= requirement) with under/over columns, one convexity row (= 1) per person. */
function masterModel(highs: Highs, instance: NrpInstance): HModel {
  const R = instance.cover.length;
  const P = instance.staff.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const colCost: number[] = [];
  instance.cover.forEach((c, i) => {
    colCost.push(c.underWeight, c.overWeight);
    indices.push(i, i);
    values.push(1, -1);
    starts.push(indices.length - 1, indices.length);
  });
  const req = Float64Array.from([...instance.cover.map((c) => c.requirement), ...Array<number>(P).fill(1)]);
  const model = highs.createModel({
    numCols: 2 * R,
    numRows: R + P,
    colCost: Float64Array.from(colCost),
    colLower: new Float64Array(2 * R),
    colUpper: new Float64Array(2 * R).fill(highs.infinity),
    rowLower: req,
    rowUpper: req,
    matrix: {
      format: 'csc',
      numRows: R + P,
      numCols: 2 * R,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  } as never);
  model.options.set({ output_flag: false } as never);
  return model;
}

/** A schedule's reduced cost at the master's duals (cover rows, then one convexity row per person). */
function reducedCost(instance: NrpInstance, p: number, row: Int32Array, duals: Float64Array, coverRow: Int32Array, R: number): number {
  const T = instance.shifts.length;
  const { cost, offset } = requestCosts(instance, p);
  let rc = offset - duals[R + p];
  row.forEach((t, d) => {
    if (t < 0) return;
    rc += cost[d * T + t];
    if (coverRow[d * T + t] >= 0) rc -= duals[coverRow[d * T + t]];
  });
  return rc;
}

/** A schedule column: its real cost (requests), 1 in each cover row it works, 1 in p's convexity row. */
function addSchedule(master: HModel, instance: NrpInstance, p: number, row: Int32Array, coverRow: Int32Array, R: number): void {
  const T = instance.shifts.length;
  const { cost, offset } = requestCosts(instance, p);
  let total = offset;
  const rows: number[] = [];
  row.forEach((t, d) => {
    if (t < 0) return;
    total += cost[d * T + t];
    if (coverRow[d * T + t] >= 0) rows.push(coverRow[d * T + t]);
  });
  rows.sort((a, b) => a - b);
  rows.push(R + p);
  master.addCol(total, 0, Infinity, { indices: Int32Array.from(rows), values: new Float64Array(rows.length).fill(1) });
}
