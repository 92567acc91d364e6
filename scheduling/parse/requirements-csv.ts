import { DateTime } from 'luxon';
import type { IntervalRequirement } from '../types';
import type { InputError, Parsed } from './parse-error';

export interface ParsedRequirements {
  rows: IntervalRequirement[];
  channels: string[];
  /** Smallest gap between two distinct timestamps (60 when there is only one). */
  intervalMinutes: number;
}

const HEADER = ['timestamp', 'channel', 'required'];

/**
 * Reads `timestamp,channel,required` (ISO 8601 with offset; a channel name; people needed
 * on duty, absence shrinkage already applied). Pure: takes the text, returns rows or every
 * error with its line and field. Columns may come in any order; quotes are not expected.
 */
export function parseRequirementsCsv(text: string, file = 'REQ.csv'): Parsed<ParsedRequirements> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: InputError[] = [];
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  const col = HEADER.map((h) => header.indexOf(h));
  HEADER.forEach((h, i) => {
    if (col[i] < 0) errors.push({ file, line: 1, field: h, message: `missing column "${h}" in the header` });
  });
  if (errors.length) return { ok: false, errors };
  const rows: IntervalRequirement[] = [];
  const channels: string[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length > header.length) {
      // Silently reading the first three cells turned "voice,2,5" (a decimal comma) into 2.
      const extra = cells.slice(header.length).join(',');
      errors.push({
        file,
        line: i + 1,
        field: `column ${header.length + 1}`,
        message: `${cells.length} cells but the header has ${header.length} (extra "${extra}"; a decimal comma? use "2.5")`,
      });
      continue;
    }
    const row = parseRow(cells, col, i + 1, file, errors);
    if (!row) continue;
    const key = `${row.ms}|${row.row.channel}`;
    if (seen.has(key)) {
      errors.push({
        file,
        line: i + 1,
        field: 'timestamp',
        message: `"${row.row.timestamp}" appears twice for channel ${row.row.channel}`,
      });
      continue;
    }
    seen.add(key);
    if (!channels.includes(row.row.channel)) channels.push(row.row.channel);
    rows.push(row.row);
  }
  if (!rows.length && !errors.length) errors.push({ file, line: 2, message: 'no requirement rows' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { rows, channels, intervalMinutes: smallestStep(rows) } };
}

function parseRow(cells: string[], col: number[], line: number, file: string, errors: InputError[]) {
  const [ts, channel, reqText] = col.map((c) => cells[c] ?? '');
  const before = errors.length;
  const dt = DateTime.fromISO(ts, { setZone: true });
  if (!dt.isValid || !/[+-]\d\d:?\d\d$|Z$/.test(ts)) {
    errors.push({ file, line, field: 'timestamp', message: `"${ts}" is not an ISO 8601 timestamp with an offset` });
  }
  if (!/^[a-z][a-z0-9_-]*$/i.test(channel)) {
    errors.push({ file, line, field: 'channel', message: `"${channel}" is not a channel name` });
  }
  const required = Number(reqText);
  if (reqText === '' || !Number.isFinite(required)) {
    errors.push({ file, line, field: 'required', message: `"${reqText}" is not a number` });
  } else if (required < 0) {
    errors.push({ file, line, field: 'required', message: `"${reqText}" is negative` });
  }
  if (errors.length > before) return null;
  return { ms: dt.toMillis(), row: { timestamp: ts, channel, required } };
}

function smallestStep(rows: IntervalRequirement[]): number {
  const stamps = [...new Set(rows.map((r) => DateTime.fromISO(r.timestamp).toMillis()))].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < stamps.length; i++) step = Math.min(step, (stamps[i] - stamps[i - 1]) / 60000);
  return Number.isFinite(step) ? Math.round(step) : 60;
}
