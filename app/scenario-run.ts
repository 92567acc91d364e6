/**
 * What-if scenarios for leads: "volume +15 %, two people off sick, AHT +10 %: what happens to
 * ASA?" for one week and one or all channels. Baseline = the week's forecast with the staff on
 * duty (the week's rota if there is one, else the requirement's staffing); scenario = the same
 * with the changes. Both per interval (Erlang) and for the week (volume-weighted, plus the
 * seeded simulator with 95 % confidence intervals). Rules: see staffing/scenario-model.ts.
 */
import { mondayOf } from '../forecasting/week';
import type { DataSource } from '../models';
import { listChannels, type ChannelConfig } from '../models/repositories/settings';
import { loadTeamSettings } from './team-settings';
import { listStaff } from '../models/repositories/staff';
import { listRotasForWeek, listShifts, type RotaRecord, type ShiftRecord } from '../models/repositories/rotas';
import { getScenario, listScenarios, saveScenario, type ScenarioSummary } from '../models/repositories/scenarios';
import { appendAudit } from '../models/repositories/audit';
import { requirementForWeek, type RequirementRow } from './requirement-for-week';
import {
  defaultWeekStart,
  agentsFromPlan,
  agentsFromShifts,
  intervalMetrics,
  keepShare,
  sickPeople,
  simulateWeek,
  weekFigures,
  SIM_REPLICATIONS,
  SIM_SEED,
  type IntervalMetrics,
  type SimFigures,
  type WeekFigures,
} from '../staffing';

export interface ScenarioInput {
  /** Monday, local 'YYYY-MM-DD'. */
  weekStart: string;
  /** A channel id, or 'all'. */
  channel: string;
  /** Change of forecast volume, percent (15 = +15 %). */
  volumeChangePct: number;
  /** Change of handle time, percent. */
  ahtChangePct: number;
  /** People off sick for the whole week. */
  peopleOff: number;
}

export interface ScenarioInterval {
  start: string;
  baseline: IntervalMetrics;
  scenario: IntervalMetrics;
}

export interface ScenarioChannelResult {
  channel: string;
  nameKey: string;
  baseline: WeekFigures;
  scenario: WeekFigures;
  simBaseline: SimFigures | null;
  simScenario: SimFigures | null;
  /** Open intervals only (forecast volume or staff on duty). */
  intervals: ScenarioInterval[];
}

export interface ScenarioResult {
  input: ScenarioInput;
  intervalMinutes: number;
  /** Where the staffing came from. */
  staffingSource: 'rota' | 'requirement';
  rota: { id: number; status: string; revision: number } | null;
  requirementSource: 'stored' | 'computed';
  /** People removed (rota: their ids; plan: how many agent-hours). */
  sickStaffIds: number[];
  removedAgentHours: number;
  channels: ScenarioChannelResult[];
  /** Null when the simulator was not run. */
  simulation: { replications: number; seed: number } | null;
}

export interface ScenarioPage {
  result: ScenarioResult | null;
  saved: { id: number; name: string; createdBy: string | null; createdAt: string } | null;
  scenarios: ScenarioSummary[];
  channels: { id: string; nameKey: string }[];
  defaultWeek: string;
}

/** The rota to read: the week's published revision, else its newest draft. */
function pickRota(rotas: RotaRecord[]): RotaRecord | null {
  return rotas.find((r) => r.status === 'published') ?? rotas.find((r) => r.status === 'draft') ?? null;
}

function voiceShare(rows: RequirementRow[]): (start: string) => number {
  const raw = new Map<string, { voice: number; chat: number }>();
  for (const r of rows) {
    const e = raw.get(r.start) ?? { voice: 0, chat: 0 };
    if (r.channel === 'voice' || r.channel === 'chat') e[r.channel] += r.rawAgents;
    raw.set(r.start, e);
  }
  return (start) => {
    const e = raw.get(start);
    return e && e.voice + e.chat > 0 ? e.voice / (e.voice + e.chat) : 0.5;
  };
}

interface Staffing {
  baseline: Map<string, number>;
  scenario: Map<string, number>;
  sickStaffIds: number[];
  removedAgentHours: number;
}

