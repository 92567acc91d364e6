/**
 * The what-if maths, without the database: agents on duty per interval (from a rota's shifts
 * or from the requirement), the "n people off sick" rule, Erlang per interval for baseline and
 * scenario, volume-weighted week figures, and the seeded simulation of the week.
 *
 * Rules (shown on the page):
 * - Staffing from a rota: agents in an interval = time on duty in it (breaks excluded) ÷ the
 *   interval, summed over people and rounded to the nearest whole agent. A shift on 'both'
 *   channels (without per-period activities) is split between voice and chat in proportion to
 *   the two channels' raw requirement in that interval. No shrinkage is taken off: the rota
 *   already removes approved absence and places breaks (as the rota pages do).
 * - Staffing without a rota: the requirement's scheduledAgents × (1 − shrinkage), rounded down
 *   (which gives back the raw requirement).
 * - n people off sick, with a rota: the n people with the most hours on duty in the chosen
 *   channels lose all their shifts (every interval they would have worked). Without a rota:
 *   n × the team's mean contract hours are removed, spread over the week in proportion to the
 *   planned staffing (every interval keeps the same share, in whole agents, see keepShare),
 *   which splits them between the channels by their scheduled hours.
 */
import { StaffingError } from './errors';
import { evaluate, type StaffingRequest } from './request';
import { simulate } from './simulator/simulate';
import type { Estimate } from './simulator/stats';
import type { SimChannelConfig } from './simulator/types';
import type { ChannelSettings } from './channel-settings';

/** A shift as the what-if needs it: who, when, on which channel, breaks (times ISO UTC). */
export interface DutyShift {
  staffId: number;
  start: string;
  end: string;
  channel: string;
  breaks: { start: string; end: string }[];
  /** Per-period channels, when the shift has them. */
  activities: { start: string; end: string; channel: string }[] | null;
  /** Stretches away from the queue (meetings, training, back office): cut out like breaks. */
  offQueue?: { start: string; end: string }[] | null;
}

export interface IntervalMetrics {
  agents: number;
  volume: number;
  ahtSeconds: number;
  /** Null when the queue is overloaded (Erlang-C with agents × concurrency ≤ load). */
  serviceLevel: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  occupancy: number | null;
  overloaded: boolean;
}

export interface WeekFigures {
  volume: number;
  /** Volume-weighted; overloaded intervals count as 0 % service level. */
  serviceLevel: number | null;
  /** Mean wait of answered contacts: weighted by answered contacts, overloaded intervals left out. */
  asaSeconds: number | null;
  abandonRate: number | null;
  /** Agent-time weighted (carried load ÷ agent time). */
  occupancy: number | null;
  overloadedIntervals: number;
  agentHours: number;
}

export interface SimFigures {
  serviceLevel: Estimate;
  asaSeconds: Estimate;
  abandonRate: Estimate;
  occupancy: Estimate;
}

const ms = (iso: string) => Date.parse(iso);

/** Minutes of [a, b) inside [from, to). */
function overlapMs(a: number, b: number, from: number, to: number): number {
  return Math.max(0, Math.min(b, to) - Math.max(a, from));
}

/**
 * On-duty periods of a shift with their channel: activities if given, else the shift's channel;
 * breaks and off-queue stretches cut out (as scheduling/coverage.ts counts them).
 */
export function dutyPeriods(s: DutyShift): { from: number; to: number; channel: string }[] {
  const base = s.activities?.length
    ? s.activities.map((a) => ({ from: ms(a.start), to: ms(a.end), channel: a.channel }))
    : [{ from: ms(s.start), to: ms(s.end), channel: s.channel }];
  let out = base;
  for (const br of [...s.breaks, ...(s.offQueue ?? [])]) {
    const b0 = ms(br.start);
    const b1 = ms(br.end);
    out = out.flatMap((p) =>
      b1 <= p.from || b0 >= p.to ? [p] : [...(b0 > p.from ? [{ ...p, to: b0 }] : []), ...(b1 < p.to ? [{ ...p, from: b1 }] : [])],
    );
  }
  return out;
}

