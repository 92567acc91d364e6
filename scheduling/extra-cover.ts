/**
 * "What would it take": the fewest extra worked hours, as shifts of the team's own shapes, that
 * put at least `need[t]` more people on the queue in every interval t of one day and channel.
 *
 * A shape is a shift length with its lunch (`breakMinutes`, unpaid, placed at least
 * `breakMinOffsetMinutes` after the start and `breakMinTailMinutes` before the end, on the
 * interval grid, as the optimiser places it). A shift covers each interval by the share of it
 * spent on duty (an interval with half of it at lunch counts half a person, as the projection
 * counts people per minute). Shifts start and end inside the day's window [from, to) of
 * interval indices (the team's earliest start and latest end).
 *
 * Model (a small integer programme, solved by HiGHS): x[p] ≥ 0 whole shifts of pattern p
 * (start × shape × lunch position); Σ_p cover[p][t]·x[p] ≥ need[t] for every t; minimise
 * Σ_p worked[p]·x[p]. Intervals outside the window cannot be covered: their need is reported
 * back as `uncovered` and left out of the model.
 */
import { LpBuilder } from './model/lp-builder';
import { runMip } from './model/highs-runner';

export interface CoverShape {
  lengthMinutes: number;
  breakMinutes: number;
  breakMinOffsetMinutes: number;
  breakMinTailMinutes: number;
}

export interface ExtraCoverDay {
  intervalMinutes: number;
  /** Extra people needed on the queue per interval of the day (whole people, ≥ 0). */
  need: number[];
  /** Interval indices a shift may occupy: [from, to). */
  from: number;
  to: number;
  shapes: CoverShape[];
}

export interface CoverPattern {
  /** Interval index of the start. */
  start: number;
  lengthMinutes: number;
  /** Minutes after the start the lunch begins; null without a lunch. */
  breakOffsetMinutes: number | null;
  breakMinutes: number;
  workedMinutes: number;
  /** People on duty per interval of the day (1, or less in the lunch's interval). */
  cover: number[];
}

export interface ExtraCoverBlock {
  pattern: CoverPattern;
  count: number;
}

export interface ExtraCoverResult {
  blocks: ExtraCoverBlock[];
  workedMinutes: number;
  /** Whether HiGHS proved the answer the fewest (false: its best within the time limit). */
  optimal: boolean;
  /** Need in intervals no shift of the window can reach. */
  uncovered: number[];
}

/** Every shape at every grid start inside the window, with each allowed lunch position. */
export function coverPatterns(day: ExtraCoverDay): CoverPattern[] {
  const step = day.intervalMinutes;
  const out: CoverPattern[] = [];
  for (const shape of day.shapes) {
    const span = Math.ceil(shape.lengthMinutes / step);
    for (let start = day.from; start + span <= day.to; start++) {
      const lunches: (number | null)[] = [];
      if (shape.breakMinutes <= 0) lunches.push(null);
      else
        for (let off = 0; off + shape.breakMinutes <= shape.lengthMinutes; off += step)
          if (off >= shape.breakMinOffsetMinutes && shape.lengthMinutes - off - shape.breakMinutes >= shape.breakMinTailMinutes)
            lunches.push(off);
      for (const lunch of lunches) {
        const cover = day.need.map((_, t) => {
          const a = (t - start) * step;
          const onShift = Math.max(0, Math.min(a + step, shape.lengthMinutes) - Math.max(a, 0));
          const atLunch = lunch === null ? 0 : Math.max(0, Math.min(a + step, lunch + shape.breakMinutes) - Math.max(a, lunch));
          return (onShift - atLunch) / step;
        });
        out.push({
          start,
          lengthMinutes: shape.lengthMinutes,
          breakOffsetMinutes: lunch,
          breakMinutes: lunch === null ? 0 : shape.breakMinutes,
          workedMinutes: shape.lengthMinutes - (lunch === null ? 0 : shape.breakMinutes),
          cover,
        });
      }
    }
  }
  return out;
}

/** The need the window's patterns can reach (outside it: 0), and the rest. */
function reachable(day: ExtraCoverDay, patterns: CoverPattern[]): { need: number[]; uncovered: number[] } {
  const can = day.need.map((_, t) => patterns.some((p) => p.cover[t]! > 0));
  return {
    need: day.need.map((n, t) => (can[t] ? n : 0)),
    uncovered: day.need.map((n, t) => (can[t] ? 0 : n)),
  };
}

/**
 * The fewest worked minutes of extra shifts covering each day's need (see the file comment).
 * The days are independent; they are solved as one model so HiGHS starts once.
 */
export async function fewestExtraShifts(
  days: ExtraCoverDay[],
  o: { timeLimitSeconds?: number; seed?: number } = {},
): Promise<ExtraCoverResult[]> {
  const lp = new LpBuilder();
  const prepared = days.map((day) => {
    const patterns = coverPatterns(day);
    const { need, uncovered } = reachable(day, patterns);
    const most = Math.max(0, ...need);
    if (most <= 0) return { patterns: [], cols: [], uncovered };
    // Worked time as the cost; a tiny tie-break towards earlier starts keeps answers reproducible.
    const cols = patterns.map((p, i) => lp.addCol(`x${i}`, p.workedMinutes + p.start * 1e-6, 0, Math.ceil(most) + 1, true));
    need.forEach((n, t) => {
      if (n <= 0) return;
      const used = patterns.map((p, i) => [cols[i]!, p.cover[t]!] as const).filter(([, c]) => c > 0);
      lp.addRow(
        used.map(([c]) => c),
        used.map(([, v]) => v),
        n - 1e-9,
        Infinity,
      );
    });
    return { patterns, cols, uncovered };
  });
  const run =
    lp.numCols > 0 ? await runMip(lp.build(1e30), { timeLimitSeconds: o.timeLimitSeconds ?? 10, seed: o.seed ?? 1, relativeGap: 0 }) : null;
  if (run && !run.colValue) throw new Error(`extra cover: HiGHS found no cover (${run.status})`);
  return prepared.map(({ patterns, cols, uncovered }) => {
    const blocks = patterns.map((pattern, i) => ({ pattern, count: Math.round(run!.colValue![cols[i]!]!) })).filter((b) => b.count > 0);
    return {
      blocks,
      workedMinutes: blocks.reduce((s, b) => s + b.count * b.pattern.workedMinutes, 0),
      optimal: run === null || run.status === 'optimal',
      uncovered,
    };
  });
}
