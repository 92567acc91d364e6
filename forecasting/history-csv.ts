/**
 * Streaming reader of the contact-history import CSV.
 *
 * Format: a header with `timestamp,channel,volume` in any order, plus optional `aht_seconds`,
 * `abandoned`, `answered`, `platform`; one row per (interval start, channel, platform).
 * Rows of any interval length that divides an hour are summed into the team's
 * `intervalMinutes` buckets on the local wall clock of `zone` (volume, answered and abandoned
 * summed, aht volume-weighted). The reader is pure: the caller feeds lines (from a file, an
 * upload, a test array) or chunks of text (`pushChunk`, any boundaries). Memory grows with the
 * number of intervals, not of lines; errors are capped at `maxErrors` (then only counted).
 *
 * Work is linear in the input whatever its quotes: each character is examined once. A line, or a
 * record whose quoted field spans lines, longer than `maxLineLength` characters stops the reader
 * at once (an unrecoverable structure error, like a quote still open at the end): nothing after
 * it is read, and no line is ever held beyond that length.
 *
 * Used by `wfm forecast` / `wfm backtest` and by the history import (which writes all-or-nothing:
 * any error means nothing is imported).
 */
import { CsvRecordBuilder } from './csv-line';
import { parseRow, plainRowReader, readHeader, type FieldError, type ParsedRow, type RowContext } from './history-csv-row';
export { ROW_LIMITS } from './history-csv-row';
import type { TimestampStyle } from './timestamp';
import { clockOf, COMMON_DST_ZONES, ZoneClock } from './zone-clock';

export interface HistoryCsvOptions {
  zone: string;
  intervalMinutes: number;
  /** Known channel ids; any other channel is an error. */
  channels?: string[];
  /** Known platform codes; any other non-empty platform is an error. */
  platforms?: string[];
  /** Errors kept in the list (default 1000); later ones are only counted. */
  maxErrors?: number;
  /**
   * For forecasting from files written on a naive clock (default false, as the import wants):
   * a local time in a spring daylight-saving gap is skipped (counted in `warnings`) instead of
   * an error, and a local time repeated in the autumn overlap takes the later instant the
   * second time instead of being a duplicate. On a clock without daylight saving (a wall-clock
   * file read as such), a local time written twice where a common daylight-saving zone repeats
   * an hour is the autumn hour written twice: the two rows are averaged, with a warning.
   */
  dstLenient?: boolean;
  /** Longest line, or record with a quoted field over several lines, in characters (default 65,536). */
  maxLineLength?: number;
  /**
   * The clock's "now" in UTC milliseconds (the import passes it): a row starting later is
   * history that has not happened yet, an error. Unset (forecasting from files): not checked.
   */
  notAfterMs?: number;
}

/** Default `maxLineLength`: 64 Ki characters, far above any real row of this format. */
export const DEFAULT_MAX_LINE_LENGTH = 65_536;

