/**
 * The simulator's staff from a rota's shifts, routed by the one split policy of queue-split.ts
 * (the projection's), so that simulated and analytic figures count the same people on the
 * same queue; or, for comparison, "live": blended people take whichever contact comes (the
 * engine's own routing, home channel chat first).
 *
 * Split routing, per interval: people with one usable channel serve it; blended people on duty
 * (a 'both' shift, both skills) are shared out by splitBlended on the interval's mean counts
 * against what each channel needs on the queue, and that many of them (rounded, lowest staff
 * id first) serve voice for the interval, the rest chat. A person whose channel changes at an
 * interval's end finishes the contact in hand first (the engine's rule for a segment's end).
 * The projection splits minute by minute with fractions; per-interval whole people is the
 * nearest the simulator (whole agents) can follow.
 */
import type { AgentSegment, Channel } from './simulator/types';
import { dutyPeriods, type DutyShift } from './scenario-model';
import { BLENDED_CHANNELS, splitBlended } from './queue-split';

export type SimRouting = 'split' | 'live';

export interface RoutingInput {
  shifts: DutyShift[];
  skills: ReadonlyMap<number, readonly string[]>;
  /** Channels in the team's order, with chat concurrency. */
  channels: { id: string; concurrency: number }[];
  /** What each channel needs on the queue per interval start (ISO). */
  demand: { start: string; channel: string; neededOnQueue: number }[];
  intervalMinutes: number;
}

const SIM: readonly string[] = ['voice', 'chat'];

interface Piece {
  staffId: number;
  from: number;
  to: number;
  channels: Channel[];
}

function pieces(input: RoutingInput): Piece[] {
  const ids = input.channels.map((c) => c.id).filter((c) => SIM.includes(c));
  const out: Piece[] = [];
  for (const s of input.shifts) {
    const has = input.skills.get(s.staffId);
    if (!has) continue;
    for (const p of dutyPeriods(s)) {
      const asked = p.channel === 'both' ? BLENDED_CHANNELS : [p.channel];
      const usable = asked.filter((c) => has.includes(c) && ids.includes(c)) as Channel[];
      if (usable.length && p.to > p.from) out.push({ staffId: s.staffId, from: p.from, to: p.to, channels: usable });
    }
  }
  return out;
}

function segment(p: { from: number; to: number; channels: Channel[] }, chatK: number): AgentSegment {
  return { startMs: p.from, endMs: p.to, channels: p.channels, ...(p.channels.includes('chat') ? { concurrency: chatK } : {}) };
}

/** The simulator's segments for the shifts, routed as asked (see the file comment). */
export function routedSegments(input: RoutingInput, routing: SimRouting): AgentSegment[] {
  const chatK = Math.max(1, input.channels.find((c) => c.id === 'chat')?.concurrency ?? 1);
  const all = pieces(input);
  const blendedOn = BLENDED_CHANNELS.every((b) => input.channels.some((c) => c.id === b));
  if (routing === 'live' || !blendedOn) return all.map((p) => segment(p, chatK));
  const single = all.filter((p) => p.channels.length === 1);
  const blended = all.filter((p) => p.channels.length > 1);
  const order = input.channels.map((c) => c.id);
  const step = input.intervalMinutes * 60_000;
  const starts = [...new Set(input.demand.map((d) => Date.parse(d.start)))].sort((a, b) => a - b);
  const needed = new Map(input.demand.map((d) => [`${d.channel}|${Date.parse(d.start)}`, d.neededOnQueue]));
  const mask = order.map((c) => BLENDED_CHANNELS.includes(c));
  const out: AgentSegment[] = single.map((p) => segment(p, chatK));
  // Blended time outside the demand's grid keeps live routing (nothing to split against).
  const first = starts[0] ?? Infinity;
  const end = (starts[starts.length - 1] ?? -Infinity) + step;
  for (const p of blended) {
    if (p.from < first) out.push(segment({ ...p, to: Math.min(p.to, first) }, chatK));
    if (p.to > end) out.push(segment({ ...p, from: Math.max(p.from, end) }, chatK));
  }
  const assigned: { staffId: number; from: number; to: number; channel: Channel }[] = [];
  for (const t of starts) {
    const t1 = t + step;
    const share = (q: { from: number; to: number }) => Math.max(0, Math.min(q.to, t1) - Math.max(q.from, t)) / step;
    const fixed = order.map((c) => single.filter((p) => p.channels[0] === c).reduce((s, p) => s + share(p), 0));
    const here = blended.filter((p) => share(p) > 0).sort((a, b) => a.staffId - b.staffId || a.from - b.from);
    if (!here.length) continue;
    const pool = here.reduce((s, p) => s + share(p), 0);
    const split = splitBlended(
      fixed,
      pool,
      order.map((c) => needed.get(`${c}|${t}`) ?? 0),
      mask,
    );
    const toVoice = Math.round(split[order.indexOf('voice')]! - fixed[order.indexOf('voice')]!);
    here.forEach((p, k) =>
      assigned.push({ staffId: p.staffId, from: Math.max(p.from, t), to: Math.min(p.to, t1), channel: k < toVoice ? 'voice' : 'chat' }),
    );
  }
  // Join a person's consecutive stretches on the same channel into one segment.
  assigned.sort((a, b) => a.staffId - b.staffId || a.from - b.from);
  let open: (typeof assigned)[number] | null = null;
  for (const a of assigned) {
    if (open && open.staffId === a.staffId && open.channel === a.channel && open.to === a.from) open.to = a.to;
    else {
      if (open) out.push(segment({ ...open, channels: [open.channel] }, chatK));
      open = { ...a };
    }
  }
  if (open) out.push(segment({ ...open, channels: [open.channel] }, chatK));
  return out;
}
