/**
 * Importing contact history from a CSV (the page, `wfm import history`, the JSON endpoint).
 *
 * All or nothing: the file is read and checked completely first (every bad row reported by
 * line and field); only a clean file is written, in one transaction, in chunks. Lines stream
 * in, so memory grows with the intervals kept, not with the file.
 *
 * Overlap with stored history is decided per channel and interval start: the same platform,
 * or platform-split rows against unsplit ('' platform) rows, which would count the same
 * contacts twice. `refuse` imports nothing and reports the overlap; `replace` deletes the
 * overlapping rows and inserts the new ones in the same transaction. `dryRun` reports what
 * would happen (the page's preview) without writing.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readHistoryCsv, readHistoryCsvChunks, type HistoryCsvError, type HistoryInterval } from '../forecasting/history-csv';
import {
  appendAudit,
  createHistoryImport,
  deleteHistoryAt,
  existingHistoryKeys,
  insertHistory,
  isUniqueViolation,
  listChannels,
  lockHistoryImports,
  listPlatforms,
  withTransaction,
  type DataSource,
  type Db,
} from '../models';
import { loadTeamSettings } from './team-settings';

export interface ImportHistoryInput {
  /** The file as lines (an array, a readline interface)… */
  lines?: AsyncIterable<string> | Iterable<string>;
  /** …or as decoded text cut anywhere (a stream): the reader splits it, holding no line beyond `maxLineLength`. */
  chunks?: AsyncIterable<string>;
  fileName: string;
  source: 'page' | 'cli' | 'api';
  userId?: number | null;
  /** The service token that imports (userId is then null), named in the audit entry. */
  serviceTokenId?: number | null;
  onOverlap: 'replace' | 'refuse';
  dryRun?: boolean;
  /** The team's zone and interval; read from the team settings when not given. */
  zone?: string;
  intervalMinutes?: number;
  /** The clock, for the import record and the audit entry, and to refuse rows dated later. */
  now?: Date;
  /** Errors listed in full (more are only counted). Default 1000. */
  maxErrors?: number;
  /** Longest line in characters; a longer one stops the import (default: the reader's, 65,536). */
  maxLineLength?: number;
  /**
   * The team that imports: a row naming a channel that is not the team's is refused with its
   * line (nothing stored). Absent (the CLI), any channel of the install.
   */
  teamId?: number;
}

export interface ImportSummary {
  rowCount: number;
  intervalCount: number;
  first: string | null;
  last: string | null;
  perChannel: { channel: string; intervals: number; volume: number }[];
  overlapCount: number;
  overlapFirst: string | null;
  overlapLast: string | null;
  /** Stored intervals overwritten (0 in a dry run or without overlap). */
  replaced: number;
  inputIntervalMinutes: number | null;
  warnings: string[];
  /** Id of the history import record (null in a dry run). */
  importId: number | null;
}

export type ImportHistoryResult =
  | { ok: true; summary: ImportSummary }
  | {
      ok: false;
      errors: HistoryCsvError[];
      errorCount: number;
      overlapCount?: number;
      overlapFirst?: string | null;
      overlapLast?: string | null;
      /** The structure error (a line too long, a quote never closed) that stopped the reading. */
      stoppedAt?: HistoryCsvError | null;
    };

interface Overlap {
  /** Stored rows to delete on replace, per channel and platform. */
  rows: Map<string, { channel: string; platform: string; starts: Set<string> }>;
  /** Imported intervals that overlap stored history. */
  count: number;
  first: string | null;
  last: string | null;
}

interface Deps {
  ds: DataSource;
}

