import type { Problem } from '../types';
import type { Pattern, PersonPlan } from '../candidates';
import type { Week } from '../week';
import { LpBuilder } from './lp-builder';
import { addPersonRules } from './person-rows';
import { softCost, addFairnessRows } from './soft-goals';

/**
 * The per-person rostering MIP (one binary per person × day × start × length):
 *
 *   x[p,s] ∈ {0,1}  person p works shift s
 *   b[g,s,k] ∈ ℕ    people of skill group g working s with lunch at option k
 *   a[g,t,c] ≥ 0    on-duty people of a multi-skilled group g taking channel c in interval t
 *   u[t,c] ≥ 0      shortfall (people) on channel c in interval t
 *
 * Breaks are counted per skill group and shift rather than per person: every member of a
 * group is interchangeable for coverage, so Σ_k b[g,s,k] = Σ_{p∈g} x[p,s] and the names
 * are given their lunch slot afterwards. Coverage then needs only the b columns, which
 * keeps the coverage rows short. The flexible split a[g,t,c] may be continuous: with the
 * on-duty counts integral, the split is a transportation problem with an integral optimum,
 * and the checker splits people per minute anyway.
 */
export interface SkillGroup {
  skills: number[];
  members: number[];
  /** pattern id → lunch options (start minute, column). */
  breakCols: Map<number, Array<{ breakStart: number; col: number }>>;
}

export interface RotaModel {
  lp: LpBuilder;
  /** x columns per person: pattern id → column. */
  x: Array<Map<number, number>>;
  groups: SkillGroup[];
  groupOf: number[];
  /** u[c][t] column or -1. */
  shortfallCols: Int32Array[];
  /** Agent-hours per unit of u (intervalMinutes / 60). */
  hoursPerUnit: number;
}

export function buildRotaModel(problem: Problem, week: Week, patterns: Pattern[], people: PersonPlan[]): RotaModel {
  const lp = new LpBuilder();
  const x = people.map((p) => addShiftColumns(lp, problem, week, patterns, p));
  people.forEach((p) => addPersonRules(lp, problem, week, patterns, p, x[p.index]));
  addFairnessRows(lp, problem, patterns, people, x);
  const { groups, groupOf } = buildGroups(people);
  groups.forEach((g, gi) => addBreakColumns(lp, week, patterns, people, g, gi, x, problem.rules.breakMinutes));
  const hoursPerUnit = week.step / 60;
  const shortfallCols = addCoverageRows(lp, problem, week, patterns, groups, hoursPerUnit);
  return { lp, x, groups, groupOf, shortfallCols, hoursPerUnit };
}

function addShiftColumns(lp: LpBuilder, problem: Problem, week: Week, patterns: Pattern[], p: PersonPlan): Map<number, number> {
  const cols = new Map<number, number>();
  for (const id of p.allowed) {
    const pat = patterns[id];
    const locked = p.locked.includes(id);
    cols.set(id, lp.addCol(`x_${p.index}_${id}`, softCost(problem, week, pat, p), locked ? 1 : 0, 1, true));
  }
  return cols;
}

function buildGroups(people: PersonPlan[]): { groups: SkillGroup[]; groupOf: number[] } {
  const byKey = new Map<string, SkillGroup>();
  const groupOf: number[] = [];
  for (const p of people) {
    const skills = [...p.skills].sort((a, b) => a - b);
    const key = skills.join(',');
    if (!byKey.has(key)) byKey.set(key, { skills, members: [], breakCols: new Map() });
    byKey.get(key)!.members.push(p.index);
  }
  const groups = [...byKey.values()];
  for (const p of people) groupOf[p.index] = groups.findIndex((g) => g.members.includes(p.index));
  return { groups, groupOf };
}

