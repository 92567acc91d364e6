/**
 * A simulated live day for the demo (`wfm demo live`): what the phone and chat systems would
 * report so far today, interval by interval, drawn around the plan's expected volume.
 *
 * - Offered contacts: Poisson around the plan's volume × a day level (one log-normal shock per
 *   channel and day, as real days run above or below the forecast: Jongbloed & Koole 2001) ×
 *   the surge factor inside the surge window. The running interval reports the part of it
 *   elapsed so far (a running total, replaced at the next push).
 * - Handle time: the plan's AHT with ±10 % noise.
 * - Each interval draws from its own seeded stream (seed, channel, interval), so pushing the
 *   same day again gives the same figures: the day stays the same day, only later intervals are
 *   added, and the running total only grows (Knuth's method on one stream is monotone in λ).
 *
 * Pure: the clock and the seed are arguments. Service level, answered and abandoned depend on
 * the people on the queue, which the caller adds from the one projection.
 */
import { mulberry32 } from './random';
import { poisson } from './synthetic';

export interface LivePlanInterval {
  channel: string;
  /** Interval start, ISO. */
  start: string;
  volume: number;
  ahtSeconds: number;
}

export interface LiveSurge {
  /** Epoch ms, end exclusive. */
  from: number;
  to: number;
  factor: number;
}

export interface LiveActualsOptions {
  seed: number;
  plan: LivePlanInterval[];
  intervalMinutes: number;
  /** Epoch ms: intervals that started before it are reported. */
  now: number;
  surge?: LiveSurge | null;
  /** Spread of the day level (log-normal σ); default 0.08. */
  daySigma?: number;
}

export interface LiveActual {
  channel: string;
  start: string;
  offered: number;
  ahtSeconds: number;
  /** Share of the interval elapsed (1 = complete). */
  elapsed: number;
}

/** A 32-bit hash of the parts, to seed one stream per (seed, channel, interval). */
function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** The day level of one channel: exp(σ·z − σ²/2), mean 1. */
function dayLevel(seed: number, channel: string, day: string, sigma: number): number {
  const rand = mulberry32(hash(seed, channel, day));
  return Math.exp(sigma * normal(rand) - (sigma * sigma) / 2);
}

export function liveActuals(o: LiveActualsOptions): LiveActual[] {
  const width = o.intervalMinutes * 60_000;
  const sigma = o.daySigma ?? 0.08;
  const out: LiveActual[] = [];
  for (const p of o.plan) {
    const t = Date.parse(p.start);
    if (!(t < o.now)) continue;
    const elapsed = Math.min(1, (o.now - t) / width);
    const surge = o.surge && t >= o.surge.from && t < o.surge.to ? o.surge.factor : 1;
    const day = new Date(t).toISOString().slice(0, 10);
    const mean = p.volume * dayLevel(o.seed, p.channel, day, sigma) * surge * elapsed;
    const rand = mulberry32(hash(o.seed, p.channel, t));
    const offered = poisson(mean, rand);
    const aht = p.ahtSeconds * (1 + 0.1 * (2 * mulberry32(hash(o.seed, p.channel, t, 'aht'))() - 1));
    out.push({ channel: p.channel, start: new Date(t).toISOString(), offered, ahtSeconds: Math.round(aht), elapsed });
  }
  return out;
}
