/**
 * The intraday page's day (issue #12): today by interval for each channel, from the interval
 * actuals that have arrived, the plan and the published rota.
 *
 * - forecast: the plan's volume (the requirement the rota was built on);
 * - actual: what the phone and chat systems reported (platforms summed);
 * - re-forecast: the engine from the current interval on, given the history and today's complete
 *   intervals: forecastSeries then applies the intraday update (forecasting/intraday.ts, κ
 *   chosen by backtest on the previous days);
 * - needed (agents on the queue the plan asks for), scheduled (people at work), on the queue
 *   (at work and not on a break), from the published rota (else the newest draft);
 * - service: achieved where the system reported it, else projected with the per-interval
 *   Erlang code (projectService) for the re-forecast volume, and again for its upper 80 % band.
 *
 * Risk of missing the channel's target in an interval still to come: 'high' when the projected
 * service level at the re-forecast is below target, 'watch' when only the upper 80 % volume
 * would take it below, else 'ok'. High-risk stretches become the page's alerts.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { actualsBetween, type StoredActual } from '../models/repositories/actuals';
import { listShifts, listRotasForWeek, publishedRotaForWeek, type RotaRecord } from '../models/repositories/rotas';
import type { ChannelConfig } from '../models/repositories/settings';
import { coverageOf } from '../scheduling';
import { projectService, weightedAsa, weightedServiceLevel, type ServiceRow } from '../staffing';
import { runForecast, type EngineForecast } from './forecast-engine';
import { inputsFingerprint, loadEngineInputs, ResultCache } from './forecast-inputs';
import { loadRotaContext, toEngineShift, type RotaContext } from './rota-problem';

export type Risk = 'high' | 'watch' | 'ok';

export interface IntradayRow {
  /** Interval start, ISO UTC. */
  start: string;
  /** 'past' (complete), 'now' (running), 'future'. */
  when: 'past' | 'now' | 'future';
  forecast: number;
  actual: number | null;
  reforecast: number | null;
  needed: number;
  scheduled: number;
  onQueue: number;
  /** Achieved (past, when reported) or projected (now and later). */
  serviceLevel: number | null;
  asaSeconds: number | null;
  /** Projected at the upper 80 % volume of the re-forecast. */
  serviceLevelUpper: number | null;
  risk: Risk | null;
}

