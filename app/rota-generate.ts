/**
 * Generate a week's rota with the optimiser (in a worker thread, so the server stays
 * responsive) and store it as a new draft revision with the solver's figures.
 *
 * - mode 'all': every shift is re-planned; 'unlocked': the source rota's locked shifts are
 *   passed as locked periods and kept exactly.
 * - mode 'day': only one local day is re-planned (after time off, from "find cover"): every
 *   shift of the other days is kept exactly and nobody gets a new shift on another day.
 * - When the week already has a published rota, its shifts are passed as previousVersion, so
 *   the optimiser's stability goal changes as few people's days as it can.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { appendAudit } from '../models/repositories/audit';
import {
  getRota,
  listRotasForWeek,
  listShifts,
  publishedRotaForWeek,
  type NewShift,
  type RotaRecord,
  type ShiftRecord,
} from '../models/repositories/rotas';
import { solveRotaInWorker, type Explanation, type Problem, type RotaSolution, type SolveProgress } from '../scheduling';
import { loadRotaContext, toEngineShift } from './rota-problem';
import { fairnessHistory } from './fairness-ledger';
import { applyRotaChange, carryIdentity } from './rota-change';
import { getScenario } from '../models/repositories/scenarios';
import { scenarioProblemChange } from './scenario-problem';
import type { ScenarioInput } from './scenario-run';

export type GenerateMode = 'all' | 'unlocked' | 'day';

export interface GenerateRotaInput {
  /** The team whose week is planned (default: the default team). */
  teamId?: number;
  weekStart: string;
  zone: string;
  intervalMinutes: number;
  now: Date;
  mode: GenerateMode;
  timeLimitSeconds: number;
  seed: number;
  userId: number | null;
  /** Who generated, stored as the rota's createdBy. */
  by: string | null;
  /** The revision to start from (its locked shifts); default the week's newest. */
  sourceRotaId?: number | null;
  /** Mode 'day': the local date (YYYY-MM-DD) to re-plan. */
  day?: string;
  onProgress?: (p: SolveProgress) => void;
  /** Cancels the generation (a job's cancel or time limit): nothing is stored after it fires. */
  signal?: AbortSignal;
  /** A saved what-if scenario the draft is made for (scenario-draft.ts): its requirement and people off. */
  scenarioId?: number | null;
  /** The week as part of a planning period (rota-period.ts): the period's rules added to the problem. */
  adjustProblem?: (problem: Problem) => Problem;
  /** The solver thread's niceness (WorkerSolveOptions.niceness): a web instance's jobs yield to its pages. */
  solverNiceness?: number;
}

export type GenerateRotaResult =
  | {
      kind: 'stored';
      rota: RotaRecord;
      solution: Pick<RotaSolution, 'status' | 'objective' | 'bound' | 'gap' | 'shortfallAgentHours' | 'stats'>;
    }
  | { kind: 'infeasible'; explanation: Explanation[] };

