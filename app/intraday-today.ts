/**
 * The intraday page's day (issue #12): today by interval for each channel, from the interval
 * actuals that have arrived, the plan and the published rota.
 *
 * - forecast: the plan's volume (the requirement the rota was built on);
 * - actual: what the phone and chat systems reported (platforms summed);
 * - re-forecast: the engine from the current interval on, given the history and today's complete
 *   intervals: forecastSeries then applies the intraday update (forecasting/intraday.ts, κ
 *   chosen by backtest on the previous days);
 * - needed (on the queue, as the plan asks), scheduled (people at work), on the queue (at work
 *   and not on a break), from the published rota (else the newest draft);
 * - service: achieved where the system reported it, else projected by the one projection
 *   (staffing/projection.ts, as every page of a week) for the re-forecast volume and its 80 %
 *   band, with the chance of meeting the target (pMeet, from that band and absence).
 *
 * Risk of missing the channel's target in an interval still to come: 'high' when the chance of
 * meeting it is below 50 %, 'watch' below 80 %, else 'ok'. High-risk stretches become alerts.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { actualsBetween } from '../models/repositories/actuals';
import type { RotaRecord } from '../models/repositories/rotas';
import { listChannels, type ChannelConfig } from '../models/repositories/settings';
import { listTeams } from '../models/repositories/teams';
import { onQueueFromShifts, projectWeek, type ProjectedInterval, type ProjectionDemand } from '../staffing';
import { actualByInterval, key, reforecast } from './intraday-reforecast';
import { loadWeekInputs, type WeekInputs } from './week-projection';
import { teamIdOrDefault } from './team-scope';

export type Risk = 'high' | 'watch' | 'ok';

export interface IntradayRow {
  /** Interval start, ISO UTC. */
  start: string;
  /** 'past' (complete), 'now' (running), 'future'. */
  when: 'past' | 'now' | 'future';
  forecast: number;
  actual: number | null;
  reforecast: number | null;
  /** On the queue, as the plan asks. */
  needed: number;
  scheduled: number;
  onQueue: number;
  /** Achieved (past, when reported) or projected (now and later). */
  serviceLevel: number | null;
  asaSeconds: number | null;
  /** Projected chance of meeting the target (now and later). */
  pMeet: number | null;
  risk: Risk | null;
}

export interface IntradayChannel {
  channel: ChannelConfig;
  rows: IntradayRow[];
  /** Over the rest of the day (the running interval on): volume-weighted service level and ASA, the mean chance of meeting the target. */
  restOfDay: { serviceLevel: number | null; asaSeconds: number | null; pMeet: number | null; risk: Risk | null };
  actualSoFar: number;
  forecastSoFar: number;
  /** The engine's intraday update (null before the day's first complete interval). */
  update: { multiplier: number; kappa: number; from: 'backtest' | 'default' } | null;
  alerts: { from: string; to: string; pMeet: number | null; serviceLevel: number | null }[];
}

export interface IntradayDay {
  date: string;
  zone: string;
  intervalMinutes: number;
  /** Start of the running interval, ISO UTC. */
  current: string;
  rota: Pick<RotaRecord, 'id' | 'status' | 'revision'> | null;
  channels: IntradayChannel[];
}

export function riskOf(pMeet: number | null): Risk | null {
  if (pMeet === null) return null;
  return pMeet < 0.5 ? 'high' : pMeet < 0.8 ? 'watch' : 'ok';
}

export interface Day {
  starts: number[];
  current: number;
  dayStart: DateTime;
  dayEnd: number;
}

function dayOf(now: Date, zone: string, intervalMinutes: number): Day {
  const slot = intervalMinutes * 60_000;
  const dayStart = DateTime.fromJSDate(now, { zone }).startOf('day');
  const dayEnd = dayStart.plus({ days: 1 }).toMillis();
  const starts: number[] = [];
  for (let t = dayStart.toMillis(); t < dayEnd; t += slot) starts.push(t);
  return { starts, dayStart, dayEnd, current: dayStart.toMillis() + Math.floor((now.getTime() - dayStart.toMillis()) / slot) * slot };
}

/** Everything today's page and its actions are computed from. */
export interface IntradayInputs {
  /** The team whose day it is. */
  teamId: number;
  day: Day;
  week: WeekInputs;
  actual: ReturnType<typeof actualByInterval>;
  forecasts: Map<string, Reforecast>;
  /** Today's demand of every channel: the plan, its volume replaced by the re-forecast from the running interval on. */
  demand: ProjectionDemand[];
}

