/**
 * `wfm schedule --week W` without files: opens the configured database (ROTA_SQLITE_PATH /
 * DATABASE_URL) and runs app/schedule-week.ts, the page's Generate, with progress on stderr.
 */
import { DateTime } from 'luxon';
import { openDatabase, describeDatabase } from '../../models';
import { loadConfig, ConfigError } from '../../server/config';
import { listShifts } from '../../models/repositories/rotas';
import { translator } from '../../server/i18n';
import { explanationText } from '../../server/i18n/codes';
import type { SolveProgress } from '../../scheduling';
import { scheduleWeekFromDatabase } from '../../app/schedule-week';
import { teamByNameOrId } from '../../app/teams';
import type { CommandIo } from '../cli';

const en = translator('en');

/**
 * The CLI side: opens the configured database (ROTA_SQLITE_PATH / DATABASE_URL), runs the
 * use case with progress on stderr and prints the summary on stdout. Exit codes: 0 stored,
 * 1 no rota keeps the rules (reasons on stderr), 2 configuration or database problem.
 */
export async function scheduleFromDatabase(
  week: string,
  io: CommandIo,
  opts: { timeLimitSeconds?: number; seed?: number; team?: string } = {},
): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    io.stderr.write(`wfm schedule: ${err instanceof ConfigError ? err.message : String(err)}\n`);
    return 2;
  }
  const ds = await openDatabase(config);
  try {
    const team = opts.team === undefined ? null : await teamByNameOrId(ds, opts.team);
    if (opts.team !== undefined && !team) {
      io.stderr.write(`wfm schedule: --team: no team "${opts.team}" in ${describeDatabase(config)}\n`);
      return 2;
    }
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
      ...(team ? { teamId: team.id } : {}),
    });
    if (result.kind === 'noTeam') {
      io.stderr.write(`wfm schedule: no team in ${describeDatabase(config)} (run "wfm seed" or set the team up first)\n`);
      return 2;
    }
    if (result.kind === 'infeasible') {
      for (const e of result.explanation) io.stderr.write(`wfm schedule: ${explanationText(e, en, result.zone)}\n`);
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
