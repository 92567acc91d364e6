import type { HelperOptions } from 'handlebars';
import { DateTime } from 'luxon';

const FORMATS: Record<string, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  day: { weekday: 'short', day: 'numeric', month: 'short' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  weekdayTime: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

/**
 * `{{formatDateTime iso "time"}}`: an instant (ISO string) shown in the team's zone
 * (@root.zone) and the request's locale. Formats: date, day, time, dateTime, weekdayTime.
 */
export function formatDateTime(iso: unknown, ...rest: unknown[]): string {
  const options = rest[rest.length - 1] as HelperOptions;
  const format = rest.length > 1 ? rest[0] : undefined;
  if (typeof iso !== 'string' || iso === '') return '';
  const root = options?.data?.root ?? {};
  const dt = DateTime.fromISO(iso, { zone: root.zone ?? 'Asia/Tbilisi' }).setZone(root.zone ?? 'Asia/Tbilisi');
  if (!dt.isValid) return iso;
  const style = FORMATS[typeof format === 'string' ? format : 'dateTime'] ?? FORMATS.dateTime;
  return dt.setLocale(root.locale === 'ka' ? 'ka-GE' : 'en-GB').toLocaleString(style);
}
