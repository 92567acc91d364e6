/**
 * Validation of the history CSV's header and of one row's fields, as pure functions: each
 * returns the parsed value or the errors (field, message, offending value) without knowing
 * the line, which the reader (history-csv.ts) adds.
 */
import { parseTimestamp, type OffsetStyle, type TimestampStyle } from './timestamp';
import type { ZoneClock } from './zone-clock';

export const REQUIRED_COLUMNS = ['timestamp', 'channel', 'volume'] as const;
export const OPTIONAL_COLUMNS = ['aht_seconds', 'abandoned', 'answered', 'platform'] as const;
const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
/** Plain decimal numbers only: Number() would also take '', ' ', '0x10' and 'Infinity'. */
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Bounds of one row's numbers. A row is one interval of at most an hour of one channel and
 * platform: a million contacts in it is far above any contact centre, and keeps every sum of
 * rows within the stored columns (answered and abandoned are 32-bit integers in PostgreSQL)
 * and within exact doubles. An AHT over a day is a unit mistake (milliseconds?), not a call.
 */
export const ROW_LIMITS = { maxCount: 1_000_000, maxAhtSeconds: 86_400 } as const;

/**
 * `code` and `params` name the problem for a translated message (the app's catalogue has
 * `import.err.<code>`); `message` says the same in English for the command line and the API.
 */
export interface FieldError {
  field: string;
  message: string;
  value?: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface ParsedRow {
  /** UTC instant of the row's start. */
  ms: number;
  /** Local wall clock of that instant, as UTC-field milliseconds. */
  localMs: number;
  /** The later instant when the local time is ambiguous (autumn overlap). */
  laterMs?: number;
  /** The timestamp as written. */
  text: string;
  /** The offset written in the timestamp (minutes east of UTC); undefined for local times. */
  offsetMinutes?: number;
  style: TimestampStyle;
  channel: string;
  platform: string;
  volume: number;
  answered: number | null;
  abandoned: number | null;
  aht: number | null;
}

export interface RowContext {
  columns: Map<string, number>;
  clock: ZoneClock;
  channels?: string[];
  platforms?: string[];
}

/** Column name → index, or the header's errors (unknown, repeated or missing columns). */
export function readHeader(fields: string[]): { columns: Map<string, number> | null; errors: FieldError[] } {
  const names = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim().toLowerCase());
  const columns = new Map<string, number>();
  const errors: FieldError[] = [];
  names.forEach((name, i) => {
    if (!KNOWN.has(name)) {
      const allowed = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(', ');
      errors.push({
        field: name,
        message: `unknown column '${name}' (allowed: ${allowed})`,
        value: fields[i],
        code: 'unknownColumn',
        params: { name, allowed },
      });
    } else if (columns.has(name)) {
      errors.push({ field: name, message: `column '${name}' appears twice`, code: 'duplicateColumn', params: { name } });
    } else {
      columns.set(name, i);
    }
  });
  for (const name of REQUIRED_COLUMNS)
    if (!columns.has(name))
      errors.push({ field: name, message: `missing required column '${name}'`, code: 'missingColumn', params: { name } });
  return { columns: errors.length ? null : columns, errors };
}

type Field<T> = { ok: true; value: T } | { ok: false; error: FieldError };
const fail = (
  field: string,
  code: string,
  message: string,
  value?: string,
  params: Record<string, string | number> = {},
): { ok: false; error: FieldError } => ({
  ok: false,
  error: { field, message, value, code, params: { field, ...params } },
});

/**
 * A number from 0 to `ROW_LIMITS.maxCount`; whole unless `decimals` (some exports write
 * volumes as 38.5, e.g. averaged or split contacts); null when an optional cell is empty or absent.
 */
function count(text: string | undefined, name: string, required: boolean, decimals = false): Field<number | null> {
  if (text === undefined || text === '') return required ? fail(name, 'empty', `${name} is empty`, text ?? '') : { ok: true, value: null };
  if (!NUMBER_RE.test(text)) return fail(name, 'notNumber', `${name} is not a number`, text);
  const n = Number(text);
  if (n < 0) return fail(name, 'negative', `${name} is negative`, text);
  const max = ROW_LIMITS.maxCount;
  if (n > max) return fail(name, 'tooLarge', `${name} is more than ${max}`, text, { max });
  if (!decimals && !Number.isInteger(n)) return fail(name, 'notWhole', `${name} is not a whole number`, text);
  return { ok: true, value: n };
}

function ahtSeconds(text: string | undefined): Field<number | null> {
  if (text === undefined || text === '') return { ok: true, value: null };
  if (!NUMBER_RE.test(text)) return fail('aht_seconds', 'notNumber', 'aht_seconds is not a number', text);
  const n = Number(text);
  if (!(n > 0)) return fail('aht_seconds', 'notPositive', 'aht_seconds must be greater than 0', text);
  const max = ROW_LIMITS.maxAhtSeconds;
  if (n > max) return fail('aht_seconds', 'tooLarge', `aht_seconds is more than ${max}`, text, { max });
  return { ok: true, value: n };
}

