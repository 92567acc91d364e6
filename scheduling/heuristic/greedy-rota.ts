import type { Problem } from '../types';
import type { Prepared } from '../prepare';
import type { Assignment } from '../extract';
import { dutyFraction } from '../model/rota-model';
import { softCost } from '../model/soft-goals';
import { mulberry32 } from '../../forecasting/random';
import { bestPersonWeek } from './person-week';
import { queueShareOf } from '../model/off-queue-rows';

/** On-duty fractions per interval of one shift with one lunch option. */
interface Duty {
  breakStart: number;
  t: Int32Array;
  f: Float64Array;
}

/** Where one person's on-duty time went: interval, channel, fraction. */
type Allocation = Array<[number, number, number]>;

/**
 * A rota that keeps every hard rule, built fast and without the MIP: people one at a time
 * take their best week against the requirement still uncovered (exact per-person DP), then
 * passes of "take one person out, give them their best week against the rest" until nothing
 * improves. Used as the MIP's warm start and as the answer when the MIP finds nothing in time.
 */
export function greedyRota(problem: Problem, prep: Prepared, seed: number, passes = 4): Assignment[] | null {
  const { week, patterns, people } = prep;
  const residual = week.required.map((r) => Float64Array.from(r));
  const duties = new Map<number, Duty[]>();
  const dutyOf = (id: number) => duties.get(id) ?? duties.set(id, makeDuties(problem, prep, id)).get(id)!;
  const soft = people.map((p) => new Map(p.allowed.map((id) => [id, softCost(problem, week, patterns[id], p)])));
  const hours = week.step / 60;
  const current: Array<{ list: Assignment[]; alloc: Allocation }> = people.map(() => ({ list: [], alloc: [] }));
  const rnd = mulberry32(seed);
  const order = people.map((p) => p.index).sort((a, b) => people[a].allowed.length - people[b].allowed.length || rnd() - 0.5);
  for (let pass = 0; pass <= passes; pass++) {
    let changed = false;
    for (const i of pass === 0 ? order : shuffle(order, rnd)) {
      const p = people[i];
      if (!p.skills.length && pass > 0) continue;
      unapply(residual, current[i].alloc);
      // Off-queue steps are placed afterwards (off-queue.ts); here a person with a queue share
      // counts as that share of a person on duty, which steers them to the busier hours.
      const share = queueShareOf(p);
      const choice = new Map<number, Duty>();
      const value = (id: number) => {
        let best = -Infinity;
        for (const d of dutyOf(id)) {
          let v = 0;
          for (let k = 0; k < d.t.length; k++) v += Math.min(d.f[k] * share, Math.max(0, bestResidual(residual, p.skills, d.t[k])));
          if (v > best) {
            best = v;
            choice.set(id, d);
          }
        }
        return best * hours - (soft[i].get(id) ?? 0);
      };
      const ids = bestPersonWeek(problem, patterns, p, value);
      if (!ids) return null;
      const list = ids.map((id) => ({ person: i, pattern: id, breakStart: (choice.get(id) ?? dutyOf(id)[0]).breakStart }));
      if (pass > 0 && sameWeek(list, current[i].list)) {
        apply(residual, current[i].alloc);
        continue;
      }
      changed = true;
      current[i] = {
        list,
        alloc: allocate(
          residual,
          p.skills,
          list.map((a) => dutyOf(a.pattern).find((d) => d.breakStart === a.breakStart)!),
          share,
        ),
      };
    }
    if (!changed) break;
  }
  return current.flatMap((c) => c.list);
}

function makeDuties(problem: Problem, prep: Prepared, id: number): Duty[] {
  const { week, patterns } = prep;
  const pat = patterns[id];
  const t0 = Math.floor(pat.start / week.step);
  const t1 = Math.min(week.intervals - 1, Math.ceil(pat.end / week.step) - 1);
  const starts = pat.breakStarts.length ? pat.breakStarts : [-1];
  return starts.map((bs) => {
    const t: number[] = [];
    const f: number[] = [];
    for (let k = Math.max(0, t0); k <= t1; k++) {
      const x = dutyFraction(week, pat, bs, problem.rules.breakMinutes, k);
      if (x > 1e-9) {
        t.push(k);
        f.push(x);
      }
    }
    return { breakStart: bs, t: Int32Array.from(t), f: Float64Array.from(f) };
  });
}

function bestResidual(residual: Float64Array[], skills: number[], t: number): number {
  let r = -Infinity;
  for (const c of skills) if (residual[c][t] > r) r = residual[c][t];
  return r;
}

/** Each on-duty stretch goes to the person's channel with the most uncovered requirement. */
function allocate(residual: Float64Array[], skills: number[], duties: Duty[], share: number): Allocation {
  const out: Allocation = [];
  if (!skills.length) return out;
  for (const d of duties) {
    for (let k = 0; k < d.t.length; k++) {
      let c = skills[0];
      for (const s of skills) if (residual[s][d.t[k]] > residual[c][d.t[k]]) c = s;
      residual[c][d.t[k]] -= d.f[k] * share;
      out.push([d.t[k], c, d.f[k] * share]);
    }
  }
  return out;
}

function unapply(residual: Float64Array[], alloc: Allocation): void {
  for (const [t, c, f] of alloc) residual[c][t] += f;
}

function apply(residual: Float64Array[], alloc: Allocation): void {
  for (const [t, c, f] of alloc) residual[c][t] -= f;
}

function sameWeek(a: Assignment[], b: Assignment[]): boolean {
  return a.length === b.length && a.every((x, i) => x.pattern === b[i].pattern && x.breakStart === b[i].breakStart);
}

export function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
