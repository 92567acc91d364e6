/**
 * What-if scenarios for leads: "volume +15 %, two people off sick, AHT +10 %: what happens to
 * ASA?" for one team's week and one or all of its channels (the team's people, rota and
 * rules; a scenario is saved for the team and listed, opened and compared only within it). Baseline = the week's forecast with the staff on
 * duty (the week's rota if there is one, else the requirement's staffing); scenario = the same
 * with the changes. Both per interval (Erlang) and for the week (volume-weighted, plus the
 * seeded simulator with 95 % confidence intervals). Rules: see staffing/scenario-model.ts.
 */
import { DateTime } from 'luxon';
import { mondayOf } from '../forecasting/week';
import type { DataSource } from '../models';
import { listChannels, type ChannelConfig } from '../models/repositories/settings';
import { listStaff } from '../models/repositories/staff';
import { getScenario, listScenarios, saveScenario, type ScenarioSummary } from '../models/repositories/scenarios';
import { appendAudit } from '../models/repositories/audit';
import { loadWeekInputs, projectInputs, type WeekChanges, type WeekInputs, type WeekProjectionView } from './week-projection';
import { loadTeamSettings } from './team-settings';
import { teamIdOrDefault } from './team-scope';
import { whatItTakes, type WhatItTakes } from './scenario-what-it-takes';
import {
  defaultWeekStart,
  localDate,
  sickPeople,
  simulateWeek,
  SIM_REPLICATIONS,
  SIM_SEED,
  type IntervalMetrics,
  type SimFigures,
  type WeekFigures,
  volumeFactorOf,
  withTargets,
  shrinkageFactor,
  moveClosedContacts,
  hiresOnQueue,
  type TargetLever,
  type HiresLever,
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
  /** People off sick for the whole week (the n with most hours on the rota). */
  peopleOff: number;
  /**
   * Named people absent on chosen days of the week (ISO weekdays 1 = Monday … 7; none: the
   * whole week). With a rota their shifts starting on those days leave it; without one, each
   * person-day takes a fifth of their contract hours off the plan.
   */
  absences?: { staffId: number; weekdays: number[] }[];
  /** Volume change per channel id, percent (multiplies the overall change). */
  channelVolumePct?: Record<string, number>;
  /** Volume change per ISO weekday '1'…'7', percent (multiplies too). */
  dayVolumePct?: Record<string, number>;
  /** Shrinkage of the chosen channels in the scenario, percent (absent: as set). */
  shrinkagePct?: number;
  /** Targets per channel id (a field absent: the channel's own). */
  targets?: Record<string, TargetLever>;
  /** Every day of the chosen channels opens and closes at these local times. */
  opening?: { opens: string; closes: string };
  /** New people, their skill (a channel id or 'both') and weekly hours. */
  hires?: HiresLever;
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
  /** The fewest extra agent-hours (and when) that bring the scenario to its targets; absent in older saves. */
  whatItTakes?: WhatItTakes | null;
}

/** Someone the form offers as absent: the week's active people with a skill of its channels. */
export interface ScenarioPerson {
  id: number;
  name: string;
}

export interface ScenarioPage {
  result: ScenarioResult | null;
  people: ScenarioPerson[];
  /** The baseline's projection (the same as the rota page's), when the scenario was just run. */
  baseline?: WeekProjectionView | null;
  saved: { id: number; name: string; createdBy: string | null; createdAt: string } | null;
  scenarios: ScenarioSummary[];
  channels: { id: string; nameKey: string }[];
  defaultWeek: string;
}

interface Staffing {
  changes: WeekChanges;
  sickStaffIds: number[];
  removedAgentHours: number;
}

/** Whether `staffId` is named absent on the local day a shift starting at `start` begins. */
function absentOn(absences: ScenarioInput['absences'], zone: string) {
  const byPerson = new Map((absences ?? []).map((a) => [a.staffId, new Set(a.weekdays)]));
  return (staffId: number, start: string) => {
    const days = byPerson.get(staffId);
    return days !== undefined && (days.size === 0 || days.has(DateTime.fromISO(start, { zone }).weekday));
  };
}

