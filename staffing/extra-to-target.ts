/**
 * "What would it take", per interval: the fewest whole people to add to those already on the
 * queue (possibly a fraction: someone there for part of the interval) so the interval meets the
 * channel's targets: service level at least `targetServiceLevel` within `thresholdSeconds`, and
 * ASA at most `targetAsaSeconds`, each when set, and a queue that settles. Figures are the one
 * projection's (mixedMetrics: Erlang-A with a patience, else Erlang-C; chat as slots), so a
 * page that adds these people sees the interval meet its target.
 */
import type { ChannelSettings } from './channel-settings';
import { mixedMetrics } from './mixed-metrics';
import type { IntervalMetrics } from './scenario-model';

/** Whether one interval's figures meet the channel's targets (none set: always). */
export function meetsChannelTargets(c: ChannelSettings, m: IntervalMetrics): boolean {
  if (!(m.volume > 0)) return true;
  if (c.targetServiceLevel === null && c.targetAsaSeconds === null) return true;
  if (m.overloaded) return false;
  if (c.targetServiceLevel !== null && (m.serviceLevel ?? 0) < c.targetServiceLevel - 1e-12) return false;
  if (c.targetAsaSeconds !== null && (m.asaSeconds === null || m.asaSeconds > c.targetAsaSeconds + 1e-9)) return false;
  return true;
}

export function extraToTarget(
  c: ChannelSettings,
  intervalMinutes: number,
  row: { volume: number; ahtSeconds: number; onQueue: number },
  max = 1000,
): number {
  for (let e = 0; e <= max; e++) {
    if (meetsChannelTargets(c, mixedMetrics(c, intervalMinutes, row.volume, row.ahtSeconds, row.onQueue + e))) return e;
  }
  return max;
}
