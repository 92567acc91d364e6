/**
 * Headroom per day of a week (staffing/headroom.ts): how many more people could be off on each
 * day and each channel still meet its target, from the one projection of the week's rota as the
 * rota page shows it (app/week-projection.ts: published, else the newest draft). A week without
 * a rota has none to give: the plan is exactly what is needed. The week is the team's (its
 * channels, people and rota; the default team when none is named).
 */
import type { DataSource } from '../models';
import { dayHeadroom, queueKey, type DayHeadroom } from '../staffing';
import { loadWeekInputs, projectInputs } from './week-projection';

export type { DayHeadroom };

export interface HeadroomWeek {
  weekStart: string;
  hasRota: boolean;
  days: DayHeadroom[];
}

export async function weekHeadroom(
  ds: DataSource,
  q: { weekStart: string; zone: string; now: Date; teamId?: number },
): Promise<HeadroomWeek> {
  const w = await loadWeekInputs(ds, q);
  if (!w.rota) return { weekStart: w.weekStart, hasRota: false, days: [] };
  const view = projectInputs(w, {}, { withRisk: false });
  const onQueue = new Map(view.projection.rows.map((r) => [queueKey(r.channel, r.start), r.onQueue]));
  return {
    weekStart: w.weekStart,
    hasRota: true,
    days: dayHeadroom({ intervalMinutes: w.intervalMinutes, zone: w.zone, channels: w.channels, demand: w.demand, onQueue }),
  };
}
