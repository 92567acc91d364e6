/**
 * How a saved scenario changes the week's rota problem when it becomes a draft (through the
 * one generation path, rota-generate.ts):
 * - The requirement of the scenario's channels: per interval the fewest people on the queue that
 *   meet the scenario's targets with its contacts and handle time (staffing/extra-to-target.ts
 *   from nobody), divided by the share of people on duty left on the queue by the shrinkage
 *   lever and rounded up. Other channels keep the week's requirement.
 * - Named people off on chosen days are unavailable on those local days (no day: all week).
 * Not carried over: "n people off sick" (who they are depends on a rota) and new hires (nobody
 * to name): the page says so.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import type { Problem } from '../scheduling';
import { extraToTarget } from '../staffing';
import { scenarioDemand, type ScenarioInput } from './scenario-run';

/** The change a scenario makes to the week's problem (see the file comment). */
export async function scenarioProblemChange(
  ds: DataSource,
  input: ScenarioInput,
  q: { zone: string; now: Date; teamId?: number },
): Promise<(p: Problem) => Problem> {
  const { view, scope, queueShare } = await scenarioDemand(ds, input, q);
  const byId = new Map(view.channels.map((c) => [c.id, c]));
  const required = new Map<string, number>();
  for (const r of view.projection.rows) {
    const c = byId.get(r.channel);
    if (!c || !scope.includes(r.channel)) continue;
    const onQueue = extraToTarget(c, view.intervalMinutes, { volume: r.volume, ahtSeconds: r.ahtSeconds, onQueue: 0 });
    required.set(`${r.channel}|${Date.parse(r.start)}`, Math.ceil(onQueue / Math.max(1e-9, queueShare(r.channel)) - 1e-9));
  }
  const monday = DateTime.fromISO(view.weekStart, { zone: q.zone });
  const off = new Map(
    (input.absences ?? []).map((a) => [
      String(a.staffId),
      (a.weekdays.length ? a.weekdays : [1, 2, 3, 4, 5, 6, 7]).map((d) => {
        const day = monday.plus({ days: d - 1 });
        return { start: day.toISO({ suppressMilliseconds: true })!, end: day.plus({ days: 1 }).toISO({ suppressMilliseconds: true })! };
      }),
    ]),
  );
  return (p) => ({
    ...p,
    requirements: p.requirements.map((r) => {
      const k = `${r.channel}|${Date.parse(r.timestamp)}`;
      return required.has(k) ? { ...r, required: required.get(k)! } : r;
    }),
    staff: p.staff.map((m) => (off.has(m.id) ? { ...m, unavailable: [...m.unavailable, ...off.get(m.id)!] } : m)),
  });
}
