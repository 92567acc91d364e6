/**
 * One replication of the discrete-event simulation. Assumptions (stated for the pages):
 * - arrivals: Poisson within each interval at rate volume ÷ intervalSeconds; or (`arrivals:
 *   'counts'`) the volume's contacts at uniform times within the interval (a Poisson process
 *   given its count);
 * - handle times: exponential or lognormal with the channel's AHT, drawn per contact;
 * - patience: exponential with the channel's mean; a contact abandons when it runs out
 *   while still queued (never once answered);
 * - each channel has one FCFS queue; an agent on a call takes nothing else; a chat agent
 *   holds up to `concurrency` chats; a blended agent (voice and chat) takes calls only when
 *   holding no chat; it has a home channel (segment.home, default chat: see chat.ts for why)
 *   whose queue it serves first when free; new contacts go to dedicated agents first, then to
 *   blended agents at home on that channel, then to blended visitors; chats go to the agent
 *   with the most free slots within that order;
 * - an agent whose segment ends finishes the contacts in hand, then leaves (that overrun is
 *   not counted as occupancy); a break is a gap between two segments;
 * - contacts still queued when no agent is left are counted as unanswered.
 */
import { EventHeap, type TimedEvent } from './event-heap';
import type { Rng } from './rng';
import type { AgentSegment, Channel, IntervalCounts, SimChannelConfig, SimulationInput } from './types';

interface Contact {
  channel: Channel;
  arrival: number;
  interval: number;
  waiting: boolean;
}
interface Agent {
  start: number;
  end: number;
  voice: boolean;
  chat: boolean;
  home: Channel;
  k: number;
  onDuty: boolean;
  onCall: boolean;
  chats: number;
}
type Event = TimedEvent &
  (
    | { kind: 'arrival'; channel: Channel }
    | { kind: 'abandon'; contact: Contact }
    | { kind: 'done'; agent: Agent; channel: Channel; begun: number }
    | { kind: 'on' | 'off'; agent: Agent }
  );

export function emptyCounts(): IntervalCounts {
  return {
    offered: 0,
    answered: 0,
    answeredWithinThreshold: 0,
    abandoned: 0,
    unanswered: 0,
    waitAnsweredSeconds: 0,
    waitAllSeconds: 0,
    busySeconds: 0,
    dutySeconds: 0,
  };
}

export class Replication {
  private readonly heap = new EventHeap<Event>();
  private readonly queues: Record<Channel, Contact[]> = { voice: [], chat: [] };
  private readonly heads: Record<Channel, number> = { voice: 0, chat: 0 };
  private readonly agents: Agent[];
  readonly counts: Record<Channel, IntervalCounts[]>;
  private readonly I: number;
  private readonly n: number;
  /** With `arrivals: 'counts'`: each channel's arrival times (s), sorted, and the next one's index. */
  private readonly replay: Record<Channel, { times: number[]; next: number }> | null;

  constructor(
    private readonly input: SimulationInput,
    segments: AgentSegment[],
    private readonly rng: Rng,
  ) {
    this.I = input.intervalSeconds;
    this.n = input.volumes.length;
    this.counts = { voice: input.volumes.map(emptyCounts), chat: input.volumes.map(emptyCounts) };
    this.agents = segments.map((s) => this.agentOf(s));
    this.replay = input.arrivals === 'counts' ? { voice: this.countedArrivals('voice'), chat: this.countedArrivals('chat') } : null;
  }

  /** The interval's contacts at uniform times in it; a fractional count rounded up with its fraction's chance. */
  private countedArrivals(channel: Channel): { times: number[]; next: number } {
    const times: number[] = [];
    if (!this.config(channel)) return { times, next: 0 };
    for (let i = 0; i < this.n; i++) {
      const v = this.input.volumes[i]?.[channel] ?? 0;
      const whole = Math.floor(v) + (this.rng.uniform() < v - Math.floor(v) ? 1 : 0);
      const mine: number[] = [];
      for (let k = 0; k < whole; k++) mine.push((i + this.rng.uniform()) * this.I);
      times.push(...mine.sort((a, b) => a - b));
    }
    return { times, next: 0 };
  }

  private agentOf(s: AgentSegment): Agent {
    const sec = (ms: number) => (ms - this.input.startMs) / 1000;
    const home = s.home ?? (s.channels.includes('chat') ? 'chat' : s.channels[0]!);
    const a: Agent = {
      start: sec(s.startMs),
      end: sec(s.endMs),
      voice: s.channels.includes('voice'),
      chat: s.channels.includes('chat'),
      home,
      k: s.concurrency ?? 1,
      onDuty: false,
      onCall: false,
      chats: 0,
    };
    for (const ch of ['voice', 'chat'] as const) if (a[ch]) this.spread(ch, a.start, a.end, 1, 'dutySeconds');
    return a;
  }

  /** Adds weight × the overlap of [from, to) with each interval to a counter. */
  private spread(channel: Channel, from: number, to: number, weight: number, key: 'busySeconds' | 'dutySeconds'): void {
    const lo = Math.max(0, from);
    const hi = Math.min(this.n * this.I, to);
    for (let i = Math.floor(lo / this.I); i < this.n && i * this.I < hi; i++) {
      const overlap = Math.min(hi, (i + 1) * this.I) - Math.max(lo, i * this.I);
      if (overlap > 0) this.counts[channel][i]![key] += weight * overlap;
    }
  }

  run(): void {
    for (const a of this.agents) {
      this.heap.push({ time: a.start, kind: 'on', agent: a });
      this.heap.push({ time: a.end, kind: 'off', agent: a });
    }
    for (const ch of ['voice', 'chat'] as const) this.scheduleArrival(ch, 0);
    for (let e = this.heap.pop(); e; e = this.heap.pop()) this.handle(e);
    for (const ch of ['voice', 'chat'] as const) {
      for (const c of this.queues[ch].slice(this.heads[ch])) if (c.waiting) this.counts[ch][c.interval]!.unanswered++;
    }
  }

