/**
 * Generate a week's rota with the optimiser (in a worker thread, so the server stays
 * responsive) and store it as a new draft revision with the solver's figures.
 *
 * - mode 'all': every shift is re-planned; 'unlocked': the source rota's locked shifts are
 *   passed as locked periods and kept exactly.
 * - When the week already has a published rota, its shifts are passed as previousVersion, so
 *   the optimiser's stability goal changes as few people's days as it can.
 */
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

export type GenerateMode = 'all' | 'unlocked';

export interface GenerateRotaInput {
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
  onProgress?: (p: SolveProgress) => void;
  /** Cancels the generation (a job's cancel or time limit): nothing is stored after it fires. */
  signal?: AbortSignal;
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
    weekStart: input.weekStart,
    zone: input.zone,
    intervalMinutes: input.intervalMinutes,
    now: input.now,
  });
  const source = input.sourceRotaId ? await getRota(ds, input.sourceRotaId) : ((await listRotasForWeek(ds, ctx.weekStart))[0] ?? null);
  const sourceShifts = source && source.weekStart === ctx.weekStart ? await listShifts(ds, source.id) : [];
  const locked = input.mode === 'unlocked' ? sourceShifts.filter((s) => s.locked) : [];
  const problem = withLocked(ctx.problem, locked, ctx.zone);
  const history = await fairnessHistory(ds, {
    weekStart: ctx.weekStart,
    zone: ctx.zone,
    eveningAfter: problem.rules.eveningAfter,
    ids: problem.staff.map((m) => m.id),
  });
  problem.staff = problem.staff.map((m) => (history.has(m.id) ? { ...m, history: history.get(m.id) } : m));
  const published = await publishedRotaForWeek(ds, ctx.weekStart);
  const publishedShifts = published ? await listShifts(ds, published.id) : [];
  if (published) problem.previousVersion = publishedShifts.map((s) => toEngineShift(s, ctx.zone));
  input.signal?.throwIfAborted();

  const solution = await solveRotaInWorker(problem, {
    timeLimitSeconds: input.timeLimitSeconds,
    seed: input.seed,
    onProgress: input.onProgress,
    signal: input.signal,
  });
  input.signal?.throwIfAborted();
  if (solution.status === 'infeasible') return { kind: 'infeasible', explanation: solution.explanation };

  const lockedKeys = new Set(locked.map((s) => key(s.staffId, s.start, s.end)));
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
    stats: solution.stats,
    requirementSource: ctx.requirementSource,
  };
  const change = await applyRotaChange(
    { ds, zone: input.zone, intervalMinutes: input.intervalMinutes, now: input.now },
    {
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

function key(staffId: number, start: string, end: string): string {
  return `${staffId}|${new Date(start).getTime()}|${new Date(end).getTime()}`;
}

function withLocked(problem: Problem, locked: ShiftRecord[], zone: string): Problem {
  if (!locked.length) return problem;
  const staff = problem.staff.map((m) => {
    const mine = locked.filter((s) => String(s.staffId) === m.id).map((s) => toEngineShift(s, zone));
    return mine.length ? { ...m, locked: mine.map((s) => ({ start: s.start, end: s.end })) } : m;
  });
  return { ...problem, staff };
}
