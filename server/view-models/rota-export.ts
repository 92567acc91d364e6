/**
 * The rota as files: CSV for spreadsheets (local times in the team zone) and an iCalendar
 * feed of one person's shifts (RFC 5545: UTC times, the team zone named in X-WR-TIMEZONE,
 * CRLF line ends, lines folded at 75 octets).
 */
import { DateTime } from 'luxon';
import type { ShiftCancellationRecord, ShiftRecord } from '../../app/rota-week';

/**
 * Quoted when needed; a cell that a spreadsheet would read as a formula (=, +, - or @ first,
 * also after leading blanks, tabs or line breaks) is defused with a leading apostrophe.
 */
export function csvCell(value: string): string {
  const v = /^[\s]*[=+\-@]/.test(value) || /^[\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** staff,date,start,end,break_start,break_end,channel; one row per shift, by date then name. */
export function rotaCsv(shifts: ShiftRecord[], names: Map<number, string>, zone: string): string {
  const local = (iso: string) => DateTime.fromISO(iso, { zone }).setZone(zone);
  const rows = shifts
    .map((s) => {
      const start = local(s.start);
      const b = s.breaks[0];
      return {
        name: names.get(s.staffId) ?? String(s.staffId),
        date: start.toISODate()!,
        start: start.toFormat('HH:mm'),
        end: local(s.end).toFormat('HH:mm'),
        breakStart: b ? local(b.start).toFormat('HH:mm') : '',
        breakEnd: b ? local(b.end).toFormat('HH:mm') : '',
        channel: s.channel,
        sort: s.start,
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name) || a.sort.localeCompare(b.sort));
  const lines = ['staff,date,start,end,break_start,break_end,channel'];
  for (const r of rows) lines.push([r.name, r.date, r.start, r.end, r.breakStart, r.breakEnd, r.channel].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const icsTime = (iso: string) => DateTime.fromISO(iso).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");

function escapeText(v: string): string {
  return v
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (continuation lines start with a space). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export interface IcsOptions {
  calendarName: string;
  zone: string;
  summary: (s: Pick<ShiftRecord, 'channel'>) => string;
  /** The summary of a cancelled shift (from the summary of the shift it was). */
  cancelledSummary?: (summary: string) => string;
  /** The event's description from its breaks ("12:00–12:30, 16:00–16:15"), in the reader's language. */
  breaksDescription: (breaks: string, zone: string) => string;
  host: string;
  now: Date;
  /** Shifts taken from this person: listed as STATUS:CANCELLED so calendar apps remove them. */
  cancelled?: ShiftCancellationRecord[];
}

export function shiftsIcs(shifts: ShiftRecord[], o: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rota//Shifts//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(o.calendarName)}`,
    `X-WR-TIMEZONE:${o.zone}`,
  ];
  const stamp = icsTime(o.now.toISOString());
  for (const s of shifts) {
    const breaks = s.breaks.map(
      (b) =>
        `${DateTime.fromISO(b.start, { zone: o.zone }).setZone(o.zone).toFormat('HH:mm')}–${DateTime.fromISO(b.end, { zone: o.zone }).setZone(o.zone).toFormat('HH:mm')}`,
    );
    lines.push(
      'BEGIN:VEVENT',
      // The shift's identity across revisions: a republish changes events instead of replacing them.
      `UID:${s.uid}@${o.host}`,
      `SEQUENCE:${s.sequence}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsTime(s.start)}`,
      `DTEND:${icsTime(s.end)}`,
      `SUMMARY:${escapeText(o.summary(s))}`,
      ...(breaks.length ? [`DESCRIPTION:${escapeText(o.breaksDescription(breaks.join(', '), o.zone))}`] : []),
      'END:VEVENT',
    );
  }
  const current = new Set(shifts.map((s) => s.uid));
  const seen = new Set<string>();
  for (const c of o.cancelled ?? []) {
    if (current.has(c.uid) || seen.has(c.uid)) continue;
    seen.add(c.uid);
    const summary = o.summary(c);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${c.uid}@${o.host}`,
      `SEQUENCE:${c.sequence}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsTime(c.start)}`,
      `DTEND:${icsTime(c.end)}`,
      `SUMMARY:${escapeText(o.cancelledSummary ? o.cancelledSummary(summary) : summary)}`,
      'STATUS:CANCELLED',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
