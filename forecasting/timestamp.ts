/**
 * Parsing and writing the history file's timestamps.
 *
 * A timestamp is ISO 8601 with an offset (`2026-01-05T10:00:00+04:00`, `...Z`) or local
 * wall-clock time without one (`2026-01-05T10:00:00`), read in the team's zone. In a zone with
 * daylight saving a local time can fall in the spring gap (it never happened: an error) or in
 * the autumn overlap (it happened twice: we take the earlier instant, as the import rules say).
 */
import { DateTime } from 'luxon';

export type OffsetStyle = 'none' | 'Z' | 'colon' | 'basic';

/** How the input wrote its timestamps, so that output can be written the same way. */
export interface TimestampStyle {
  offset: OffsetStyle;
  seconds: boolean;
  millis: boolean;
  /** A space instead of `T` between date and time. */
  space: boolean;
}

export type ParsedTimestamp = { ok: true; dt: DateTime; style: TimestampStyle } | { ok: false; message: string };

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}|[+-]\d{4}|[+-]\d{2})?$/;

function offsetStyle(suffix: string | undefined): OffsetStyle {
  if (!suffix) return 'none';
  if (suffix === 'Z') return 'Z';
  return suffix.includes(':') ? 'colon' : 'basic';
}

/** Parses one timestamp; local times (no offset) are read in `zone`. */
export function parseTimestamp(text: string, zone: string): ParsedTimestamp {
  const m = ISO_RE.exec(text.trim());
  if (!m) return { ok: false, message: 'is not an ISO 8601 date-time (expected e.g. 2026-01-05T10:00:00 or 2026-01-05T10:00:00+04:00)' };
  const [, y, mo, d, sep, h, mi, s, frac, suffix] = m;
  const style: TimestampStyle = { offset: offsetStyle(suffix), seconds: s !== undefined, millis: frac !== undefined, space: sep === ' ' };
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
    millisecond: frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000),
  };
  if (suffix) {
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${frac ? '.' + frac : ''}${suffix.length === 3 ? suffix + ':00' : suffix}`;
    const dt = DateTime.fromISO(iso, { setZone: true });
    if (!dt.isValid) return { ok: false, message: `is not a valid date-time (${dt.invalidExplanation ?? dt.invalidReason})` };
    return { ok: true, dt: dt.setZone(zone), style };
  }
  return parseLocal(parts, zone, style);
}

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number };

function sameWallClock(dt: DateTime, p: LocalParts): boolean {
  return dt.year === p.year && dt.month === p.month && dt.day === p.day && dt.hour === p.hour && dt.minute === p.minute && dt.second === p.second;
}

function parseLocal(p: LocalParts, zone: string, style: TimestampStyle): ParsedTimestamp {
  const dt = DateTime.fromObject(p, { zone });
  if (!dt.isValid) return { ok: false, message: `is not a valid date-time in ${zone} (${dt.invalidExplanation ?? dt.invalidReason})` };
  // Luxon moves a time in the spring-forward gap to a real instant: the wall clock then differs.
  if (!sameWallClock(dt, p)) return { ok: false, message: `does not exist in ${zone} (skipped by the daylight-saving change)` };
  // In the autumn overlap Luxon picks the later instant; step back to the earlier one if it shows the same wall clock.
  for (const minutes of [60, 30, 120]) {
    const earlier = DateTime.fromMillis(dt.toMillis() - minutes * 60_000, { zone });
    if (sameWallClock(earlier, p)) return { ok: true, dt: earlier, style };
  }
  return { ok: true, dt, style };
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

/** Writes `dt` (already in the output zone) in the input's style. A `Z` input is written in UTC. */
export function formatTimestamp(dt: DateTime, style: TimestampStyle): string {
  const t = style.offset === 'Z' ? dt.toUTC() : dt;
  let out = t.toFormat(style.space ? 'yyyy-MM-dd HH:mm' : "yyyy-MM-dd'T'HH:mm");
  if (style.seconds || style.millis) out += t.toFormat(':ss');
  if (style.millis) out += t.toFormat('.SSS');
  return out + formatOffset(t, style.offset);
}
