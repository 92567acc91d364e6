/**
 * Price-and-branch: the master problem as a MIP over the schedules column generation produced
 * (one binary per schedule, one schedule per person, under/over per cover row). Its optimum is
 * not proven optimal for the instance, but it is usually close to the bound and a strong start
 * for neighbourhood search.
 */
import { LpBuilder } from '../model/lp-builder';
import { runMip } from '../model/highs-runner';
import type { NrpInstance } from './instance';
import { requestCosts } from './model';
import type { NrpGrid } from './evaluate';

export async function restrictedMasterMip(
  instance: NrpInstance,
  schedules: Int32Array[][],
  o: { seconds: number; seed: number; start?: NrpGrid; shouldStop?: () => boolean },
): Promise<{ grid: NrpGrid | null; seconds: number }> {
  const lp = new LpBuilder();
  const T = instance.shifts.length;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const coverCols = new Map<number, number[]>();
  const pick: number[][] = [];
  schedules.forEach((rows, p) => {
    const { cost, offset } = requestCosts(instance, p);
    const cols = rows.map((row, k) => {
      let total = offset;
      row.forEach((t, d) => (total += t >= 0 ? cost[d * T + t] : 0));
      const col = lp.addCol(`s_${p}_${k}`, total, 0, 1, true);
      row.forEach((t, d) => {
        if (t >= 0) coverCols.set(d * T + t, [...(coverCols.get(d * T + t) ?? []), col]);
      });
      return col;
    });
    pick.push(cols);
    lp.addRow(cols, 1, 1, 1);
  });
  for (const c of instance.cover) {
    const cols = coverCols.get(c.day * T + shiftIndex.get(c.shift)!) ?? [];
    const under = lp.addCol('u', c.underWeight, 0, Infinity, false);
    const over = lp.addCol('o', c.overWeight, 0, Infinity, false);
    lp.addRow([...cols, under, over], [...cols.map(() => 1), 1, -1], c.requirement, c.requirement);
  }
  const start = o.start ? startOf(schedules, pick, o.start) : undefined;
  const run = await runMip(lp.build(Infinity), {
    timeLimitSeconds: Math.max(0.5, o.seconds),
    seed: o.seed,
    start,
    shouldStop: o.shouldStop,
  });
  if (!run.colValue) return { grid: null, seconds: run.seconds };
  const value = run.colValue;
  const grid = schedules.map((rows, p) => rows[pick[p].findIndex((c) => value[c] > 0.5)] ?? new Int32Array(instance.days).fill(-1));
  return { grid, seconds: run.seconds };
}

/** The roster as a start, when each person's row is among their schedules. */
function startOf(schedules: Int32Array[][], pick: number[][], grid: NrpGrid): { indices: Int32Array; values: Float64Array } | undefined {
  const idx: number[] = [];
  const val: number[] = [];
  for (let p = 0; p < grid.length; p++) {
    const k = schedules[p].findIndex((row) => row.every((t, d) => t === grid[p][d]));
    if (k < 0) return undefined;
    pick[p].forEach((c, j) => {
      idx.push(c);
      val.push(j === k ? 1 : 0);
    });
  }
  return { indices: Int32Array.from(idx), values: Float64Array.from(val) };
}