type Reforecast = Awaited<ReturnType<typeof reforecast>>;

/** Today of one team (`teamId`; none: the default team): its channels, rota and people. */
export interface IntradayQuery {
  now: Date;
  zone: string;
  teamId?: number;
}

export async function loadIntraday(ds: DataSource, q: IntradayQuery): Promise<IntradayInputs> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const w = await loadWeekInputs(ds, {
    weekStart: DateTime.fromJSDate(q.now, { zone: q.zone }).toISODate()!,
    zone: q.zone,
    now: q.now,
    teamId,
  });
  const day = dayOf(q.now, q.zone, w.intervalMinutes);
  const actual = actualByInterval(await actualsBetween(ds, day.dayStart.toUTC().toISO()!, new Date(day.dayEnd).toISOString()));
  const forecasts = new Map<string, Reforecast>();
  for (const channel of w.channels) {
    const today = day.starts
      .filter((t) => t < day.current && actual.has(key(channel.id, t)))
      .map((t) => ({ start: new Date(t).toISOString(), volume: actual.get(key(channel.id, t))!.offered }));
    forecasts.set(
      channel.id,
      await reforecast(ds, { channel: channel.id, zone: q.zone, intervalMinutes: w.intervalMinutes, ...day, today }),
    );
  }
  const demand = w.channels.flatMap((c) => todaysDemand(c.id, day, w, forecasts.get(c.id)!));
  return { teamId, day, week: w, actual, forecasts, demand };
}

/** Today's projection (with the risk) for the given shifts: the one projection of staffing/. */
export function projectToday(x: IntradayInputs, shifts: WeekInputs['shifts'], o: { withRisk?: boolean } = {}): ProjectedInterval[] {
  return projectWeek({
    intervalMinutes: x.week.intervalMinutes,
    channels: x.week.channels,
    demand: x.demand,
    staffing: { kind: 'shifts', shifts, skills: x.week.skills },
    ...(o.withRisk === false ? {} : { risk: { absenceRate: x.week.absenceRate, calibrations: x.week.riskCalibrations } }),
  }).rows;
}

/**
 * Computes today's re-forecast ahead of the first view (after actuals arrive, at start) for
 * every team that has channels, each in its own zone (`q.zone` for an install without teams):
 * the day's first one learns from the previous days (seconds); a view meanwhile waits for the
 * same computation (ResultCache keeps the promise). Never throws: a failure is only logged.
 * Resolves to the teams warmed.
 */
export async function warmIntraday(
  ds: DataSource,
  q: { now: Date; zone: string },
  log: (m: string, e?: unknown) => void,
): Promise<{ teamIds: number[] }> {
  const teamIds: number[] = [];
  try {
    const teams = await listTeams(ds);
    if (!teams.length) teamIds.push((await loadIntraday(ds, q)).teamId);
    for (const team of teams) {
      if (!(await listChannels(ds, team.id)).length) continue;
      await loadIntraday(ds, { now: q.now, zone: team.timeZone, teamId: team.id });
      teamIds.push(team.id);
    }
  } catch (err) {
    log('intraday warm-up failed', err);
  }
  return { teamIds };
}

export async function intradayToday(ds: DataSource, q: IntradayQuery): Promise<IntradayDay> {
  return intradayFrom(await loadIntraday(ds, q), q.zone);
}

export function intradayFrom(x: IntradayInputs, zone: string): IntradayDay {
  const { day, week: w } = x;
  const projected = projectToday(x, w.shifts);
  // People at work whether or not on a break: the same count with the breaks left out.
  const atWork = onQueueFromShifts(
    x.demand,
    w.channels,
    w.shifts.map((s) => ({ ...s, breaks: [], offQueue: null })),
    w.skills,
    w.intervalMinutes,
  );
  return {
    date: day.dayStart.toISODate()!,
    zone,
    intervalMinutes: w.intervalMinutes,
    current: new Date(day.current).toISOString(),
    rota: w.rota ? { id: w.rota.id, status: w.rota.status, revision: w.rota.revision } : null,
    channels: w.channels.map((c) =>
      channelDay(
        c,
        x,
        projected.filter((p) => p.channel === c.id),
        atWork,
      ),
    ),
  };
}

