/**
 * Dates in forms and addresses. A pattern alone lets '2027-02-30' through (no such day): it then
 * breaks later, e.g. an approved leave ending on it was silently dropped. Every date is also
 * parsed as a calendar date with luxon and refused with the form's message when invalid.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Whether `text` is a real day or wall-clock time (read in UTC: no daylight-saving gap applies here). */
export function isRealDate(text: string): boolean {
  return DateTime.fromISO(text, { zone: 'utc' }).isValid;
}

/** A calendar date 'YYYY-MM-DD' that exists; `message` is the catalogue key shown when not. */
export const isoDate = (message?: string) => z.string().regex(DATE_RE, message).refine(isRealDate, { message });

/** A local date and time 'YYYY-MM-DDTHH:mm' that exists on the calendar and clock. */
export const isoLocalDateTime = (message?: string) => z.string().regex(DATE_TIME_RE, message).refine(isRealDate, { message });