function member(text: string, name: 'channel' | 'platform', known: string[] | undefined, allowEmpty: boolean): Field<string> {
  if (text === '' && !allowEmpty) return fail(name, 'empty', `${name} is empty`, text);
  if (text !== '' && known && !known.includes(text))
    return fail(name, 'unknownValue', `unknown ${name} '${text}' (known: ${known.join(', ') || 'none'})`, text, {
      known: known.join(', ') || '—',
    });
  return { ok: true, value: text };
}

type When = Pick<ParsedRow, 'ms' | 'localMs' | 'laterMs' | 'text' | 'style' | 'offsetMinutes'>;

function when(text: string, clock: ZoneClock): Field<When> | { ok: false; gap: true; error: FieldError } {
  if (text === '') return fail('timestamp', 'empty', 'timestamp is empty', text);
  const p = parseTimestamp(text, clock);
  if (!p.ok)
    return p.gap
      ? {
          ok: false,
          gap: true,
          error: {
            field: 'timestamp',
            message: `timestamp ${p.message}`,
            value: text,
            code: 'timestampInGap',
            params: { zone: clock.zoneName },
          },
        }
      : fail('timestamp', 'badTimestamp', `timestamp ${p.message}`, text);
  if (p.localMs % 60_000 !== 0) return fail('timestamp', 'notWholeMinute', 'timestamp is not aligned to a whole minute', text);
  return { ok: true, value: { ms: p.ms, localMs: p.localMs, laterMs: p.laterMs, text, style: p.style, offsetMinutes: p.offsetMinutes } };
}

/**
 * Parses one data row. `gap` is set when the only problem is a local time skipped by a
 * daylight-saving change (a lenient reader may drop such a row instead of failing).
 */
export function parseRow(fields: string[], ctx: RowContext): { row: ParsedRow | null; errors: FieldError[]; gap: boolean } {
  const { columns } = ctx;
  if (fields.length !== columns.size)
    return {
      row: null,
      errors: [
        {
          field: '',
          message: `row has ${fields.length} fields, the header has ${columns.size}`,
          code: 'fieldCount',
          params: { found: fields.length, expected: columns.size },
        },
      ],
      gap: false,
    };
  const cell = (name: string) => (columns.has(name) ? fields[columns.get(name)!].trim() : undefined);
  const ts = when(cell('timestamp')!, ctx.clock);
  const channel = member(cell('channel')!, 'channel', ctx.channels, false);
  const platform = member(cell('platform') ?? '', 'platform', ctx.platforms, true);
  const volume = count(cell('volume'), 'volume', true, true);
  const answered = count(cell('answered'), 'answered', false);
  const abandoned = count(cell('abandoned'), 'abandoned', false);
  const aht = ahtSeconds(cell('aht_seconds'));
  const errors = [ts, channel, platform, volume, answered, abandoned, aht].flatMap((f) => (f.ok ? [] : [f.error]));
  if (volume.ok && answered.ok && abandoned.ok && volume.value !== null && (answered.value ?? 0) + (abandoned.value ?? 0) > volume.value) {
    const field = answered.value !== null ? 'answered' : 'abandoned';
    errors.push({
      field,
      message: `answered (${answered.value ?? '-'}) + abandoned (${abandoned.value ?? '-'}) is more than volume (${volume.value})`,
      value: cell(field),
      code: 'moreThanVolume',
      params: { answered: answered.value ?? '-', abandoned: abandoned.value ?? '-', volume: volume.value },
    });
  }
  const gap = !ts.ok && 'gap' in ts && errors.length === 1;
  if (errors.length || !ts.ok || !channel.ok || !platform.ok || !volume.ok || !answered.ok || !abandoned.ok || !aht.ok)
    return { row: null, errors, gap };
  return {
    row: {
      ...ts.value,
      channel: channel.value,
      platform: platform.value,
      volume: volume.value!,
      answered: answered.value,
      abandoned: abandoned.value,
      aht: aht.value,
    },
    errors: [],
    gap: false,
  };
}

/**
 * A plain decimal (digits, optionally a point and more digits), read with Number as the strict
 * path reads it; NaN for any other shape (a sign, an exponent, spaces…), which the strict path
 * then judges.
 */
function plainNumber(text: string): number {
  const n = text.length;
  let digits = 0;
  let point = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point && digits > 0) point = true;
    else return NaN;
  }
  return digits > 0 && text.charCodeAt(n - 1) !== 46 ? Number(text) : NaN;
}

function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * The common timestamp shapes (`2026-01-05T10:00:00`, with `Z` or `+04:00`, a space for the
 * `T`, without seconds, with a fraction) read by hand, exactly as parseTimestamp reads them;
 * null for any other shape or any timestamp the strict path would refuse.
 */