export async function generateRota(ds: DataSource, input: GenerateRotaInput): Promise<GenerateRotaResult> {
  const ctx = await loadRotaContext(ds, {
    teamId: input.teamId,
    weekStart: input.weekStart,
    zone: input.zone,
    intervalMinutes: input.intervalMinutes,
    now: input.now,
  });
  const teamId = ctx.teamId;
  // No forecast and no history to make one: a plan against zeros would put no one on the queue.
  if (ctx.noHistoryChannels.length)
    return { kind: 'infeasible', explanation: ctx.noHistoryChannels.map((channel) => ({ code: 'noHistory', params: { channel } })) };
  const source = input.sourceRotaId
    ? await getRota(ds, input.sourceRotaId)
    : ((await listRotasForWeek(ds, teamId, ctx.weekStart))[0] ?? null);
  const sourceShifts = source && source.weekStart === ctx.weekStart && source.teamId === teamId ? await listShifts(ds, source.id) : [];
  const localDay = (iso: string) => DateTime.fromISO(iso, { zone: ctx.zone }).toISODate()!;
  const replanDay = input.mode === 'day' ? (input.day ?? null) : null;
  if (input.mode === 'day' && !replanDay) throw new Error("mode 'day' needs the day to re-plan");
  // Kept exactly: the locked shifts, and in mode 'day' every shift that starts on another day.
  const locked =
    input.mode === 'all' ? [] : sourceShifts.filter((s) => s.locked || (replanDay !== null && localDay(s.start) !== replanDay));
  const forScenario = input.scenarioId ? await scenarioChange(ds, input.scenarioId, ctx.zone, input.now, teamId) : (p: Problem) => p;
  const problem = otherDaysOff(withLocked(forScenario(ctx.problem), locked, ctx.zone), replanDay, ctx.zone);
  const history = await fairnessHistory(ds, {
    teamId,
    weekStart: ctx.weekStart,
    zone: ctx.zone,
    eveningAfter: problem.rules.eveningAfter,
    ids: problem.staff.map((m) => m.id),
  });
  problem.staff = problem.staff.map((m) => (history.has(m.id) ? { ...m, history: history.get(m.id) } : m));
  const published = await publishedRotaForWeek(ds, teamId, ctx.weekStart);
  const publishedShifts = published ? await listShifts(ds, published.id) : [];
  if (published) problem.previousVersion = publishedShifts.map((s) => toEngineShift(s, ctx.zone));
  // A day's re-plan changes as little as it can of the revision it starts from.
  if (replanDay) problem.previousVersion = sourceShifts.map((s) => toEngineShift(s, ctx.zone));
  input.signal?.throwIfAborted();

  const solution = await solveRotaInWorker(input.adjustProblem ? input.adjustProblem(problem) : problem, {
    timeLimitSeconds: input.timeLimitSeconds,
    seed: input.seed,
    onProgress: input.onProgress,
    signal: input.signal,
    niceness: input.solverNiceness,
  });
  input.signal?.throwIfAborted();
  if (solution.status === 'infeasible') return { kind: 'infeasible', explanation: solution.explanation };

  // The flag a shift had in the source (a day's re-plan keeps the other days, not as locked).
  const lockedKeys = new Set(locked.filter((s) => s.locked).map((s) => key(s.staffId, s.start, s.end)));
  const planned: NewShift[] = solution.shifts.map((s) => {
    const start = new Date(s.start).toISOString();
    const end = new Date(s.end).toISOString();
    return {
      staffId: Number(s.staffId),
      start,
      end,
      breaks: s.breaks.map((b) => ({ start: new Date(b.start).toISOString(), end: new Date(b.end).toISOString() })),
      channel: s.channel ?? (s.activities?.length ? 'both' : 'voice'),
      activities: s.activities?.length
        ? s.activities.map((a) => ({ start: new Date(a.start).toISOString(), end: new Date(a.end).toISOString(), channel: a.channel }))
        : null,
      offQueue: s.offQueue?.length ? s.offQueue : null,
      locked: lockedKeys.has(key(Number(s.staffId), start, end)),
    };
  });
  // Calendar feeds keep an event for a shift that stays (see carryIdentity).
  const shifts = carryIdentity(planned, publishedShifts.length ? publishedShifts : sourceShifts);
  const nowIso = input.now.toISOString();
  const log = {
    status: solution.status,
    seed: input.seed,
    timeLimitSeconds: input.timeLimitSeconds,
    mode: input.mode,
    ...(input.scenarioId ? { scenarioId: input.scenarioId } : {}),
    stats: solution.stats,
    requirementSource: ctx.requirementSource,
  };
  const change = await applyRotaChange(
    { ds, zone: input.zone, intervalMinutes: input.intervalMinutes, now: input.now },
    {
      teamId,
      weekStart: ctx.weekStart,
      actor: { userId: input.userId, username: input.by },
      operation: {
        kind: 'replace',
        source: 'generate',
        shifts,
        rota: {
          basedOnRotaId: source?.id ?? null,
          objective: solution.objective,
          bound: solution.bound,
          gap: solution.gap,
          shortfallAgentHours: solution.shortfallAgentHours,
          solverLog: JSON.stringify(log),
          createdBy: input.by,
        },
      },
    },
  );
  if (change.kind !== 'applied') throw new Error(`storing the generated rota: ${change.kind}`);
  const rota = change.working;
  await appendAudit(ds, {
    at: nowIso,
    userId: input.userId,
    action: 'rota.generate',
    entity: 'rota',
    entityId: rota.id,
    detail: {
      weekStart: rota.weekStart,
      teamId: rota.teamId,
      revision: rota.revision,
      ...log,
      objective: solution.objective,
      gap: solution.gap,
      shortfallAgentHours: solution.shortfallAgentHours,
    },
  });
  const { status, objective, bound, gap, shortfallAgentHours, stats } = solution;
  return { kind: 'stored', rota, solution: { status, objective, bound, gap, shortfallAgentHours, stats } };
}

/** The scenario's change to the problem; a scenario deleted since the job was queued is an error. */
async function scenarioChange(ds: DataSource, id: number, zone: string, now: Date, teamId: number): Promise<(p: Problem) => Problem> {
  const saved = await getScenario(ds, id, teamId);
  if (!saved) throw new Error(`scenario ${id} not found`);
  return scenarioProblemChange(ds, saved.input as ScenarioInput, { zone, now, teamId });
}

function key(staffId: number, start: string, end: string): string {
  return `${staffId}|${new Date(start).getTime()}|${new Date(end).getTime()}`;
}

/** Mode 'day': the cost of changing one person's day, in agent-hours of shortfall. */
const DAY_REPLAN_STABILITY = 0.5;

/**
 * Mode 'day': everyone is off on the week's other days (their kept shifts there are locked, and
 * a locked shift is worked whatever the availability), so the solver only plans `day`.
 */
function otherDaysOff(problem: Problem, day: string | null, zone: string): Problem {
  if (!day) return problem;
  const monday = DateTime.fromISO(problem.weekStart, { zone });
  const closed = [0, 1, 2, 3, 4, 5, 6]
    .map((d) => monday.plus({ days: d }))
    .filter((d) => d.toISODate() !== day)
    .map((d) => ({
      start: d.toISO({ suppressMilliseconds: true })!,
      end: d.plus({ days: 1 }).toISO({ suppressMilliseconds: true })!,
    }));
  return {
    ...problem,
    staff: problem.staff.map((m) => ({ ...m, unavailable: [...m.unavailable, ...closed] })),
    // Hours against the contract are judged on the week, and one day cannot restore them: they
    // stay within the weekly maximum but are not forced (the change path reports them as it
    // does for hand edits). A changed day costs half an agent-hour of shortfall, so the day is
    // re-planned only where it covers a real gap: as few changes as possible.
    rules: { ...problem.rules, contractToleranceHours: 7 * 24 },
    weights: { ...problem.weights, stability: Math.max(problem.weights.stability, DAY_REPLAN_STABILITY) },
  };
}

function withLocked(problem: Problem, locked: ShiftRecord[], zone: string): Problem {
  if (!locked.length) return problem;
  const staff = problem.staff.map((m) => {
    const mine = locked.filter((s) => String(s.staffId) === m.id).map((s) => toEngineShift(s, zone));
    return mine.length ? { ...m, locked: mine.map((s) => ({ start: s.start, end: s.end })) } : m;
  });
  return { ...problem, staff };
}