export async function importHistory(deps: Deps, input: ImportHistoryInput): Promise<ImportHistoryResult> {
  // Before the first await: see listenNow.
  const source = input.chunks ? listenNow(input.chunks) : listenNow(input.lines ?? []);
  const { ds } = deps;
  const settings = await loadTeamSettings(ds, { teamId: input.teamId });
  const zone = input.zone ?? settings.timeZone;
  const intervalMinutes = input.intervalMinutes ?? settings.intervalMinutes;
  const channels = (await listChannels(ds, input.teamId)).map((c) => c.id);
  const platforms = (await listPlatforms(ds)).map((p) => p.code);
  // History cannot be in the future: such a row is a wrong year or zone, refused with its line.
  const notAfterMs = (input.now ?? new Date()).getTime();
  const opts = {
    zone,
    intervalMinutes,
    channels,
    platforms,
    maxErrors: input.maxErrors ?? 1000,
    maxLineLength: input.maxLineLength,
    notAfterMs,
  };
  const read = input.chunks
    ? await readHistoryCsvChunks(lettingOthersIn(source, 1), opts)
    : await readHistoryCsv(lettingOthersIn(source, 1_000), opts);
  if (read.errorCount > 0) return { ok: false, errors: read.errors, errorCount: read.errorCount, stoppedAt: read.stoppedAt };
  if (read.intervals.length === 0) {
    return {
      ok: false,
      errors: [{ line: 2, field: '', message: 'the file has a header but no data rows', code: 'noRows' }],
      errorCount: 1,
    };
  }
  if (input.dryRun) {
    const overlap = await findOverlap(ds, read.intervals);
    return { ok: true, summary: { ...baseSummary(read), ...overlapFields(overlap), replaced: 0, importId: null } };
  }
  return writeImport(ds, input, read, intervalMinutes);
}

type ReadResult = Awaited<ReturnType<typeof readHistoryCsv>>;

function baseSummary(read: ReadResult) {
  return {
    rowCount: read.rowCount,
    intervalCount: read.intervals.length,
    first: read.first,
    last: read.last,
    perChannel: perChannel(read.intervals),
    inputIntervalMinutes: read.inputIntervalMinutes,
    warnings: read.warnings,
  };
}

class OverlapRefused extends Error {
  constructor(readonly overlap: Overlap) {
    super('overlap refused');
  }
}

/**
 * One transaction: overlap decided inside it, replace, insert, record. Imports take turns (a
 * lock held to the commit), so a concurrent import sees this one's rows whole or not at all;
 * should a row still collide (written another way), the import is refused as an overlap.
 */
