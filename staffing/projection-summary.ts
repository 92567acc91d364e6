/**
 * Day and week figures of a projection, per channel: the one way every page adds intervals up.
 * Service level is volume-weighted (overloaded intervals count 0 %), ASA weighted by answered
 * contacts, occupancy by time on the queue (scenario-model's weekFigures); hours are
 * people × interval length; short = what is needed on the queue but not there.
 */
import { DateTime } from 'luxon';
import { weekFigures, type WeekFigures } from './scenario-model';
import type { ProjectedInterval } from './projection';

export interface PeriodFigures extends WeekFigures {
  /** Agent-hours needed on the queue (before shrinkage) and on the rota (after). */
  neededOnQueueHours: number;
  neededOnRotaHours: number;
  /** Agent-hours on the queue. */
  onQueueHours: number;
  /** Agent-hours needed on the queue and missing there. */
  shortHours: number;
  /** Probability the period's volume-weighted service level meets the target (dayRisk); null unknown. */
  pMeet: number | null;
  /** Intervals with a stated probability below 50 %. */
  riskyIntervals: number;
  /**
   * Expected share of the period's contacts that arrive in an interval missing its target:
   * Σ volume × (1 − pMeet) ÷ Σ volume over the intervals with a probability; null without any.
   */
  missRisk: number | null;
}

export interface ChannelSummary {
  channel: string;
  week: PeriodFigures;
  days: (PeriodFigures & { date: string })[];
}

export function periodFigures(rows: ProjectedInterval[], intervalMinutes: number, pMeet: number | null = null): PeriodFigures {
  const h = intervalMinutes / 60;
  let needQ = 0;
  let needR = 0;
  let on = 0;
  let short = 0;
  for (const r of rows) {
    needQ += r.neededOnQueue * h;
    needR += r.neededOnRota * h;
    on += r.onQueue * h;
    short += Math.max(0, r.neededOnQueue - r.onQueue) * h;
  }
  return {
    ...weekFigures(rows, intervalMinutes),
    neededOnQueueHours: needQ,
    neededOnRotaHours: needR,
    onQueueHours: on,
    shortHours: short,
    pMeet,
    riskyIntervals: rows.filter((r) => r.pMeet !== null && r.pMeet < 0.5).length,
    missRisk: missRisk(rows),
  };
}

function missRisk(rows: ProjectedInterval[]): number | null {
  let v = 0;
  let m = 0;
  for (const r of rows) {
    if (r.pMeet === null || r.pMeet === undefined || r.volume <= 0) continue;
    v += r.volume;
    m += r.volume * (1 - r.pMeet);
  }
  return v > 0 ? m / v : null;
}

/** Local date (yyyy-mm-dd) of an interval start in the team's zone. */
export const localDate = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).setZone(zone).toISODate()!;

/**
 * Per channel (in the order given): the week and its local days. `dayRisk(channel, date,
 * rows)` gives a period's probability of meeting its target, when the caller has one.
 */
export function summariseProjection(
  rows: ProjectedInterval[],
  channels: string[],
  o: { zone: string; intervalMinutes: number; dayRisk?: (channel: string, rows: ProjectedInterval[]) => number | null },
): ChannelSummary[] {
  return channels.map((channel) => {
    const mine = rows.filter((r) => r.channel === channel);
    const byDay = new Map<string, ProjectedInterval[]>();
    for (const r of mine) {
      const d = localDate(r.start, o.zone);
      byDay.set(d, [...(byDay.get(d) ?? []), r]);
    }
    return {
      channel,
      week: periodFigures(mine, o.intervalMinutes, o.dayRisk?.(channel, mine) ?? null),
      days: [...byDay.entries()]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([date, list]) => ({ date, ...periodFigures(list, o.intervalMinutes, o.dayRisk?.(channel, list) ?? null) })),
    };
  });
}
