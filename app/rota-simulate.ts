/**
 * The week's projected service for a rota by simulation (staffing's discrete-event
 * simulator, seeded): every shift's on-duty stretches (breaks removed) serve the forecast
 * contacts of the week. Unlike the per-interval Erlang figures it carries queues over from
 * one interval to the next and lets "both" people serve either channel as it comes.
 * Assumptions: one AHT per channel for the week (volume-weighted mean of the forecast),
 * exponential handling and patience as in Erlang-A.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { getRota, listShifts } from '../models/repositories/rotas';
import { simulate, type AgentSegment, type Estimate, type SimChannelConfig } from '../staffing';
import { loadRotaContext } from './rota-problem';

type SimChannel = 'voice' | 'chat';
const SIM_CHANNELS: SimChannel[] = ['voice', 'chat'];

export interface SimulatedChannel {
  channel: string;
  offered: Estimate;
  serviceLevel: Estimate;
  asaSeconds: Estimate;
  abandonRate: Estimate;
  occupancy: Estimate;
}

export async function simulateRotaWeek(
  ds: DataSource,
  q: { rotaId: number; zone: string; intervalMinutes: number; now: Date; replications?: number; seed?: number },
): Promise<{ weekStart: string; replications: number; channels: SimulatedChannel[] } | null> {
  const rota = await getRota(ds, q.rotaId);
  if (!rota) return null;
  const ctx = await loadRotaContext(ds, { weekStart: rota.weekStart, zone: q.zone, intervalMinutes: q.intervalMinutes, now: q.now });
  const shifts = await listShifts(ds, rota.id);
  const startMs = DateTime.fromISO(rota.weekStart, { zone: q.zone }).toMillis();
  const endMs = DateTime.fromISO(rota.weekStart, { zone: q.zone }).plus({ days: 7 }).toMillis();
  const stepMs = q.intervalMinutes * 60_000;
  const count = Math.round((endMs - startMs) / stepMs);
  const volumes: Partial<Record<SimChannel, number>>[] = Array.from({ length: count }, () => ({}));
  const handled: Record<string, { volume: number; seconds: number }> = {};
  for (const r of ctx.requirement) {
    if (!SIM_CHANNELS.includes(r.channel as SimChannel)) continue;
    const i = Math.floor((Date.parse(r.start) - startMs) / stepMs);
    if (i < 0 || i >= count) continue;
    volumes[i][r.channel as SimChannel] = (volumes[i][r.channel as SimChannel] ?? 0) + r.volume;
    const h = (handled[r.channel] ??= { volume: 0, seconds: 0 });
    h.volume += r.volume;
    h.seconds += r.volume * r.ahtSeconds;
  }
  const channels: Partial<Record<SimChannel, SimChannelConfig>> = {};
  const concurrency: Record<string, number> = {};
  for (const c of ctx.channels) {
    if (!SIM_CHANNELS.includes(c.id as SimChannel) || !handled[c.id]?.volume) continue;
    channels[c.id as SimChannel] = {
      ahtSeconds: handled[c.id].seconds / handled[c.id].volume,
      thresholdSeconds: c.thresholdSeconds ?? 20,
      ...(c.patienceSeconds ? { patienceSeconds: c.patienceSeconds } : {}),
    };
    concurrency[c.id] = Math.max(1, c.concurrency);
  }
  const served = Object.keys(channels) as SimChannel[];
  if (!served.length) return { weekStart: rota.weekStart, replications: 0, channels: [] };
  const segments = shifts.flatMap((s) => dutySegments(s, served, concurrency.chat ?? 1));
  const replications = q.replications ?? 10;
  const result = simulate({
    startMs,
    intervalSeconds: q.intervalMinutes * 60,
    volumes,
    channels,
    staffing: { segments },
    replications,
    seed: q.seed ?? 1,
  });
  return {
    weekStart: rota.weekStart,
    replications,
    channels: served.map((c) => ({ channel: c, ...result.pooled[c]! })),
  };
}

/** A shift's on-duty stretches (breaks cut out), on the channels the simulation serves. */
function dutySegments(
  s: { start: string; end: string; breaks: { start: string; end: string }[]; channel: string },
  served: SimChannel[],
  chatConcurrency: number,
): AgentSegment[] {
  const channels = (s.channel === 'both' ? ['voice', 'chat'] : [s.channel]).filter((c): c is SimChannel =>
    served.includes(c as SimChannel),
  );
  if (!channels.length) return [];
  let pieces: [number, number][] = [[Date.parse(s.start), Date.parse(s.end)]];
  for (const b of s.breaks) {
    const [ba, bb] = [Date.parse(b.start), Date.parse(b.end)];
    pieces = pieces.flatMap(([x, y]): [number, number][] =>
      bb <= x || ba >= y ? [[x, y]] : [...(ba > x ? [[x, ba] as [number, number]] : []), ...(bb < y ? [[bb, y] as [number, number]] : [])],
    );
  }
  return pieces.map(([startMs, endMs]) => ({
    startMs,
    endMs,
    channels,
    ...(channels.includes('chat') ? { concurrency: chatConcurrency } : {}),
  }));
}