function plainWhen(text: string, clock: ZoneClock): When | null {
  const len = text.length;
  if (len < 16 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) return null;
  const sep = text.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return null;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  // Years before 100 are read by Date.UTC as 19xx: left to the strict path.
  if (year < 100 || twoDigits(text, 0) < 0 || twoDigits(text, 2) < 0 || month < 1 || month > 12 || hour < 0 || hour > 23) return null;
  if (minute < 0 || minute > 59 || day < 1 || day > daysInMonth(year, month)) return null;
  let i = 16;
  let second = 0;
  let hasSeconds = false;
  let frac = '';
  if (i < len && text.charCodeAt(i) === 58) {
    second = twoDigits(text, i + 1);
    if (second < 0 || second > 59) return null;
    hasSeconds = true;
    i += 3;
    if (i < len && text.charCodeAt(i) === 46) {
      let j = i + 1;
      while (j < len && j - i <= 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j === i + 1 || j - i > 9) return null;
      frac = text.slice(i + 1, j);
      i = j;
    }
  }
  let offset: OffsetStyle = 'none';
  let offsetMinutes = 0;
  if (i === len - 1 && text.charCodeAt(i) === 90) offset = 'Z';
  else if (i === len - 6 && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) && text.charCodeAt(i + 3) === 58) {
    const oh = twoDigits(text, i + 1);
    const om = twoDigits(text, i + 4);
    if (oh < 0 || om < 0) return null;
    offset = 'colon';
    // As parseTimestamp's suffixMinutes, -00:00 included (−0).
    offsetMinutes = text.charCodeAt(i) === 45 ? -(oh * 60 + om) : oh * 60 + om;
  } else if (i !== len) return null;
  const millis = frac === '' ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const style: TimestampStyle = { offset, seconds: hasSeconds, millis: frac !== '', space: sep === 32 };
  if (offset !== 'none') {
    const ms = wall - offsetMinutes * 60_000;
    const localMs = clock.toLocalMs(ms);
    if (localMs % 60_000 !== 0) return null;
    return { ms, localMs, laterMs: undefined, text, style, offsetMinutes };
  }
  if (wall % 60_000 !== 0) return null;
  const r = clock.resolveLocal(wall);
  if (r.kind === 'gap') return null;
  if (r.kind === 'ok') return { ms: r.ms, localMs: wall, laterMs: undefined, text, style, offsetMinutes: undefined };
  return { ms: r.earlier, localMs: wall, laterMs: r.later, text, style, offsetMinutes: undefined };
}

/**
 * A reader of the well-formed common row, for the columns and context of one file: the row
 * parseRow would return, or null whenever the row is anything else (an error, an odd number or
 * timestamp shape), which the caller then gives to parseRow, so every error is still reported
 * by the strict path, with the same line, field and words. A two-year hourly history is 17,000
 * rows; parseRow's field-by-field results and error lists cost most of reading it.
 */
export function plainRowReader(ctx: RowContext): (fields: string[]) => ParsedRow | null {
  const { columns, clock } = ctx;
  const size = columns.size;
  const at = (name: string) => columns.get(name) ?? -1;
  const iTimestamp = at('timestamp');
  const iChannel = at('channel');
  const iVolume = at('volume');
  const iPlatform = at('platform');
  const iAnswered = at('answered');
  const iAbandoned = at('abandoned');
  const iAht = at('aht_seconds');
  const channels = ctx.channels ? new Set(ctx.channels) : null;
  const platforms = ctx.platforms ? new Set(ctx.platforms) : null;
  const max = ROW_LIMITS.maxCount;
  /** A whole count, null when the optional cell is empty or absent, NaN when not plainly valid. */
  const optionalCount = (fields: string[], i: number): number | null => {
    if (i < 0) return null;
    const text = fields[i].trim();
    if (text === '') return null;
    const n = plainNumber(text);
    return n <= max && Number.isInteger(n) ? n : NaN;
  };
  return (fields) => {
    if (fields.length !== size) return null;
    const ts = plainWhen(fields[iTimestamp].trim(), clock);
    if (!ts) return null;
    const channel = fields[iChannel].trim();
    if (channel === '' || (channels && !channels.has(channel))) return null;
    const platform = iPlatform < 0 ? '' : fields[iPlatform].trim();
    if (platform !== '' && platforms && !platforms.has(platform)) return null;
    const volume = plainNumber(fields[iVolume].trim());
    if (!(volume <= max)) return null;
    const answered = optionalCount(fields, iAnswered);
    const abandoned = optionalCount(fields, iAbandoned);
    if (Number.isNaN(answered) || Number.isNaN(abandoned)) return null;
    if ((answered ?? 0) + (abandoned ?? 0) > volume) return null;
    let aht: number | null = null;
    if (iAht >= 0) {
      const text = fields[iAht].trim();
      if (text !== '') {
        aht = plainNumber(text);
        if (!(aht > 0 && aht <= ROW_LIMITS.maxAhtSeconds)) return null;
      }
    }
    // A literal, not a spread of ts: one object shape for every row.
    return {
      ms: ts.ms,
      localMs: ts.localMs,
      laterMs: ts.laterMs,
      text: ts.text,
      style: ts.style,
      offsetMinutes: ts.offsetMinutes,
      channel,
      platform,
      volume,
      answered,
      abandoned,
      aht,
    };
  };
}
