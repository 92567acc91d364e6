/**
 * A simulation of a requirement: the week requirement's rows (voice and/or chat) become the
 * forecast volumes and a staffing plan of rawAgents per interval, so the page can show what
 * the Erlang answer achieves once intervals carry their queues into each other.
 */
import { StaffingError } from '../errors';
import type { RequirementRow } from '../week-requirement';
import { CHANNELS, type Channel, type SimChannelConfig, type SimulationInput } from './types';

export interface FromRequirementOptions {
  intervalSeconds: number;
  channels: Partial<Record<Channel, SimChannelConfig>>;
  chatConcurrency?: number;
  seed: number;
  replications?: number;
  pooledIntervals?: [number, number];
}

export function simulationFromRequirement(rows: RequirementRow[], options: FromRequirementOptions): SimulationInput {
  const starts = [...new Set(rows.map((r) => r.start))].sort((a, b) => Date.parse(a) - Date.parse(b));
  if (starts.length === 0) throw new StaffingError('rows', 'no requirement rows to simulate');
  const index = new Map(starts.map((s, i) => [s, i]));
  const startMs = Date.parse(starts[0]!);
  if (!Number.isFinite(startMs)) throw new StaffingError('rows[0].start', `is not an ISO time: ${starts[0]}`);
  const volumes: Partial<Record<Channel, number>>[] = starts.map(() => ({}));
  const agents: Partial<Record<Channel, number>>[] = starts.map(() => ({}));
  for (const r of rows) {
    const channel = r.channel as Channel;
    if (!CHANNELS.includes(channel)) throw new StaffingError('rows.channel', `must be 'voice' or 'chat' to simulate, got ${r.channel}`);
    const i = index.get(r.start)!;
    const expected = startMs + i * options.intervalSeconds * 1000;
    if (Date.parse(r.start) !== expected)
      throw new StaffingError('rows.start', `${r.start} is not on the ${options.intervalSeconds} s grid from ${starts[0]}`);
    volumes[i]![channel] = r.volume;
    agents[i]![channel] = r.rawAgents;
  }
  return {
    startMs,
    intervalSeconds: options.intervalSeconds,
    volumes,
    channels: options.channels,
    staffing: { plan: { agents, chatConcurrency: options.chatConcurrency } },
    seed: options.seed,
    replications: options.replications,
    pooledIntervals: options.pooledIntervals,
  };
}