/** b[g,s,k] and the link Σ_k b = Σ_{p∈g} x[p,s] for every shift some member may work. */
function addBreakColumns(lp: LpBuilder, week: Week, patterns: Pattern[], people: PersonPlan[], g: SkillGroup, gi: number,
  x: Array<Map<number, number>>, breakMinutes: number): void {
  if (!g.skills.length) return;
  const takers = new Map<number, number[]>();
  for (const m of g.members) {
    for (const [id, col] of x[m]) {
      if (!takers.has(id)) takers.set(id, []);
      takers.get(id)!.push(col);
    }
  }
  for (const [id, xcols] of [...takers].sort((a, b) => a[0] - b[0])) {
    const pat = patterns[id];
    const starts = pat.breakStarts.length ? pat.breakStarts : [-1];
    const opts = starts.map((bs) => ({ breakStart: bs, col: lp.addCol(`b_${gi}_${id}_${bs}`, 0, 0, xcols.length, true) }));
    g.breakCols.set(id, opts);
    lp.addRow([...opts.map((o) => o.col), ...xcols], [...opts.map(() => 1), ...xcols.map(() => -1)], 0, 0);
  }
  void week;
  void people;
  void breakMinutes;
}

/** Fraction of interval t that a shift with lunch at breakStart is on duty. */
export function dutyFraction(week: Week, pat: Pattern, breakStart: number, breakMinutes: number, t: number): number {
  const a = t * week.step;
  const b = a + week.step;
  const overlap = (s: number, e: number) => Math.max(0, Math.min(b, e) - Math.max(a, s));
  const off = breakStart >= 0 ? overlap(breakStart, breakStart + breakMinutes) : 0;
  return (overlap(pat.start, pat.end) - off) / week.step;
}

function addCoverageRows(lp: LpBuilder, problem: Problem, week: Week, patterns: Pattern[], groups: SkillGroup[], hoursPerUnit: number): Int32Array[] {
  const C = week.channels.length;
  const u = week.channels.map(() => new Int32Array(week.intervals).fill(-1));
  // duty[g][t]: (column, fraction) pairs of group g on duty in interval t.
  const duty = groups.map(() => Array.from({ length: week.intervals }, () => ({ cols: [] as number[], coefs: [] as number[] })));
  groups.forEach((g, gi) => {
    for (const [id, opts] of g.breakCols) {
      const pat = patterns[id];
      const t0 = Math.max(0, Math.floor(pat.start / week.step));
      const t1 = Math.min(week.intervals - 1, Math.ceil(pat.end / week.step) - 1);
      for (const o of opts) {
        for (let t = t0; t <= t1; t++) {
          const f = dutyFraction(week, pat, o.breakStart, problem.rules.breakMinutes, t);
          if (f > 1e-9) {
            duty[gi][t].cols.push(o.col);
            duty[gi][t].coefs.push(f);
          }
        }
      }
    }
  });
  const weight = problem.weights.service * hoursPerUnit;
  for (let t = 0; t < week.intervals; t++) {
    const cov = Array.from({ length: C }, () => ({ cols: [] as number[], coefs: [] as number[] }));
    groups.forEach((g, gi) => {
      const d = duty[gi][t];
      if (!d.cols.length) return;
      const live = g.skills.filter((c) => week.required[c][t] > 0);
      if (g.skills.length === 1) {
        if (live.length) cov[live[0]].cols.push(...d.cols), cov[live[0]].coefs.push(...d.coefs);
        return;
      }
      if (!live.length) return;
      const alloc = live.map((c) => lp.addCol(`a_${gi}_${t}_${c}`, 0, 0, Infinity, false));
      lp.addRow([...alloc, ...d.cols], [...alloc.map(() => 1), ...d.coefs.map((v) => -v)], -Infinity, 0);
      live.forEach((c, i) => { cov[c].cols.push(alloc[i]); cov[c].coefs.push(1); });
    });
    for (let c = 0; c < C; c++) {
      const req = week.required[c][t];
      if (req <= 0) continue;
      u[c][t] = lp.addCol(`u_${t}_${c}`, weight, 0, req, false);
      lp.addRow([...cov[c].cols, u[c][t]], [...cov[c].coefs, 1], req, Infinity);
    }
  }
  return u;
}
