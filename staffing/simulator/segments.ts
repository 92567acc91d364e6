/**
 * A staffing plan (N agents per interval and channel) as on-duty segments: agent i of a
 * channel is on duty through every consecutive interval whose count exceeds i, so a level
 * staffing is one long segment rather than agents leaving and arriving at each boundary.
 */
import { StaffingError } from '../errors';
import { CHANNELS, type AgentSegment, type StaffingPlan } from './types';

export function planToSegments(plan: StaffingPlan, startMs: number, intervalSeconds: number): AgentSegment[] {
  const segments: AgentSegment[] = [];
  const ms = intervalSeconds * 1000;
  for (const channel of CHANNELS) {
    const counts = plan.agents.map((a, i) => {
      const n = a[channel] ?? 0;
      if (!Number.isInteger(n) || n < 0)
        throw new StaffingError(`staffing.plan.agents[${i}].${channel}`, `must be a whole number ≥ 0, got ${n}`);
      return n;
    });
    const most = Math.max(0, ...counts);
    for (let agent = 0; agent < most; agent++) {
      let open: number | null = null;
      for (let i = 0; i <= counts.length; i++) {
        const on = i < counts.length && counts[i]! > agent;
        if (on && open === null) open = i;
        if (!on && open !== null) {
          const concurrency = channel === 'chat' ? (plan.chatConcurrency ?? 1) : 1;
          segments.push({ startMs: startMs + open * ms, endMs: startMs + i * ms, channels: [channel], concurrency });
          open = null;
        }
      }
    }
  }
  return segments;
}

export function checkSegments(segments: AgentSegment[]): void {
  segments.forEach((s, i) => {
    const where = `staffing.segments[${i}]`;
    if (!Number.isFinite(s.startMs) || !Number.isFinite(s.endMs) || s.endMs < s.startMs) {
      throw new StaffingError(`${where}.endMs`, 'must be a time (ms) not before startMs');
    }
    if (!s.channels.length || s.channels.some((c) => !CHANNELS.includes(c))) {
      throw new StaffingError(`${where}.channels`, "must list 'voice' and/or 'chat'");
    }
    const k = s.concurrency ?? 1;
    if (!Number.isInteger(k) || k < 1) throw new StaffingError(`${where}.concurrency`, `must be a whole number ≥ 1, got ${k}`);
  });
}
