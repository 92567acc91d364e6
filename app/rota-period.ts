/**
 * A planning period: one to six consecutive weeks planned, checked, published and shown
 * together. Each week stays a rota of its own (revisions, hand edits, the weekly rules, the
 * calendar feeds); the period adds its rules (scheduling/rules/period-rules.ts), checked on
 * all its weeks at once with the same functions wherever it is shown or generated.
 *
 * Generating goes week by week: each week is solved with the weeks before it as context
 * (scheduling/period-week.ts turns what they used up into this week's hard rules, and the
 * model keeps forbidden successions inside the week), then the whole period is checked.
 */
import { DateTime } from 'luxon';
import { listStaff } from '../models/repositories/staff';
import type { DataSource } from '../models';
import { listRotasForWeek, listShifts, publishedRotaForWeek, type RotaRecord, type ShiftRecord } from '../models/repositories/rotas';
import {
  checkPeriod,
  checkRota,
  type Explanation,
  type PeriodProblem,
  type PreviousShift,
  type SolveProgress,
  type Violation,
} from '../scheduling';
import { periodWeekProblem } from '../scheduling/period-week';
import { mondayOf } from '../forecasting/week';
import { loadTeamSettings } from './team-settings';
import { teamIdOrDefault } from './team-scope';
import { loadRotaContext, toEngineShift, type RotaContext } from './rota-problem';
import { generateRota } from './rota-generate';
import { publishReviewed } from './rota-publish-review';
import { appendAudit } from '../models/repositories/audit';

export const PERIOD_WEEKS_MIN = 1;
export const PERIOD_WEEKS_MAX = 6;

export interface PeriodQuery {
  /** Any date of the first week (its Monday is used). */
  start: string;
  weeks: number;
  zone: string;
  intervalMinutes: number;
  now: Date;
  /** The team whose period it is (default: the default team). */
  teamId?: number;
}

/** Local Mondays of the period's weeks. */
export function periodMondays(start: string, weeks: number, zone: string): string[] {
  const monday = DateTime.fromISO(mondayOf(start, zone), { zone });
  return Array.from({ length: weeks }, (_, w) => monday.plus({ weeks: w }).toISODate()!);
}

export interface PeriodWeek {
  weekStart: string;
  /** The revision shown: `which` = newest (a draft when there is one) or published. */
  rota: RotaRecord | null;
  published: RotaRecord | null;
  shifts: ShiftRecord[];
  /** The weekly rules broken in this week (checkRota, with the period's week before as last week). */
  violations: Violation[];
}

export interface PeriodView {
  start: string;
  weeks: PeriodWeek[];
  people: Array<{ id: number; name: string }>;
  /** Period rules broken on the whole period (checkPeriod). */
  violations: Violation[];
  /** Weeks whose newest revision is a draft not yet published. */
  drafts: number;
  allPublished: boolean;
}

/** The period's weeks (newest revisions, or the published ones) checked with the weekly and the period rules. */
/** The team's rotas; someone who left the team since is not listed (nor their broken rules). */
export async function loadPeriod(ds: DataSource, q: PeriodQuery & { which?: 'newest' | 'published' }): Promise<PeriodView> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const view = await loadWholePeriod(ds, { ...q, teamId });
  const ours = new Set((await listStaff(ds, { teamId })).map((p) => p.id));
  const shown = (v: Violation) => v.staffId === null || ours.has(Number(v.staffId));
  return {
    ...view,
    weeks: view.weeks.map((w) => ({ ...w, shifts: w.shifts.filter((s) => ours.has(s.staffId)), violations: w.violations.filter(shown) })),
    people: view.people.filter((p) => ours.has(p.id)),
    violations: view.violations.filter(shown),
  };
}