/** A bad line: where (line, field), what in English (`message`), and `code`/`params` to translate it. */
export interface HistoryCsvError {
  line: number;
  field: string;
  message: string;
  value?: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface HistoryInterval {
  /** ISO UTC, e.g. 2026-01-05T06:00:00.000Z */
  start: string;
  /** ISO local time in the team's zone, with offset. */
  localStart: string;
  channel: string;
  /** '' when the file has no platform. */
  platform: string;
  volume: number;
  answered: number | null;
  abandoned: number | null;
  /** Volume-weighted mean of the rows' aht_seconds; null when no row with volume had one. */
  ahtSeconds: number | null;
  /** Input rows summed into this interval. */
  rows: number;
}

export interface HistoryCsvResult {
  intervals: HistoryInterval[];
  errors: HistoryCsvError[];
  errorCount: number;
  rowCount: number;
  first: string | null;
  last: string | null;
  inputIntervalMinutes: number | null;
  hasAht: boolean;
  /** Non-fatal remarks (e.g. input intervals longer than the team's). */
  warnings: string[];
  /** How the file wrote its timestamps (first valid row), for writing output the same way. */
  timestampStyle: TimestampStyle | null;
  /** Some rows had local timestamps (no offset), read in `zone`. */
  localTimestamps: boolean;
  /** Offsets written in the file: the first row, each change of offset in file order, the last row (for guessZone). */
  offsetSamples: { ms: number; offsetMinutes: number }[];
  /** Local times (UTC-field ms) written twice and averaged as an autumn hour (dstLenient), at most 100: they tell the zone. */
  repeatedLocal: number[];
  /** The unrecoverable structure error that stopped the reader (also in `errors`), or null. */
  stoppedAt: HistoryCsvError | null;
  /** Characters the record splitter examined: at most the input's length (a linear reader). */
  charsExamined: number;
}

/**
 * Interval lengths (minutes) that divide an hour, longest first: candidates for the input grid.
 * Contact-centre exports come in 5-minute multiples; a finer grid is never inferred, because a
 * few stray rows (12:07 in an hourly file) would otherwise pass as "1-minute data" and be
 * summed in silently.
 */
const HOUR_DIVISORS = [60, 30, 20, 15, 10, 5];

interface Bucket {
  ms: number;
  channel: string;
  platform: string;
  volume: number;
  answered: number | null;
  abandoned: number | null;
  ahtWeighted: number;
  ahtWeight: number;
  rows: number;
  /** Raw row starts (ms) and the line of each, for duplicate detection (at most 60 a bucket). */
  seenMs: number[];
  seenLines: number[];
  /** Rows merged as the second copy of a repeated wall-clock hour (dstLenient): averaged at the end. */
  repeats: number;
}

/** Clocks of the common daylight-saving zones, to recognise an autumn hour written twice. */
let dstClocks: ZoneClock[] | null = null;

/** Whether some common daylight-saving zone shows the wall-clock time `localMs` twice. */
function repeatedSomewhere(localMs: number): boolean {
  dstClocks ??= COMMON_DST_ZONES.map((z) => new ZoneClock(z));
  return dstClocks.some((c) => c.resolveLocal(localMs).kind === 'ambiguous');
}

export class HistoryCsvReader {
  private readonly opts: Required<Pick<HistoryCsvOptions, 'zone' | 'intervalMinutes' | 'maxErrors' | 'maxLineLength'>> & HistoryCsvOptions;
  private lineNo = 0;
  private columns: Map<string, number> | null = null;
  /** The header's columns and the file's context, and the reader of well-formed rows for them. */
  private rowContext: RowContext | null = null;
  private plainRow: ((fields: string[]) => ParsedRow | null) | null = null;
  private headerBad = false;
  private readonly record = new CsvRecordBuilder();
  /** Line on which the open record (a quoted field over several lines) started. */
  private recordLine = 0;
  /** The start of a line whose end has not arrived yet (`pushChunk`). */
  private carry = '';
  /** The last chunk ended with a CR: a LF starting the next one belongs to it. */
  private afterCr = false;
  private stop: HistoryCsvError | null = null;
  private blankLines: number[] = [];
  /** Buckets by channel, platform and start (ms): numbers as keys, no key string a row. */
  private readonly buckets = new Map<string, Map<string, Map<number, Bucket>>>();
  /** The series of the last row, which the next row almost always shares. */
  private last: { channel: string; platform: string; byMs: Map<number, Bucket> } | null = null;
  private readonly errors: HistoryCsvError[] = [];
  private errorCount = 0;
  private rowCount = 0;
  private style: TimestampStyle | null = null;
  private hasAhtValue = false;
  /** Local minute-of-hour → rows and their first lines (capped), to infer the input grid. */
  private readonly minuteRows = new Map<number, { count: number; lines: number[] }>();
  private readonly clock: ZoneClock;
  private gapRows = 0;
  private repeatedRows = 0;
  private readonly repeatedLocal: number[] = [];
  private localRows = 0;
  private readonly offsetSamples: { ms: number; offsetMinutes: number }[] = [];
  private lastOffset: { ms: number; offsetMinutes: number } | null = null;