  private config(channel: Channel): SimChannelConfig | undefined {
    return this.input.channels[channel];
  }

  /** Next Poisson arrival after t; the rate is constant within an interval (memoryless restart at boundaries). */
  private scheduleArrival(channel: Channel, t: number): void {
    if (!this.config(channel)) return;
    if (this.replay) {
      const r = this.replay[channel];
      if (r.next < r.times.length) this.heap.push({ time: r.times[r.next++]!, kind: 'arrival', channel });
      return;
    }
    for (let i = Math.floor(t / this.I); i < this.n; i++, t = i * this.I) {
      const volume = this.input.volumes[i]?.[channel] ?? 0;
      if (volume <= 0) continue;
      const next = t + this.rng.exponential(this.I / volume);
      if (next < (i + 1) * this.I) {
        this.heap.push({ time: next, kind: 'arrival', channel });
        return;
      }
    }
  }

  private handle(e: Event): void {
    switch (e.kind) {
      case 'arrival':
        return this.arrive(e.channel, e.time);
      case 'abandon':
        return this.abandon(e.contact, e.time);
      case 'done':
        return this.finish(e.agent, e.channel, e.begun, e.time);
      case 'on':
        e.agent.onDuty = true;
        return this.pull(e.agent, e.time);
      case 'off':
        e.agent.onDuty = false;
        return;
    }
  }

  private arrive(channel: Channel, t: number): void {
    this.scheduleArrival(channel, t);
    const contact: Contact = { channel, arrival: t, interval: Math.min(this.n - 1, Math.floor(t / this.I)), waiting: true };
    this.counts[channel][contact.interval]!.offered++;
    const agent = channel === 'voice' ? this.freeForVoice() : this.freeForChat();
    if (agent) return this.serve(agent, contact, t);
    this.queues[channel].push(contact);
    const patience = this.config(channel)!.patienceSeconds;
    if (patience !== undefined) this.heap.push({ time: t + this.rng.exponential(patience), kind: 'abandon', contact });
  }

  /** Dedicated agents first, then blended agents at home on this channel, then blended visitors. */
  private rank(a: Agent, channel: Channel): number {
    if (!(a.voice && a.chat)) return 0;
    return a.home === channel ? 1 : 2;
  }

  private freeForVoice(): Agent | undefined {
    let best: Agent | undefined;
    for (const a of this.agents) {
      if (!a.onDuty || !a.voice || a.onCall || a.chats > 0) continue;
      if (!best || this.rank(a, 'voice') < this.rank(best, 'voice')) best = a;
      if (this.rank(best, 'voice') === 0) break;
    }
    return best;
  }

  private freeForChat(): Agent | undefined {
    let best: Agent | undefined;
    const score = (a: Agent) => -1e6 * this.rank(a, 'chat') + (a.k - a.chats);
    for (const a of this.agents) {
      if (!a.onDuty || !a.chat || a.onCall || a.chats >= a.k) continue;
      if (!best || score(a) > score(best)) best = a;
    }
    return best;
  }

  private abandon(contact: Contact, t: number): void {
    if (!contact.waiting) return;
    contact.waiting = false;
    const c = this.counts[contact.channel][contact.interval]!;
    c.abandoned++;
    c.waitAllSeconds += t - contact.arrival;
  }

  private serve(agent: Agent, contact: Contact, t: number): void {
    contact.waiting = false;
    const cfg = this.config(contact.channel)!;
    const wait = t - contact.arrival;
    const c = this.counts[contact.channel][contact.interval]!;
    c.answered++;
    c.waitAnsweredSeconds += wait;
    c.waitAllSeconds += wait;
    if (wait <= cfg.thresholdSeconds) c.answeredWithinThreshold++;
    if (contact.channel === 'voice') agent.onCall = true;
    else agent.chats++;
    const ht =
      cfg.handleTime?.distribution === 'lognormal'
        ? this.rng.lognormal(cfg.ahtSeconds, cfg.handleTime.cv)
        : this.rng.exponential(cfg.ahtSeconds);
    this.heap.push({ time: t + ht, kind: 'done', agent, channel: contact.channel, begun: t });
  }

  private finish(agent: Agent, channel: Channel, begun: number, t: number): void {
    const weight = channel === 'voice' ? 1 : 1 / agent.k;
    this.spread(channel, Math.max(begun, agent.start), Math.min(t, agent.end), weight, 'busySeconds');
    if (channel === 'voice') agent.onCall = false;
    else agent.chats--;
    this.pull(agent, t);
  }

  private nextWaiting(channel: Channel): Contact | undefined {
    const q = this.queues[channel];
    while (this.heads[channel] < q.length) {
      const c = q[this.heads[channel]++]!;
      if (c.waiting) return c;
    }
    return undefined;
  }

  /** A free agent takes queued work of its home channel first, then of the other one. */
  private pull(agent: Agent, t: number): void {
    if (!agent.onDuty || agent.onCall) return;
    const order: Channel[] = agent.home === 'voice' ? ['voice', 'chat'] : ['chat', 'voice'];
    for (const channel of order) {
      if (channel === 'voice' && agent.voice && agent.chats === 0) {
        const c = this.nextWaiting('voice');
        if (c) return this.serve(agent, c, t);
      }
      if (channel === 'chat' && agent.chat) {
        while (agent.chats < agent.k) {
          const c = this.nextWaiting('chat');
          if (!c) break;
          this.serve(agent, c, t);
        }
        if (agent.chats > 0) return;
      }
    }
  }
}