function rotaStaffing(
  shifts: ShiftRecord[],
  rows: RequirementRow[],
  starts: string[],
  intervalMinutes: number,
  scope: string[],
  peopleOff: number,
): Staffing {
  const share = voiceShare(rows);
  const sick = sickPeople(shifts, scope, peopleOff);
  const baseline = agentsFromShifts(shifts, starts, intervalMinutes, share);
  const scenario = agentsFromShifts(
    shifts.filter((s) => !sick.has(s.staffId)),
    starts,
    intervalMinutes,
    share,
  );
  let removed = 0;
  for (const [k, v] of baseline) removed += v - (scenario.get(k) ?? 0);
  return { baseline, scenario, sickStaffIds: [...sick], removedAgentHours: (removed * intervalMinutes) / 60 };
}

async function planStaffing(
  ds: DataSource,
  rows: RequirementRow[],
  channels: ChannelConfig[],
  input: ScenarioInput,
  intervalMinutes: number,
): Promise<Staffing> {
  const scope = new Set(channels.map((c) => c.id));
  const people = (await listStaff(ds, { activeOn: input.weekStart })).filter((p) => p.skills.some((s) => scope.has(s)));
  const meanHours = people.length ? people.reduce((s, p) => s + p.contractHoursPerWeek, 0) / people.length : 0;
  const lost = Math.min(input.peopleOff, people.length) * meanHours;
  const hours = intervalMinutes / 60;
  const allHours = rows.filter((r) => scope.has(r.channel)).reduce((s, r) => s + r.scheduledAgents * hours, 0);
  const baseline = new Map<string, number>();
  const scenario = new Map<string, number>();
  for (const c of channels) {
    // The channel loses lost × (own ÷ allHours) of its own hours: the same share everywhere.
    const keep = allHours > 0 ? Math.max(0, 1 - lost / allHours) : 1;
    const own = rows.filter((x) => x.channel === c.id).sort((a, b) => a.start.localeCompare(b.start));
    const agents = own.map((r) => agentsFromPlan(r.scheduledAgents, c.shrinkage));
    const kept = keepShare(agents, keep);
    own.forEach((r, i) => {
      baseline.set(`${c.id}|${r.start}`, agents[i]!);
      scenario.set(`${c.id}|${r.start}`, kept[i]!);
    });
  }
  return { baseline, scenario, sickStaffIds: [], removedAgentHours: lost };
}

function channelResult(
  c: ChannelConfig,
  rows: RequirementRow[],
  staffing: Staffing,
  input: ScenarioInput,
  intervalMinutes: number,
  simulate: boolean,
): ScenarioChannelResult {
  const volumeFactor = 1 + input.volumeChangePct / 100;
  const ahtFactor = 1 + input.ahtChangePct / 100;
  const all = rows.map((r) => {
    const key = `${c.id}|${r.start}`;
    return {
      start: r.start,
      baseline: intervalMetrics(c, intervalMinutes, r.volume, r.ahtSeconds, staffing.baseline.get(key) ?? 0),
      scenario: intervalMetrics(c, intervalMinutes, r.volume * volumeFactor, r.ahtSeconds * ahtFactor, staffing.scenario.get(key) ?? 0),
    };
  });
  const starts = rows.map((r) => r.start);
  return {
    channel: c.id,
    nameKey: c.nameKey,
    baseline: weekFigures(
      all.map((i) => i.baseline),
      intervalMinutes,
    ),
    scenario: weekFigures(
      all.map((i) => i.scenario),
      intervalMinutes,
    ),
    simBaseline: simulate
      ? simulateWeek(
          c,
          all.map((i) => i.baseline),
          starts,
          intervalMinutes,
        )
      : null,
    simScenario: simulate
      ? simulateWeek(
          c,
          all.map((i) => i.scenario),
          starts,
          intervalMinutes,
        )
      : null,
    intervals: all.filter((i) => i.baseline.volume > 0 || i.baseline.agents > 0 || i.scenario.agents > 0),
  };
}

/**
 * Baseline vs scenario for the week. `simulate` (default true) also runs the queue simulator
 * (about 0.4 s for the demo week, both channels, baseline and scenario).
 */
