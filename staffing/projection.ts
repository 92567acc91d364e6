/**
 * The service projection of a week: ONE pure function every page calls (through
 * app/week-projection.ts) so that the same week shows the same figures everywhere.
 *
 * Input: the week's demand per interval and channel (forecast volume and AHT, what is needed
 * on the queue and on the rota, the forecast's 80 % interval), the channels' targets, and the
 * staffing: either the rota's shifts (people, skills, activities, breaks) or the plan (exactly
 * what is needed on the queue, for a week without a rota).
 *
 * Output per interval and channel: people on the queue, service level, ASA, abandonment
 * (Erlang-A when the channel has a patience, else Erlang-C), occupancy, and (with `risk`) the
 * probability that the interval meets its service-level target (projection-risk.ts).
 *
 * Rules:
 * - People on the queue are counted minute by minute (breaks cut out, activities followed) and
 *   averaged over the interval; blended people are split by the one policy of queue-split.ts.
 * - A fractional count (someone on duty for part of the interval) is evaluated as the time
 *   mix of its two whole neighbours: 7.5 people = half the interval with 7, half with 8, so
 *   service level, ASA, abandonment and occupancy are interpolated linearly between them.
 * - An Erlang-C queue with too few servers never settles: service level 0 and no ASA
 *   (`overloaded`) at that count.
 */
import type { ChannelSettings } from './channel-settings';
import { dutyPeriods, type DutyShift, type IntervalMetrics } from './scenario-model';
import { mixedMetrics } from './mixed-metrics';
import { BLENDED_CHANNELS, splitBlended } from './queue-split';
import { intervalRisk, type RiskCalibration } from './projection-risk';

/** One interval and channel of demand (the forecast and the requirement). */
export interface ProjectionDemand {
  /** Interval start, ISO. */
  start: string;
  channel: string;
  volume: number;
  ahtSeconds: number;
  /** Needed on the queue: people taking contacts (before shrinkage, the Erlang answer). */
  neededOnQueue: number;
  /** Needed on the rota: neededOnQueue ÷ (1 − shrinkage), rounded up. */
  neededOnRota: number;
  /** The forecast's 80 % interval of volume, when known (for the risk). */
  lower80?: number;
  upper80?: number;
}

export type ProjectionStaffing =
  | { kind: 'shifts'; shifts: DutyShift[]; skills: ReadonlyMap<number, readonly string[]> }
  /** No rota: exactly what is needed on the queue is on it. */
  | { kind: 'plan' }
  /** Given people on the queue per `${channel}|${epoch ms}` (a plan changed by a what-if). */
  | { kind: 'counts'; onQueue: ReadonlyMap<string, number> };

export interface ProjectionInput {
  intervalMinutes: number;
  channels: ChannelSettings[];
  demand: ProjectionDemand[];
  staffing: ProjectionStaffing;
  /**
   * Probabilities of meeting the target; omitted: `pMeet` is null. `calibrations`: per channel
   * id, learned on its earlier weeks (learned-risk.ts); a channel without one: the model as is.
   */
  risk?: { absenceRate: number; calibrations?: Readonly<Record<string, RiskCalibration>> };
}

export interface ProjectedInterval extends IntervalMetrics {
  start: string;
  channel: string;
  neededOnQueue: number;
  neededOnRota: number;
  /** People on the queue (= `agents`), averaged over the interval, 4 decimals. */
  onQueue: number;
  /** Probability that the interval meets the service-level target; null without risk or target. */
  pMeet: number | null;
}

export interface WeekProjection {
  intervalMinutes: number;
  rows: ProjectedInterval[];
}

/** The projection of a week (see the file comment for the rules). */
export function projectWeek(input: ProjectionInput): WeekProjection {
  const s = input.staffing;
  const onQueue =
    s.kind === 'plan'
      ? new Map(input.demand.map((d) => [key(d.channel, d.start), d.neededOnQueue]))
      : s.kind === 'counts'
        ? s.onQueue
        : onQueueFromShifts(input.demand, input.channels, s.shifts, s.skills, input.intervalMinutes);
  const config = new Map(input.channels.map((c) => [c.id, c]));
  const rows: ProjectedInterval[] = [];
  for (const d of input.demand) {
    const c = config.get(d.channel);
    if (!c) continue;
    const n = onQueue.get(key(d.channel, d.start)) ?? 0;
    const m = mixedMetrics(c, input.intervalMinutes, d.volume, d.ahtSeconds, n);
    const calibration = input.risk?.calibrations?.[c.id];
    const pMeet = input.risk
      ? intervalRisk(c, input.intervalMinutes, d, n, { absenceRate: input.risk.absenceRate, ...(calibration ? { calibration } : {}) })
      : null;
    rows.push({
      ...m,
      start: new Date(d.start).toISOString(),
      channel: d.channel,
      neededOnQueue: d.neededOnQueue,
      neededOnRota: d.neededOnRota,
      onQueue: n,
      pMeet,
    });
  }
  return { intervalMinutes: input.intervalMinutes, rows };
}

