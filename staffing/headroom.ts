/**
 * Headroom of a day: how many more people working a channel could be off that day and the
 * channel still meet its service-level target over the day (volume-weighted, the projection's
 * day figure). Found by projecting the day again with 1, 2, … fewer people on the channel's
 * queue in every interval where someone is on it (projection.ts, `counts` staffing), and
 * keeping the largest number that still meets the target.
 *
 * Assumption (on the safe side): each extra person off is missing from every interval of the
 * day, as if their shift covered the whole opening; a person whose shift covers part of the day
 * costs less. Channels are counted apart (a blended person off counts on each channel). Pure.
 */
import type { ChannelSettings } from './channel-settings';
import { projectWeek, queueKey, type ProjectionDemand } from './projection';
import { summariseProjection } from './projection-summary';

export interface DayHeadroom {
  date: string;
  channel: string;
  target: number | null;
  /** The day's projected service level as staffed. */
  serviceLevel: number | null;
  /** More people who could be off; 0 when the day already misses (or just meets) it; null without a target or contacts. */
  headroom: number | null;
  /** The day misses its target as staffed. */
  short: boolean;
}

export interface HeadroomInput {
  intervalMinutes: number;
  zone: string;
  channels: ChannelSettings[];
  demand: ProjectionDemand[];
  /** People on the queue per `queueKey(channel, start)`, as staffed. */
  onQueue: ReadonlyMap<string, number>;
  /** Largest headroom looked for. */
  max?: number;
}

function daySl(input: HeadroomInput, channel: ChannelSettings, fewer: number): Map<string, number | null> {
  const demand = input.demand.filter((d) => d.channel === channel.id);
  const onQueue = new Map<string, number>();
  for (const d of demand) {
    const k = queueKey(d.channel, d.start);
    const n = input.onQueue.get(k) ?? 0;
    onQueue.set(k, n > 0 ? Math.max(0, n - fewer) : 0);
  }
  const rows = projectWeek({
    intervalMinutes: input.intervalMinutes,
    channels: [channel],
    demand,
    staffing: { kind: 'counts', onQueue },
  }).rows;
  const [summary] = summariseProjection(rows, [channel.id], { zone: input.zone, intervalMinutes: input.intervalMinutes });
  return new Map((summary?.days ?? []).map((d) => [d.date, d.volume > 0 ? d.serviceLevel : null]));
}

export function dayHeadroom(input: HeadroomInput): DayHeadroom[] {
  const max = input.max ?? 10;
  const out: DayHeadroom[] = [];
  for (const channel of input.channels) {
    if (!input.demand.some((d) => d.channel === channel.id)) continue;
    const target = channel.targetServiceLevel;
    const staffed = daySl(input, channel, 0);
    const found = new Map<string, number>();
    const open = new Set([...staffed].filter(([, sl]) => sl !== null && target !== null && sl >= target).map(([d]) => d));
    for (let k = 1; k <= max && open.size; k++) {
      const fewer = daySl(input, channel, k);
      for (const date of [...open]) {
        const sl = fewer.get(date) ?? null;
        if (sl !== null && sl >= target!) found.set(date, k);
        else open.delete(date);
      }
    }
    for (const [date, sl] of staffed) {
      const known = sl !== null && target !== null;
      out.push({
        date,
        channel: channel.id,
        target,
        serviceLevel: sl,
        headroom: known ? (found.get(date) ?? 0) : null,
        short: known && sl < target,
      });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.channel.localeCompare(b.channel));
}
