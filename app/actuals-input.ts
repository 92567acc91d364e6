/**
 * Reading interval actuals (issue #12) from what the phone and chat systems send: JSON objects
 * (POST /api/actuals) or CSV lines (the page, `wfm import actuals`). Every field is checked with
 * zod; every bad row is reported by line (CSV) or row number (JSON) and field, as a code with
 * params for the catalogue, and a batch with any bad row stores nothing.
 *
 * CSV header: `start,channel,offered` required; `platform,answered,abandoned,aht_seconds,
 * service_level` optional. JSON keys: start, channel, platform, offered, answered, abandoned,
 * ahtSeconds, serviceLevel. `start` is an interval start on the team's grid (ISO 8601 with an
 * offset, or local in the team's zone), not in the future; `service_level` a share 0…1.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseTimestamp } from '../forecasting/timestamp';
import { ZoneClock } from '../forecasting/zone-clock';
import type { ActualRow } from '../models/repositories/actuals';

export interface ActualsError {
  /** CSV: the line in the file (header = 1); JSON: the row's position, from 1. 0 = the whole input. */
  line: number;
  field: string;
  /** Catalogue key under `actuals.err.` */
  code: string;
  params?: Record<string, string | number>;
}

export interface ActualsContext {
  zone: string;
  intervalMinutes: number;
  channels: string[];
  platforms: string[];
  now: Date;
}

/** The most rows one batch may carry: a day of 15-minute intervals for 100 channel-platforms. */
export const MAX_ACTUAL_ROWS = 10_000;
const MAX_COUNT = 1_000_000;

export const CSV_COLUMNS = ['start', 'channel', 'platform', 'offered', 'answered', 'abandoned', 'aht_seconds', 'service_level'] as const;
const REQUIRED = ['start', 'channel', 'offered'];
/** CSV column → JSON key. */
const KEY_OF: Record<string, string> = { aht_seconds: 'ahtSeconds', service_level: 'serviceLevel' };

/** A number from JSON or text; blank text and null are "not given". */
const given = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
const numberish = z.union([
  z.number(),
  z
    .string()
    .trim()
    .transform((s) => (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN)),
]);

function numberField(opts: { whole?: boolean; max: number; min?: number; above?: number }) {
  return numberish.superRefine((n, ctx) => {
    const issue = (code: string) => ctx.addIssue({ code: 'custom', message: code });
    if (typeof n !== 'number' || !Number.isFinite(n)) return issue('notNumber');
    if (opts.above !== undefined && !(n > opts.above)) return issue('notPositive');
    if (n < (opts.min ?? 0)) return issue('negative');
    if (opts.whole && !Number.isInteger(n)) return issue('notWhole');
    if (n > opts.max) return issue('tooLarge');
  });
}

const FIELDS = {
  offered: { schema: numberField({ max: MAX_COUNT }), params: { max: MAX_COUNT } },
  answered: { schema: numberField({ whole: true, max: MAX_COUNT }), params: { max: MAX_COUNT } },
  abandoned: { schema: numberField({ whole: true, max: MAX_COUNT }), params: { max: MAX_COUNT } },
  ahtSeconds: { schema: numberField({ above: 0, max: 86_400 }), params: { max: 86_400 } },
  serviceLevel: { schema: numberField({ max: 1 }), params: { max: 1 } },
} as const;

type NumberKey = keyof typeof FIELDS;

/** The CSV/JSON name of a field in error messages: the name the sender wrote. */
function fieldName(key: string, csv: boolean): string {
  if (!csv) return key;
  return Object.entries(KEY_OF).find(([, k]) => k === key)?.[0] ?? key;
}

function readNumber(raw: Record<string, unknown>, key: NumberKey, errs: ActualsError[], line: number, csv: boolean): number | null {
  const v = raw[key];
  if (!given(v)) return null;
  const r = FIELDS[key].schema.safeParse(v);
  if (r.success) return r.data as number;
  const code = r.error.issues[0]?.message ?? 'notNumber';
  errs.push({ line, field: fieldName(key, csv), code, params: code === 'tooLarge' ? FIELDS[key].params : undefined });
  return null;
}

function readStart(v: unknown, ctx: ActualsContext, errs: ActualsError[], line: number): string | null {
  if (!given(v)) return (errs.push({ line, field: 'start', code: 'required' }), null);
  const p = typeof v === 'string' ? parseTimestamp(v, new ZoneClock(ctx.zone)) : null;
  if (!p || !p.ok) return (errs.push({ line, field: 'start', code: 'badTimestamp' }), null);
  const local = DateTime.fromMillis(p.ms, { zone: ctx.zone });
  if (p.ms % 60_000 !== 0 || (local.hour * 60 + local.minute) % ctx.intervalMinutes !== 0)
    return (errs.push({ line, field: 'start', code: 'offGrid', params: { minutes: ctx.intervalMinutes } }), null);
  if (p.ms > ctx.now.getTime()) return (errs.push({ line, field: 'start', code: 'future' }), null);
  return new Date(p.ms).toISOString();
}

