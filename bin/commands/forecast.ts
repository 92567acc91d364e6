/**
 * `wfm forecast --history FILE --channel C --start 2026-12-07T00:00 --hours 168 [--method auto]
 *  [--zone Asia/Tbilisi] [--interval MIN] [--holidays auto|GE|none] [--events FILE.json] [--by-platform]`
 *
 * `--by-platform`: the channel and each platform of the file's `platform` column, reconciled
 * (forecasting/hierarchy.ts): a `platform` column is added, the channel's rows have it empty and
 * come first, contacts without a platform are the platform `(unsplit)`. An event of the events
 * file with `"platform": "P"` (and an `effectPct`) changes that platform only.
 *
 * Without --zone: a file whose timestamps all carry offsets is read in the zone they show (a
 * fixed offset, or the common daylight-saving zone that matches them); a file without offsets
 * is read as wall-clock local time (see WALL_CLOCK); --start is then a local time too.
 *
 * Writes CSV to stdout: timestamp,channel,volume,lower80,upper80,lower95,upper95[,aht_seconds],
 * one row per interval, timestamps written like the input's. The chosen method, why, and any
 * warnings go to stderr. Exit 0 on success, 1 on a bad history file, 2 on bad arguments.
 */
import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Info } from 'luxon';
import { z } from 'zod';
import {
  forecastHierarchy,
  forecastSeries,
  type ForecastPoint,
  type HierarchyForecast,
  type PlatformSeries,
  formatInstant,
  guessZone,
  zoneOfRepeatedHours,
  zoneOfSpringGaps,
  METHOD_NAMES,
  readHistoryCsvChunks,
  ZoneClock,
  clockOf,
  seriesForChannel,
  type CalendarEvent,
  type HistoryCsvResult,
  type TimestampStyle,
} from '../../forecasting/index';
import type { CommandIo } from '../cli';
import { translator } from '../../server/i18n';
import { notesText, warningText } from '../../server/i18n/codes';

const en = translator('en');

/** The flags `wfm forecast` and `wfm backtest` share: which history, and how to read it. */
export const historyFlags = {
  history: z.string().min(1, '--history FILE is required'),
  channel: z.string().optional(),
  zone: z
    .string()
    .refine((zone) => Info.normalizeZone(zone)?.isValid === true, { message: '--zone must be an IANA time zone, e.g. Asia/Tbilisi' })
    .optional(),
  interval: z.coerce
    .number()
    .int()
    .refine((m) => m > 0 && 60 % m === 0, { message: '--interval must divide 60 (15, 30, 60…)' })
    .optional(),
  holidays: z.enum(['auto', 'GE', 'none'], { message: '--holidays must be auto, GE or none' }),
  events: z.string().optional(),
};

const Args = z.object({
  ...historyFlags,
  start: z.string().min(1, '--start is required, e.g. 2026-12-07T00:00'),
  hours: z.coerce
    .number({ message: '--hours must be a number of hours, e.g. 168' })
    .positive('--hours must be greater than 0')
    .max(24 * 7 * 60, '--hours is at most 60 weeks'),
  method: z
    .string()
    .refine((m) => m === 'auto' || METHOD_NAMES.includes(m), { message: `--method must be auto or one of ${METHOD_NAMES.join(', ')}` }),
  byPlatform: z.boolean(),
});

const EventsFile = z.array(
  z.object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    kind: z.enum(['holiday', 'event']),
    effectPct: z.number().min(-100).max(1000).optional(),
    note: z.string().optional(),
    platform: z.string().min(1).max(40).optional(),
  }),
);

