/**
 * The simulator's staff routed by the projection's split policy: per interval, as many
 * blended people serve each channel as the projection (onQueueFromShifts) counts there, rounded.
 */
import { expect } from 'chai';
import { onQueueFromShifts, routedSegments, type ChannelSettings, type DutyShift } from '../../../staffing';

const H = 3_600_000;
const T0 = Date.parse('2026-12-07T06:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const shift = (staffId: number, from: number, to: number, channel: string): DutyShift =>
  ({ staffId, start: iso(T0 + from * H), end: iso(T0 + to * H), breaks: [], channel, activities: null }) as DutyShift;
const base = { targetServiceLevel: 0.8, targetAsaSeconds: null, maxOccupancy: null, shrinkage: 0.3, maxAbandonRate: null };
const channels: ChannelSettings[] = [
  { ...base, id: 'voice', kind: 'voice', thresholdSeconds: 20, patienceSeconds: 120, concurrency: 1 },
  { ...base, id: 'chat', kind: 'chat', thresholdSeconds: 180, patienceSeconds: null, concurrency: 2 },
];

describe('sim routing: blended people shared as the projection shares them', () => {
  // 4 hours; voice needs 3, 1, 2, 0 and chat 0, 2, 1, 3; one voice-only person; four blended.
  const needVoice = [3, 1, 2, 0];
  const needChat = [0, 2, 1, 3];
  const demand = needVoice.flatMap((v, t) => [
    { start: iso(T0 + t * H), channel: 'voice', volume: 10, ahtSeconds: 200, neededOnQueue: v, neededOnRota: v },
    { start: iso(T0 + t * H), channel: 'chat', volume: 10, ahtSeconds: 400, neededOnQueue: needChat[t]!, neededOnRota: needChat[t]! },
  ]);
  const skills = new Map<number, string[]>([
    [1, ['voice']],
    [2, ['voice', 'chat']],
    [3, ['voice', 'chat']],
    [4, ['voice', 'chat']],
    [5, ['voice', 'chat']],
  ]);
  const shifts = [shift(1, 0, 4, 'voice'), shift(2, 0, 4, 'both'), shift(3, 0, 4, 'both'), shift(4, 0, 4, 'both'), shift(5, 0, 4, 'both')];

  it('split: per hour, people on each channel are the projection’s count rounded; every blended person serves one channel at a time', () => {
    const segments = routedSegments({ shifts, skills, channels, demand, intervalMinutes: 60 }, 'split');
    const counts = onQueueFromShifts(demand, channels, shifts, skills, 60);
    for (let t = 0; t < 4; t++) {
      const mid = T0 + t * H + H / 2;
      for (const c of ['voice', 'chat'] as const) {
        const here = segments.filter((s) => s.startMs <= mid && s.endMs > mid && s.channels.includes(c)).length;
        // Whole people: the projection's count rounded (1.67 → 2).
        expect(Math.abs(here - counts.get(`${c}|${T0 + t * H}`)!), `hour ${t} ${c}`).to.be.at.most(0.5);
      }
    }
    expect(segments.every((s) => s.channels.length === 1)).to.equal(true);
    expect(segments.filter((s) => s.channels[0] === 'chat').every((s) => s.concurrency === 2)).to.equal(true);
  });

  it('live: blended people keep both channels (the engine routes them as contacts come)', () => {
    const segments = routedSegments({ shifts, skills, channels, demand, intervalMinutes: 60 }, 'live');
    expect(segments.filter((s) => s.channels.length === 2)).to.have.length(4);
  });
});