/**
 * People off, with a rota: the n with most hours on duty lose all their shifts, and each named
 * person loses the shifts that start on their chosen days.
 */
function rotaSick(w: WeekInputs, scope: string[], peopleOff: number, absences: ScenarioInput['absences']): Staffing {
  const sick = sickPeople(w.shifts, scope, peopleOff);
  const absent = absentOn(absences, w.zone);
  const named = (absences ?? []).map((a) => a.staffId).filter((id) => w.shifts.some((s) => s.staffId === id && absent(id, s.start)));
  return {
    changes: { keepShift: (s) => !sick.has(s.staffId) && !absent(s.staffId, s.start) },
    sickStaffIds: [...new Set([...sick, ...named])],
    removedAgentHours: 0,
  };
}

/** People off sick, without a rota: n × the team's mean contract hours, the same share of every interval. */
async function planSick(
  ds: DataSource,
  teamId: number,
  w: WeekInputs,
  channels: ChannelConfig[],
  peopleOff: number,
  absences: ScenarioInput['absences'],
): Promise<Staffing> {
  const scope = new Set(channels.map((c) => c.id));
  const people = (await listStaff(ds, { activeOn: w.weekStart, teamId })).filter((p) => p.skills.some((x) => scope.has(x)));
  const meanHours = people.length ? people.reduce((s, p) => s + p.contractHoursPerWeek, 0) / people.length : 0;
  const hours = w.intervalMinutes / 60;
  const inScope = w.demand.filter((d) => scope.has(d.channel));
  const planned = inScope.reduce((s, d) => s + d.neededOnRota * hours, 0);
  // Off the whole week (sick, or named without days): spread over the week like the plan.
  let weekLost = Math.min(peopleOff, people.length) * meanHours;
  // A named person-day off: a fifth of their weekly contract hours, taken from that weekday's plan.
  const dayLost = new Map<number, number>();
  for (const a of absences ?? []) {
    const p = people.find((x) => x.id === a.staffId);
    if (!p) continue;
    if (!a.weekdays.length) weekLost += p.contractHoursPerWeek;
    else for (const d of a.weekdays) dayLost.set(d, (dayLost.get(d) ?? 0) + p.contractHoursPerWeek / 5);
  }
  const plannedOn = new Map<number, number>();
  for (const d of inScope) {
    const wd = DateTime.fromISO(d.start, { zone: w.zone }).weekday;
    plannedOn.set(wd, (plannedOn.get(wd) ?? 0) + d.neededOnRota * hours);
  }
  const byWeekday = new Map(
    [...dayLost].map(([wd, lost]) => [wd, (plannedOn.get(wd) ?? 0) > 0 ? Math.max(0, 1 - lost / plannedOn.get(wd)!) : 1]),
  );
  const keep = planned > 0 ? Math.max(0, 1 - weekLost / planned) : 1;
  const named = [...dayLost.values()].reduce((s, h) => s + h, 0);
  return { changes: { planKeep: keep, planKeepByWeekday: byWeekday }, sickStaffIds: [], removedAgentHours: weekLost + named };
}

function channelResult(c: ChannelConfig, base: WeekProjectionView, scen: WeekProjectionView, simulate: boolean): ScenarioChannelResult {
  const b = base.projection.rows.filter((r) => r.channel === c.id);
  const s = scen.projection.rows.filter((r) => r.channel === c.id);
  const all = b.map((r, i) => ({ start: r.start, baseline: r as IntervalMetrics, scenario: s[i]! as IntervalMetrics }));
  const starts = b.map((r) => r.start);
  const figures = (v: WeekProjectionView) => v.summary.find((x) => x.channel === c.id)!.week;
  return {
    channel: c.id,
    nameKey: c.nameKey,
    baseline: figures(base),
    scenario: figures(scen),
    simBaseline: simulate ? simulateWeek(c, b, starts, base.intervalMinutes) : null,
    simScenario: simulate ? simulateWeek(c, s, starts, base.intervalMinutes) : null,
    intervals: all.filter((i) => i.baseline.volume > 0 || i.baseline.agents > 0 || i.scenario.agents > 0),
  };
}

