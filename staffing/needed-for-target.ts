/**
 * People needed on the queue for a volume that is not the plan's (today's re-forecast): the
 * fewest whole people whose projected service level (the one projection's metrics, Erlang-A
 * when the channel has a patience, else Erlang-C; chat as concurrent slots) reaches the
 * channel's target. Without a target, or without volume, nobody.
 */
import type { ChannelSettings } from './channel-settings';
import { mixedMetrics } from './mixed-metrics';

export function neededForTarget(c: ChannelSettings, intervalMinutes: number, volume: number, ahtSeconds: number, max = 1000): number {
  const target = c.targetServiceLevel;
  if (target === null || !(volume > 0) || !(ahtSeconds > 0)) return 0;
  // Below the offered load (in people, chats shared) the queue never settles: start there.
  const load = (volume * ahtSeconds) / (intervalMinutes * 60) / Math.max(1, c.concurrency);
  for (let n = Math.max(1, Math.floor(load)); n <= max; n++) {
    const m = mixedMetrics(c, intervalMinutes, volume, ahtSeconds, n);
    if (!m.overloaded && (m.serviceLevel ?? 0) >= target) return n;
  }
  return max;
}
