/**
 * The what-if levers beyond volume, handle time and people off (scenario-model.ts), as pure
 * changes to a week's demand, targets and people on the queue. Rules (shown on the page):
 * - Volume: the overall change, a channel's change and a weekday's change multiply
 *   (+10 % overall and +20 % on Saturday = × 1.1 × 1.2 on Saturday).
 * - Shrinkage: the channel's shrinkage in the scenario. People on the queue are scaled by
 *   (1 − new) ÷ (1 − as set): more shrinkage, fewer of the people on duty take contacts.
 * - Targets: the channel's service level (% within a threshold) and ASA in the scenario; the
 *   figures are the same, whether they meet the target (and what it would take) changes.
 * - Opening hours: every day of the chosen channels opens at `opens` and closes at `closes`
 *   (local). Contacts forecast in intervals now closed come back in the same day's open
 *   intervals, in proportion to their own contacts (none open: they are lost). Hours beyond the
 *   forecast's own get no contacts: there is no forecast for them.
 * - New hires: n people with the given skill (a channel, or 'both' for voice and chat) and weekly
 *   hours. Their hours after the channel's shrinkage are spread over the week's open intervals
 *   of their channels in proportion to the load (contacts × handle time ÷ concurrency), as a
 *   planner would place them; a fraction of a person in an interval is part of its time.
 */
import { DateTime } from 'luxon';
import type { ChannelSettings } from './channel-settings';
import type { ProjectionDemand } from './projection';

export interface TargetLever {
  /** Percent within `thresholdSeconds`, 1-100. */
  serviceLevelPct?: number;
  thresholdSeconds?: number;
  asaSeconds?: number;
}

export interface HiresLever {
  count: number;
  /** A channel id, or 'both' (voice and chat). */
  skill: string;
  hoursPerWeek: number;
}

export interface VolumeLevers {
  volumeChangePct: number;
  /** Per channel id, percent. */
  channelVolumePct?: Record<string, number>;
  /** Per ISO weekday ('1' Monday … '7'), percent. */
  dayVolumePct?: Record<string, number>;
}

const key = (channel: string, start: string) => `${channel}|${Date.parse(start)}`;

/** The volume factor of an interval: overall × channel × weekday (see the file comment). */
export function volumeFactorOf(l: VolumeLevers, zone: string, inScope: (channel: string) => boolean) {
  return (channel: string, start: string): number => {
    if (!inScope(channel)) return 1;
    const day = String(DateTime.fromISO(start, { zone }).weekday);
    return (1 + l.volumeChangePct / 100) * (1 + (l.channelVolumePct?.[channel] ?? 0) / 100) * (1 + (l.dayVolumePct?.[day] ?? 0) / 100);
  };
}

/** The channels with the scenario's targets (a blank field keeps the channel's own). */
export function withTargets<C extends ChannelSettings>(channels: C[], targets: Record<string, TargetLever> | undefined): C[] {
  if (!targets) return channels;
  return channels.map((c) => {
    const t = targets[c.id];
    if (!t) return c;
    return {
      ...c,
      ...(t.serviceLevelPct !== undefined ? { targetServiceLevel: t.serviceLevelPct / 100 } : {}),
      ...(t.thresholdSeconds !== undefined ? { thresholdSeconds: t.thresholdSeconds } : {}),
      ...(t.asaSeconds !== undefined ? { targetAsaSeconds: t.asaSeconds } : {}),
    };
  });
}

/** People on the queue scaled for a changed shrinkage: (1 − new) ÷ (1 − as set). */
export function shrinkageFactor(c: ChannelSettings, shrinkage: number): number {
  return (1 - shrinkage) / Math.max(1e-9, 1 - c.shrinkage);
}

const minuteOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Opening hours changed: closed intervals' contacts back in the day's open ones (see the file comment). */
export function moveClosedContacts(
  demand: ProjectionDemand[],
  opening: { opens: string; closes: string },
  zone: string,
  inScope: (channel: string) => boolean,
): ProjectionDemand[] {
  const from = minuteOfDay(opening.opens);
  const to = minuteOfDay(opening.closes);
  const isOpen = (start: string) => {
    const t = DateTime.fromISO(start, { zone });
    const m = t.hour * 60 + t.minute;
    return m >= from && m < to;
  };
  const dayOf = (d: ProjectionDemand) => `${d.channel}|${DateTime.fromISO(d.start, { zone }).toISODate()}`;
  const moved = new Map<string, { closed: number; open: number }>();
  for (const d of demand) {
    if (!inScope(d.channel)) continue;
    const k = dayOf(d);
    const m = moved.get(k) ?? { closed: 0, open: 0 };
    if (isOpen(d.start)) m.open += d.volume;
    else m.closed += d.volume;
    moved.set(k, m);
  }
  return demand.map((d) => {
    if (!inScope(d.channel)) return d;
    const m = moved.get(dayOf(d))!;
    const scale = isOpen(d.start) ? (m.open > 0 ? 1 + m.closed / m.open : 1) : 0;
    if (scale === 1) return d;
    return {
      ...d,
      volume: d.volume * scale,
      ...(d.lower80 !== undefined ? { lower80: d.lower80 * scale } : {}),
      ...(d.upper80 !== undefined ? { upper80: d.upper80 * scale } : {}),
    };
  });
}

/** New hires' people on the queue per `${channel}|${epoch ms}` (see the file comment). */
export function hiresOnQueue(
  demand: ProjectionDemand[],
  channels: ChannelSettings[],
  hires: HiresLever,
  intervalMinutes: number,
): Map<string, number> {
  const out = new Map<string, number>();
  if (hires.count <= 0 || hires.hoursPerWeek <= 0) return out;
  const serves = (ch: string) => (hires.skill === 'both' ? ch === 'voice' || ch === 'chat' : ch === hires.skill);
  const byId = new Map(channels.map((c) => [c.id, c]));
  const open = demand.filter((d) => serves(d.channel) && d.volume > 0 && byId.has(d.channel));
  const load = (d: ProjectionDemand) => (d.volume * d.ahtSeconds) / Math.max(1, byId.get(d.channel)!.concurrency);
  const total = open.reduce((s, d) => s + load(d), 0);
  if (total <= 0) return out;
  for (const d of open) {
    const c = byId.get(d.channel)!;
    const queueHours = hires.count * hires.hoursPerWeek * (1 - c.shrinkage) * (load(d) / total);
    out.set(key(d.channel, d.start), (out.get(key(d.channel, d.start)) ?? 0) + queueHours / (intervalMinutes / 60));
  }
  return out;
}