/** The scenario's levers as changes to the week (the rules: staffing/scenario-levers.ts). */
function leverChanges(input: ScenarioInput, w: WeekInputs, channels: ChannelConfig[], staffing: WeekChanges): WeekChanges {
  const inScope = (channel: string) => channels.some((c) => c.id === channel);
  const ahtFactor = 1 + input.ahtChangePct / 100;
  const scenarioChannels = withTargets(w.channels, input.targets);
  const changes: WeekChanges = {
    ...staffing,
    volumeFactor: volumeFactorOf(input, w.zone, inScope),
    ahtFactor: (ch) => (inScope(ch) ? ahtFactor : 1),
    ...(input.targets ? { channels: scenarioChannels } : {}),
  };
  if (input.opening) {
    const opening = input.opening;
    changes.reshapeDemand = (d) => moveClosedContacts(d, opening, w.zone, inScope);
  }
  if (input.shrinkagePct !== undefined) {
    const shrinkage = input.shrinkagePct / 100;
    const byId = new Map(w.channels.map((c) => [c.id, c]));
    changes.onQueueFactor = (ch) => (inScope(ch) && byId.has(ch) ? shrinkageFactor(byId.get(ch)!, shrinkage) : 1);
  }
  if (input.hires && input.hires.count > 0) {
    // Their hours go where the scenario's contacts are (after the volume levers).
    const demand = projectInputs(
      w,
      { volumeFactor: changes.volumeFactor, ahtFactor: changes.ahtFactor, reshapeDemand: changes.reshapeDemand },
      { withRisk: false },
    ).projection.rows;
    changes.extraOnQueue = hiresOnQueue(
      demand,
      w.channels.filter((c) => inScope(c.id)),
      input.hires,
      w.intervalMinutes,
    );
  }
  return changes;
}

/**
 * Baseline vs scenario for the week, both from the one projection (app/week-projection.ts):
 * the baseline is exactly what the rota page shows. `simulate` (default true) also runs the
 * queue simulator.
 */
export async function runScenario(
  ds: DataSource,
  input: ScenarioInput,
  q: { zone: string; now: Date; simulate?: boolean; teamId?: number },
): Promise<ScenarioResult> {
  return (await runScenarioWithBaseline(ds, input, q)).result;
}

/**
 * The scenario's week as a rota would be planned for it: its demand (volume, handle time and
 * opening-hour levers) and targets, the channels it covers and the people on the queue kept per
 * person on duty (the shrinkage lever), without any staffing.
 */
export async function scenarioDemand(
  ds: DataSource,
  input: ScenarioInput,
  q: { zone: string; now: Date; teamId?: number },
): Promise<{ view: WeekProjectionView; scope: string[]; queueShare: (channel: string) => number }> {
  const weekStart = mondayOf(input.weekStart, q.zone);
  const w = await loadWeekInputs(ds, { weekStart, zone: q.zone, now: q.now, teamId: await teamIdOrDefault(ds, q.teamId) });
  const channels = w.channels.filter((c) => input.channel === 'all' || c.id === input.channel);
  const c = leverChanges({ ...input, weekStart, hires: undefined }, w, channels, {});
  const view = projectInputs(
    w,
    { volumeFactor: c.volumeFactor, ahtFactor: c.ahtFactor, reshapeDemand: c.reshapeDemand, channels: c.channels },
    { withRisk: false },
  );
  return { view, scope: channels.map((x) => x.id), queueShare: c.onQueueFactor ?? (() => 1) };
}