export async function readEvents(file: string | undefined): Promise<(CalendarEvent & { platform?: string })[]> {
  if (!file) return [];
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`--events ${file}: not readable JSON (${(err as Error).message})`, { cause: err });
  }
  const parsed = EventsFile.safeParse(json);
  if (!parsed.success)
    throw new Error(`--events ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/* Shared with `wfm backtest`: stream a history CSV through the reader, printing its errors (line, field, value). */
export interface LoadedHistory {
  result: HistoryCsvResult;
  channels: string[];
  /** The zone to forecast in (see resolveZone). */
  zone: string;
  /** Local times without offsets read on a plain wall clock (no zone known). */
  wallClock: boolean;
}

const SHOWN_ERRORS = 20;

/** Zone of the local rows of a file that also has offsets, and of offsets no common zone matches. */
export const DEFAULT_ZONE = 'Asia/Tbilisi';

/** Whether `zone`'s offset changes between two instants (sampled daily). */
function changesClocks(zone: string, from: number, to: number): boolean {
  const clock = new ZoneClock(zone);
  const first = clock.offsetMinutes(from);
  for (let t = from; t <= to + 86_400_000; t += 86_400_000) if (clock.offsetMinutes(t) !== first) return true;
  return false;
}

/**
 * The clock a file without offsets is read on when no --zone names its zone: a plain wall
 * clock (no daylight saving), so every local time the file writes exists once. A DST-zone
 * export then shows its spring gap as one missing hour and its autumn hour written twice,
 * which the lenient reader averages; reading it in a guessed zone (Tbilisi had DST until 2005)
 * would reject or shift it.
 */
export const WALL_CLOCK = 'UTC';

/** The zone to use: --zone, else the one the file's offsets show (see the header), else the default. */
export function resolveZone(given: string | undefined, r: HistoryCsvResult, stderr: NodeJS.WritableStream, prefix: string): string {
  if (given) return given;
  if (!r.offsetSamples.length) {
    // The autumn hour written twice names the zone's clock changes: read in that zone, the
    // output has that day's 25 hours and no spring hour that never was, like the file.
    const zone = zoneOfRepeatedHours(r.repeatedLocal);
    if (zone) {
      stderr.write(`${prefix}: zone ${zone} taken from the local hour(s) written twice in autumn (--zone to choose another)\n`);
      return zone;
    }
    // Without an autumn repeat (a file ending before it), the spring hour left out tells the
    // same: a history cut at any origin then reads in the same zone as the whole file.
    if (r.first && r.last) {
      const local = new Set(r.intervals.map((i) => Date.parse(i.start)));
      const spring = zoneOfSpringGaps((l) => local.has(l), Date.parse(r.first), Date.parse(r.last));
      if (spring) {
        stderr.write(
          `${prefix}: zone ${spring} taken from the local hour missing where it moves its clocks forward (--zone to choose another)\n`,
        );
        return spring;
      }
    }
    return WALL_CLOCK;
  }
  if (r.localTimestamps) {
    // Some rows with offsets, some without: the local ones are read in the default zone, on a
    // plain clock in years it changed its clocks (they would lose or double an hour).
    if (r.first && r.last && changesClocks(DEFAULT_ZONE, Date.parse(r.first), Date.parse(r.last))) {
      stderr.write(
        `${prefix}: local timestamps read on a clock without daylight saving (${DEFAULT_ZONE} changed its clocks in those years; --zone to choose)\n`,
      );
      return WALL_CLOCK;
    }
    return DEFAULT_ZONE;
  }
  const zone = guessZone(r.offsetSamples);
  if (zone) {
    stderr.write(`${prefix}: zone ${zone} taken from the timestamps' offsets (--zone to choose another)\n`);
    return zone;
  }
  stderr.write(`${prefix}: warning: no common zone matches the timestamps' offsets; using ${DEFAULT_ZONE} (--zone to choose)\n`);
  return DEFAULT_ZONE;
}

async function readFile1(file: string, zone: string): Promise<HistoryCsvResult> {
  // Interval 1: no aggregation here; the forecast infers the file's own interval length.
  // dstLenient: forecasting files are often written on a naive clock (see HistoryCsvOptions).
  return readHistoryCsvChunks(createReadStream(file, 'utf8'), { zone, intervalMinutes: 1, dstLenient: true });
}

function reportErrors(result: HistoryCsvResult, file: string, stderr: NodeJS.WritableStream, prefix: string): boolean {
  if (result.errorCount === 0) return false;
  for (const e of result.errors.slice(0, SHOWN_ERRORS)) {
    stderr.write(
      `${file}:${e.line}: ${e.field ? `field '${e.field}': ` : ''}${e.message}${e.value !== undefined ? ` (value '${e.value}')` : ''}\n`,
    );
  }
  if (result.errorCount > SHOWN_ERRORS) stderr.write(`… and ${result.errorCount - SHOWN_ERRORS} more\n`);
  stderr.write(`${prefix}: ${result.errorCount} error(s) in ${file}; nothing was forecast\n`);
  return true;
}

/**
 * Reads FILE (twice when the zone found differs from the one local times were read in); on
 * errors writes them to `stderr` and returns null.
 */