export async function runScenario(
  ds: DataSource,
  input: ScenarioInput,
  q: { zone: string; now: Date; simulate?: boolean },
): Promise<ScenarioResult> {
  const simulate = q.simulate ?? true;
  const intervalMinutes = (await loadTeamSettings(ds)).intervalMinutes;
  const weekStart = mondayOf(input.weekStart, q.zone);
  const week = { ...input, weekStart };
  const requirement = await requirementForWeek(ds, { weekStart, zone: q.zone, intervalMinutes, now: q.now });
  const all = await listChannels(ds);
  const channels = all.filter((c) => week.channel === 'all' || c.id === week.channel);
  const rota = pickRota(await listRotasForWeek(ds, weekStart));
  const shifts = rota ? await listShifts(ds, rota.id) : [];
  const starts = [...new Set(requirement.rows.map((r) => r.start))];
  const staffing =
    rota && shifts.length > 0
      ? rotaStaffing(
          shifts,
          requirement.rows,
          starts,
          intervalMinutes,
          channels.map((c) => c.id),
          week.peopleOff,
        )
      : await planStaffing(ds, requirement.rows, channels, week, intervalMinutes);
  return {
    input: week,
    intervalMinutes,
    staffingSource: rota && shifts.length > 0 ? 'rota' : 'requirement',
    rota: rota && shifts.length > 0 ? { id: rota.id, status: rota.status, revision: rota.revision } : null,
    requirementSource: requirement.source,
    sickStaffIds: staffing.sickStaffIds,
    removedAgentHours: staffing.removedAgentHours,
    channels: channels.map((c) =>
      channelResult(
        c,
        requirement.rows.filter((r) => r.channel === c.id),
        staffing,
        week,
        intervalMinutes,
        simulate,
      ),
    ),
    simulation: simulate ? { replications: SIM_REPLICATIONS, seed: SIM_SEED } : null,
  };
}

async function listPage(ds: DataSource, q: { zone: string; now: Date }): Promise<Omit<ScenarioPage, 'result' | 'saved'>> {
  const channels = await listChannels(ds);
  return {
    scenarios: await listScenarios(ds),
    channels: channels.map((c) => ({ id: c.id, nameKey: c.nameKey })),
    defaultWeek: defaultWeekStart(q.now, q.zone),
  };
}

/** Run the scenario asked for (GET with its parameters: a shareable URL). */
export async function runScenarioPage(
  ds: DataSource,
  q: { input: ScenarioInput; zone: string; now: Date; simulate: boolean },
): Promise<ScenarioPage> {
  return { ...(await listPage(ds, q)), result: await runScenario(ds, q.input, q), saved: null };
}

/** The list of saved scenarios, and one of them (as saved, not recomputed) when `savedId` is given. */
export async function scenarioListPage(ds: DataSource, q: { zone: string; now: Date; savedId: number | null }): Promise<ScenarioPage> {
  const base = await listPage(ds, q);
  const saved = q.savedId !== null ? await getScenario(ds, q.savedId) : null;
  if (!saved) return { ...base, result: null, saved: null };
  return {
    ...base,
    result: saved.result as ScenarioResult,
    saved: { id: saved.id, name: saved.name, createdBy: saved.createdBy, createdAt: saved.createdAt },
  };
}

/** Runs the scenario and saves it by name (with its result, so it reads back as it was). */
export async function saveScenarioRun(
  ds: DataSource,
  q: { input: ScenarioInput; name: string; zone: string; now: Date; user: string; userId: number },
): Promise<{ id: number }> {
  const result = await runScenario(ds, q.input, { ...q, simulate: true });
  const at = q.now.toISOString();
  const saved = await saveScenario(ds, {
    name: q.name,
    createdBy: q.user,
    weekStart: result.input.weekStart,
    channelId: result.input.channel === 'all' ? null : result.input.channel,
    input: result.input,
    result,
    createdAt: at,
  });
  await appendAudit(ds, {
    at,
    userId: q.userId,
    action: 'scenario.save',
    entity: 'scenarios',
    entityId: saved.id,
    detail: { name: q.name, input: result.input },
  });
  return { id: saved.id };
}
