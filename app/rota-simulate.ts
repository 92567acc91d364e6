/**
 * The week's projected service for a rota by simulation (staffing's discrete-event
 * simulator, seeded), beside the analytic figures of the one projection (app/week-projection).
 * The simulator routes blended people by the same split policy as the projection
 * (staffing/sim-routing.ts: "split"), so both count the same people on the same queue; it is
 * also run with "live" routing (blended people take whichever contact comes) to show what the
 * policy itself costs or gains. Unlike the per-interval Erlang figures the simulation carries
 * queues over from one interval to the next.
 * Assumptions: one AHT per channel for the week (volume-weighted mean of the forecast),
 * exponential handling and patience as in Erlang-A.
 *
 * Where the simulated service level (split) differs from the analytic one by more than
 * LARGE_GAP, the result names the likely reasons as codes (`sim.diff.*`).
 */
import type { DataSource } from '../models';
import { getRota } from '../models/repositories/rotas';
import { routedSegments, simulate, type Estimate, type SimChannelConfig, type PeriodFigures } from '../staffing';
import { loadWeekInputs, projectInputs } from './week-projection';

type SimChannel = 'voice' | 'chat';
const SIM_CHANNELS: SimChannel[] = ['voice', 'chat'];

/** A difference in service level (share) worth explaining. */
export const LARGE_GAP = 0.05;

export interface SimulatedFigures {
  offered: Estimate;
  serviceLevel: Estimate;
  asaSeconds: Estimate;
  abandonRate: Estimate;
  occupancy: Estimate;
}

export interface SimulatedChannel extends SimulatedFigures {
  channel: string;
  /** Blended people taking whichever contact comes. */
  live: SimulatedFigures;
  /** The one projection's week figures of the same revision. */
  analytic: PeriodFigures;
  /** Simulated (split) minus analytic service level. */
  gap: number | null;
  /** Likely reasons when the gap is large (catalogue codes). */
  reasons: string[];
}