  constructor(opts: HistoryCsvOptions) {
    if (!Number.isInteger(opts.intervalMinutes) || opts.intervalMinutes <= 0 || 60 % opts.intervalMinutes !== 0) {
      throw new RangeError(`intervalMinutes must divide 60 (got ${opts.intervalMinutes})`);
    }
    // The zone's shared clock: the forecast that reads the file next asks it the same days.
    this.clock = clockOf(opts.zone);
    this.opts = { ...opts, maxErrors: opts.maxErrors ?? 1000, maxLineLength: opts.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH };
  }

  /** The reader met an unrecoverable structure error: further input is ignored. */
  get stopped(): boolean {
    return this.stop !== null;
  }

  /** Takes one line, without its newline (a trailing CR is dropped). */
  pushLine(raw: string): void {
    if (this.stop) return;
    this.lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const max = this.opts.maxLineLength;
    if (line.length > max) return this.halt(this.lineNo, 'lineTooLong', `line is longer than ${max} characters`, { max });
    if (this.record.open) {
      const fields = this.record.feed(line);
      if (fields) return this.takeRecord(fields, this.recordLine);
      if (this.record.pendingChars > max)
        this.halt(this.recordLine, 'quotedFieldTooLong', `a quoted field opened on this line is still open after ${max} characters`, {
          max,
        });
      return;
    }
    if (line.trim() === '') {
      if (this.columns || this.headerBad) this.blankLines.push(this.lineNo);
      return;
    }
    const fields = this.record.feed(line);
    if (fields) this.takeRecord(fields, this.lineNo);
    else this.recordLine = this.lineNo;
  }

  /**
   * Takes a piece of text cut anywhere (a stream's chunk): complete lines are read, the rest is
   * kept for the next chunk, never beyond `maxLineLength`. Lines end at LF, CRLF or a lone CR
   * (old Mac spreadsheets), as with readline. Call `endChunks` after the last chunk.
   */
  pushChunk(text: string): void {
    let start = 0;
    if (this.afterCr && text.charCodeAt(0) === 10) start = 1;
    this.afterCr = false;
    // Both searches are cached until passed, so a chunk is scanned once (no rescans per line).
    let lf = text.indexOf('\n', start);
    let cr = text.indexOf('\r', start);
    while (!this.stop && (lf >= 0 || cr >= 0)) {
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      const piece = text.slice(start, end);
      const line = this.carry ? this.carry + piece : piece;
      this.carry = '';
      this.pushLine(line);
      start = end + 1;
      if (end === cr) {
        if (start === text.length) this.afterCr = true;
        else if (text.charCodeAt(start) === 10) start++;
      }
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    }
    if (this.stop || start >= text.length) return;
    const rest = text.slice(start);
    if (this.carry.length + rest.length > this.opts.maxLineLength) {
      this.carry = '';
      const max = this.opts.maxLineLength;
      return this.halt(this.lineNo + 1, 'lineTooLong', `line is longer than ${max} characters`, { max });
    }
    this.carry += rest;
  }

  /** Reads the last line of chunked input when it had no newline. */
  endChunks(): void {
    const last = this.carry;
    this.carry = '';
    if (last !== '') this.pushLine(last);
  }

  private halt(line: number, code: string, message: string, params: Record<string, string | number>): void {
    this.record.reset();
    this.error(line, { field: '', message, code, params });
    this.stop = { line, field: '', message, code, params };
  }

  private takeRecord(fields: string[], line: number): void {
    if (!this.columns && !this.headerBad) return this.readHeader(fields, line);
    for (const blank of this.blankLines)
      this.error(blank, { field: '', message: 'empty line in the middle of the file', code: 'blankLine' });
    this.blankLines = [];
    this.rowCount++;
    if (this.headerBad) return;
    const row = this.parseRow(fields, line);
    if (row) this.addRow(row, line);
  }

