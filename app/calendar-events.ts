/**
 * The calendar the forecast uses: Georgian public holidays (computed, upcoming year) and the
 * coordinator's events (a campaign, an outage, a one-off government day off), which can be
 * added, edited and deleted with optimistic locking and an audit entry each.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { StaleEditError, NotFoundError } from '../models/errors';
import { withTransaction } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { getChannel, listChannels, listPlatforms } from '../models/repositories/settings';
import {
  createCalendarEvent,
  deleteCalendarEvent,
  getCalendarEvent,
  listCalendarEvents,
  updateCalendarEvent,
  type CalendarEventInput,
  type CalendarEventRecord,
} from '../models/repositories/calendar-events';

export { CALENDAR_EVENT_KINDS, type CalendarEventInput, type CalendarEventRecord } from '../models/repositories/calendar-events';
import { georgianHolidaysBetween, type Holiday } from '../forecasting/index';
import { teamClock } from './forecast-inputs';

/** Past events stay listed this long, so a recent outage can still be corrected. */
const PAST_DAYS = 90;

export interface CalendarPageData {
  today: string;
  holidays: Holiday[];
  events: CalendarEventRecord[];
  channels: { id: string; nameKey: string }[];
  /** The team's known platforms, the choices of an event on one platform. */
  platforms: { code: string; name: string }[];
  /** The event asked for editing, if any (null when it does not exist). */
  editing: CalendarEventRecord | null;
}

/**
 * The team's events: those of its channels and those of no channel (a holiday or campaign
 * of the whole install, which every team's forecast takes). `teamId` absent: every event.
 */
async function teamChannelIds(ds: DataSource, teamId?: number): Promise<Set<string> | null> {
  return teamId === undefined ? null : new Set((await listChannels(ds, teamId)).map((c) => c.id));
}

function eventInTeam(e: { channelId: string | null }, ids: Set<string> | null): boolean {
  return ids === null || e.channelId === null || ids.has(e.channelId);
}

export async function calendarPage(
  ds: DataSource,
  q: { fallbackZone: string; now: Date; editId?: number; teamId?: number },
): Promise<CalendarPageData> {
  const { zone } = await teamClock(ds, q.fallbackZone, q.teamId);
  const ids = await teamChannelIds(ds, q.teamId);
  const editing = q.editId ? await getCalendarEvent(ds, q.editId) : null;
  const today = DateTime.fromJSDate(q.now, { zone }).toISODate()!;
  const yearOn = DateTime.fromISO(today).plus({ years: 1 }).toISODate()!;
  const since = DateTime.fromISO(today).minus({ days: PAST_DAYS }).toISODate()!;
  return {
    today,
    holidays: georgianHolidaysBetween(today, yearOn),
    events: (await listCalendarEvents(ds, { fromDate: since })).filter((e) => eventInTeam(e, ids)),
    channels: (await listChannels(ds, q.teamId)).map((c) => ({ id: c.id, nameKey: c.nameKey })),
    platforms: (await listPlatforms(ds)).map((p) => ({ code: p.code, name: p.name })),
    editing: editing && eventInTeam(editing, ids) ? editing : null,
  };
}

export type EventSaveResult =
  | { kind: 'ok'; event: CalendarEventRecord | null }
  | { kind: 'stale'; current: CalendarEventRecord }
  | { kind: 'notFound' }
  /** The event names a channel the team does not have (it would break the foreign key). */
  | { kind: 'unknownChannel' }
  /** The event names a platform the team does not know, or one without a channel. */
  | { kind: 'unknownPlatform' };

interface Actor {
  id: number;
  username: string;
}

async function guarded(ds: DataSource, id: number | null, run: () => Promise<CalendarEventRecord | null>): Promise<EventSaveResult> {
  try {
    return { kind: 'ok', event: await run() };
  } catch (err) {
    if (err instanceof StaleEditError && id !== null) {
      const current = await getCalendarEvent(ds, id);
      return current ? { kind: 'stale', current } : { kind: 'notFound' };
    }
    if (err instanceof NotFoundError) return { kind: 'notFound' };
    throw err;
  }
}

/** An event that does not exist passes: the write below answers notFound for it. */
async function eventIdInTeam(ds: DataSource, id: number, ids: Set<string> | null): Promise<boolean> {
  const event = ids === null ? null : await getCalendarEvent(ds, id);
  return !event || eventInTeam(event, ids);
}

/** Creates (id null) or updates an event carrying the version it was read at. */
export async function saveCalendarEvent(
  ds: DataSource,
  r: { id: number | null; version: number; input: CalendarEventInput; now: Date; user: Actor; teamId?: number },
): Promise<EventSaveResult> {
  const at = r.now.toISOString();
  const ids = await teamChannelIds(ds, r.teamId);
  if (r.id !== null && !(await eventIdInTeam(ds, r.id, ids))) return { kind: 'notFound' };
  if (r.input.channelId !== null && (!(await getChannel(ds, r.input.channelId)) || !eventInTeam(r.input, ids)))
    return { kind: 'unknownChannel' };
  if (
    r.input.platformCode !== null &&
    (r.input.channelId === null || !(await listPlatforms(ds)).some((p) => p.code === r.input.platformCode))
  )
    return { kind: 'unknownPlatform' };
  return guarded(ds, r.id, () =>
    withTransaction(ds, async (tx) => {
      const saved =
        r.id === null
          ? await createCalendarEvent(tx, r.input, r.user.username, at)
          : await updateCalendarEvent(tx, r.id, r.version, r.input);
      await appendAudit(tx, {
        at,
        userId: r.user.id,
        action: r.id === null ? 'calendarEvent.create' : 'calendarEvent.update',
        entity: 'calendar_event',
        entityId: saved.id,
        detail: r.input,
      });
      return saved;
    }),
  );
}

export async function removeCalendarEvent(
  ds: DataSource,
  r: { id: number; version: number; now: Date; user: Actor; teamId?: number },
): Promise<EventSaveResult> {
  const at = r.now.toISOString();
  if (!(await eventIdInTeam(ds, r.id, await teamChannelIds(ds, r.teamId)))) return { kind: 'notFound' };
  return guarded(ds, r.id, () =>
    withTransaction(ds, async (tx) => {
      const before = await getCalendarEvent(tx, r.id);
      await deleteCalendarEvent(tx, r.id, r.version);
      await appendAudit(tx, {
        at,
        userId: r.user.id,
        action: 'calendarEvent.delete',
        entity: 'calendar_event',
        entityId: r.id,
        detail: before ?? {},
      });
      return null;
    }),
  );
}