export interface IntradayChannel {
  channel: ChannelConfig;
  rows: IntradayRow[];
  /** Volume-weighted projection over the rest of the day (the running interval on). */
  restOfDay: { serviceLevel: number | null; asaSeconds: number | null; serviceLevelUpper: number | null; risk: Risk | null };
  actualSoFar: number;
  forecastSoFar: number;
  /** The engine's intraday update (null before the day's first complete interval). */
  update: { multiplier: number; kappa: number; from: 'backtest' | 'default' } | null;
  alerts: { from: string; to: string; serviceLevel: number | null }[];
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

/** Weeks of history the re-forecast learns from: enough for its methods, bounded for a page that refreshes. */
const REFORECAST_WEEKS = 16;
const reforecasts = new ResultCache<EngineForecast>(16);
/**
 * The previous days' day-ahead forecasts per channel and stored history: computed on the day's
 * first re-forecast (the costly part, ~20 engine runs), reused by every later one that day.
 */
const dayAheadMemos = new ResultCache<Map<string, IntradayDayMemo>>(8);
type IntradayDayMemo = NonNullable<Parameters<typeof runForecast>[0]['dayAheadMemo']> extends Map<string, infer V> ? V : never;

const key = (channel: string, startMs: number) => `${channel}|${startMs}`;

function actualByInterval(actuals: StoredActual[]): Map<string, { offered: number; serviceLevel: number | null; answered: number }> {
  const out = new Map<string, { offered: number; slWeighted: number; slWeight: number; answered: number }>();
  for (const a of actuals) {
    const k = key(a.channelId, Date.parse(a.start));
    const e = out.get(k) ?? { offered: 0, slWeighted: 0, slWeight: 0, answered: 0 };
    e.offered += a.offered;
    e.answered += a.answered ?? 0;
    if (a.serviceLevel !== null) {
      const w = a.answered ?? a.offered;
      e.slWeighted += w * a.serviceLevel;
      e.slWeight += w;
    }
    out.set(k, e);
  }
  return new Map(
    [...out].map(([k, e]) => [
      k,
      { offered: e.offered, answered: e.answered, serviceLevel: e.slWeight > 0 ? e.slWeighted / e.slWeight : null },
    ]),
  );
}

/** The engine's forecast of the rest of today, from the history and today's complete intervals. */
async function reforecast(
  ds: DataSource,
  q: {
    channel: string;
    zone: string;
    intervalMinutes: number;
    dayStart: DateTime;
    current: number;
    dayEnd: number;
    today: { start: string; volume: number }[];
  },
): Promise<EngineForecast> {
  const history = await inputsFingerprint(ds, q.channel);
  const fingerprint = JSON.stringify([history, q.current, q.today.map((p) => [p.start, p.volume])]);
  const memo = await dayAheadMemos.get(JSON.stringify([history, q.zone, q.intervalMinutes, REFORECAST_WEEKS]), async () => new Map());
  return reforecasts.get(fingerprint, async () => {
    const inputs = await loadEngineInputs(ds, {
      channelId: q.channel,
      zone: q.zone,
      intervalMinutes: q.intervalMinutes,
      origin: q.dayStart.toUTC().toISO()!,
      weeksBack: REFORECAST_WEEKS,
    });
    return runForecast({
      history: [...inputs.history, ...q.today.map((p) => ({ start: p.start, volume: p.volume, ahtSeconds: null }))],
      zone: q.zone,
      intervalMinutes: q.intervalMinutes,
      start: new Date(q.current).toISOString(),
      end: new Date(q.dayEnd).toISOString(),
      events: inputs.events,
      dayAheadMemo: memo,
    });
  });
}

/** The rota of the week the page measures against: the published one, else the newest draft. */
async function rotaOfWeek(ds: DataSource, weekStart: string): Promise<RotaRecord | null> {
  return (await publishedRotaForWeek(ds, weekStart)) ?? (await listRotasForWeek(ds, weekStart))[0] ?? null;
}

function coverageMaps(ctx: RotaContext, shifts: Awaited<ReturnType<typeof listShifts>>, zone: string) {
  const engine = shifts.map((s) => toEngineShift(s, zone));
  const onQueue = coverageOf(ctx.problem, engine).rows;
  const atWork = coverageOf(
    ctx.problem,
    engine.map((s) => ({ ...s, breaks: [] })),
  ).rows;
  const map = (rows: typeof onQueue) => new Map(rows.map((r) => [key(r.channel, Date.parse(r.timestamp)), r.onDuty]));
  return { onQueue, onQueueAt: map(onQueue), atWorkAt: map(atWork) };
}

function riskOf(sl: number | null, upper: number | null, target: number | null): Risk | null {
  if (target === null || sl === null) return null;
  if (sl < target) return 'high';
  return upper !== null && upper < target ? 'watch' : 'ok';
}

export async function intradayToday(ds: DataSource, q: { now: Date; zone: string; intervalMinutes: number }): Promise<IntradayDay> {
  const { zone, intervalMinutes: im } = q;
  const slot = im * 60_000;
  const dayStart = DateTime.fromJSDate(q.now, { zone }).startOf('day');
  const dayEnd = dayStart.plus({ days: 1 }).toMillis();
  const current = dayStart.toMillis() + Math.floor((q.now.getTime() - dayStart.toMillis()) / slot) * slot;
  const weekStart = dayStart.startOf('week').toISODate()!;
  const ctx = await loadRotaContext(ds, { weekStart, zone, intervalMinutes: im, now: q.now, tolerateMissingRequirement: true });
  const rota = await rotaOfWeek(ds, weekStart);
  const cover = coverageMaps(ctx, rota ? await listShifts(ds, rota.id) : [], zone);
  const actual = actualByInterval(await actualsBetween(ds, dayStart.toUTC().toISO()!, new Date(dayEnd).toISOString()));
  const plan = new Map(ctx.requirement.map((r) => [key(r.channel, Date.parse(r.start)), r]));
  const starts: number[] = [];
  for (let t = dayStart.toMillis(); t < dayEnd; t += slot) starts.push(t);
  const channels: IntradayChannel[] = [];
  for (const channel of ctx.channels) {
    const today = starts
      .filter((t) => t < current && actual.has(key(channel.id, t)))
      .map((t) => ({ start: new Date(t).toISOString(), volume: actual.get(key(channel.id, t))!.offered }));
    const f = await reforecast(ds, { channel: channel.id, zone, intervalMinutes: im, dayStart, current, dayEnd, today });
    const ref = new Map(f.points.map((p) => [Date.parse(p.start), p]));
    const demand = (upper: boolean) =>
      starts
        .filter((t) => t >= current)
        .map((t) => ({
          start: new Date(t).toISOString(),
          channel: channel.id,
          volume: (upper ? ref.get(t)?.upper80 : ref.get(t)?.volume) ?? 0,
          ahtSeconds: plan.get(key(channel.id, t))?.ahtSeconds ?? 0,
        }));
    const coverage = starts
      .filter((t) => t >= current)
      .map((t) => ({
        timestamp: new Date(t).toISOString(),
        channel: channel.id,
        required: plan.get(key(channel.id, t))?.required ?? 0,
        onDuty: cover.onQueueAt.get(key(channel.id, t)) ?? 0,
      }));
    const projected = projectService(coverage, demand(false), ctx.channels, im);
    const upper = projectService(coverage, demand(true), ctx.channels, im);
    channels.push(channelDay(channel, starts, current, { plan, actual, ref, cover, projected, upper, update: f.intraday }));
  }
  return {
    date: dayStart.toISODate()!,
    zone,
    intervalMinutes: im,
    current: new Date(current).toISOString(),
    rota: rota ? { id: rota.id, status: rota.status, revision: rota.revision } : null,
    channels,
  };
}

interface ChannelInputs {
  plan: Map<string, { volume: number; required: number }>;
  actual: ReturnType<typeof actualByInterval>;
  ref: Map<number, { volume: number }>;
  cover: ReturnType<typeof coverageMaps>;
  projected: ServiceRow[];
  upper: ServiceRow[];
  update: EngineForecast['intraday'];
}

function channelDay(channel: ChannelConfig, starts: number[], current: number, x: ChannelInputs): IntradayChannel {
  const projectedAt = new Map(x.projected.map((r) => [Date.parse(r.start), r]));
  const upperAt = new Map(x.upper.map((r) => [Date.parse(r.start), r]));
  const target = channel.targetServiceLevel;
  let actualSoFar = 0;
  let forecastSoFar = 0;
  const rows = starts.map((t): IntradayRow => {
    const k = key(channel.id, t);
    const a = x.actual.get(k);
    const when = t < current ? 'past' : t === current ? 'now' : 'future';
    const p = projectedAt.get(t);
    const u = upperAt.get(t);
    const forecast = x.plan.get(k)?.volume ?? 0;
    if (when === 'past' && a) {
      actualSoFar += a.offered;
      forecastSoFar += forecast;
    }
    return {
      start: new Date(t).toISOString(),
      when,
      forecast,
      actual: a?.offered ?? null,
      reforecast: when === 'past' ? null : (x.ref.get(t)?.volume ?? null),
      needed: x.plan.get(k)?.required ?? 0,
      scheduled: x.cover.atWorkAt.get(k) ?? 0,
      onQueue: x.cover.onQueueAt.get(k) ?? 0,
      serviceLevel: when === 'past' ? (a?.serviceLevel ?? null) : (p?.serviceLevel ?? null),
      asaSeconds: when === 'past' ? null : (p?.asaSeconds ?? null),
      serviceLevelUpper: when === 'past' ? null : (u?.serviceLevel ?? null),
      risk: when === 'past' ? null : riskOf(p?.serviceLevel ?? null, u?.serviceLevel ?? null, target),
    };
  });
  const restSl = weightedServiceLevel(x.projected);
  const restUpper = weightedServiceLevel(x.upper);
  return {
    channel,
    rows,
    restOfDay: {
      serviceLevel: restSl,
      asaSeconds: weightedAsa(x.projected),
      serviceLevelUpper: restUpper,
      risk: riskOf(restSl, restUpper, target),
    },
    actualSoFar,
    forecastSoFar,
    update: x.update ? { multiplier: x.update.multiplier, kappa: x.update.kappa, from: x.update.from } : null,
    alerts: stretches(
      rows.filter((r) => r.risk === 'high'),
      starts.length > 1 ? starts[1] - starts[0] : 3_600_000,
    ),
  };
}

/** Consecutive high-risk intervals as one alert each (end exclusive), with the lowest projected service level. */
function stretches(rows: IntradayRow[], slot: number): IntradayChannel['alerts'] {
  const out: IntradayChannel['alerts'] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    const end = new Date(Date.parse(r.start) + slot).toISOString();
    if (last && last.to === r.start) {
      last.to = end;
      if (r.serviceLevel !== null)
        last.serviceLevel = last.serviceLevel === null ? r.serviceLevel : Math.min(last.serviceLevel, r.serviceLevel);
    } else out.push({ from: r.start, to: end, serviceLevel: r.serviceLevel });
  }
  return out;
}