export async function loadHistory(
  file: string,
  givenZone: string | undefined,
  stderr: NodeJS.WritableStream,
  prefix: string,
): Promise<LoadedHistory | null> {
  try {
    await access(file);
  } catch {
    stderr.write(`${prefix}: cannot read history file '${file}'\n`);
    return null;
  }
  const firstZone = givenZone ?? WALL_CLOCK;
  let result = await readFile1(file, firstZone);
  if (reportErrors(result, file, stderr, prefix)) return null;
  if (result.intervals.length === 0) {
    stderr.write(`${prefix}: ${file} has no data rows\n`);
    return null;
  }
  const zone = resolveZone(givenZone, result, stderr, prefix);
  if (zone !== firstZone && result.localTimestamps) {
    result = await readFile1(file, zone);
    if (reportErrors(result, file, stderr, prefix)) return null;
  }
  // The reader's other warnings concern imports into a team's interval length, not forecasting.
  for (const w of result.warnings) if (w.includes('daylight')) stderr.write(`${prefix}: warning: ${w}\n`);
  const channels = [...new Set(result.intervals.map((i) => i.channel))].sort();
  return { result, channels, zone, wallClock: !givenZone && zone === WALL_CLOCK && result.localTimestamps };
}

/**
 * `--hours -5` → `--hours=-5`: parseArgs takes a value starting with a dash for an option and
 * fails with a message about ambiguity; joined, the value reaches the range check and its message.
 */
