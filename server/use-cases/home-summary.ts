/** The figures on the home page: yesterday's and the last week's contacts, the team's size. */
import { DateTime } from 'luxon';
import type { DataSource } from '../../models';
import { dailyTotals, historyBounds } from '../../models/repositories/history';
import type { CurrentUser } from '../express-augment';
import type { HomeSummary } from '../view-models/home';

export async function homeSummary(
  ds: DataSource,
  q: { zone: string; user: CurrentUser; now: Date; staffCount: () => Promise<number> },
): Promise<HomeSummary> {
  const today = DateTime.fromJSDate(q.now, { zone: q.zone }).startOf('day');
  const yesterday = today.minus({ days: 1 }).toISODate()!;
  const weekAgo = today.minus({ days: 7 }).toISODate()!;
  const [voice, chat, bounds, staffCount] = await Promise.all([
    dailyTotals(ds, { channelId: 'voice', fromDate: weekAgo, toDate: yesterday, zone: q.zone }),
    dailyTotals(ds, { channelId: 'chat', fromDate: yesterday, toDate: yesterday, zone: q.zone }),
    historyBounds(ds),
    q.staffCount(),
  ]);
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
    nextShifts: [],
    panels: [],
  };
}
