/**
 * Metrics of a possibly fractional number of people on the queue: 7.5 people = half the
 * interval with 7, half with 8 (someone on duty for part of it), so service level, ASA,
 * abandonment and occupancy are the time mix of the two whole counts.
 */
import type { ChannelSettings } from './channel-settings';
import { intervalMetrics, type IntervalMetrics } from './scenario-model';

export function mixedMetrics(c: ChannelSettings, intervalMinutes: number, volume: number, ahtSeconds: number, n: number): IntervalMetrics {
  const safeAht = ahtSeconds > 0 ? ahtSeconds : 1;
  const lo = Math.floor(n + 1e-9);
  const w = n - lo;
  const a = intervalMetrics(c, intervalMinutes, volume, safeAht, lo);
  const base = { ...a, agents: n, ahtSeconds };
  if (w < 1e-6 || volume <= 0) return base;
  const b = intervalMetrics(c, intervalMinutes, volume, safeAht, lo + 1);
  const mix = (x: number | null, y: number | null) => (x === null || y === null ? null : x * (1 - w) + y * w);
  return {
    ...base,
    serviceLevel: mix(a.serviceLevel ?? 0, b.serviceLevel ?? 0),
    // Part of the interval with an unbounded queue has no finite mean wait.
    asaSeconds: a.overloaded ? null : mix(a.asaSeconds, b.asaSeconds),
    abandonRate: mix(a.abandonRate, b.abandonRate),
    occupancy: mix(a.occupancy, b.occupancy),
  };
}
