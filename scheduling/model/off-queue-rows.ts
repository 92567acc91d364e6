import type { Problem } from '../types';
import type { Pattern, PersonPlan } from '../candidates';
import type { Week } from '../week';
import type { LpBuilder } from './lp-builder';
import { dutyFraction, type SkillGroup } from './skill-group';

/** The person's share of worked time on the queue (1 when unset). */
export function queueShareOf(p: PersonPlan): number {
  const s = p.member.queueShare;
  return s === undefined || !Number.isFinite(s) ? 1 : Math.min(1, Math.max(0, s));
}

/** Coverage-grid steps a shift of `workedMinutes` must spend off the queue (rounded up). */
export function offQueueStepsNeeded(share: number, workedMinutes: number, step: number): number {
  return share >= 1 ? 0 : Math.ceil(((1 - share) * workedMinutes) / step - 1e-9);
}

/**
 * Off-queue time of one person with a queue share below 1 (alone in their skill group, so the
 * group's lunch columns are theirs):
 *
 *   o[t] ∈ {0,1}   the person is off the queue for coverage step t
 *   o[t] ≤ Σ f·b    only while on duty (in a shift, not at lunch)
 *   Σ_{t∈day} o[t]·step ≥ (1 − share) · Σ_{s on day} worked(s)·x[s]   (hours)
 *
 * Binary o keeps on-duty counts whole per step, so the model's shortfall stays the per-minute
 * one and its bound stays valid. Returns step → o column; coverage subtracts them.
 */
export function addOffQueueRows(
  lp: LpBuilder,
  problem: Problem,
  week: Week,
  patterns: Pattern[],
  p: PersonPlan,
  x: Map<number, number>,
  g: SkillGroup,
): Map<number, number> {
  const share = queueShareOf(p);
  const o = new Map<number, number>();
  if (share >= 1 || !x.size) return o;
  const duty = new Map<number, { cols: number[]; coefs: number[] }>();
  for (const [id, opts] of g.breakCols) {
    const pat = patterns[id];
    for (let t = Math.floor(pat.start / week.step); t * week.step < pat.end && t < week.intervals; t++) {
      for (const opt of opts) {
        const f = dutyFraction(week, pat, opt.breakStart, problem.rules.breakMinutes, t);
        if (f < 1e-9) continue;
        const d = duty.get(t) ?? duty.set(t, { cols: [], coefs: [] }).get(t)!;
        d.cols.push(opt.col);
        d.coefs.push(f);
      }
    }
  }
  for (const [t, d] of [...duty].sort((a, b) => a[0] - b[0])) {
    const col = lp.addCol(`o_${p.index}_${t}`, 0, 0, 1, true);
    o.set(t, col);
    lp.addRow([...d.cols, col], [...d.coefs, -1], 0, Infinity);
  }
  const hours = week.step / 60;
  for (let day = 0; day < 7; day++) {
    const ids = [...x.keys()].filter((id) => patterns[id].day === day);
    const steps = [...o.keys()].filter((t) => t * week.step >= week.dayStart[day] && t * week.step < week.dayStart[day + 1]);
    if (!ids.length) continue;
    lp.addRow(
      [...steps.map((t) => o.get(t)!), ...ids.map((id) => x.get(id)!)],
      [...steps.map(() => hours), ...ids.map((id) => (-(1 - share) * patterns[id].workedMinutes) / 60)],
      -1e-9,
      Infinity,
    );
  }
  return o;
}
