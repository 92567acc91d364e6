/**
 * The requirement for a week (or any run of intervals): per interval and channel, the raw
 * and scheduled agents meeting that channel's targets, with the metrics projected at that
 * staffing. Returns plain rows; storing them is the caller's business. Intervals with zero
 * volume need 0 agents: opening hours belong to the caller, who may ask for a floor with
 * minAgentsWhenOpen (applied to every interval not marked open: false).
 */
import { StaffingError } from './errors';
import { evaluate, requiredAgents, type StaffingRequest, type StaffingResult } from './request';
import type { Targets } from './targets';

export interface ForecastPoint {
  /** Interval start, an ISO string; passed through unchanged. */
  start: string;
  /** Contacts forecast for the interval. */
  volume: number;
  /** This interval's AHT, seconds; default: the channel's ahtSeconds. */
  ahtSeconds?: number;
  /** False: closed (no floor applied). Default true. */
  open?: boolean;
}

export interface ChannelForecast extends Targets {
  channel: string;
  intervalSeconds: number;
  ahtSeconds: number;
  shrinkage?: number;
  patienceSeconds?: number;
  concurrency?: number;
  points: ForecastPoint[];
}

export interface WeekRequirementOptions {
  /** Least raw agents in an open interval, even with no volume: one number or per channel. Default 0. */
  minAgentsWhenOpen?: number | Record<string, number>;
}

export interface RequirementRow {
  start: string;
  channel: string;
  volume: number;
  ahtSeconds: number;
  rawAgents: number;
  scheduledAgents: number;
  serviceLevel: number | null;
  asaSeconds: number;
  averageWaitSeconds: number;
  occupancy: number;
  /** Null under Erlang-C (the model has no abandonment). */
  abandonRate: number | null;
  probabilityOfWait: number;
}

function floorFor(options: WeekRequirementOptions, channel: string): number {
  const m = options.minAgentsWhenOpen;
  const floor = typeof m === 'number' ? m : (m?.[channel] ?? 0);
  if (!Number.isInteger(floor) || floor < 0) throw new StaffingError('minAgentsWhenOpen', `must be a whole number ≥ 0, got ${floor}`);
  return floor;
}

function toRow(start: string, channel: string, r: StaffingResult, volume: number, aht: number): RequirementRow {
  return {
    start,
    channel,
    volume,
    ahtSeconds: aht,
    rawAgents: r.rawAgents,
    scheduledAgents: r.scheduledAgents,
    serviceLevel: r.serviceLevel,
    asaSeconds: r.asaSeconds,
    averageWaitSeconds: r.averageWaitSeconds,
    occupancy: r.occupancy,
    abandonRate: r.model === 'erlang-a' ? r.abandonRate : null,
    probabilityOfWait: r.probabilityOfWait,
  };
}

/** The staffing for one point; errors name the channel and the point. */
function pointResult(f: ChannelForecast, p: ForecastPoint, floor: number, where: string): StaffingResult {
  const { points: _points, channel: _channel, ...targets } = f;
  const request: StaffingRequest = { ...targets, volume: p.volume, ahtSeconds: p.ahtSeconds ?? f.ahtSeconds };
  try {
    const needed = requiredAgents(request);
    const open = p.open !== false;
    return open && needed.rawAgents < floor ? evaluate({ ...request, agents: floor }) : needed;
  } catch (err) {
    if (err instanceof StaffingError) throw new StaffingError(`${where}.${err.field}`, err.message.slice(err.field.length + 2));
    throw err;
  }
}

/** Rows in input order: every point of the first channel, then the next channel, … */
export function weekRequirement(channels: ChannelForecast[], options: WeekRequirementOptions = {}): RequirementRow[] {
  const rows: RequirementRow[] = [];
  channels.forEach((f, c) => {
    const floor = floorFor(options, f.channel);
    // Forecasts repeat values (closed hours, flat nights): compute each distinct point once.
    const memo = new Map<string, StaffingResult>();
    f.points.forEach((p, i) => {
      const key = `${p.volume}|${p.ahtSeconds ?? ''}|${p.open !== false}`;
      let r = memo.get(key);
      if (!r) {
        r = pointResult(f, p, floor, `channels[${c}].points[${i}]`);
        memo.set(key, r);
      }
      rows.push(toRow(p.start, f.channel, r, p.volume, p.ahtSeconds ?? f.ahtSeconds));
    });
  });
  return rows;
}
