/** The coordinator sets how many weeks the fairness ledger and the optimiser look back. */
import type { DataSource } from '../models';
import { appendAudit } from '../models/repositories/audit';
import { getTeamSettings, updateTeamSettings } from '../models/repositories/settings';
import { inTransaction } from '../models/repositories/rotas';

export const FAIRNESS_WINDOW_MIN = 1;
export const FAIRNESS_WINDOW_MAX = 52;

export async function setFairnessWindow(
  ds: DataSource,
  input: { weeks: number; now: Date; userId: number; teamId?: number },
): Promise<{ kind: 'ok' } | { kind: 'notSetUp' }> {
  return inTransaction(ds, async (tx) => {
    const current = await getTeamSettings(tx, input.teamId);
    if (!current) return { kind: 'notSetUp' as const };
    const from = current.rules.fairnessWindowWeeks;
    await updateTeamSettings(
      tx,
      current.version,
      { rules: { ...current.rules, fairnessWindowWeeks: input.weeks } },
      input.now.toISOString(),
      current.teamId,
    );
    await appendAudit(tx, {
      at: input.now.toISOString(),
      userId: input.userId,
      action: 'settings.fairness_window',
      entity: 'team_settings',
      entityId: current.id,
      detail: { from, to: input.weeks },
    });
    return { kind: 'ok' as const };
  });
}
