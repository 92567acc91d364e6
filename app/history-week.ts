/** One week of contact history per channel, on the team's interval grid (gaps stay null). */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { historyBounds, historyRange, platformTotals, type PlatformTotal } from '../models/repositories/history';
import { listChannels, listPlatforms } from '../models/repositories/settings';

export interface HistoryHour {
  start: string;
  offered: number | null;
  answered: number | null;
  abandoned: number | null;
  ahtSeconds: number | null;
}

export interface HistoryWeek {
  zone: string;
  weekStart: string | null;
  prevWeek: string | null;
  nextWeek: string | null;
  first: string | null;
  last: string | null;
  channels: { channel: string; hours: HistoryHour[]; platforms: PlatformShare[] }[];
}

/** One platform's part of a channel's week ('' = contacts not split by platform). */
export interface PlatformShare {
  code: string;
  name: string | null;
  volume: number;
  /** Of the channel's week volume, 0..1 (null when the week has no contacts). */
  share: number | null;
  answered: number | null;
  abandoned: number | null;
}

function platformShares(totals: PlatformTotal[], channel: string, names: Map<string, string>): PlatformShare[] {
  const mine = totals.filter((t) => t.channelId === channel);
  const sum = mine.reduce((s, t) => s + t.volume, 0);
  return mine
    .map((t) => ({
      code: t.platformCode,
      name: names.get(t.platformCode) ?? null,
      volume: t.volume,
      share: sum > 0 ? t.volume / sum : null,
      answered: t.answered,
      abandoned: t.abandoned,
    }))
    .sort((a, b) => b.volume - a.volume || (a.code < b.code ? -1 : 1));
}

/** The first and last history of the team's channels (of every channel when `channelIds` is null). */
export async function teamHistoryBounds(
  ds: DataSource,
  channelIds: string[] | null,
): Promise<{ first: string | null; last: string | null }> {
  if (channelIds === null) return historyBounds(ds);
  let first: string | null = null;
  let last: string | null = null;
  for (const id of channelIds) {
    const b = await historyBounds(ds, id);
    if (b.first && (!first || Date.parse(b.first) < Date.parse(first))) first = b.first;
    if (b.last && (!last || Date.parse(b.last) > Date.parse(last))) last = b.last;
  }
  return { first, last };
}

export async function historyWeek(
  ds: DataSource,
  q: { zone: string; intervalMinutes: number; weekStart: string | null; now: Date; teamId?: number },
): Promise<HistoryWeek> {
  const channels = await listChannels(ds, q.teamId);
  const bounds = await teamHistoryBounds(ds, q.teamId === undefined ? null : channels.map((c) => c.id));
  const empty: HistoryWeek = { zone: q.zone, weekStart: null, prevWeek: null, nextWeek: null, first: null, last: null, channels: [] };
  if (!bounds.first || !bounds.last) return empty;
  const first = DateTime.fromISO(bounds.first, { zone: q.zone });
  const last = DateTime.fromISO(bounds.last, { zone: q.zone });
  // Default: the last week that the history covers, starting on its Monday.
  const asked = q.weekStart ? DateTime.fromISO(q.weekStart, { zone: q.zone }) : last;
  const monday = (asked.isValid ? asked : last).startOf('week');
  const end = monday.plus({ weeks: 1 });
  const slots: DateTime[] = [];
  for (let t = monday; t < end; t = t.plus({ minutes: q.intervalMinutes })) slots.push(t);
  const range = { from: monday.toUTC().toISO()!, to: end.toUTC().toISO()! };
  const totals = await platformTotals(ds, range);
  const names = new Map((await listPlatforms(ds)).map((p) => [p.code, p.name]));
  const out = [];
  for (const channel of channels) {
    const points = await historyRange(ds, { channelId: channel.id, ...range });
    const byStart = new Map(points.map((p) => [DateTime.fromISO(p.start).toMillis(), p]));
    const hours: HistoryHour[] = slots.map((slot) => {
      const p = byStart.get(slot.toMillis());
      return {
        start: slot.toUTC().toISO()!,
        offered: p?.volume ?? null,
        answered: p?.answered ?? null,
        abandoned: p?.abandoned ?? null,
        ahtSeconds: p?.ahtSeconds ?? null,
      };
    });
    out.push({ channel: channel.id, hours, platforms: platformShares(totals, channel.id, names) });
  }
  return {
    zone: q.zone,
    weekStart: monday.toISODate(),
    prevWeek: monday > first ? monday.minus({ weeks: 1 }).toISODate() : null,
    nextWeek: end <= last ? end.toISODate() : null,
    first: bounds.first,
    last: bounds.last,
    channels: out,
  };
}