/** The n people with most on-duty time in `scope` (ties: lowest staff id). */
export function sickPeople(shifts: DutyShift[], scope: string[], n: number): Set<number> {
  const minutes = new Map<number, number>();
  for (const s of shifts) {
    for (const p of dutyPeriods(s)) {
      if (p.channel === 'both' || scope.includes(p.channel)) minutes.set(s.staffId, (minutes.get(s.staffId) ?? 0) + (p.to - p.from));
    }
  }
  const ranked = [...minutes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return new Set(ranked.slice(0, n).map(([id]) => id));
}

/**
 * Agents per interval and channel from shifts: key `${channel}|${start}`. `rawShare(start)`
 * gives voice's share of the interval's raw requirement, for splitting 'both' shifts.
 */
export function agentsFromShifts(
  shifts: DutyShift[],
  starts: string[],
  intervalMinutes: number,
  rawShare: (start: string) => number,
): Map<string, number> {
  const width = intervalMinutes * 60_000;
  const sums = new Map<string, number>();
  const add = (channel: string, start: string, x: number) => sums.set(`${channel}|${start}`, (sums.get(`${channel}|${start}`) ?? 0) + x);
  const periods = shifts.flatMap(dutyPeriods);
  for (const start of starts) {
    const from = ms(start);
    for (const p of periods) {
      const share = overlapMs(p.from, p.to, from, from + width) / width;
      if (share <= 0) continue;
      if (p.channel === 'both') {
        const v = rawShare(start);
        add('voice', start, share * v);
        add('chat', start, share * (1 - v));
      } else add(p.channel, start, share);
    }
  }
  for (const [k, v] of sums) sums.set(k, Math.round(v + 1e-9));
  return sums;
}

/**
 * Agents without a rota: scheduled × (1 − shrinkage), rounded down (which gives back the raw
 * requirement, since scheduled = ceil(raw ÷ (1 − shrinkage))).
 */
export function agentsFromPlan(scheduled: number, shrinkage: number): number {
  return Math.max(0, Math.floor(scheduled * (1 - shrinkage) + 1e-9));
}

/**
 * People off a plan: each interval keeps `keep` of its agents, in whole agents. Rounding each
 * interval on its own would remove nobody from small intervals (8 × 0.94 rounds back to 8),
 * so the remainder is carried from one interval to the next (in time order): the agents
 * removed over the week add up to the rule's share, spread in proportion to the staffing.
 */
export function keepShare(agents: number[], keep: number): number[] {
  if (keep >= 1) return [...agents];
  let wanted = 0;
  let given = 0;
  return agents.map((a) => {
    wanted += a * Math.max(0, keep);
    const n = Math.min(a, Math.max(0, Math.round(wanted - given)));
    given += n;
    return n;
  });
}

/** One interval with the channel's model (Erlang-A with patience, else C). */
export function intervalMetrics(
  c: ChannelSettings,
  intervalMinutes: number,
  volume: number,
  ahtSeconds: number,
  agents: number,
): IntervalMetrics {
  const request: StaffingRequest = {
    volume,
    intervalSeconds: intervalMinutes * 60,
    ahtSeconds,
    agents,
    thresholdSeconds: c.thresholdSeconds ?? 0,
    patienceSeconds: c.patienceSeconds ?? undefined,
    concurrency: c.concurrency,
  };
  const base = { agents, volume, ahtSeconds };
  try {
    const m = evaluate(request);
    // Nobody on duty: nobody is answered, so there is no speed of answer to report.
    const asaSeconds = agents === 0 && volume > 0 ? null : m.asaSeconds;
    return {
      ...base,
      serviceLevel: m.serviceLevel,
      asaSeconds,
      abandonRate: c.patienceSeconds !== null ? m.abandonRate : null,
      occupancy: m.occupancy,
      overloaded: false,
    };
  } catch (err) {
    if (!(err instanceof StaffingError)) throw err;
    // Erlang-C below stability: the queue grows without bound within the model.
    return { ...base, serviceLevel: 0, asaSeconds: null, abandonRate: null, occupancy: volume > 0 ? 1 : 0, overloaded: volume > 0 };
  }
}

export function weekFigures(rows: IntervalMetrics[], intervalMinutes: number): WeekFigures {
  const volume = rows.reduce((s, r) => s + r.volume, 0);
  const weighted = (pick: (r: IntervalMetrics) => number | null, weightOf: (r: IntervalMetrics) => number = (r) => r.volume) => {
    let sum = 0;
    let weight = 0;
    for (const r of rows) {
      const v = pick(r);
      const w = weightOf(r);
      if (v === null || w <= 0) continue;
      sum += v * w;
      weight += w;
    }
    return weight > 0 ? sum / weight : null;
  };
  // ASA is a mean over answered contacts, so intervals weigh by the contacts they answer.
  const answered = (r: IntervalMetrics) => (r.overloaded ? 0 : r.volume * (1 - (r.abandonRate ?? 0)));
  const agentTime = rows.reduce((s, r) => s + r.agents, 0);
  return {
    volume,
    serviceLevel: weighted((r) => r.serviceLevel ?? 0),
    asaSeconds: weighted((r) => r.asaSeconds, answered),
    abandonRate: rows.some((r) => r.abandonRate !== null) ? weighted((r) => r.abandonRate) : null,
    occupancy: agentTime > 0 ? rows.reduce((s, r) => s + (r.occupancy ?? 0) * r.agents, 0) / agentTime : null,
    overloadedIntervals: rows.filter((r) => r.overloaded).length,
    agentHours: (agentTime * intervalMinutes) / 60,
  };
}

export const SIM_REPLICATIONS = 10;
export const SIM_SEED = 20_261_125;

/**
 * The week in the queue simulator (seeded, SIM_REPLICATIONS replications), one channel at a
 * time with its own agents (as the Erlang figures do). Handle time is the week's
 * volume-weighted AHT (the simulator takes one per channel).
 */
export function simulateWeek(c: ChannelSettings, rows: IntervalMetrics[], starts: string[], intervalMinutes: number): SimFigures | null {
  const volume = rows.reduce((s, r) => s + r.volume, 0);
  if (volume <= 0) return null;
  const aht = rows.reduce((s, r) => s + r.ahtSeconds * r.volume, 0) / volume;
  const channel = c.kind === 'chat' ? 'chat' : 'voice';
  const config: SimChannelConfig = {
    ahtSeconds: aht,
    thresholdSeconds: c.thresholdSeconds ?? 0,
    patienceSeconds: c.patienceSeconds ?? undefined,
  };
  const result = simulate({
    startMs: ms(starts[0]!),
    intervalSeconds: intervalMinutes * 60,
    volumes: rows.map((r) => ({ [channel]: r.volume })),
    channels: { [channel]: config },
    // The simulator's plan takes whole agents: a fractional count (part of the interval) rounds.
    staffing: { plan: { agents: rows.map((r) => ({ [channel]: Math.round(r.agents) })), chatConcurrency: c.concurrency } },
    replications: SIM_REPLICATIONS,
    seed: SIM_SEED,
  });
  const pooled = result.pooled[channel]!;
  return { serviceLevel: pooled.serviceLevel, asaSeconds: pooled.asaSeconds, abandonRate: pooled.abandonRate, occupancy: pooled.occupancy };
}

/** Local weekday index 0..6 and 'HH:mm' of an instant, for grouping intervals by day. */
