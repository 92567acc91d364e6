/**
 * The planning week's grid on the local wall clock: its interval starts, which of them a
 * channel is open in, and the week planned by default. A week is seven local days from Monday
 * 00:00, so a daylight-saving week has one interval more or fewer.
 */
import type { DateTime } from 'luxon';
import { weekOf } from '../forecasting/week';

/** One opening span of a channel on a weekday (1 = Monday … 7 = Sunday), 'HH:mm' local. */
export interface OpeningSpan {
  weekday: number;
  opens: string;
  closes: string;
}

export { weekSlots } from '../forecasting/week';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Open if the interval overlaps any opening span of its local weekday. A channel with no
 * opening hours on file is taken as always open. Spans do not cross midnight ('24:00' closes
 * at the end of the day).
 */
export function isOpen(slot: DateTime, intervalMinutes: number, hours: OpeningSpan[]): boolean {
  if (hours.length === 0) return true;
  const from = slot.hour * 60 + slot.minute;
  const to = from + intervalMinutes;
  return hours.some((h) => h.weekday === slot.weekday && minutesOf(h.opens) < to && minutesOf(h.closes) > from);
}

/** The planning week shown by default: next week (the one the coordinator is building). */
export function defaultWeekStart(now: Date, zone: string): string {
  return weekOf(now, zone, 1);
}
