import type { Problem } from '../types';
import type { Prepared } from '../prepare';
import { assignmentsFromSolution, shiftsFromAssignments, startFromAssignments, type Assignment } from '../extract';
import { buildGroups, buildRotaModel, dutyFraction } from '../model/rota-model';
import { runMip } from '../model/highs-runner';
import { coverageOf } from '../coverage';
import { objectiveOf } from '../objective';
import { placeOffQueue } from '../off-queue';
import { mulberry32 } from '../../forecasting/random';
import { shuffle } from './greedy-rota';

export interface NeighbourhoodOptions {
  /** Solver seconds to spend (summed HiGHS run times, or `now` when given). */
  seconds: number;
  seed: number;
  now?: () => number;
  /** A proven lower bound on the objective: the search stops once it is reached (optimal). */
  bound?: number;
  /** People re-optimised together in one sub-MIP. */
  size?: number;
  onImproved?: (assignments: Assignment[], objective: number) => void;
}

/**
 * Large-neighbourhood search: hold most of the team fixed, re-solve the MIP for a subset
 * of people (mostly sharing a channel) with the others' coverage as constants, keep the
 * result when the week's objective does not get worse. Each sub-MIP is small enough for
 * HiGHS to solve in seconds where the full model's root LP alone can take a minute.
 */
export async function neighbourhoodSearch(
  problem: Problem,
  prep: Prepared,
  start: Assignment[],
  o: NeighbourhoodOptions,
): Promise<{ assignments: Assignment[]; objective: number }> {
  const rnd = mulberry32(o.seed ^ 0x9e3779b9);
  const n = prep.people.length;
  let size = Math.min(n, o.size ?? Math.max(6, Math.min(12, Math.round(n * 0.06))));
  let best = placeOffQueue(problem, prep.week, prep.patterns, prep.people, start);
  let bestObj = evaluate(problem, prep, best);
  let spent = 0;
  const t0 = o.now?.() ?? 0;
  const used = () => (o.now ? (o.now() - t0) / 1000 : spent);
  const proven = () => o.bound !== undefined && bestObj - o.bound <= 1e-6 + 1e-4 * Math.abs(bestObj);
  for (let round = 0; used() < o.seconds && round < 10000 && !proven(); round++) {
    const active = pickPeople(prep, size, rnd);
    const activeSet = new Set(active);
    const model = buildRotaModel(problem, prep.week, prep.patterns, prep.people, {
      active,
      fixedDuty: fixedDuty(
        problem,
        prep,
        best.filter((a) => !activeSet.has(a.person)),
      ),
    });
    const sparse = model.lp.build(Infinity);
    const run = await runMip(sparse, {
      timeLimitSeconds: Math.max(1, Math.min(6, o.seconds - used())),
      seed: o.seed + round,
      start: startFromAssignments(
        model,
        best.filter((a) => activeSet.has(a.person)),
      ),
      relativeGap: 1e-6,
    });
    spent += run.seconds;
    // Adapt the neighbourhood to the machine: grow while sub-MIPs close quickly, shrink when they time out.
    if (run.status === 'optimal' && run.seconds < 2) size = Math.min(n, size + 1);
    else if (run.status !== 'optimal') size = Math.max(4, size - 1);
    if (!run.colValue) continue;
    const candidate = [...best.filter((a) => !activeSet.has(a.person)), ...assignmentsFromSolution(model, prep.patterns, run.colValue)];
    const obj = evaluate(problem, prep, candidate);
    if (obj <= bestObj + 1e-9) {
      const improved = obj < bestObj - 1e-9;
      best = candidate;
      bestObj = obj;
      if (improved) o.onImproved?.(best, bestObj);
    }
  }
  return { assignments: best, objective: bestObj };
}

function evaluate(problem: Problem, prep: Prepared, list: Assignment[]): number {
  const shifts = shiftsFromAssignments(problem, prep.week, prep.patterns, prep.people, list);
  return objectiveOf(problem, prep, list, coverageOf(problem, shifts, prep.week).shortfallAgentHours);
}

/** Half the time people sharing one channel (they can trade coverage), else anyone. */
function pickPeople(prep: Prepared, size: number, rnd: () => number): number[] {
  const all = prep.people.filter((p) => p.skills.length).map((p) => p.index);
  const channel = Math.floor(rnd() * prep.week.channels.length);
  const pool = rnd() < 0.5 ? all.filter((i) => prep.people[i].skills.includes(channel)) : all;
  const chosen = new Set<number>();
  for (const i of shuffle(pool, rnd)) if (chosen.size < size) chosen.add(i);
  for (const i of shuffle(all, rnd)) if (chosen.size < size) chosen.add(i);
  return [...chosen].sort((a, b) => a - b);
}

/** On-duty fractions of the fixed people per skill group and interval. */
function fixedDuty(problem: Problem, prep: Prepared, fixed: Assignment[]): Float64Array[] {
  const { groups, groupOf } = buildGroups(prep.people);
  const out = groups.map(() => new Float64Array(prep.week.intervals));
  for (const a of fixed) {
    const pat = prep.patterns[a.pattern];
    const t0 = Math.max(0, Math.floor(pat.start / prep.week.step));
    const t1 = Math.min(prep.week.intervals - 1, Math.ceil(pat.end / prep.week.step) - 1);
    for (let t = t0; t <= t1; t++) out[groupOf[a.person]][t] += dutyFraction(prep.week, pat, a.breakStart, problem.rules.breakMinutes, t);
    for (const t of a.offQueue ?? []) out[groupOf[a.person]][t] -= 1;
  }
  return out;
}