function readKnown(v: unknown, known: string[], field: string, errs: ActualsError[], line: number, optional: boolean): string | null {
  const s = typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : null;
  if (s === null) return (errs.push({ line, field, code: 'unknownValue', params: { known: known.join(', ') } }), null);
  if (s === '') return optional ? '' : (errs.push({ line, field, code: 'required' }), null);
  if (!known.includes(s)) return (errs.push({ line, field, code: 'unknownValue', params: { known: known.join(', ') || '—' } }), null);
  return s;
}

/** One row (JSON keys) → a stored row, or its errors added to `errs`. */
export function readActualRow(
  raw: Record<string, unknown>,
  line: number,
  ctx: ActualsContext,
  errs: ActualsError[],
  csv = false,
): ActualRow | null {
  const before = errs.length;
  const start = readStart(raw.start, ctx, errs, line);
  const channelId = readKnown(raw.channel, ctx.channels, 'channel', errs, line, false);
  const platformCode = readKnown(raw.platform, ctx.platforms, 'platform', errs, line, true);
  if (!given(raw.offered)) errs.push({ line, field: 'offered', code: 'required' });
  const offered = readNumber(raw, 'offered', errs, line, csv);
  const answered = readNumber(raw, 'answered', errs, line, csv);
  const abandoned = readNumber(raw, 'abandoned', errs, line, csv);
  const ahtSeconds = readNumber(raw, 'ahtSeconds', errs, line, csv);
  const serviceLevel = readNumber(raw, 'serviceLevel', errs, line, csv);
  if (offered !== null && (answered ?? 0) + (abandoned ?? 0) > offered + 1e-9)
    errs.push({
      line,
      field: 'answered',
      code: 'moreThanOffered',
      params: { answered: answered ?? 0, abandoned: abandoned ?? 0, offered },
    });
  if (errs.length > before || start === null || channelId === null || platformCode === null || offered === null) return null;
  return { channelId, platformCode, start, intervalMinutes: ctx.intervalMinutes, offered, answered, abandoned, ahtSeconds, serviceLevel };
}

const JsonRows = z.array(z.record(z.string(), z.unknown())).max(MAX_ACTUAL_ROWS);

/** JSON rows (an array of objects) → rows or every error. */
export function readActualsJson(body: unknown, ctx: ActualsContext): { rows: ActualRow[]; errors: ActualsError[] } {
  const list = JsonRows.safeParse(body);
  if (!list.success) {
    const tooMany = Array.isArray(body) && body.length > MAX_ACTUAL_ROWS;
    return {
      rows: [],
      errors: [{ line: 0, field: 'actuals', code: tooMany ? 'tooManyRows' : 'notRows', params: { max: MAX_ACTUAL_ROWS } }],
    };
  }
  const errors: ActualsError[] = [];
  const rows = list.data.map((raw, i) => readActualRow(raw, i + 1, ctx, errors)).filter((r): r is ActualRow => r !== null);
  return { rows, errors };
}

/** CSV text → rows or every error (header problems first). */
export function readActualsCsv(text: string, ctx: ActualsContext): { rows: ActualRow[]; errors: ActualsError[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    return { rows: [], errors: [{ line, field: 'file', code: 'badCsv' }] };
  }
  if (!records.length) return { rows: [], errors: [{ line: 1, field: 'file', code: 'empty' }] };
  const header = records[0].record.map((h) => h.toLowerCase());
  const errors: ActualsError[] = [];
  for (const h of header)
    if (!(CSV_COLUMNS as readonly string[]).includes(h))
      errors.push({ line: 1, field: h, code: 'unknownColumn', params: { allowed: CSV_COLUMNS.join(', ') } });
  for (const r of REQUIRED) if (!header.includes(r)) errors.push({ line: 1, field: r, code: 'missingColumn' });
  if (records.length - 1 > MAX_ACTUAL_ROWS) errors.push({ line: 0, field: 'file', code: 'tooManyRows', params: { max: MAX_ACTUAL_ROWS } });
  if (errors.length) return { rows: [], errors };
  const rows: ActualRow[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      errors.push({ line: info.lines, field: 'row', code: 'fieldCount', params: { found: record.length, expected: header.length } });
      continue;
    }
    const raw: Record<string, unknown> = {};
    header.forEach((h, i) => (raw[KEY_OF[h] ?? h] = record[i]));
    const row = readActualRow(raw, info.lines, ctx, errors, true);
    if (row) rows.push(row);
  }
  return { rows, errors };
}
