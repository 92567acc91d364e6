/** The calendar event form's schema and the template data for the holidays-and-events page. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { CALENDAR_EVENT_KINDS, type CalendarEventInput, type CalendarEventRecord, type CalendarPageData } from '../../app/calendar-events';
import { formErrors } from './forecast';
import { isoDate as isoDateOf } from './dates';

const isoDate = isoDateOf('forecast.events.error.date');

export const EventForm = z
  .object({
    name: z.string().trim().min(2, 'forecast.events.error.name').max(200, 'forecast.events.error.name'),
    kind: z.enum(CALENDAR_EVENT_KINDS, { message: 'forecast.events.error.kind' }),
    channel: z.string().max(32).default(''),
    /** '' = the whole channel; a platform's code = only its contacts (a launch, an outage of one app). */
    platform: z.string().trim().max(32).default(''),
    startDate: isoDate,
    endDate: isoDate,
    effectPercent: z.coerce
      .number({ message: 'forecast.events.error.effect' })
      .finite('forecast.events.error.effect')
      .min(-100, 'forecast.events.error.effect')
      .max(1000, 'forecast.events.error.effect'),
    note: z.string().trim().max(1000).default(''),
    version: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
  })
  .refine((f) => f.endDate >= f.startDate, { path: ['endDate'], message: 'forecast.events.error.end' })
  // A platform belongs to a channel's contacts, and a day off closes the whole team, not one platform.
  .refine((f) => f.platform === '' || (f.channel !== '' && f.kind !== 'holiday' && f.kind !== 'government_day_off'), {
    path: ['platform'],
    message: 'forecast.events.error.platformScope',
  });

export type EventFormData = z.infer<typeof EventForm>;

export const EventDeleteForm = z.object({ version: z.coerce.number().int().min(0).max(2_147_483_647) });

export function eventFormErrors(error: z.ZodError): Record<string, string> {
  return formErrors(error, 'forecast.events.', 'forecast.events.error.invalid');
}

export function eventInput(f: EventFormData): CalendarEventInput {
  return {
    name: f.name,
    kind: f.kind,
    channelId: f.channel || null,
    platformCode: f.platform || null,
    startDate: f.startDate,
    endDate: f.endDate,
    effectPercent: f.effectPercent,
    note: f.note,
  };
}

export function eventFormValues(e: CalendarEventRecord | null, today: string) {
  return e
    ? {
        id: e.id,
        name: e.name,
        kind: e.kind,
        channel: e.channelId ?? '',
        platform: e.platformCode ?? '',
        startDate: e.startDate,
        endDate: e.endDate,
        effectPercent: e.effectPercent,
        note: e.note,
        version: e.version,
      }
    : {
        id: null,
        name: '',
        kind: 'campaign',
        channel: '',
        platform: '',
        startDate: today,
        endDate: today,
        effectPercent: 0,
        note: '',
        version: 0,
      };
}

export function calendarViewModel(
  d: CalendarPageData,
  zone: string,
  canEdit: boolean,
  form?: { values: Record<string, unknown>; errors: Record<string, string>; errorKey?: string },
) {
  const instant = (date: string) => DateTime.fromISO(date, { zone }).toUTC().toISO();
  return {
    canEdit,
    kinds: CALENDAR_EVENT_KINDS.map((k) => ({ kind: k, key: `forecast.events.kind.${k}` })),
    channels: d.channels,
    platforms: d.platforms,
    holidays: d.holidays.map((h) => ({ ...h, start: instant(h.date), year: h.date.slice(0, 4), nameKey: `holiday.${h.key}` })),
    events: d.events.map((e) => ({
      ...e,
      start: instant(e.startDate),
      end: instant(e.endDate),
      oneDay: e.startDate === e.endDate,
      kindKey: `forecast.events.kind.${e.kind}`,
      channelKey: e.channelId ? (d.channels.find((c) => c.id === e.channelId)?.nameKey ?? e.channelId) : 'forecast.events.allChannels',
      platformName: e.platformCode ? (d.platforms.find((p) => p.code === e.platformCode)?.name ?? e.platformCode) : null,
      past: e.endDate < d.today,
    })),
    form: form ?? { values: eventFormValues(null, d.today), errors: {} },
  };
}
