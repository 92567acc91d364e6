/**
 * Validation of the history CSV's header and of one row's fields, as pure functions: each
 * returns the parsed value or the errors (field, message, offending value) without knowing
 * the line, which the reader (history-csv.ts) adds.
 */
import { parseTimestamp, type TimestampStyle } from './timestamp';
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
