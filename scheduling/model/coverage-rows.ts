import type { Problem } from '../types';
import type { Pattern } from '../candidates';
import type { Week } from '../week';
import type { LpBuilder } from './lp-builder';
import { dutyFraction, type SkillGroup } from './skill-group';

interface Terms {
  cols: number[];
  coefs: number[];
}

/**
 * Coverage per interval t and channel c:  Σ single-skill on duty + Σ_g a[g,t,c] + u[t,c] ≥ required,
 * and per multi-skilled group:  Σ_c a[g,t,c] ≤ on duty of g (+ fixed people of g).
 * People held fixed (fixedDuty) count as constants; off-queue steps (o columns) count against
 * their person's group. Returns the u columns.
 */
export function addCoverageRows(
  lp: LpBuilder,
  problem: Problem,
  week: Week,
  patterns: Pattern[],
  groups: SkillGroup[],
  hoursPerUnit: number,
  fixedDuty?: Float64Array[],
  offQueue?: Array<Map<number, number> | undefined>,
): Int32Array[] {
  const C = week.channels.length;
  const u = week.channels.map(() => new Int32Array(week.intervals).fill(-1));
  const duty = groups.map((g) => dutyTerms(problem, week, patterns, g));
  const weight = problem.weights.service * hoursPerUnit;
  for (let t = 0; t < week.intervals; t++) {
    const cov: Terms[] = Array.from({ length: C }, () => ({ cols: [], coefs: [] }));
    const constant = new Float64Array(C);
    groups.forEach((g, gi) => {
      const off = offQueue?.[gi]?.get(t);
      // A step off the queue takes the person out of this step's coverage.
      const d = off === undefined ? duty[gi][t] : { cols: [...duty[gi][t].cols, off], coefs: [...duty[gi][t].coefs, -1] };
      const fixed = fixedDuty?.[gi]?.[t] ?? 0;
      const live = g.skills.filter((c) => week.required[c][t] > 0);
      if (!live.length || (!d.cols.length && fixed <= 0)) return;
      if (g.skills.length === 1) {
        cov[live[0]].cols.push(...d.cols);
        cov[live[0]].coefs.push(...d.coefs);
        constant[live[0]] += fixed;
        return;
      }
      const alloc = live.map((c) => lp.addCol(`a_${gi}_${t}_${c}`, 0, 0, Infinity, false));
      lp.addRow([...alloc, ...d.cols], [...alloc.map(() => 1), ...d.coefs.map((v) => -v)], -Infinity, fixed);
      live.forEach((c, i) => {
        cov[c].cols.push(alloc[i]);
        cov[c].coefs.push(1);
      });
    });
    for (let c = 0; c < C; c++) {
      const req = week.required[c][t] - constant[c];
      if (req <= 1e-9) continue;
      u[c][t] = lp.addCol(`u_${t}_${c}`, weight, 0, req, false);
      lp.addRow([...cov[c].cols, u[c][t]], [...cov[c].coefs, 1], req, Infinity);
    }
  }
  return u;
}

/** duty[t]: (b column, on-duty fraction) pairs of the group in interval t. */
function dutyTerms(problem: Problem, week: Week, patterns: Pattern[], g: SkillGroup): Terms[] {
  const duty: Terms[] = Array.from({ length: week.intervals }, () => ({ cols: [], coefs: [] }));
  for (const [id, opts] of g.breakCols) {
    const pat = patterns[id];
    const t0 = Math.max(0, Math.floor(pat.start / week.step));
    const t1 = Math.min(week.intervals - 1, Math.ceil(pat.end / week.step) - 1);
    for (const o of opts) {
      for (let t = t0; t <= t1; t++) {
        const f = dutyFraction(week, pat, o.breakStart, problem.rules.breakMinutes, t);
        if (f > 1e-9) {
          duty[t].cols.push(o.col);
          duty[t].coefs.push(f);
        }
      }
    }
  }
  return duty;
}
