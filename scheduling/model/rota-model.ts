import type { Problem } from '../types';
import type { Pattern, PersonPlan } from '../candidates';
import type { Week } from '../week';
import { LpBuilder } from './lp-builder';
import { addPersonRules } from './person-rows';
import { softCost, addFairnessRows } from './soft-goals';
import { addCoverageRows } from './coverage-rows';
import type { SkillGroup } from './skill-group';
import { addOffQueueRows, queueShareOf } from './off-queue-rows';

export { dutyFraction, type SkillGroup } from './skill-group';

/**
 * The per-person rostering MIP (one binary per person × day × start × length):
 *
 *   x[p,s] ∈ {0,1}  person p works shift s
 *   b[g,s,k] ∈ ℕ    people of skill group g working s with lunch at option k
 *   a[g,t,c] ≥ 0    on-duty people of a multi-skilled group g taking channel c in interval t
 *   u[t,c] ≥ 0      shortfall (people) on channel c in interval t
 *   o[p,t] ∈ {0,1}  person p (queue share below 1) is off the queue in t (off-queue-rows.ts)
 *
 * Breaks are counted per skill group and shift rather than per person: every member of a
 * group is interchangeable for coverage, so Σ_k b[g,s,k] = Σ_{p∈g} x[p,s] and the names
 * are given their lunch slot afterwards. Coverage then needs only the b columns, which
 * keeps the coverage rows short. The flexible split a[g,t,c] may be continuous: with the
 * on-duty counts integral, the split is a transportation problem with an integral optimum,
 * and the checker splits people per minute anyway.
 *
 * A scope restricts the decisions to some people (large-neighbourhood search): the others'
 * shifts are fixed and enter the coverage rows as constants.
 */

export interface ModelScope {
  /** People whose shifts are decided; everyone else is fixed. */
  active: number[];
  /** fixedDuty[g][t]: people of group g held fixed and on duty in interval t (fractions). */
  fixedDuty: Float64Array[];
}

export interface RotaModel {
  lp: LpBuilder;
  /** x columns per person: pattern id → column (empty for people outside the scope). */
  x: Array<Map<number, number>>;
  groups: SkillGroup[];
  groupOf: number[];
  /** u[c][t] column or -1. */
  shortfallCols: Int32Array[];
  /** Agent-hours per unit of u (intervalMinutes / 60). */
  hoursPerUnit: number;
  /** o columns per person: coverage step → column (people with a queue share below 1). */
  offQueue: Array<Map<number, number>>;
}

export function buildRotaModel(problem: Problem, week: Week, patterns: Pattern[], people: PersonPlan[], scope?: ModelScope): RotaModel {
  const lp = new LpBuilder();
  const active = new Set(scope?.active ?? people.map((p) => p.index));
  const x = people.map((p) => (active.has(p.index) ? addShiftColumns(lp, problem, week, patterns, p) : new Map<number, number>()));
  people.forEach((p) => active.has(p.index) && addPersonRules(lp, problem, week, patterns, p, x[p.index]));
  addFairnessRows(
    lp,
    problem,
    patterns,
    people.filter((p) => active.has(p.index)),
    x,
  );
  const { groups, groupOf } = buildGroups(people);
  groups.forEach((g, gi) => addBreakColumns(lp, patterns, g, gi, x));
  const offQueue = people.map((p) => addOffQueueRows(lp, problem, week, patterns, p, x[p.index], groups[groupOf[p.index]]));
  const hoursPerUnit = week.step / 60;
  const groupOffQueue = groups.map((g) => (g.members.length === 1 ? offQueue[g.members[0]] : undefined));
  const shortfallCols = addCoverageRows(lp, problem, week, patterns, groups, hoursPerUnit, scope?.fixedDuty, groupOffQueue);
  return { lp, x, groups, groupOf, shortfallCols, hoursPerUnit, offQueue };
}

function addShiftColumns(lp: LpBuilder, problem: Problem, week: Week, patterns: Pattern[], p: PersonPlan): Map<number, number> {
  const cols = new Map<number, number>();
  for (const id of p.allowed) {
    const locked = p.locked.includes(id);
    cols.set(id, lp.addCol(`x_${p.index}_${id}`, softCost(problem, week, patterns[id], p), locked ? 1 : 0, 1, true));
  }
  return cols;
}

export function buildGroups(people: PersonPlan[]): { groups: SkillGroup[]; groupOf: number[] } {
  const byKey = new Map<string, SkillGroup>();
  const groupOf: number[] = [];
  for (const p of people) {
    const skills = [...p.skills].sort((a, b) => a - b);
    // Someone with a queue share below 1 is not interchangeable: their off-queue time is theirs.
    const key = queueShareOf(p) < 1 ? `p${p.index}` : skills.join(',');
    if (!byKey.has(key)) byKey.set(key, { skills, members: [], breakCols: new Map() });
    byKey.get(key)!.members.push(p.index);
  }
  const groups = [...byKey.values()];
  groups.forEach((g, gi) => g.members.forEach((m) => (groupOf[m] = gi)));
  return { groups, groupOf };
}

/** b[g,s,k] and the link Σ_k b = Σ_{p∈g} x[p,s] for every shift some member may work. */
function addBreakColumns(lp: LpBuilder, patterns: Pattern[], g: SkillGroup, gi: number, x: Array<Map<number, number>>): void {
  if (!g.skills.length) return;
  const takers = new Map<number, number[]>();
  for (const m of g.members) {
    for (const [id, col] of x[m]) (takers.get(id) ?? takers.set(id, []).get(id)!).push(col);
  }
  for (const [id, xcols] of [...takers].sort((a, b) => a[0] - b[0])) {
    const starts = patterns[id].breakStarts.length ? patterns[id].breakStarts : [-1];
    const opts = starts.map((bs) => ({ breakStart: bs, col: lp.addCol(`b_${gi}_${id}_${bs}`, 0, 0, xcols.length, true) }));
    g.breakCols.set(id, opts);
    lp.addRow([...opts.map((o) => o.col), ...xcols], [...opts.map(() => 1), ...xcols.map(() => -1)], 0, 0);
  }
}