/** Today's demand of one channel: the plan, its volume replaced by the re-forecast from the running interval on. */
function todaysDemand(channel: string, day: Day, w: WeekInputs, f: Reforecast): ProjectionDemand[] {
  const plan = new Map(w.demand.filter((d) => d.channel === channel).map((d) => [Date.parse(d.start), d]));
  const ref = new Map(f.points.map((p) => [Date.parse(p.start), p]));
  return day.starts.map((t) => {
    const base = plan.get(t) ?? { start: new Date(t).toISOString(), channel, volume: 0, ahtSeconds: 0, neededOnQueue: 0, neededOnRota: 0 };
    const r = t >= day.current ? ref.get(t) : undefined;
    return r ? { ...base, volume: r.volume, lower80: r.lower80, upper80: r.upper80 } : base;
  });
}

function channelDay(
  channel: ChannelConfig,
  x: IntradayInputs,
  projected: ProjectedInterval[],
  atWork: Map<string, number>,
): IntradayChannel {
  const { day, week: w, actual } = x;
  const f = x.forecasts.get(channel.id)!;
  const planVolume = new Map(w.demand.filter((d) => d.channel === channel.id).map((d) => [Date.parse(d.start), d.volume]));
  let actualSoFar = 0;
  let forecastSoFar = 0;
  const rows = projected.map((p, i): IntradayRow => {
    const t = day.starts[i]!;
    const a = actual.get(key(channel.id, t));
    const when = t < day.current ? 'past' : t === day.current ? 'now' : 'future';
    const forecast = planVolume.get(t) ?? 0;
    if (when === 'past' && a) {
      actualSoFar += a.offered;
      forecastSoFar += forecast;
    }
    const future = when !== 'past';
    const sl = p.overloaded ? 0 : p.serviceLevel;
    return {
      start: p.start,
      when,
      forecast,
      actual: a?.offered ?? null,
      reforecast: future ? p.volume : null,
      needed: p.neededOnQueue,
      scheduled: atWork.get(key(channel.id, t)) ?? 0,
      onQueue: p.onQueue,
      serviceLevel: future ? (p.volume > 0 ? sl : null) : (a?.serviceLevel ?? null),
      asaSeconds: future && p.volume > 0 ? p.asaSeconds : null,
      pMeet: future && p.volume > 0 ? p.pMeet : null,
      risk: future && p.volume > 0 ? riskOf(p.pMeet) : null,
    };
  });
  return {
    channel,
    rows,
    restOfDay: restOfDay(projected.filter((_, i) => day.starts[i]! >= day.current)),
    actualSoFar,
    forecastSoFar,
    update: f.intraday ? { multiplier: f.intraday.multiplier, kappa: f.intraday.kappa, from: f.intraday.from } : null,
    alerts: stretches(
      rows.filter((r) => r.risk === 'high'),
      w.intervalMinutes * 60_000,
    ),
  };
}

/** Volume-weighted service level and ASA of the rest of the day; the volume-weighted chance of meeting the target. */
export function restOfDay(rows: ProjectedInterval[]): IntradayChannel['restOfDay'] {
  let v = 0;
  let sl = 0;
  let asaV = 0;
  let asa = 0;
  let p = 0;
  let pV = 0;
  // An interval over capacity has no finite ASA: the rest of the day's ASA is then unknown (shown
  // as a dash), never the average of the intervals that cope, which would fall as things got worse.
  let overloaded = false;
  for (const r of rows) {
    if (r.volume <= 0) continue;
    v += r.volume;
    overloaded ||= r.overloaded;
    sl += r.volume * (r.overloaded ? 0 : (r.serviceLevel ?? 0));
    if (r.asaSeconds !== null && !r.overloaded) {
      asaV += r.volume;
      asa += r.volume * r.asaSeconds;
    }
    if (r.pMeet !== null) {
      pV += r.volume;
      p += r.volume * r.pMeet;
    }
  }
  const pMeet = pV > 0 ? p / pV : null;
  return { serviceLevel: v > 0 ? sl / v : null, asaSeconds: asaV > 0 && !overloaded ? asa / asaV : null, pMeet, risk: riskOf(pMeet) };
}

/** Consecutive high-risk intervals as one alert each (end exclusive), with the lowest chance and service level. */
function stretches(rows: IntradayRow[], slot: number): IntradayChannel['alerts'] {
  const out: IntradayChannel['alerts'] = [];
  const min = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  for (const r of rows) {
    const last = out[out.length - 1];
    const end = new Date(Date.parse(r.start) + slot).toISOString();
    if (last && last.to === r.start) {
      last.to = end;
      last.pMeet = min(last.pMeet, r.pMeet);
      last.serviceLevel = min(last.serviceLevel, r.serviceLevel);
    } else out.push({ from: r.start, to: end, pMeet: r.pMeet, serviceLevel: r.serviceLevel });
  }
  return out;
}