  private error(line: number, e: FieldError): void {
    this.errorCount++;
    if (this.errors.length >= this.opts.maxErrors) return;
    const { value, ...rest } = e;
    this.errors.push(value === undefined ? { line, ...rest } : { line, ...rest, value });
  }

  private readHeader(fields: string[], line: number): void {
    const { columns, errors } = readHeader(fields);
    for (const e of errors) this.error(line, e);
    if (columns) {
      this.columns = columns;
      this.rowContext = { columns, clock: this.clock, channels: this.opts.channels, platforms: this.opts.platforms };
      this.plainRow = plainRowReader(this.rowContext);
    } else this.headerBad = true;
  }

  private parseRow(fields: string[], line: number): ParsedRow | null {
    // The common well-formed row by hand; anything else (and every error) by the strict path.
    let row = this.plainRow!(fields);
    if (!row) {
      const strict = parseRow(fields, this.rowContext!);
      if (strict.gap && this.opts.dstLenient) {
        this.gapRows++;
        return null;
      }
      for (const e of strict.errors) this.error(line, e);
      row = strict.row;
    }
    const notAfter = this.opts.notAfterMs;
    if (row && notAfter !== undefined && row.ms > notAfter) {
      const now = this.clock.formatLocalIso(notAfter).slice(0, 16).replace('T', ' ');
      this.error(line, {
        field: 'timestamp',
        message: `the timestamp is in the future (now is ${now} in ${this.opts.zone})`,
        value: row.text,
        code: 'inFuture',
        params: { now, zone: this.opts.zone },
      });
      return null;
    }
    return row;
  }

  /** The buckets of one channel and platform, by start. */
  private seriesBuckets(channel: string, platform: string): Map<number, Bucket> {
    const last = this.last;
    if (last && last.channel === channel && last.platform === platform) return last.byMs;
    let byPlatform = this.buckets.get(channel);
    if (!byPlatform) this.buckets.set(channel, (byPlatform = new Map()));
    let byMs = byPlatform.get(platform);
    if (!byMs) byPlatform.set(platform, (byMs = new Map()));
    this.last = { channel, platform, byMs };
    return byMs;
  }

  private addRow(row: ParsedRow, line: number): void {
    const interval = this.opts.intervalMinutes;
    // The local minute of the hour (localMs is a whole minute), without a Date a row.
    const minute = ((Math.floor(row.localMs / 60_000) % 60) + 60) % 60;
    let rawMs = row.ms;
    const bucketOf = (ms: number) => ms - (minute % interval) * 60_000;
    // A repeated wall-clock time in the autumn overlap is the later hour, when allowed.
    const series = this.seriesBuckets(row.channel, row.platform);
    if (this.opts.dstLenient && row.laterMs !== undefined && series.get(bucketOf(rawMs))?.seenMs.includes(rawMs)) {
      rawMs = row.laterMs;
    }
    const bucketMs = bucketOf(rawMs);
    let b = series.get(bucketMs);
    if (!b) {
      b = {
        ms: bucketMs,
        channel: row.channel,
        platform: row.platform,
        volume: 0,
        answered: null,
        abandoned: null,
        ahtWeighted: 0,
        ahtWeight: 0,
        rows: 0,
        seenMs: [],
        seenLines: [],
        repeats: 0,
      };
      series.set(bucketMs, b);
    }
    const seenAt = b.seenMs.indexOf(rawMs);
    const repeat =
      seenAt >= 0 &&
      this.opts.dstLenient === true &&
      row.offsetMinutes === undefined &&
      row.laterMs === undefined &&
      b.repeats < b.seenMs.length &&
      repeatedSomewhere(row.localMs);
    if (seenAt >= 0 && !repeat) {
      const firstLine = b.seenLines[seenAt];
      this.error(line, {
        field: 'timestamp',
        message: `duplicate interval: same timestamp, channel and platform as line ${firstLine}`,
        value: row.text,
        code: 'duplicateInterval',
        params: { firstLine },
      });
      return;
    }
    if (repeat) {
      b.repeats++;
      this.repeatedRows++;
      if (this.repeatedLocal.length < 100 && !this.repeatedLocal.includes(row.localMs)) this.repeatedLocal.push(row.localMs);
    } else {
      b.seenMs.push(rawMs);
      b.seenLines.push(line);
    }
    b.volume += row.volume;
    if (row.answered !== null) b.answered = (b.answered ?? 0) + row.answered;
    if (row.abandoned !== null) b.abandoned = (b.abandoned ?? 0) + row.abandoned;
    if (row.aht !== null) {
      this.hasAhtValue = true;
      b.ahtWeighted += row.aht * row.volume;
      b.ahtWeight += row.volume;
    }
    b.rows++;
    this.style ??= row.style;
    this.noteOffset(row);
    this.noteMinute(minute, line);
  }

