/**
 * What is left to do for a week before it is done (the card on the rota page and on Home):
 * requests waiting for a decision, a draft newer than what agents see, rules the revision
 * breaks, intervals the revision leaves short of the requirement. Codes and counts only; the
 * catalogue words them (`todo.<code>`).
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { getRotaShift, listSwaps, listTimeOff } from '../models/repositories/requests';
import { listStaff } from '../models/repositories/staff';
import { rotaWeek, type RotaWeekData } from './rota-week';

export type WeekToDoCode = 'noRota' | 'pendingRequests' | 'unpublishedDraft' | 'ruleBreaks' | 'uncovered';

export interface WeekToDoItem {
  code: WeekToDoCode;
  /** How many (requests, rule breaks, intervals); 1 for noRota / unpublishedDraft. */
  count: number;
  /** The revision the item is about, when there is one. */
  revision: number | null;
  /** Agent-hours short over the uncovered intervals (uncovered only). */
  shortHours: number;
  /** Where to go to do it. */
  href: string;
}

export interface WeekToDo {
  weekStart: string;
  items: WeekToDoItem[];
}

/** Below this many people a gap is rounding, not a gap (the heat map uses the same bound). */
const GAP_EPSILON = 0.001;

/**
 * The list from a week already loaded (rotaWeek) and the number of requests waiting on it. Pure.
 * Rule breaks and gaps are those of the revision shown, which is the newest unless the reader
 * picked an older one.
 */
export function weekToDoFrom(data: RotaWeekData, pendingRequests: number): WeekToDo {
  const week = data.weekStart;
  const items: WeekToDoItem[] = [];
  const item = (code: WeekToDoCode, count: number, href: string, extra: Partial<WeekToDoItem> = {}) =>
    items.push({ code, count, href, revision: data.rota?.revision ?? null, shortHours: 0, ...extra });
  if (pendingRequests > 0) item('pendingRequests', pendingRequests, '/requests/inbox', { revision: null });
  if (!data.rota) {
    item('noRota', 1, `/rota?week=${week}`);
    return { weekStart: week, items };
  }
  const newest = data.revisions[0] ?? data.rota;
  if (newest.status === 'draft' && (!data.published || newest.revision > data.published.revision)) {
    item('unpublishedDraft', 1, `/rota/publish?rota=${newest.id}`, { revision: newest.revision });
  }
  if (data.violations.length > 0) item('ruleBreaks', data.violations.length, `/rota?week=${week}&rota=${data.rota.id}#rota-grid`);
  const short = data.service.filter((r) => r.onQueue + GAP_EPSILON < r.neededOnQueue);
  if (short.length > 0) {
    const hours = short.reduce((h, r) => h + (r.neededOnQueue - r.onQueue) * (data.intervalMinutes / 60), 0);
    item('uncovered', short.length, `/rota?week=${week}&rota=${data.rota.id}#rota-coverage`, { shortHours: Math.round(hours * 10) / 10 });
  }
  return { weekStart: week, items };
}

/**
 * Requests the coordinator still has to decide that touch the week: time off overlapping it,
 * and swaps both colleagues agreed to whose shift is in it.
 */
/** The team's requests waiting for a decision that touch the week (`teamId` undefined: the whole install's). */
export async function pendingRequestsForWeek(ds: DataSource, q: { weekStart: string; zone: string; teamId?: number }): Promise<number> {
  const sunday = DateTime.fromISO(q.weekStart, { zone: q.zone }).plus({ days: 6 }).toISODate()!;
  const ours = q.teamId === undefined ? null : new Set((await listStaff(ds, { teamId: q.teamId })).map((p) => p.id));
  const inTeam = (staffId: number) => ours === null || ours.has(staffId);
  const timeOff = (await listTimeOff(ds, { statuses: ['pending'] })).filter(
    (r) => r.startDate <= sunday && r.endDate >= q.weekStart && inTeam(r.staffId),
  );
  let swaps = 0;
  for (const s of await listSwaps(ds, { statuses: ['accepted'] })) {
    if (!inTeam(s.requesterStaffId)) continue;
    const shift = await getRotaShift(ds, s.shiftId);
    if (shift?.weekStart === q.weekStart) swaps++;
  }
  return timeOff.length + swaps;
}

/** The week's list on its own (Home): loads the week's newest revision with its coverage. */
export async function weekToDo(
  ds: DataSource,
  q: { weekStart: string; zone: string; intervalMinutes: number; now: Date; teamId?: number },
): Promise<WeekToDo> {
  const data = await rotaWeek(ds, { ...q, rotaId: null });
  return weekToDoFrom(data, await pendingRequestsForWeek(ds, q));
}