/** Key of an interval and channel in `counts` staffing: `${channel}|${epoch ms}`. */
export const queueKey = (channel: string, start: string) => `${channel}|${Date.parse(start)}`;
const key = queueKey;

/**
 * People on the queue per interval and channel from shifts, minute by minute, with the
 * blended split of queue-split.ts against what each channel needs on the queue. A person
 * without the skill for a channel is not counted on it (as in scheduling/coverage.ts).
 */
export function onQueueFromShifts(
  demand: ProjectionDemand[],
  channels: ChannelSettings[],
  shifts: DutyShift[],
  skills: ReadonlyMap<number, readonly string[]>,
  intervalMinutes: number,
): Map<string, number> {
  const ids = channels.map((c) => c.id);
  const starts = [...new Set(demand.map((d) => Date.parse(d.start)))].sort((a, b) => a - b);
  const out = new Map<string, number>();
  if (!starts.length) return out;
  const t0 = starts[0]!;
  const step = intervalMinutes;
  const M = Math.round((starts[starts.length - 1]! - t0) / 60_000) + step;
  const T = Math.ceil(M / step);
  const needed = ids.map(() => new Float64Array(T));
  for (const d of demand) {
    const c = ids.indexOf(d.channel);
    const t = Math.round((Date.parse(d.start) - t0) / 60_000 / step);
    if (c >= 0 && t >= 0 && t < T) needed[c]![t] = d.neededOnQueue;
  }
  const { fixed, flex } = dutyCounts(shifts, skills, ids, t0, M);
  const blendedOn = BLENDED_CHANNELS.every((b) => ids.includes(b));
  const mask = ids.map((id) => blendedOn && BLENDED_CHANNELS.includes(id));
  const sums = ids.map(() => new Float64Array(T));
  const acc = new Array<number>(ids.length).fill(0);
  const need = new Array<number>(ids.length).fill(0);
  const split = new Array<number>(ids.length).fill(0);
  let fx = 0;
  for (let m = 0; m < M; m++) {
    const t = Math.floor(m / step);
    fx += flex[m]!;
    for (let c = 0; c < ids.length; c++) {
      acc[c] += fixed[c]![m]!;
      need[c] = needed[c]![t]!;
    }
    splitBlended(acc, blendedOn ? fx : 0, need, mask, split);
    for (let c = 0; c < ids.length; c++) sums[c]![t] += split[c]!;
  }
  for (const t0s of starts) {
    const t = Math.round((t0s - t0) / 60_000 / step);
    const n = Math.min(step, M - t * step);
    ids.forEach((id, c) => out.set(`${id}|${t0s}`, Math.round((sums[c]![t]! / n) * 1e4) / 1e4));
  }
  return out;
}

/** Per-minute change arrays: people counted on one channel, and blended people. */
function dutyCounts(shifts: DutyShift[], skills: ReadonlyMap<number, readonly string[]>, ids: string[], t0: number, M: number) {
  const fixed = ids.map(() => new Int32Array(M + 1));
  const flex = new Int32Array(M + 1);
  const blendedOn = BLENDED_CHANNELS.every((b) => ids.includes(b));
  for (const s of shifts) {
    const has = skills.get(s.staffId);
    if (!has) continue;
    for (const p of dutyPeriods(s)) {
      const asked = p.channel === 'both' ? BLENDED_CHANNELS : [p.channel];
      const usable = asked.filter((c) => has.includes(c) && ids.includes(c));
      const arr = usable.length >= 2 && blendedOn ? flex : usable.length === 1 ? fixed[ids.indexOf(usable[0]!)] : null;
      if (!arr) continue;
      const lo = Math.max(0, Math.round((p.from - t0) / 60_000));
      const hi = Math.min(M, Math.round((p.to - t0) / 60_000));
      if (hi > lo) {
        arr[lo] += 1;
        arr[hi] -= 1;
      }
    }
  }
  return { fixed, flex };
}