  private noteOffset(row: ParsedRow): void {
    if (row.offsetMinutes === undefined) {
      this.localRows++;
      return;
    }
    const sample = { ms: row.ms, offsetMinutes: row.offsetMinutes };
    if (!this.lastOffset || this.lastOffset.offsetMinutes !== sample.offsetMinutes) {
      if (this.lastOffset && this.offsetSamples[this.offsetSamples.length - 1] !== this.lastOffset)
        this.offsetSamples.push(this.lastOffset);
      // Bounded: a file flipping offsets every row is not a zone's pattern; 1,000 samples decide.
      if (this.offsetSamples.length < 1000) this.offsetSamples.push(sample);
    }
    this.lastOffset = sample;
  }

  private noteMinute(minute: number, line: number): void {
    let m = this.minuteRows.get(minute);
    if (!m) this.minuteRows.set(minute, (m = { count: 0, lines: [] }));
    m.count++;
    if (m.lines.length < this.opts.maxErrors) m.lines.push(line);
  }

  /**
   * The input grid is the longest hour-divisor on which all but ≤1% of rows fall (a handful of
   * stray rows is an error, not a finer grid); failing that (a small file, where one stray row
   * is more than 1%), the grid with the fewest rows off it. The rows off the grid are reported.
   */
  private inferInputGrid(): number | null {
    const total = [...this.minuteRows.values()].reduce((s, m) => s + m.count, 0);
    if (total === 0) return null;
    const offRows = (grid: number) => [...this.minuteRows].reduce((s, [minute, m]) => s + (minute % grid === 0 ? 0 : m.count), 0);
    let grid = HOUR_DIVISORS.find((g) => offRows(g) <= total * 0.01);
    if (grid === undefined) grid = HOUR_DIVISORS.reduce((best, g) => (offRows(g) < offRows(best) ? g : best));
    for (const [minute, m] of this.minuteRows) {
      if (minute % grid === 0) continue;
      for (const line of m.lines)
        this.error(line, {
          field: 'timestamp',
          message: `timestamp (minute ${minute}) is not aligned to the file's ${grid}-minute grid`,
          code: 'offGrid',
          params: { minute, grid },
        });
      this.errorCount += m.count - m.lines.length;
    }
    return grid;
  }

