/** The coordinator sets the planning period's rules (stored with the team's labour rules, audited). */
import type { DataSource } from '../models';
import { appendAudit } from '../models/repositories/audit';
import { getTeamSettings, updateTeamSettings } from '../models/repositories/settings';
import { inTransaction } from '../models/repositories/rotas';
import type { PeriodRules } from '../scheduling';

/** The bounds of each number a coordinator may set (the form's and the use case's). */
export const PERIOD_RULE_BOUNDS = {
  maxWeekendsPer4Weeks: [0, 4],
  minDaysOffRun: [1, 7],
  minWorkRunDays: [1, 7],
  maxWorkRunDays: [1, 14],
  maxLateShiftsPer4Weeks: [0, 28],
  maxNightShiftsPer4Weeks: [0, 28],
  periodHoursToleranceHours: [0, 40],
} as const satisfies Record<Exclude<keyof PeriodRules, 'forbiddenSuccessions'>, readonly [number, number]>;

export async function setPeriodRules(
  ds: DataSource,
  input: { rules: PeriodRules; now: Date; userId: number; teamId?: number },
): Promise<{ kind: 'ok' } | { kind: 'notSetUp' }> {
  return inTransaction(ds, async (tx) => {
    const current = await getTeamSettings(tx, input.teamId);
    if (!current) return { kind: 'notSetUp' as const };
    await updateTeamSettings(
      tx,
      current.version,
      { rules: { ...current.rules, period: input.rules } },
      input.now.toISOString(),
      current.teamId,
    );
    await appendAudit(tx, {
      at: input.now.toISOString(),
      userId: input.userId,
      action: 'settings.period_rules',
      entity: 'team_settings',
      entityId: current.id,
      detail: { from: current.rules.period, to: input.rules },
    });
    return { kind: 'ok' as const };
  });
}
