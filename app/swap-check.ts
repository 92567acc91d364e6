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
import { listShifts } from '../models/repositories/rotas';
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

/** Who works each shift once the swap is done. */
function afterSwap(plan: SwapPlan, s: { id: number; staffId: number }): number {
  if (s.id === plan.shift.id) return plan.targetStaffId;
  if (plan.targetShift && s.id === plan.targetShift.id) return plan.requesterStaffId;
  return s.staffId;
}

async function checkOneRota(db: DataSource, zone: string, plan: SwapPlan, rota: { id: number; weekStart: string }): Promise<SwapProblem[]> {
  const [staff, settings, shifts] = await Promise.all([listStaff(db), getTeamSettings(db), listShifts(db, rota.id)]);
  const ctx = await loadRotaContext(db, {
    weekStart: rota.weekStart,
    zone,
    intervalMinutes: settings?.intervalMinutes ?? 60,
    now: new Date(0),
    withRequirement: false,
  });
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

/** The swap's new rule violations in every rota week it touches. */
export async function checkSwap(db: DataSource, zone: string, plan: SwapPlan): Promise<SwapCheck> {
  const rotas = new Map(
    [plan.shift, plan.targetShift]
      .filter((s): s is RotaShift => s !== null)
      .map((s) => [s.rotaId, { id: s.rotaId, weekStart: s.weekStart }]),
  );
  const problems: SwapProblem[] = [];
  for (const rota of rotas.values()) problems.push(...(await checkOneRota(db, zone, plan, rota)));
  return { ok: !problems.some((p) => p.severity === 'bad'), problems };
}