  finish(): HistoryCsvResult {
    this.endChunks();
    if (this.record.open && !this.stop)
      this.halt(this.recordLine, 'unclosedQuote', 'quoted field is not closed before the end of the file', {});
    if (!this.stop && (this.lineNo === 0 || (!this.columns && !this.headerBad)))
      this.error(1, {
        field: 'timestamp',
        message: 'the file is empty: expected a header line timestamp,channel,volume',
        code: 'emptyFile',
      });
    const inputIntervalMinutes = this.inferInputGrid();
    const warnings: string[] = [];
    if (this.gapRows > 0)
      warnings.push(`${this.gapRows} row(s) at local times skipped by a daylight-saving change in ${this.opts.zone} were left out`);
    if (this.repeatedRows > 0)
      warnings.push(`${this.repeatedRows} local time(s) written twice in an autumn daylight-saving hour: the two rows were averaged`);
    if (inputIntervalMinutes !== null && inputIntervalMinutes > this.opts.intervalMinutes) {
      warnings.push(
        `the file has ${inputIntervalMinutes}-minute intervals, longer than the ${this.opts.intervalMinutes}-minute intervals asked for: each row stays in the first ${this.opts.intervalMinutes}-minute interval of its period`,
      );
    }
    const intervals = [...this.buckets.values()]
      .flatMap((byPlatform) => [...byPlatform.values()].flatMap((byMs) => [...byMs.values()]))
      .sort((a, b) => a.ms - b.ms || cmp(a.channel, b.channel) || cmp(a.platform, b.platform))
      .map((b) => this.toInterval(b));
    return {
      intervals,
      errors: [...this.errors].sort((a, b) => a.line - b.line),
      errorCount: this.errorCount,
      rowCount: this.rowCount,
      first: intervals.length ? intervals[0].start : null,
      last: intervals.length ? intervals[intervals.length - 1].start : null,
      inputIntervalMinutes,
      hasAht: this.hasAhtValue,
      warnings,
      timestampStyle: this.style,
      localTimestamps: this.localRows > 0,
      repeatedLocal: [...this.repeatedLocal],
      offsetSamples:
        this.lastOffset && this.offsetSamples[this.offsetSamples.length - 1] !== this.lastOffset
          ? [...this.offsetSamples, this.lastOffset]
          : [...this.offsetSamples],
      stoppedAt: this.stop,
      charsExamined: this.record.charsExamined,
    };
  }

  private toInterval(b: Bucket): HistoryInterval {
    // The two copies of a repeated hour are two real hours on one wall-clock slot: their mean
    // keeps the slot on the scale of its neighbours (as the grid does with a named zone).
    const share = b.repeats ? b.seenMs.length / (b.seenMs.length + b.repeats) : 1;
    return {
      start: new Date(b.ms).toISOString(),
      localStart: this.clock.formatLocalIso(b.ms),
      channel: b.channel,
      platform: b.platform,
      volume: b.volume * share,
      answered: b.answered === null ? null : b.answered * share,
      abandoned: b.abandoned === null ? null : b.abandoned * share,
      ahtSeconds: b.ahtWeight > 0 ? b.ahtWeighted / b.ahtWeight : null,
      rows: b.rows,
    };
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads a whole file's lines. Items may also be multi-line text (a whole upload): they are
 * split on newlines, so `readHistoryCsv([text], opts)` works. Stops reading at an unrecoverable
 * structure error.
 */
export async function readHistoryCsv(lines: AsyncIterable<string> | Iterable<string>, opts: HistoryCsvOptions): Promise<HistoryCsvResult> {
  const reader = new HistoryCsvReader(opts);
  for await (const item of lines) {
    pushText(reader, item);
    if (reader.stopped) break;
  }
  return reader.finish();
}

/**
 * Reads a file as chunks of text cut anywhere (a decoded stream): lines are split here, with
 * their length bounded as they arrive. Stops reading at an unrecoverable structure error.
 */
export async function readHistoryCsvChunks(
  chunks: AsyncIterable<string> | Iterable<string>,
  opts: HistoryCsvOptions,
): Promise<HistoryCsvResult> {
  const reader = new HistoryCsvReader(opts);
  for await (const chunk of chunks) {
    reader.pushChunk(chunk);
    if (reader.stopped) break;
  }
  return reader.finish();
}

/** Synchronous variant for text already in memory. */
export function parseHistoryCsvText(text: string, opts: HistoryCsvOptions): HistoryCsvResult {
  const reader = new HistoryCsvReader(opts);
  pushText(reader, text);
  return reader.finish();
}

/** One item of lines: a line, or several (LF, CRLF or lone CR between them) read like chunks. */
function pushText(reader: HistoryCsvReader, item: string): void {
  if (!item.includes('\n') && !item.includes('\r')) return reader.pushLine(item);
  reader.pushChunk(item);
  reader.endChunks();
}
