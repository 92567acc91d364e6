/**
 * Parsing and writing the history file's timestamps.
 *
 * A timestamp is ISO 8601 with an offset (`2026-01-05T10:00:00+04:00`, `...Z`) or local
 * wall-clock time without one (`2026-01-05T10:00:00`), read in the team's zone. In a zone with
 * daylight saving a local time can fall in the spring gap (it never happened: an error) or in
 * the autumn overlap (it happened twice: we take the earlier instant, as the import rules say).
 */
import { DateTime } from 'luxon';
import type { ZoneClock } from './zone-clock';

export type OffsetStyle = 'none' | 'Z' | 'colon' | 'basic';

/** How the input wrote its timestamps, so that output can be written the same way. */
export interface TimestampStyle {
  offset: OffsetStyle;
  seconds: boolean;
  millis: boolean;
  /** A space instead of `T` between date and time. */
  space: boolean;
}

export type ParsedTimestamp =
  | {
      ok: true;
      /** UTC instant */
      ms: number;
      /** local wall clock of the instant in the zone, as UTC-field ms */
      localMs: number;
      style: TimestampStyle;
      /** the later instant, when the local time is ambiguous */
      laterMs?: number;
      /** the offset written in the timestamp, minutes east of UTC */
      offsetMinutes?: number;
    }
  | { ok: false; message: string; gap?: boolean };

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}|[+-]\d{4}|[+-]\d{2})?$/;

function offsetStyle(suffix: string | undefined): OffsetStyle {
  if (!suffix) return 'none';
  if (suffix === 'Z') return 'Z';
  return suffix.includes(':') ? 'colon' : 'basic';
}

function suffixMinutes(suffix: string): number {
  if (suffix === 'Z') return 0;
  const digits = suffix.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
  return suffix[0] === '-' ? -minutes : minutes;
}

/** Parses one timestamp; local times (no offset) are read on `clock`'s zone. */
export function parseTimestamp(text: string, clock: ZoneClock): ParsedTimestamp {
  const m = ISO_RE.exec(text.trim());
  if (!m) return { ok: false, message: 'is not an ISO 8601 date-time (expected e.g. 2026-01-05T10:00:00 or 2026-01-05T10:00:00+04:00)' };
  const [, y, mo, d, sep, h, mi, s, frac, suffix] = m;
  const style: TimestampStyle = { offset: offsetStyle(suffix), seconds: s !== undefined, millis: frac !== undefined, space: sep === ' ' };
  const f = [Number(y), Number(mo), Number(d), Number(h), Number(mi), s === undefined ? 0 : Number(s)];
  const millis = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  const wall = Date.UTC(f[0], f[1] - 1, f[2], f[3], f[4], f[5], millis);
  const back = new Date(wall);
  // Date.UTC rolls 2026-02-30 over to March: a field out of range shows as a changed field.
  if (f[1] < 1 || f[1] > 12 || back.getUTCDate() !== f[2] || f[3] > 23 || f[4] > 59 || f[5] > 59) {
    return { ok: false, message: 'is not a valid calendar date and time' };
  }
  if (suffix) {
    const offsetMinutes = suffixMinutes(suffix);
    const ms = wall - offsetMinutes * 60_000;
    return { ok: true, ms, localMs: clock.toLocalMs(ms), style, offsetMinutes };
  }
  const r = clock.resolveLocal(wall);
  if (r.kind === 'gap')
    return { ok: false, gap: true, message: `does not exist in ${clock.zoneName} (skipped by the daylight-saving change)` };
  if (r.kind === 'ok') return { ok: true, ms: r.ms, localMs: wall, style };
  return { ok: true, ms: r.earlier, localMs: wall, style, laterMs: r.later };
}

function formatOffset(dt: DateTime, style: OffsetStyle): string {
  if (style === 'none') return '';
  if (style === 'Z' && dt.offset === 0) return 'Z';
  const sign = dt.offset < 0 ? '-' : '+';
  const abs = Math.abs(dt.offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return style === 'basic' ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
}

/**
 * formatTimestamp of the instant `ms` in `clock`'s zone, without a luxon DateTime a row (a
 * six-week hourly forecast writes 1,008; luxon asks Intl for the offset of each).
 */
export function formatInstant(ms: number, clock: ZoneClock, style: TimestampStyle): string {
  const offset = style.offset === 'Z' ? 0 : clock.offsetMinutes(ms);
  const iso = new Date(ms + offset * 60_000).toISOString();
  // toISOString writes ±YYYYYY outside years 0-9999: those go through luxon.
  if (iso.length !== 24) return formatTimestamp(DateTime.fromMillis(ms, { zone: style.offset === 'Z' ? 'UTC' : clock.zoneName }), style);
  let out = iso.slice(0, 10) + (style.space ? ' ' : 'T') + iso.slice(11, 16);
  if (style.seconds || style.millis) out += iso.slice(16, 19);
  if (style.millis) out += iso.slice(19, 23);
  if (style.offset === 'none') return out;
  if (style.offset === 'Z' && offset === 0) return out + 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return out + (style.offset === 'basic' ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`);
}

/** Writes `dt` (already in the output zone) in the input's style. A `Z` input is written in UTC. */
export function formatTimestamp(dt: DateTime, style: TimestampStyle): string {
  const t = style.offset === 'Z' ? dt.toUTC() : dt;
  let out = t.toFormat(style.space ? 'yyyy-MM-dd HH:mm' : "yyyy-MM-dd'T'HH:mm");
  if (style.seconds || style.millis) out += t.toFormat(':ss');
  if (style.millis) out += t.toFormat('.SSS');
  return out + formatOffset(t, style.offset);
}
