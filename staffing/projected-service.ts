/**
 * Projected service of a rota: per interval and channel, the service level and ASA that the
 * people on duty would give against the forecast volume (Erlang-A when the channel has a
 * patience, else Erlang-C; chat slots = agents × concurrency). Fractional on-duty counts
 * (flexible voice+chat people split between channels) are rounded down: a half person does
 * not answer. An Erlang-C queue with too few servers never settles: service level 0 there.
 */
import { evaluate } from './request';
import type { ChannelSettings } from './channel-settings';

/** People on duty against the requirement in one interval (scheduling's CoverageRow fits). */
export interface CoverageInput {
  /** Interval start, ISO. */
  timestamp: string;
  channel: string;
  required: number;
  onDuty: number;
}

/** The forecast behind one interval's requirement. */
export interface DemandInput {
  start: string;
  channel: string;
  volume: number;
  ahtSeconds: number;
}

export interface ServiceRow {
  /** Interval start, ISO UTC. */
  start: string;
  channel: string;
  required: number;
  onDuty: number;
  volume: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
}

export function projectService(
  coverage: CoverageInput[],
  requirement: DemandInput[],
  channels: ChannelSettings[],
  intervalMinutes: number,
): ServiceRow[] {
  const demand = new Map(requirement.map((r) => [`${r.channel}|${Date.parse(r.start)}`, r]));
  const config = new Map(channels.map((c) => [c.id, c]));
  return coverage.map((row) => {
    const start = new Date(row.timestamp).toISOString();
    const r = demand.get(`${row.channel}|${Date.parse(row.timestamp)}`);
    const c = config.get(row.channel);
    const volume = r?.volume ?? 0;
    const metrics = r && c ? serviceAt(volume, r.ahtSeconds, Math.floor(row.onDuty + 1e-9), c, intervalMinutes) : null;
    return {
      start,
      channel: row.channel,
      required: row.required,
      onDuty: row.onDuty,
      volume,
      serviceLevel: metrics?.serviceLevel ?? null,
      asaSeconds: metrics?.asaSeconds ?? null,
    };
  });
}

function serviceAt(
  volume: number,
  ahtSeconds: number,
  agents: number,
  c: ChannelSettings,
  intervalMinutes: number,
): { serviceLevel: number | null; asaSeconds: number | null } | null {
  if (volume <= 0 || ahtSeconds <= 0) return null;
  try {
    const m = evaluate({
      volume,
      intervalSeconds: intervalMinutes * 60,
      ahtSeconds,
      agents,
      ...(c.thresholdSeconds !== null ? { thresholdSeconds: c.thresholdSeconds } : {}),
      ...(c.patienceSeconds ? { patienceSeconds: c.patienceSeconds } : {}),
      concurrency: Math.max(1, c.concurrency),
    });
    return { serviceLevel: m.serviceLevel, asaSeconds: m.asaSeconds };
  } catch {
    return { serviceLevel: 0, asaSeconds: null };
  }
}

/** Volume-weighted service level of rows (null when no volume). */
export function weightedServiceLevel(rows: ServiceRow[]): number | null {
  let v = 0;
  let s = 0;
  for (const r of rows) {
    if (r.serviceLevel === null || r.volume <= 0) continue;
    v += r.volume;
    s += r.volume * r.serviceLevel;
  }
  return v > 0 ? s / v : null;
}

/** Volume-weighted ASA of rows, seconds (overloaded intervals left out). */
export function weightedAsa(rows: ServiceRow[]): number | null {
  let v = 0;
  let s = 0;
  for (const r of rows) {
    if (r.asaSeconds === null || r.volume <= 0) continue;
    v += r.volume;
    s += r.volume * r.asaSeconds;
  }
  return v > 0 ? s / v : null;
}
