/** The figures on the home page: yesterday's and the last week's contacts, the team's size. */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { dailyTotals } from '../models/repositories/history';
import { listChannels, type ChannelConfig } from '../models/repositories/settings';
import { teamHistoryBounds } from './history-week';
import { listRotasForWeek, publishedRotaForWeek } from '../models/repositories/rotas';
import { myShifts } from './rota-my-shifts';
import { weekProjection, type WeekProjectionView } from './week-projection';
import { weekOf } from '../forecasting/week';
import { weekToDo, type WeekToDo } from './week-todo';
import { loadTeamSettings } from './team-settings';
import { teamIdOrDefault } from './team-scope';

export interface HomeSummary {
  staffCount: number;
  callsYesterday: number | null;
  chatsYesterday: number | null;
  abandonedYesterday: number | null;
  callsLast7Days: number | null;
  historyFrom: string | null;
  historyTo: string | null;
  /** Null until time-off requests are on file to count. */
  pendingTimeOff: number | null;
  /** The signed-in person's next published shifts (start/end ISO, channel). */
  nextShifts: { start: string; end: string; channel: string }[];
  /** This week's projected service (the rota page's figures), for those who see staffing. */
  weekService: WeekProjectionView | null;
  /** What is left to do this week and next (those who edit the rota); empty for others. */
  weekToDo: WeekToDo[];
  /** Extra panels later steps add (rota status, forecast status…), already translated keys + values. */
  panels: { titleKey: string; lines: { labelKey: string; value: string; href?: string }[] }[];
}

export async function homeSummary(
  ds: DataSource,
  q: {
    zone: string;
    /** Whose next shifts to list (null: no linked person), and whether they see the rota status panel (rota:edit). */
    user: { staffId: number | null; canEditRota: boolean; canViewStaffing?: boolean; seesTeam?: boolean };
    now: Date;
    staffCount: () => Promise<number>;
    /** The team looked at (its rota, channels and service); default: the default team. */
    teamId?: number;
  },
): Promise<HomeSummary> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const today = DateTime.fromJSDate(q.now, { zone: q.zone }).startOf('day');
  const yesterday = today.minus({ days: 1 }).toISODate()!;
  const weekAgo = today.minus({ days: 7 }).toISODate()!;
  // The team's figures only for those shown them (an agent's Home has no history panel).
  const seesTeam = q.user.seesTeam !== false;
  const channels = await listChannels(ds, teamId);
  const [voice, chat, bounds, staffCount, upcoming, panels] = await Promise.all([
    seesTeam ? dailyOfKind(ds, channels, 'voice', { fromDate: weekAgo, toDate: yesterday, zone: q.zone }) : Promise.resolve([]),
    seesTeam ? dailyOfKind(ds, channels, 'chat', { fromDate: yesterday, toDate: yesterday, zone: q.zone }) : Promise.resolve([]),
    seesTeam
      ? teamHistoryBounds(
          ds,
          channels.map((c) => c.id),
        )
      : Promise.resolve({ first: null, last: null }),
    seesTeam ? q.staffCount() : Promise.resolve(0),
    myShifts(ds, { staffId: q.user.staffId, now: q.now, zone: q.zone, weeks: 2 }),
    q.user.canEditRota ? rotaStatusPanel(ds, teamId, today) : Promise.resolve([]),
  ]);
  // After the others: on PostgreSQL inside one connection queries must not overlap.
  const weekService = q.user.canViewStaffing
    ? await weekProjection(ds, { weekStart: weekOf(q.now, q.zone), zone: q.zone, now: q.now, teamId })
    : null;
  const todo: WeekToDo[] = [];
  if (q.user.canEditRota) {
    const { intervalMinutes } = await loadTeamSettings(ds, { teamId });
    for (const weekStart of [weekOf(q.now, q.zone), weekOf(q.now, q.zone, 1)]) {
      todo.push(await weekToDo(ds, { weekStart, zone: q.zone, intervalMinutes, now: q.now, teamId }));
    }
  }
  const voiceYesterday = voice.find((d) => d.date === yesterday) ?? null;
  return {
    staffCount,
    callsYesterday: voiceYesterday?.volume ?? null,
    abandonedYesterday: voiceYesterday?.abandoned ?? null,
    chatsYesterday: chat[0]?.volume ?? null,
    callsLast7Days: voice.length ? voice.reduce((s, d) => s + d.volume, 0) : null,
    historyFrom: bounds.first,
    historyTo: bounds.last,
    pendingTimeOff: null,
    nextShifts: upcoming
      .filter((s) => Date.parse(s.end) > q.now.getTime())
      .slice(0, 5)
      .map((s) => ({ start: s.start, end: s.end, channel: s.channel })),
    panels,
    weekService,
    weekToDo: todo,
  };
}

/** The daily totals of the team's channels of one kind (calls: voice, chats: chat), summed by date. */
async function dailyOfKind(
  ds: DataSource,
  channels: ChannelConfig[],
  kind: ChannelConfig['kind'],
  q: { fromDate: string; toDate: string; zone: string },
): Promise<{ date: string; volume: number; abandoned: number | null }[]> {
  const byDate = new Map<string, { date: string; volume: number; abandoned: number | null }>();
  for (const c of channels.filter((x) => x.kind === kind)) {
    for (const d of await dailyTotals(ds, { channelId: c.id, ...q })) {
      const t = byDate.get(d.date) ?? { date: d.date, volume: 0, abandoned: null };
      t.volume += d.volume;
      if (d.abandoned !== null) t.abandoned = (t.abandoned ?? 0) + d.abandoned;
      byDate.set(d.date, t);
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** For coordinators: is this week's and next week's rota published, a draft, or missing? */
async function rotaStatusPanel(ds: DataSource, teamId: number, today: DateTime): Promise<HomeSummary['panels']> {
  const monday = today.startOf('week');
  const lines: HomeSummary['panels'][number]['lines'] = [];
  for (const [which, week] of [
    ['current', monday],
    ['next', monday.plus({ weeks: 1 })],
  ] as const) {
    const weekStart = week.toISODate()!;
    const published = await publishedRotaForWeek(ds, teamId, weekStart);
    const newest = published ? null : (await listRotasForWeek(ds, teamId, weekStart))[0];
    const state = published ? 'published' : newest ? 'draft' : 'none';
    const rev = published?.revision ?? newest?.revision;
    lines.push({
      labelKey: `rota.home.${which}.${state}`,
      value: rev ? `${weekStart} · #${rev}` : weekStart,
      href: `/rota?week=${weekStart}`,
    });
  }
  return [{ titleKey: 'rota.home.title', lines }];
}
