/**
 * `wfm demo live`: today's actuals for the demo team, simulated so the intraday page is alive
 * on a fresh install. Offered contacts and handle time come from forecasting/live-actuals.ts
 * (seeded, around the week's plan, with a surge); what the queue did with them (service level
 * achieved, abandoned, answered) is the one projection (staffing/projection.ts) of the rota's
 * people on the queue for that volume. The rows are stored through the one actuals path
 * (recordActuals, source 'demo'), or handed to a sender that POSTs them to /api/actuals.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { liveActuals, type LiveSurge } from '../forecasting/live-actuals';
import { projectWeek } from '../staffing';
import { recordActuals, type RecordActualsResult } from './record-actuals';
import { loadTeamSettings } from './team-settings';
import { loadWeekInputs } from './week-projection';

export interface LiveDayQuery {
  now: Date;
  seed: number;
  /** Local 'HH:mm' the surge starts today, its length in hours and its factor on the volume; null: no surge. */
  surge: { at: string; hours: number; factor: number } | null;
}

/** One row as the API takes it (app/actuals-input.ts JSON keys). */
export interface LiveRow {
  start: string;
  channel: string;
  offered: number;
  answered: number;
  abandoned: number;
  ahtSeconds: number;
  serviceLevel?: number;
}

export interface LiveDay {
  zone: string;
  rows: LiveRow[];
  /** Local times of the surge today, when one was asked for. */
  surge: { from: string; to: string; factor: number } | null;
}

/** Today's simulated actuals so far (see the file comment); nothing is stored. */
export async function simulateLiveDay(ds: DataSource, q: LiveDayQuery): Promise<LiveDay> {
  const team = await loadTeamSettings(ds);
  const zone = team.timeZone;
  const today = DateTime.fromJSDate(q.now, { zone }).startOf('day');
  const w = await loadWeekInputs(ds, { weekStart: today.toISODate()!, zone, now: q.now, withRisk: false });
  const dayEnd = today.plus({ days: 1 }).toMillis();
  const plan = w.demand.filter((d) => Date.parse(d.start) >= today.toMillis() && Date.parse(d.start) < dayEnd);
  let surge: LiveSurge | null = null;
  if (q.surge) {
    const [h, m] = q.surge.at.split(':').map(Number);
    const from = today.set({ hour: h, minute: m });
    surge = { from: from.toMillis(), to: from.plus({ minutes: Math.round(q.surge.hours * 60) }).toMillis(), factor: q.surge.factor };
  }
  const drawn = liveActuals({ seed: q.seed, plan, intervalMinutes: w.intervalMinutes, now: q.now.getTime(), surge });
  const byKey = new Map(drawn.map((a) => [`${a.channel}|${a.start}`, a]));
  // What the rota's people on the queue make of the simulated volume: the one projection.
  const demand = plan
    .filter((d) => byKey.has(`${d.channel}|${new Date(d.start).toISOString()}`))
    .map((d) => {
      const a = byKey.get(`${d.channel}|${new Date(d.start).toISOString()}`)!;
      return { ...d, volume: a.offered / Math.max(a.elapsed, 1e-9), ahtSeconds: a.ahtSeconds };
    });
  const projected = projectWeek({
    intervalMinutes: w.intervalMinutes,
    channels: w.channels,
    demand,
    staffing: w.rota ? { kind: 'shifts', shifts: w.shifts, skills: w.skills } : { kind: 'plan' },
  }).rows;
  const rows = projected.map((p): LiveRow => {
    const a = byKey.get(`${p.channel}|${p.start}`)!;
    const abandoned = Math.min(a.offered, Math.round(a.offered * (p.overloaded ? 0.3 : (p.abandonRate ?? 0))));
    const sl = p.overloaded ? 0 : p.serviceLevel;
    return {
      start: DateTime.fromISO(p.start, { zone }).toISO()!,
      channel: p.channel,
      offered: a.offered,
      answered: a.offered - abandoned,
      abandoned,
      ahtSeconds: a.ahtSeconds,
      ...(a.offered > 0 && sl !== null ? { serviceLevel: Math.round(sl * 1000) / 1000 } : {}),
    };
  });
  return {
    zone,
    rows,
    surge: surge && q.surge ? { from: local(surge.from, zone), to: local(surge.to, zone), factor: q.surge.factor } : null,
  };
}

const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');

/** Simulates and stores today's actuals so far (an interval stored before is replaced). */
export async function feedLiveDay(ds: DataSource, q: LiveDayQuery): Promise<{ day: LiveDay; result: RecordActualsResult | null }> {
  const day = await simulateLiveDay(ds, q);
  if (!day.rows.length) return { day, result: null };
  return { day, result: await recordActuals(ds, { json: day.rows, source: 'demo', now: q.now }) };
}