export function joinNegativeNumbers(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--') && !args[i].includes('=') && i + 1 < args.length && /^-\d/.test(args[i + 1]))
      out.push(`${args[i]}=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

function fixed(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  let opts: z.infer<typeof Args>;
  try {
    const { values } = parseArgs({
      args: joinNegativeNumbers(args),
      options: {
        history: { type: 'string' },
        channel: { type: 'string' },
        start: { type: 'string' },
        hours: { type: 'string', default: '168' },
        method: { type: 'string', default: 'auto' },
        zone: { type: 'string' },
        interval: { type: 'string' },
        holidays: { type: 'string', default: 'auto' },
        events: { type: 'string' },
        'by-platform': { type: 'boolean', default: false },
      },
    });
    opts = Args.parse({ ...values, byPlatform: values['by-platform'] });
  } catch (err) {
    const msg = err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : (err as Error).message;
    io.stderr.write(`wfm forecast: ${msg}\n`);
    return 2;
  }
  let events: (CalendarEvent & { platform?: string })[];
  try {
    events = await readEvents(opts.events);
    const bad = events.find((e) => e.platform !== undefined && (!opts.byPlatform || e.kind !== 'event' || e.effectPct === undefined));
    if (bad)
      throw new Error(`--events ${opts.events}: an event on platform '${bad.platform}' needs --by-platform, kind 'event' and an effectPct`);
  } catch (err) {
    io.stderr.write(`wfm forecast: ${(err as Error).message}\n`);
    return 2;
  }
  const loaded = await loadHistory(opts.history, opts.zone, io.stderr, 'wfm forecast');
  if (!loaded) return 1;
  const { zone } = loaded;
  const channel = opts.channel ?? (loaded.channels.length === 1 ? loaded.channels[0] : undefined);
  if (!channel || !loaded.channels.includes(channel)) {
    io.stderr.write(
      `wfm forecast: ${channel ? `channel '${channel}' is not in ${opts.history}` : '--channel is required'} (channels: ${loaded.channels.join(', ')})\n`,
    );
    return 2;
  }
  if (loaded.wallClock && /(Z|[+-]\d{2}(:?\d{2})?)$/.test(opts.start.trim())) {
    // The file's clock has no known offset: converting would shift the start by a guess.
    io.stderr.write(
      `wfm forecast: --start ${opts.start} has an offset, but ${opts.history} writes local times without one; give --start as a local time (e.g. ${opts.start.slice(0, 16)}) or name the zone with --zone\n`,
    );
    return 2;
  }
  if (opts.byPlatform) return byPlatform(opts, loaded, channel, events, io);
  const history = seriesForChannel(loaded.result.intervals, channel);
  let result;
  try {
    result = forecastSeries(history, {
      zone,
      start: opts.start,
      hours: opts.hours,
      intervalMinutes: opts.interval,
      method: opts.method,
      calendar: { publicHolidays: opts.holidays, events },
    });
  } catch (err) {
    io.stderr.write(`wfm forecast: ${(err as Error).message}\n`);
    return 2;
  }
  const style: TimestampStyle = loaded.result.timestampStyle ?? { offset: 'none', seconds: true, millis: false, space: false };
  const clock = clockOf(zone);
  const withAht = loaded.result.hasAht && result.points.some((p) => p.ahtSeconds !== undefined);
  const lines = [`timestamp,channel,volume,lower80,upper80,lower95,upper95${withAht ? ',aht_seconds' : ''}`];
  for (const p of result.points) {
    const ts = formatInstant(Date.parse(p.start), clock, style);
    const row = [ts, channel, fixed(p.volume), fixed(p.lower80), fixed(p.upper80), fixed(p.lower95), fixed(p.upper95)];
    if (withAht) row.push(p.ahtSeconds === undefined ? '' : fixed(p.ahtSeconds));
    lines.push(row.join(','));
  }
  io.stdout.write(lines.join('\n') + '\n');
  io.stderr.write(`wfm forecast: ${channel}: method ${result.method} (${notesText(result.chosenBecause, en, zone)})\n`);
  if (result.holidays) io.stderr.write(`wfm forecast: ${notesText(result.holidays, en, zone)}\n`);
  for (const w of result.warnings) io.stderr.write(`wfm forecast: warning: ${warningText(w, en, zone)}\n`);
  return 0;
}

const UNSPLIT = '(unsplit)';

/** `--by-platform`: the channel and its platforms, reconciled, as one CSV (see the header). */
function byPlatform(
  opts: z.infer<typeof Args>,
  loaded: LoadedHistory,
  channel: string,
  events: (CalendarEvent & { platform?: string })[],
  io: CommandIo,
): number {
  const { zone } = loaded;
  const rows = loaded.result.intervals.filter((i) => i.channel === channel);
  const starts = [...new Set(rows.map((r) => r.start))];
  const codes = [...new Set(rows.map((r) => r.platform))].sort();
  const platforms: PlatformSeries[] = codes.map((code) => {
    const own = new Map(rows.filter((r) => r.platform === code).map((r) => [r.start, r]));
    // An interval the channel reported without this platform had no contacts on it.
    const history = starts.map((start) => ({ start, volume: own.get(start)?.volume ?? 0, ahtSeconds: own.get(start)?.ahtSeconds ?? null }));
    return { platform: code === '' ? UNSPLIT : code, history };
  });
  let f: HierarchyForecast;
  try {
    f = forecastHierarchy(platforms, {
      zone,
      start: opts.start,
      hours: opts.hours,
      intervalMinutes: opts.interval,
      method: opts.method,
      calendar: { publicHolidays: opts.holidays, events: events.filter((e) => e.platform === undefined) },
      platformEvents: events
        .filter((e) => e.platform !== undefined)
        .map((e) => ({ platform: e.platform!, from: e.from, to: e.to, effectPct: e.effectPct! })),
    });
  } catch (err) {
    io.stderr.write(`wfm forecast: ${(err as Error).message}\n`);
    return 2;
  }
  const style: TimestampStyle = loaded.result.timestampStyle ?? { offset: 'none', seconds: true, millis: false, space: false };
  const clock = clockOf(zone);
  const lines = ['timestamp,channel,platform,volume,lower80,upper80,lower95,upper95'];
  const write = (platform: string, points: ForecastPoint[]) => {
    for (const p of points) {
      const ts = formatInstant(Date.parse(p.start), clock, style);
      lines.push(
        [ts, channel, platform, fixed(p.volume), fixed(p.lower80), fixed(p.upper80), fixed(p.lower95), fixed(p.upper95)].join(','),
      );
    }
  };
  write('', f.channel.points);
  for (const p of f.platforms) write(p.platform, p.points);
  io.stdout.write(lines.join('\n') + '\n');
  const scores = f.scores.map((s) => `${s.reconciliation} ${s.score.toFixed(4)}`).join(', ');
  io.stderr.write(
    `wfm forecast: ${channel}: ${f.platforms.length} platform(s), reconciliation ${f.reconciliation} (backtest score, mean of channel and platform WAPE: ${scores})\n`,
  );
  for (const p of f.platforms)
    io.stderr.write(`wfm forecast: ${channel}/${p.platform}: method ${p.method}, share ${(100 * p.share).toFixed(1)}%\n`);
  for (const w of f.channel.warnings) io.stderr.write(`wfm forecast: warning: ${warningText(w, en, zone)}\n`);
  return 0;
}
