/**
 * Recording interval actuals (issue #12): the API push, the page upload and `wfm import actuals`
 * all come here. The batch is read and checked whole first; only a clean batch is written, in one
 * transaction, by upsert: an interval already stored is replaced (a running total or a late
 * correction), so the same interval sent twice counts once. Within one batch the later row of
 * an interval wins, as if it had been sent after the earlier one.
 *
 * Pushes come every few minutes from each system, so only imports by a person (page, CLI) are
 * written to the audit log; a push leaves its source and time on the rows it wrote.
 */
import {
  actualKey,
  appendAudit,
  existingActualKeys,
  listChannels,
  listPlatforms,
  upsertActuals,
  withTransaction,
  type ActualRow,
  type DataSource,
} from '../models';
import { readActualsCsv, readActualsJson, type ActualsContext, type ActualsError } from './actuals-input';
import { loadTeamSettings } from './team-settings';

export type ActualsSource = 'api' | 'page' | 'cli' | 'demo';

export interface RecordActualsInput {
  /** CSV text, or the JSON rows (an array of objects). */
  csv?: string;
  json?: unknown;
  source: ActualsSource;
  userId?: number | null;
  serviceTokenId?: number | null;
  now: Date;
  /** Check only: nothing is written (the page's preview). */
  dryRun?: boolean;
  /**
   * The team that uploads (the page): only its channels, in its zone. Absent (the API push, the
   * CLI, the demo feed, which act for the whole install): any channel of the install.
   */
  teamId?: number;
}

export interface ActualsSummary {
  /** Rows read (a repeated interval counts each time). */
  rows: number;
  /** Distinct intervals in the batch: new ones and ones that replaced a stored version. */
  intervals: number;
  added: number;
  replaced: number;
  first: string | null;
  last: string | null;
}

export type RecordActualsResult = ({ kind: 'ok'; dryRun: boolean } & ActualsSummary) | { kind: 'invalid'; errors: ActualsError[] };

export async function actualsContext(db: DataSource, now: Date, teamId?: number): Promise<ActualsContext> {
  const team = await loadTeamSettings(db, { teamId });
  return {
    zone: team.timeZone,
    intervalMinutes: team.intervalMinutes,
    channels: (await listChannels(db, teamId)).map((c) => c.id),
    platforms: (await listPlatforms(db)).map((p) => p.code),
    now,
  };
}

/** The last row of each interval, in the order the intervals first appeared. */
function lastOfEach(rows: ActualRow[]): ActualRow[] {
  const byKey = new Map<string, ActualRow>();
  for (const r of rows) byKey.set(actualKey(r), r);
  return [...byKey.values()];
}

export async function recordActuals(db: DataSource, input: RecordActualsInput): Promise<RecordActualsResult> {
  const ctx = await actualsContext(db, input.now, input.teamId);
  const read = input.csv !== undefined ? readActualsCsv(input.csv, ctx) : readActualsJson(input.json, ctx);
  if (read.errors.length) return { kind: 'invalid', errors: read.errors };
  if (!read.rows.length) return { kind: 'invalid', errors: [{ line: 0, field: 'actuals', code: 'noRows' }] };
  const rows = lastOfEach(read.rows);
  const starts = rows.map((r) => r.start).sort();
  const receivedAt = input.now.toISOString();
  const replaced = await withTransaction(db, async (tx) => {
    const existing = await existingActualKeys(tx, rows);
    if (input.dryRun) return existing.size;
    await upsertActuals(tx, rows, input.source, receivedAt);
    if (input.source === 'page' || input.source === 'cli') {
      await appendAudit(tx, {
        at: receivedAt,
        userId: input.userId ?? null,
        serviceTokenId: input.serviceTokenId ?? null,
        action: 'actuals.import',
        entity: 'interval_actuals',
        detail: { source: input.source, rows: read.rows.length, intervals: rows.length, replaced: existing.size },
      });
    }
    return existing.size;
  });
  return {
    kind: 'ok',
    dryRun: input.dryRun === true,
    rows: read.rows.length,
    intervals: rows.length,
    added: rows.length - replaced,
    replaced,
    first: starts[0] ?? null,
    last: starts[starts.length - 1] ?? null,
  };
}
