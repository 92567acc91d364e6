/**
 * `wfm import history FILE [--replace] [--dry-run]`: import contact history from a CSV file
 * into the configured database, all or nothing (see app/import-history.ts).
 * `wfm import actuals FILE [--dry-run]`: today's interval actuals, stored by upsert (an interval
 * already stored is replaced), all or nothing (see app/record-actuals.ts).
 * Prints a summary, or every error as `FILE:LINE: field: message` and exits 1 with nothing
 * imported. Overlap with stored history is refused unless `--replace`.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { describeDatabase } from '../../models';
import { DateTime } from 'luxon';
import { importHistory, type ImportHistoryResult } from '../../app/import-history';
import { loadTeamSettings } from '../../app/team-settings';
import { recordActuals } from '../../app/record-actuals';
import { translator } from '../../server/i18n';
import { commandConfig, withDatabase, type Io } from './db';

const USAGE = `usage: wfm import history FILE [--replace] [--dry-run]
       wfm import actuals FILE [--dry-run]

FILE is a CSV with a header: timestamp,channel,volume and optionally answered, abandoned,
aht_seconds, platform. Timestamps without an offset are local to the team's time zone.
  --replace   overwrite stored history for the same channel and intervals (default: refuse)
  --dry-run   check and summarise the file without writing anything

actuals: a CSV with a header start,channel,offered and optionally platform, answered,
abandoned, aht_seconds, service_level (0-1), one row per interval of the team's grid; an
interval already stored is replaced.
`;

export async function run(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { replace: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const [what, file, ...extra] = positionals;
  if ((what !== 'history' && what !== 'actuals') || !file || extra.length > 0) {
    io.stderr.write(`wfm import: expected 'history FILE' or 'actuals FILE' (got '${positionals.join(' ')}')\n\n${USAGE}`);
    return 2;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    io.stderr.write(`wfm import: ${file}: no such file\n`);
    return 2;
  }
  if (what === 'actuals' && values.replace) {
    io.stderr.write('wfm import actuals: --replace is not needed: an interval sent again always replaces the stored one\n');
    return 2;
  }
  const config = commandConfig();
  if (what === 'actuals') return importActuals(file, values['dry-run'] ?? false, config, io);
  return withDatabase(config, async (ds) => {
    const result = await importHistory(
      { ds },
      {
        chunks: fs.createReadStream(file, { encoding: 'utf8' }),
        fileName: file,
        source: 'cli',
        onOverlap: values.replace ? 'replace' : 'refuse',
        dryRun: values['dry-run'] ?? false,
        maxLineLength: config.importMaxLineLength,
      },
    );
    const zone = (await loadTeamSettings(ds)).timeZone;
    return report(result, { file, where: describeDatabase(config), zone }, values['dry-run'] ?? false, io);
  });
}

/** An interval start as the team reads it: local time in the team's zone, with the offset. */
function local(iso: string | null | undefined, zone: string): string {
  if (!iso) return '?';
  return DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd HH:mm 'UTC'ZZ");
}

interface Where {
  file: string;
  /** The database, as named to the user. */
  where: string;
  zone: string;
}

function report(result: ImportHistoryResult, { file, where, zone }: Where, dryRun: boolean, io: Io): number {
  if (!result.ok) {
    for (const e of result.errors) io.stderr.write(`${file}:${e.line}: ${e.field || 'row'}: ${e.message}\n`);
    if (result.errorCount > result.errors.length)
      io.stderr.write(`${file}: … and ${result.errorCount - result.errors.length} more errors\n`);
    if (result.overlapCount) {
      io.stderr.write(
        `${file}: ${result.overlapCount} interval(s) already have history in ${where} (${local(result.overlapFirst, zone)} … ${local(result.overlapLast, zone)}, ${zone}); ` +
          'run again with --replace to overwrite them\n',
      );
    }
    io.stderr.write(`${file}: nothing imported\n`);
    return 1;
  }
  const s = result.summary;
  const verb = dryRun ? 'would import' : 'imported';
  io.stdout.write(
    `${file}: ${verb} ${s.rowCount} rows as ${s.intervalCount} intervals, ${local(s.first, zone)} … ${local(s.last, zone)} (${zone})\n`,
  );
  for (const c of s.perChannel)
    io.stdout.write(`  ${c.channel.padEnd(8)} ${String(c.intervals).padStart(7)} intervals ${String(c.volume).padStart(9)} contacts\n`);
  if (s.overlapCount > 0) {
    io.stdout.write(
      dryRun
        ? `  ${s.overlapCount} interval(s) overlap stored history (${local(s.overlapFirst, zone)} … ${local(s.overlapLast, zone)})\n`
        : `  replaced ${s.replaced} stored interval(s)\n`,
    );
  }
  for (const w of s.warnings) io.stdout.write(`  note: ${w}\n`);
  return 0;
}

const en = translator('en');

async function importActuals(file: string, dryRun: boolean, config: ReturnType<typeof commandConfig>, io: Io): Promise<number> {
  const csv = await fs.promises.readFile(file, 'utf8');
  return withDatabase(config, async (ds) => {
    const result = await recordActuals(ds, { csv, source: 'cli', now: new Date(), dryRun });
    if (result.kind === 'invalid') {
      for (const e of result.errors)
        io.stderr.write(`${file}:${e.line}: ${e.field}: ${en(`actuals.err.${e.code}`, { field: e.field, ...e.params })}\n`);
      io.stderr.write(`${file}: nothing stored\n`);
      return 1;
    }
    const verb = dryRun ? 'would store' : 'stored';
    io.stdout.write(
      `${file}: ${verb} ${result.intervals} interval(s) from ${result.rows} row(s), ${result.first} … ${result.last} (UTC): ${result.added} new, ${result.replaced} replaced\n`,
    );
    return 0;
  });
}