async function runScenarioWithBaseline(
  ds: DataSource,
  input: ScenarioInput,
  q: { zone: string; now: Date; simulate?: boolean; teamId?: number },
): Promise<{ result: ScenarioResult; baseline: WeekProjectionView }> {
  const simulate = q.simulate ?? true;
  const weekStart = mondayOf(input.weekStart, q.zone);
  const week = { ...input, weekStart };
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const w = await loadWeekInputs(ds, { weekStart, zone: q.zone, now: q.now, teamId });
  const channels = w.channels.filter((c) => week.channel === 'all' || c.id === week.channel);
  const fromRota = w.rota !== null && w.shifts.length > 0;
  const sick = fromRota
    ? rotaSick(
        w,
        channels.map((c) => c.id),
        week.peopleOff,
        week.absences,
      )
    : await planSick(ds, teamId, w, channels, week.peopleOff, week.absences);
  const base = projectInputs(w);
  const changes = leverChanges(week, w, channels, sick.changes);
  const scen = projectInputs(w, changes);
  const rules = (await loadTeamSettings(ds, { teamId })).rules;
  const takes = await whatItTakes(
    w,
    changes,
    scen,
    rules,
    channels.map((c) => c.id),
  );
  let removed = sick.removedAgentHours;
  if (fromRota)
    for (const c of channels)
      removed +=
        base.summary.find((x) => x.channel === c.id)!.week.onQueueHours - scen.summary.find((x) => x.channel === c.id)!.week.onQueueHours;
  const result: ScenarioResult = {
    input: week,
    intervalMinutes: w.intervalMinutes,
    staffingSource: fromRota ? 'rota' : 'requirement',
    rota: fromRota && w.rota ? { id: w.rota.id, status: w.rota.status, revision: w.rota.revision } : null,
    requirementSource: w.requirementSource === 'stored' ? 'stored' : 'computed',
    sickStaffIds: sick.sickStaffIds,
    removedAgentHours: removed,
    channels: channels.map((c) => channelResult(c, base, scen, simulate)),
    simulation: simulate ? { replications: SIM_REPLICATIONS, seed: SIM_SEED } : null,
    whatItTakes: takes,
  };
  return { result, baseline: base };
}

/** The team's channels, people offered as absent and saved scenarios. */
async function listPage(ds: DataSource, q: { zone: string; now: Date; teamId?: number }): Promise<Omit<ScenarioPage, 'result' | 'saved'>> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const channels = await listChannels(ds, teamId);
  const ids = new Set(channels.map((c) => c.id));
  const today = localDate(q.now.toISOString(), q.zone);
  const people = (await listStaff(ds, { activeOn: today, teamId }))
    .filter((p) => p.skills.some((x) => ids.has(x)))
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    people,
    scenarios: await listScenarios(ds, { teamId }),
    channels: channels.map((c) => ({ id: c.id, nameKey: c.nameKey })),
    defaultWeek: defaultWeekStart(q.now, q.zone),
  };
}

/** Run the scenario asked for (GET with its parameters: a shareable URL). */
export async function runScenarioPage(
  ds: DataSource,
  q: { input: ScenarioInput; zone: string; now: Date; simulate: boolean; teamId?: number },
): Promise<ScenarioPage> {
  const run = await runScenarioWithBaseline(ds, q.input, q);
  return { ...(await listPage(ds, q)), result: run.result, baseline: run.baseline, saved: null };
}

/** The list of saved scenarios, and one of them (as saved, not recomputed) when `savedId` is given. */
export async function scenarioListPage(
  ds: DataSource,
  q: { zone: string; now: Date; savedId: number | null; teamId?: number },
): Promise<ScenarioPage> {
  const base = await listPage(ds, q);
  const saved = q.savedId !== null ? await getScenario(ds, q.savedId, await teamIdOrDefault(ds, q.teamId)) : null;
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
  q: { input: ScenarioInput; name: string; zone: string; now: Date; user: string; userId: number; teamId?: number },
): Promise<{ id: number }> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const result = await runScenario(ds, q.input, { ...q, teamId, simulate: true });
  const at = q.now.toISOString();
  const saved = await saveScenario(ds, {
    teamId,
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