async function loadWholePeriod(ds: DataSource, q: PeriodQuery & { which?: 'newest' | 'published'; teamId: number }): Promise<PeriodView> {
  const mondays = periodMondays(q.start, q.weeks, q.zone);
  const weeks: PeriodWeek[] = [];
  const contexts: RotaContext[] = [];
  for (const weekStart of mondays) {
    const published = await publishedRotaForWeek(ds, q.teamId, weekStart);
    const rota = q.which === 'published' ? published : ((await listRotasForWeek(ds, q.teamId, weekStart))[0] ?? null);
    const shifts = rota ? await listShifts(ds, rota.id) : [];
    const ctx = await loadRotaContext(ds, {
      teamId: q.teamId,
      weekStart,
      zone: q.zone,
      intervalMinutes: q.intervalMinutes,
      now: q.now,
      withRequirement: false,
    });
    contexts.push(ctx);
    weeks.push({ weekStart, rota, published, shifts, violations: [] });
  }
  for (let w = 0; w < weeks.length; w++) {
    const problem = contexts[w].problem;
    if (w > 0) problem.previousShifts = weeks[w - 1].shifts.map((s) => previousOf(s, q.zone));
    weeks[w].violations = weeks[w].rota
      ? checkRota(
          problem,
          weeks[w].shifts.map((s) => toEngineShift(s, q.zone)),
        )
      : [];
  }
  const settings = await loadTeamSettings(ds);
  const people = new Map<number, string>();
  for (const c of contexts) for (const p of c.people) people.set(p.id, p.name);
  const problem = periodProblem(mondays[0], contexts, settings.rules, q.zone);
  const violations = checkPeriod(
    problem,
    weeks.flatMap((w) => w.shifts.map((s) => previousOf(s, q.zone))),
  );
  const drafts = weeks.filter((w) => w.rota?.status === 'draft').length;
  return {
    start: mondays[0],
    weeks,
    people: [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    violations,
    drafts,
    allPublished: weeks.every((w) => w.published !== null && (w.rota === null || w.rota.id === w.published.id)),
  };
}

function previousOf(s: Pick<ShiftRecord, 'staffId' | 'start' | 'end'>, zone: string): PreviousShift {
  const local = (iso: string) => DateTime.fromISO(iso).setZone(zone).toISO({ suppressMilliseconds: true })!;
  return { staffId: String(s.staffId), start: local(s.start), end: local(s.end) };
}

function periodProblem(
  start: string,
  contexts: RotaContext[],
  rules: Awaited<ReturnType<typeof loadTeamSettings>>['rules'],
  zone: string,
): PeriodProblem {
  const ids = new Set(contexts.flatMap((c) => c.problem.staff.map((m) => m.id)));
  return {
    periodStart: start,
    weeks: contexts.length,
    timeZone: zone,
    staff: [...ids].map((id) => ({
      id,
      contractHoursByWeek: contexts.map((c) => c.problem.staff.find((m) => m.id === id)?.contractHoursPerWeek ?? 0),
    })),
    rules: rules.period,
    breakMinutes: rules.breakMinutes,
    eveningAfter: contexts[0]?.problem.rules.eveningAfter ?? '20:00',
    previousShifts: contexts[0]?.problem.previousShifts ?? [],
  };
}

export interface GeneratePeriodInput extends PeriodQuery {
  /** Solver budget of each week, seconds. */
  timeLimitSeconds: number;
  seed: number;
  userId: number | null;
  by: string | null;
  onProgress?: (p: { week: number; weeks: number; solver: SolveProgress }) => void;
  signal?: AbortSignal;
  /** See GenerateRotaInput.solverNiceness. */
  solverNiceness?: number;
}

export type GeneratePeriodResult =
  { kind: 'generated'; rotaIds: number[]; view: PeriodView } | { kind: 'infeasible'; weekStart: string; explanation: Explanation[] };

/** Generates every week of the period as a new draft, in order, each with the weeks before as context. */
export async function generatePeriod(ds: DataSource, input: GeneratePeriodInput): Promise<GeneratePeriodResult> {
  const mondays = periodMondays(input.start, input.weeks, input.zone);
  const teamId = await teamIdOrDefault(ds, input.teamId);
  const rules = (await loadTeamSettings(ds, { teamId })).rules.period;
  const earlier: PreviousShift[] = [];
  const rotaIds: number[] = [];
  for (let w = 0; w < mondays.length; w++) {
    const result = await generateRota(ds, {
      teamId,
      weekStart: mondays[w],
      zone: input.zone,
      intervalMinutes: input.intervalMinutes,
      now: input.now,
      mode: 'unlocked',
      timeLimitSeconds: input.timeLimitSeconds,
      seed: input.seed,
      userId: input.userId,
      by: input.by,
      signal: input.signal,
      solverNiceness: input.solverNiceness,
      onProgress: (p) => input.onProgress?.({ week: w, weeks: mondays.length, solver: p }),
      adjustProblem: (problem) => periodWeekProblem(problem, { rules, weeks: mondays.length, weekIndex: w, earlier: [...earlier] }),
    });
    if (result.kind === 'infeasible') return { kind: 'infeasible', weekStart: mondays[w], explanation: result.explanation };
    rotaIds.push(result.rota.id);
    earlier.push(...(await listShifts(ds, result.rota.id)).map((s) => previousOf(s, input.zone)));
  }
  return { kind: 'generated', rotaIds, view: await loadPeriod(ds, input) };
}

export type PublishPeriodResult =
  | { kind: 'published'; published: string[]; unchanged: string[] }
  /** The drafts break rules (period or weekly) and no reason was given: nothing published. */
  | { kind: 'needsReason'; periodBreaks: number; weeklyBreaks: number }
  /** A week was refused (`reason`: the weekly outcome, e.g. undoesApproved); the weeks before it are published. */
  | { kind: 'refused'; weekStart: string; reason: string; published: string[] };

/**
 * Publishes the newest draft of every week of the period (a week whose newest revision is
 * already published stays as it is), each through the weekly reviewed path (its lock, its
 * refusal to undo approved changes, calendar cancellations, notifications). When the drafts
 * break period or weekly rules a reason is required first, as for one week, and kept in the audit log.
 */
export async function publishPeriod(
  ds: DataSource,
  q: PeriodQuery & { userId: number | null; by: string | null; reason?: string },
): Promise<PublishPeriodResult> {
  const view = await loadPeriod(ds, q);
  const weeklyBreaks = view.weeks.reduce((n, w) => n + (w.rota?.status === 'draft' ? w.violations.length : 0), 0);
  const reason = q.reason?.trim() ?? '';
  if ((view.violations.length || weeklyBreaks) && !reason)
    return { kind: 'needsReason', periodBreaks: view.violations.length, weeklyBreaks };
  const published: string[] = [];
  const unchanged: string[] = [];
  for (const w of view.weeks) {
    if (!w.rota || w.rota.status !== 'draft') {
      unchanged.push(w.weekStart);
      continue;
    }
    const r = await publishReviewed(ds, {
      zone: q.zone,
      intervalMinutes: q.intervalMinutes,
      now: q.now,
      rotaId: w.rota.id,
      expectedVersion: w.rota.version,
      expectedPublishedId: w.published?.id ?? null,
      reason: reason || undefined,
      userId: q.userId,
      by: q.by,
    });
    if (r.kind !== 'published') return { kind: 'refused', weekStart: w.weekStart, reason: r.kind, published };
    published.push(w.weekStart);
  }
  await appendAudit(ds, {
    at: q.now.toISOString(),
    userId: q.userId,
    action: 'rota.period.publish',
    entity: 'rota',
    entityId: null,
    detail: {
      start: view.start,
      weeks: view.weeks.length,
      published,
      reason: reason || null,
      periodViolations: view.violations.map((v) => v.code),
    },
  });
  return { kind: 'published', published, unchanged };
}
