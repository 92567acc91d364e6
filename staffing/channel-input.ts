/**
 * One channel's week as the requirement engine (weekRequirement) takes it: the forecast on the
 * week's grid with closed intervals at 0, and the channel's targets.
 */
import { DateTime } from 'luxon';
import type { ChannelSettings } from './channel-settings';
import type { ChannelForecast } from './week-requirement';
import { isOpen, type OpeningSpan } from './week-grid';

/** A forecast interval: start (ISO), contacts, and AHT when the forecast has one. */
export interface ForecastVolume {
  start: string;
  volume: number;
  ahtSeconds: number | null;
}

/** AHT used when the forecast gives none for the whole week (seconds): the demo team's typical values. */
const DEFAULT_AHT_SECONDS: Record<string, number> = { voice: 270, chat: 600 };

/** The channel's targets as the engine wants them; without a threshold SL is "answered at once" (T = 0). */
export function channelTargets(c: ChannelSettings) {
  return {
    thresholdSeconds: c.thresholdSeconds ?? 0,
    targetServiceLevel: c.targetServiceLevel ?? undefined,
    targetAsaSeconds: c.targetAsaSeconds ?? undefined,
    maxOccupancy: c.maxOccupancy ?? undefined,
    shrinkage: c.shrinkage,
    patienceSeconds: c.patienceSeconds ?? undefined,
    // The engine refuses an abandonment target without patience (Erlang-C has no abandonment).
    maxAbandonRate: c.patienceSeconds !== null ? (c.maxAbandonRate ?? undefined) : undefined,
    concurrency: c.concurrency,
  };
}

function meanAht(points: ForecastVolume[], channel: ChannelSettings): number {
  let weighted = 0;
  let volume = 0;
  for (const p of points) {
    if (p.ahtSeconds !== null && p.ahtSeconds > 0 && p.volume > 0) {
      weighted += p.ahtSeconds * p.volume;
      volume += p.volume;
    }
  }
  return volume > 0 ? weighted / volume : (DEFAULT_AHT_SECONDS[channel.kind] ?? 300);
}

/** The engine's input for one channel: the forecast on the week's grid, closed intervals at 0. */
export function channelForecastInput(
  channel: ChannelSettings,
  forecast: { points: ForecastVolume[] },
  slots: DateTime[],
  intervalMinutes: number,
  hours: OpeningSpan[],
): ChannelForecast {
  const byStart = new Map(forecast.points.map((p) => [DateTime.fromISO(p.start).toMillis(), p]));
  const ahtSeconds = meanAht(forecast.points, channel);
  return {
    channel: channel.id,
    intervalSeconds: intervalMinutes * 60,
    ahtSeconds,
    ...channelTargets(channel),
    points: slots.map((slot) => {
      const p = byStart.get(slot.toMillis());
      const open = isOpen(slot, intervalMinutes, hours);
      const volume = open ? Math.max(0, p?.volume ?? 0) : 0;
      const aht = p?.ahtSeconds && p.ahtSeconds > 0 ? p.ahtSeconds : ahtSeconds;
      return { start: slot.toUTC().toISO()!, volume, ahtSeconds: aht, open };
    }),
  };
}