async function writeImport(
  ds: DataSource,
  input: ImportHistoryInput,
  read: ReadResult,
  intervalMinutes: number,
): Promise<ImportHistoryResult> {
  const nowIso = (input.now ?? new Date()).toISOString();
  try {
    return await withTransaction(ds, async (tx) => {
      await lockHistoryImports(tx);
      const overlap = await findOverlap(tx, read.intervals);
      if (overlap.count > 0 && input.onOverlap === 'refuse') throw new OverlapRefused(overlap);
      let replaced = 0;
      for (const group of overlap.rows.values()) replaced += await deleteHistoryAt(tx, group.channel, group.platform, [...group.starts]);
      const record = await createHistoryImport(tx, {
        fileName: input.fileName,
        userId: input.userId ?? null,
        source: input.source,
        rowCount: read.rowCount,
        intervalCount: read.intervals.length,
        firstStart: read.first,
        lastStart: read.last,
        replacedCount: replaced,
        createdAt: nowIso,
      });
      await insertHistory(
        tx,
        read.intervals.map((i) => toRow(i, intervalMinutes, record.id)),
      );
      const summary: ImportSummary = { ...baseSummary(read), ...overlapFields(overlap), replaced, importId: record.id };
      await appendAudit(tx, {
        at: nowIso,
        userId: input.userId ?? null,
        serviceTokenId: input.serviceTokenId ?? null,
        action: 'history.import',
        entity: 'history_import',
        entityId: record.id,
        detail: {
          fileName: input.fileName,
          source: input.source,
          rowCount: summary.rowCount,
          intervalCount: summary.intervalCount,
          first: summary.first,
          last: summary.last,
          replaced,
        },
      });
      return { ok: true as const, summary };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, errors: [], errorCount: 0, ...overlapFields(await findOverlap(ds, read.intervals)) };
    if (!(err instanceof OverlapRefused)) throw err;
    return { ok: false, errors: [], errorCount: 0, ...overlapFields(err.overlap) };
  }
}

/**
 * A `readline` interface emits lines as soon as its stream flows and buffers them only once
 * its async iterator exists; lines emitted while we await the database (a real wait on
 * PostgreSQL) would be lost, and a 'close' before iteration would hang the import. Taking the
 * iterator synchronously, at the call, makes it buffer from the first line.
 */
function listenNow(lines: AsyncIterable<string> | Iterable<string>): AsyncIterable<string> | Iterable<string> {
  if (!(Symbol.asyncIterator in lines)) return lines;
  const iterator = lines[Symbol.asyncIterator]();
  return { [Symbol.asyncIterator]: () => iterator };
}

/**
 * Hands the event loop to other requests every `every` items: lines already in memory (an
 * array), or a stream's chunks already buffered, would otherwise be read in one go (promises
 * only), blocking the server for the whole file. Chunks: every one (64 KiB is ~2,000 rows).
 */
async function* lettingOthersIn(items: AsyncIterable<string> | Iterable<string>, every: number): AsyncGenerator<string> {
  let n = 0;
  for await (const item of items) {
    yield item;
    if (++n % every === 0) await nextTurn();
  }
}

function toRow(i: HistoryInterval, intervalMinutes: number, importId: number) {
  return {
    start: i.start,
    channelId: i.channel,
    platformCode: i.platform,
    intervalMinutes,
    offered: i.volume,
    answered: i.answered,
    abandoned: i.abandoned,
    ahtSeconds: i.ahtSeconds,
    importId,
  };
}

function perChannel(intervals: HistoryInterval[]): ImportSummary['perChannel'] {
  const map = new Map<string, { channel: string; intervals: number; volume: number }>();
  for (const i of intervals) {
    const c = map.get(i.channel) ?? { channel: i.channel, intervals: 0, volume: 0 };
    c.intervals += 1;
    c.volume += i.volume;
    map.set(i.channel, c);
  }
  return [...map.values()].sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
}

function overlapFields(o: Overlap) {
  return { overlapCount: o.count, overlapFirst: o.first, overlapLast: o.last };
}

/** Stored rows clashing with the imported intervals (see the module comment for the rule). */
async function findOverlap(db: Db, intervals: HistoryInterval[]): Promise<Overlap> {
  const overlap: Overlap = { rows: new Map(), count: 0, first: null, last: null };
  const byChannel = new Map<string, HistoryInterval[]>();
  for (const i of intervals) {
    const list = byChannel.get(i.channel) ?? [];
    list.push(i);
    byChannel.set(i.channel, list);
  }
  for (const [channel, list] of byChannel) {
    // Intervals come sorted by start, so the first and last bound the channel's range.
    const stored = await existingHistoryKeys(db, channel, list[0].start, list[list.length - 1].start);
    if (stored.size === 0) continue;
    for (const i of list) {
      const platformsAtStart = stored.get(i.start);
      if (!platformsAtStart) continue;
      const clashing = [...platformsAtStart].filter((p) => p === i.platform || p === '' || i.platform === '');
      if (clashing.length === 0) continue;
      overlap.count += 1;
      if (overlap.first === null || i.start < overlap.first) overlap.first = i.start;
      if (overlap.last === null || i.start > overlap.last) overlap.last = i.start;
      for (const platform of clashing) {
        const key = `${channel}|${platform}`;
        const group = overlap.rows.get(key) ?? { channel, platform, starts: new Set<string>() };
        group.starts.add(i.start);
        overlap.rows.set(key, group);
      }
    }
  }
  return overlap;
}
