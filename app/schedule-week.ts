/**
 * `wfm schedule --week W` without files: the week's rota from the database (requirement via
 * requirementForWeek, staff, rules, time off, last week's published shifts), solved in a
 * worker and stored as a new draft revision, exactly as the page's Generate does.
 */
import { DateTime } from 'luxon';
import { openDatabase, describeDatabase, type DataSource } from '../models';
import { loadConfig, ConfigError } from '../server/config';
import { loadTeamSettings } from './team-settings';
import { listShifts } from '../models/repositories/rotas';
import type { SolveProgress } from '../scheduling';
import { generateRota, type GenerateRotaResult } from './rota-generate';
import { mondayOf } from './rota-problem';

export interface ScheduleWeekQuery {
  weekStart: string;
  timeLimitSeconds: number;
  seed: number;
  now: Date;
  /** Used when the database has no team settings yet. */
  fallbackZone?: string;
  onProgress?: (p: SolveProgress) => void;
}

export type ScheduleWeekResult = (GenerateRotaResult & { weekStart: string; zone: string }) | { kind: 'noTeam' };

export async function scheduleWeekFromDatabase(ds: DataSource, q: ScheduleWeekQuery): Promise<ScheduleWeekResult> {
  const settings = await loadTeamSettings(ds, { fallbackZone: q.fallbackZone });
  if (!settings.configured) return { kind: 'noTeam' };
  const zone = settings.timeZone;
  const weekStart = mondayOf(q.weekStart, zone);
  const result = await generateRota(ds, {
    weekStart,
    zone,
    intervalMinutes: settings.intervalMinutes,
    now: q.now,
    mode: 'all',
    timeLimitSeconds: q.timeLimitSeconds,
    seed: q.seed,
    userId: null,
    by: 'wfm schedule',
    onProgress: q.onProgress,
  });
  return { ...result, weekStart, zone };
}

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * The CLI side: opens the configured database (ROTA_SQLITE_PATH / DATABASE_URL), runs the
 * use case with progress on stderr and prints the summary on stdout. Exit codes: 0 stored,
 * 1 no rota keeps the rules (reasons on stderr), 2 configuration or database problem.
 */
export async function scheduleFromDatabase(week: string, io: Io, opts: { timeLimitSeconds?: number; seed?: number } = {}): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    io.stderr.write(`wfm schedule: ${err instanceof ConfigError ? err.message : String(err)}\n`);
    return 2;
  }
  const ds = await openDatabase(config);
  try {
    const onProgress = (p: SolveProgress) => {
      const fig = (v?: number) => (v === undefined || v === null || !Number.isFinite(v) ? '-' : v.toFixed(2));
      io.stderr.write(`[${p.seconds.toFixed(1)} s] ${p.phase} objective ${fig(p.objective)} bound ${fig(p.bound)}\n`);
    };
    const result = await scheduleWeekFromDatabase(ds, {
      weekStart: week,
      timeLimitSeconds: opts.timeLimitSeconds ?? 60,
      seed: opts.seed ?? 1,
      now: new Date(),
      fallbackZone: config.timeZone,
      onProgress,
    });
    if (result.kind === 'noTeam') {
      io.stderr.write(`wfm schedule: no team in ${describeDatabase(config)} (run "wfm seed" or set the team up first)\n`);
      return 2;
    }
    if (result.kind === 'infeasible') {
      for (const e of result.explanation) io.stderr.write(`wfm schedule: ${e.text}\n`);
      return 1;
    }
    const shifts = await listShifts(ds, result.rota.id);
    const s = result.solution;
    const num = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '-');
    io.stdout.write(
      [
        `rota ${result.rota.id}: week ${result.weekStart} (${result.zone}), revision ${result.rota.revision}, draft`,
        `  shifts      ${shifts.length}`,
        `  status      ${s.status}`,
        `  objective   ${num(s.objective)}`,
        `  bound       ${num(s.bound)}`,
        `  gap         ${num(s.gap * 100, 2)} %`,
        `  shortfall   ${num(s.shortfallAgentHours, 1)} agent-hours`,
        `  solved in   ${num(s.stats.seconds, 1)} s (${s.stats.columns} columns, ${s.stats.rows} rows)`,
        `  stored at   ${DateTime.now().toUTC().toISO({ suppressMilliseconds: true })}; open /rota?week=${result.weekStart}&rota=${result.rota.id} to review and publish`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await ds.destroy();
  }
}
