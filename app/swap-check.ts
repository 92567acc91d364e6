/**
 * What a swap would do to the labour rules: the rota optimiser's rule checker (checkRota) runs
 * on both people's week before and after the exchange, and the violations that only appear
 * after it are the swap's problems. Rules already broken before the swap are not blamed on it.
 *
 * Assumptions: the check covers the rota week(s) of the two shifts, with the day before each
 * week as "previous shifts" (rest across the week boundary); the week after is not looked at.
 */
import { checkRota, DEFAULT_WEIGHTS, withDefaultRules, type CodeParams, type Problem, type RotaRules, type Violation } from '../scheduling';
import type { DataSource } from '../models';
import { listStaff } from '../models/repositories/staff';
import { getTeamSettings } from '../models/repositories/settings';
import { unavailablePeriods } from '../models/repositories/availability';
import { publishedShifts, shiftsInRota, type RotaShift } from '../models/repositories/requests';
import { DateTime } from 'luxon';

export interface SwapProblem {
  rule: string;
  staffId: number;
  staffName: string;
  /** ISO instant the problem is at, when it has one. */
  time: string | null;
  /** How the rule is broken and its figures (the catalogue's `rota.ruleDetail.<code>`). */
  code: string;
  params: CodeParams;
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
function afterSwap(plan: SwapPlan, s: RotaShift): number {
  if (s.id === plan.shift.id) return plan.targetStaffId;
  if (plan.targetShift && s.id === plan.targetShift.id) return plan.requesterStaffId;
  return s.staffId;
}

const toProblemShift = (s: RotaShift, staffId: number) => ({
  staffId: String(staffId),
  start: s.start,
  end: s.end,
  breaks: s.breaks,
  channel: s.channel,
});

async function checkOneRota(db: DataSource, zone: string, plan: SwapPlan, rota: { id: number; weekStart: string }): Promise<SwapProblem[]> {
  const people = [plan.requesterStaffId, plan.targetStaffId];
  const [staff, settings, shifts, unavailable] = await Promise.all([
    listStaff(db),
    getTeamSettings(db),
    shiftsInRota(db, rota.id, people),
    unavailablePeriods(db, { weekStart: rota.weekStart, zone }),
  ]);
  const monday = DateTime.fromISO(rota.weekStart, { zone }).startOf('day');
  const previous = await publishedShifts(db, {
    staffIds: people,
    from: monday.minus({ days: 1 }).toUTC().toISO()!,
    to: monday.toUTC().toISO()!,
  });
  const problem: Problem = {
    weekStart: rota.weekStart,
    timeZone: zone,
    intervalMinutes: settings?.intervalMinutes ?? 60,
    channels: ['voice', 'chat'],
    requirements: [],
    staff: staff
      .filter((p) => people.includes(p.id))
      .map((p) => ({
        id: String(p.id),
        name: p.name,
        skills: p.skills,
        contractHoursPerWeek: p.contractHoursPerWeek,
        unavailable: unavailable.filter((u) => u.staffId === p.id).map(({ start, end }) => ({ start, end })),
        overtimeAllowed: settings?.rules.overtimeAllowed ?? false,
      })),
    rules: withDefaultRules(settings?.rules as Partial<RotaRules> | undefined),
    weights: { ...DEFAULT_WEIGHTS },
    previousShifts: previous.filter((s) => s.rotaId !== rota.id).map((s) => ({ staffId: String(s.staffId), start: s.start, end: s.end })),
  };
  const key = (v: Violation) => `${v.rule}|${v.staffId}`;
  const before = new Set(
    checkRota(
      problem,
      shifts.map((s) => toProblemShift(s, s.staffId)),
    ).map(key),
  );
  const after = checkRota(
    problem,
    shifts.map((s) => toProblemShift(s, afterSwap(plan, s))),
  );
  return after
    .filter((v) => !before.has(key(v)))
    .map((v) => ({
      rule: v.rule,
      staffId: Number(v.staffId),
      staffName: staff.find((p) => String(p.id) === v.staffId)?.name ?? '',
      time: v.time,
      code: v.code,
      params: v.params,
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
