/**
 * What a swap would do to the labour rules: the change path's check (rota-change: checkRota on
 * the week's problem from rota-problem, last week's published shifts as context) runs on the
 * week before and after the exchange, and the violations that only appear after it are the
 * swap's problems. Rules already broken before the swap are not blamed on it.
 *
 * Assumptions: the check covers the rota week(s) of the two shifts; the week after is not
 * looked at.
 */
import type { CodeParams, Violation } from '../scheduling';
import type { DataSource } from '../models';
import { listStaff } from '../models/repositories/staff';
import { getTeamSettings } from '../models/repositories/settings';
import { getRota, listRotasForWeek, listShifts } from '../models/repositories/rotas';
import { teamIdOrDefault } from './team-scope';
import type { RotaShift } from '../models/repositories/requests';
import { loadRotaContext } from './rota-problem';
import { judge, weekViolations } from './rota-change';

export interface SwapProblem {
  rule: string;
  staffId: number;
  staffName: string;
  /** ISO instant the problem is at, when it has one. */
  time: string | null;
  /** How the rule is broken and its figures (render with violationText / violationDetail). */
  code: string;
  params: CodeParams;
  /** The broken rule as the checker reports it. */
  violation: Violation;
  /** 'warn' for rules a coordinator often accepts on purpose (hours against the contract). */
  severity: 'bad' | 'warn';
}

export interface SwapCheck {
  ok: boolean;
  problems: SwapProblem[];
}

export interface SwapPlan {
  requesterStaffId: number;
  targetStaffId: number;
  shift: RotaShift;
  targetShift: RotaShift | null;
}

const SOFT_RULES = new Set(['contractHours']);

/** Who works each shift once the swap is done (shifts matched by uid: a draft has its own ids). */
function afterSwap(plan: SwapPlan, s: { uid: string; staffId: number }): number {
  if (s.uid === plan.shift.uid) return plan.targetStaffId;
  if (plan.targetShift && s.uid === plan.targetShift.uid) return plan.requesterStaffId;
  return s.staffId;
}

async function checkOneRota(db: DataSource, zone: string, plan: SwapPlan, rota: { id: number; weekStart: string }): Promise<SwapProblem[]> {
  const teamId = (await getRota(db, rota.id))?.teamId;
  const [staff, settings, shifts] = await Promise.all([listStaff(db), getTeamSettings(db, teamId), listShifts(db, rota.id)]);
  const ctx = await loadRotaContext(db, {
    teamId,
    weekStart: rota.weekStart,
    zone,
    intervalMinutes: settings?.intervalMinutes ?? 60,
    now: new Date(0),
    withRequirement: false,
  });
  // A revision without the swapped shift (a draft that dropped it) is not changed by the approval.
  if (!shifts.some((s) => s.uid === plan.shift.uid || s.uid === plan.targetShift?.uid)) return [];
  const after = shifts.map((s) => ({ ...s, staffId: afterSwap(plan, s) }));
  const { fresh } = judge(weekViolations(ctx.problem, shifts, zone), weekViolations(ctx.problem, after, zone));
  return fresh.map((v) => ({
    rule: v.rule,
    staffId: Number(v.staffId),
    staffName: staff.find((p) => String(p.id) === v.staffId)?.name ?? '',
    time: v.time,
    code: v.code,
    params: v.params,
    violation: v,
    severity: SOFT_RULES.has(v.rule) ? 'warn' : 'bad',
  }));
}

/**
 * The swap's new rule violations in every rota week it touches. With `drafts`, also in each
 * week's newest draft: an approval goes into the draft too (rota-change), so the coordinator
 * deciding it sees what the approval will check, and can give an override reason.
 */
export async function checkSwap(db: DataSource, zone: string, plan: SwapPlan, opts: { drafts?: boolean } = {}): Promise<SwapCheck> {
  const rotas = new Map(
    [plan.shift, plan.targetShift]
      .filter((s): s is RotaShift => s !== null)
      .map((s) => [s.rotaId, { id: s.rotaId, weekStart: s.weekStart }]),
  );
  if (opts.drafts)
    for (const week of new Set([...rotas.values()].map((r) => r.weekStart))) {
      // The team whose rota the swap's shifts are on.
      const first = [...rotas.values()].find((r) => r.weekStart === week)!;
      const teamId = (await getRota(db, first.id))?.teamId ?? (await teamIdOrDefault(db));
      const newest = (await listRotasForWeek(db, teamId, week))[0];
      if (newest && newest.status === 'draft') rotas.set(newest.id, { id: newest.id, weekStart: week });
    }
  const problems: SwapProblem[] = [];
  const seen = new Set<string>();
  for (const rota of rotas.values())
    for (const p of await checkOneRota(db, zone, plan, rota)) {
      const key = `${p.rule}|${p.staffId}|${p.time}`;
      if (!seen.has(key)) problems.push(p);
      seen.add(key);
    }
  return { ok: !problems.some((p) => p.severity === 'bad'), problems };
}