export async function simulateRotaWeek(
  ds: DataSource,
  q: { rotaId: number; zone: string; intervalMinutes: number; now: Date; replications?: number; seed?: number },
): Promise<{ weekStart: string; replications: number; channels: SimulatedChannel[] } | null> {
  const rota = await getRota(ds, q.rotaId);
  if (!rota) return null;
  const loaded = await loadWeekInputs(ds, { teamId: rota.teamId, weekStart: rota.weekStart, zone: q.zone, now: q.now, rotaId: q.rotaId });
  const analytic = projectInputs(loaded, {}, { withRisk: false });
  // The simulator knows its channels by kind ('voice', 'chat'): a team's own ids ('voice-2') are
  // renamed to their kind for it and back for the result.
  const { w, idOf } = byKind(loaded);
  const startMs = Date.parse(w.demand.reduce((a, d) => (d.start < a ? d.start : a), w.demand[0]?.start ?? new Date(0).toISOString()));
  const stepMs = w.intervalMinutes * 60_000;
  const count = Math.max(0, ...w.demand.map((d) => Math.round((Date.parse(d.start) - startMs) / stepMs) + 1));
  const volumes: Partial<Record<SimChannel, number>>[] = Array.from({ length: count }, () => ({}));
  const handled: Record<string, { volume: number; seconds: number }> = {};
  for (const r of w.demand) {
    if (!SIM_CHANNELS.includes(r.channel as SimChannel)) continue;
    const i = Math.round((Date.parse(r.start) - startMs) / stepMs);
    volumes[i]![r.channel as SimChannel] = (volumes[i]![r.channel as SimChannel] ?? 0) + r.volume;
    const h = (handled[r.channel] ??= { volume: 0, seconds: 0 });
    h.volume += r.volume;
    h.seconds += r.volume * r.ahtSeconds;
  }
  const channels: Partial<Record<SimChannel, SimChannelConfig>> = {};
  for (const c of w.channels) {
    if (!SIM_CHANNELS.includes(c.id as SimChannel) || !handled[c.id]?.volume) continue;
    channels[c.id as SimChannel] = {
      ahtSeconds: handled[c.id]!.seconds / handled[c.id]!.volume,
      thresholdSeconds: c.thresholdSeconds ?? 20,
      ...(c.patienceSeconds ? { patienceSeconds: c.patienceSeconds } : {}),
    };
  }
  const served = Object.keys(channels) as SimChannel[];
  if (!served.length) return { weekStart: w.weekStart, replications: 0, channels: [] };
  const replications = q.replications ?? 10;
  const routing = { shifts: w.shifts, skills: w.skills, channels: w.channels, demand: w.demand, intervalMinutes: w.intervalMinutes };
  const run = (mode: 'split' | 'live') =>
    simulate({
      startMs,
      intervalSeconds: w.intervalMinutes * 60,
      volumes,
      channels,
      staffing: { segments: routedSegments(routing, mode) },
      replications,
      seed: q.seed ?? 1,
    });
  const split = run('split');
  const live = run('live');
  return {
    weekStart: w.weekStart,
    replications,
    channels: served.map((c) => {
      const sim = split.pooled[c]!;
      const a = analytic.summary.find((x) => x.channel === idOf(c))!.week;
      const gap = sim.serviceLevel.mean === null || a.serviceLevel === null ? null : sim.serviceLevel.mean - a.serviceLevel;
      const config = w.channels.find((x) => x.id === c)!;
      const liveSl = live.pooled[c]!.serviceLevel.mean;
      const rows = analytic.projection.rows.filter((r) => r.channel === idOf(c) && r.volume > 0);
      const ahts = rows.map((r) => r.ahtSeconds);
      const meanAht = ahts.reduce((s, x) => s + x, 0) / Math.max(1, ahts.length);
      const reasons =
        gap !== null && Math.abs(gap) > LARGE_GAP
          ? [
              ...(config.concurrency > 1 ? ['sim.diff.chatConcurrency'] : []),
              ...(a.overloadedIntervals > 0 || a.shortHours > 0 ? ['sim.diff.carryOver'] : []),
              ...(w.intervalMinutes <= 30 ? ['sim.diff.shortIntervals'] : []),
              ...(ahts.some((x) => Math.abs(x - meanAht) > 0.1 * meanAht) ? ['sim.diff.aht'] : []),
              ...(rows.some((r) => Math.abs(r.onQueue - Math.round(r.onQueue)) > 0.05) ? ['sim.diff.fractional'] : []),
              ...(liveSl !== null && sim.serviceLevel.mean !== null && Math.abs(liveSl - sim.serviceLevel.mean) > LARGE_GAP
                ? ['sim.diff.routing']
                : []),
            ]
          : [];
      return { channel: idOf(c), ...sim, live: live.pooled[c]!, analytic: a, gap, reasons };
    }),
  };
}

type WeekInputs = Awaited<ReturnType<typeof loadWeekInputs>>;

/**
 * The week with each channel called by its kind, where the team has one channel of that kind
 * (others keep their id and are left out of the simulation); `idOf` turns a kind back into the id.
 */
function byKind(w: WeekInputs): { w: WeekInputs; idOf: (kind: string) => string } {
  const kinds = new Map<string, string>();
  const count = new Map<string, number>();
  for (const c of w.channels) count.set(c.kind, (count.get(c.kind) ?? 0) + 1);
  for (const c of w.channels) if (count.get(c.kind) === 1) kinds.set(c.id, c.kind);
  const ids = new Map([...kinds].map(([id, kind]) => [kind, id]));
  const k = (id: string) => kinds.get(id) ?? id;
  return {
    idOf: (kind) => ids.get(kind) ?? kind,
    w: {
      ...w,
      channels: w.channels.map((c) => ({ ...c, id: k(c.id) })),
      demand: w.demand.map((d) => ({ ...d, channel: k(d.channel) })),
      shifts: w.shifts.map((s) => ({
        ...s,
        channel: k(s.channel),
        activities: s.activities?.map((a) => ({ ...a, channel: k(a.channel) })) ?? null,
      })),
      skills: new Map([...w.skills].map(([id, skills]) => [id, skills.map(k)])),
    },
  };
}
