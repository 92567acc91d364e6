/**
 * The rota problem of one week, built from the database: staff and skills, contracts, the
 * team's labour rules, approved time off and unavailability, preferences, last week's
 * published shifts (12 h rest and consecutive days across the week boundary), public
 * holidays (fairness) and the requirement per interval and channel.
 *
 * Requirement choice: the rota must put on the floor, per interval and channel, the
 * **rawAgents** of the staffing engine (people taking contacts), not scheduledAgents.
 * scheduledAgents = rawAgents ÷ (1 − shrinkage) and shrinkage is mostly absence (leave,
 * sickness) and breaks; here absence is already taken out as unavailability (approved time
 * off) and the lunch break is placed by the optimiser and removed from coverage, so counting
 * shrinkage again would ask for ~40 % more people than the team has. Short unplanned breaks
 * are not modelled: the projected service level under the grid shows what they would cost.
 *
 * Public holidays are normal working days for the team (a support line stays open; the
 * forecast lowers the requirement). The setting `holidaysOff: true` (in the team's rules JSON,
 * or per query) makes them paid days off for everyone: unavailable, and owed hours reduced.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { listStaff, type StaffMember as StaffRecord } from '../models/repositories/staff';
import { listChannels, type ChannelConfig, type LabourRules } from '../models/repositories/settings';
import { loadTeamSettings } from './team-settings';
import { movedAwayFrom, teamIdOrDefault, type MovedAway } from './team-scope';
import { listOffQueueActivities } from '../models/repositories/off-queue-activities';
import { plannedActivities } from './rota-activities';
import { preferencesFor, unavailablePeriods } from '../models/repositories/availability';
import { listShifts, publishedRotaForWeek, staffInTeamWeek, type ShiftRecord } from '../models/repositories/rotas';
import {
  DEFAULT_WEIGHTS,
  withDefaultRules,
  type ShiftPreferences,
  countFairness,
  type OffQueueKind,
  type Period,
  type Problem,
  type IntervalRequirement,
  type Shift,
  type StaffMember,
} from '../scheduling';
import { georgianHolidaysBetween } from '../forecasting/calendar/georgian-holidays';
import { mondayOf } from '../forecasting/week';
import { requirementForWeek } from './requirement-for-week';

/** One interval's requirement with what the projected service needs (volume and AHT). */
export interface RequirementDetail {
  start: string;
  channel: string;
  volume: number;
  ahtSeconds: number;
  /** Needed on the queue (rawAgents, before shrinkage): what the rota must cover. */
  required: number;
  /** Needed on the rota (scheduledAgents, after shrinkage). */
  scheduled: number;
}

export interface RotaContext {
  teamId: number;
  weekStart: string;
  zone: string;
  intervalMinutes: number;
  channels: ChannelConfig[];
  people: StaffRecord[];
  problem: Problem;
  requirement: RequirementDetail[];
  requirementSource: string;
  /** Channels with no forecast of the week and no history to make one: nothing to plan against. */
  noHistoryChannels: string[];
  /**
   * People a revision of this week gives shifts to who have moved to another team since: they
   * keep those shifts (counted on the queue as the shifts say), are not planned here, and their
   * shifts are not rule breaks of this team's week.
   */
  movedAway: Map<number, MovedAway>;
}

export interface RotaContextQuery {
  weekStart: string;
  zone: string;
  intervalMinutes: number;
  now: Date;
  /** Skip the requirement (rule checks of a hand edit need none). */
  withRequirement?: boolean;
  holidaysOff?: boolean;
  /** Show the rota without coverage when the requirement cannot be computed. */
  tolerateMissingRequirement?: boolean;
  /** The team planned: its people, channels, rules and requirement (default: the default team). */
  teamId?: number;
}

const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * Remembered conversions: the rule checks of the pickers (swap, cover, open shifts) convert the
 * same few hundred instants over and over, and luxon's zone arithmetic is most of their time.
 * A pure function of its two arguments; the memory is capped (cleared when full).
 */
const localIsoMemo = new Map<string, string>();
const LOCAL_ISO_MEMO_MAX = 20_000;

export function toLocalIso(iso: string, zone: string): string {
  const key = `${zone} ${iso}`;
  const known = localIsoMemo.get(key);
  if (known !== undefined) return known;
  const local = DateTime.fromISO(iso, { zone }).setZone(zone).toISO({ suppressMilliseconds: true })!;
  if (localIsoMemo.size >= LOCAL_ISO_MEMO_MAX) localIsoMemo.clear();
  localIsoMemo.set(key, local);
  return local;
}

/** Names of everyone the week's shifts may name: the team's people and those moved away who keep shifts here. */
export function contextNames(ctx: Pick<RotaContext, 'problem' | 'movedAway'>): Map<number, string> {
  return new Map([
    ...[...ctx.movedAway.values()].map((m): [number, string] => [m.staffId, m.name]),
    ...ctx.problem.staff.map((m): [number, string] => [Number(m.id), m.name]),
  ]);
}

export function rotaRules(rules: LabourRules) {
  return withDefaultRules({
    shiftLengthsHours: [...rules.shiftLengthsHours],
    breakMinutes: rules.breakMinutes,
    minRestHours: rules.minRestHours,
    maxHoursPerWeek: rules.maxHoursPerWeek,
    daysOffPerWeek: rules.daysOffPerWeek,
    earliestStart: rules.earliestStart,
    latestEnd: rules.latestEnd,
    maxConsecutiveDays: rules.maxConsecutiveDays,
    maxNightHoursPerShift: rules.maxNightHoursPerShift,
    contractToleranceHours: rules.contractToleranceHours,
  });
}

/** A stored shift in the optimiser's shape (times with the team's offset). */
export function toEngineShift(
  s: Pick<ShiftRecord, 'staffId' | 'start' | 'end' | 'breaks' | 'channel' | 'activities' | 'offQueue'>,
  zone: string,
): Shift {
  return {
    staffId: String(s.staffId),
    start: toLocalIso(s.start, zone),
    end: toLocalIso(s.end, zone),
    breaks: s.breaks.map((b) => ({ start: toLocalIso(b.start, zone), end: toLocalIso(b.end, zone) })),
    channel: s.channel,
    ...(s.activities?.length
      ? { activities: s.activities.map((a) => ({ ...a, start: toLocalIso(a.start, zone), end: toLocalIso(a.end, zone) })) }
      : {}),
    ...(s.offQueue?.length
      ? {
          offQueue: s.offQueue.map((o) => ({
            ...o,
            kind: o.kind as OffQueueKind,
            start: toLocalIso(o.start, zone),
            end: toLocalIso(o.end, zone),
          })),
        }
      : {}),
  };
}

export async function loadRotaContext(ds: DataSource, q: RotaContextQuery): Promise<RotaContext> {
  const zone = q.zone;
  const weekStart = mondayOf(q.weekStart, zone);
  const monday = DateTime.fromISO(weekStart, { zone });
  const sunday = monday.plus({ days: 6 }).toISODate()!;
  // One after another, not Promise.all: inside a transaction the data source is one connection,
  // and concurrent queries on one pg client are deprecated (an error from pg 9).
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const settings = await loadTeamSettings(ds, { teamId });
  const channels = await listChannels(ds, teamId);
  const staff = await listStaff(ds, { activeOn: weekStart, teamId });
  const unavailable = await unavailablePeriods(ds, { weekStart, zone });
  const prefs = await preferencesFor(ds);
  const previous = await previousWeekShifts(ds, teamId, monday.minus({ days: 7 }).toISODate()!);
  const teamPeople = new Set(staff.map((p) => p.id));
  const movedAway = await movedAwayFrom(
    ds,
    teamId,
    (await staffInTeamWeek(ds, teamId, weekStart)).filter((id) => !teamPeople.has(id)),
    weekStart,
  );
  // The team's activities: another team's people are not in this problem.
  const activities = (await listOffQueueActivities(ds, weekStart))
    .map((a) => ({ ...a, attendees: a.attendees.filter((id) => teamPeople.has(id)) }))
    .filter((a) => a.attendees.length > 0);
  const labour = settings.rules;
  const channelIds = channels.map((c) => c.id);
  const people = staff.filter((p) => p.skills.some((s) => channelIds.includes(s)));
  const holidays = georgianHolidaysBetween(weekStart, sunday).map((h) => h.date);
  const holidaysOff = q.holidaysOff ?? (labour as LabourRules & { holidaysOff?: boolean }).holidaysOff === true;
  const holidayPeriods: Period[] = holidaysOff
    ? holidays.map((d) => ({
        start: toLocalIso(DateTime.fromISO(d, { zone }).toISO()!, zone),
        end: toLocalIso(DateTime.fromISO(d, { zone }).plus({ days: 1 }).toISO()!, zone),
      }))
    : [];
  const members: StaffMember[] = people.map((p) => ({
    id: String(p.id),
    name: p.name,
    skills: p.skills.filter((s) => channelIds.includes(s)),
    contractHoursPerWeek: contractAfterLeave(
      p.contractHoursPerWeek,
      leaveDays([...unavailable.filter((u) => u.staffId === p.id && u.reason === 'time_off'), ...holidayPeriods]),
      labour,
    ),
    unavailable: [
      ...unavailable.filter((u) => u.staffId === p.id).map((u) => ({ start: toLocalIso(u.start, zone), end: toLocalIso(u.end, zone) })),
      ...holidayPeriods,
    ],
    preferences: preferencesOf(prefs.filter((x) => x.staffId === p.id)),
    overtimeAllowed: labour.overtimeAllowed,
    queueShare: p.queueShare,
  }));
  const requirement =
    q.withRequirement === false
      ? { rows: [], source: 'none', noHistory: [] }
      : await loadRequirement(ds, { weekStart, zone, intervalMinutes: q.intervalMinutes, now: q.now, teamId }).catch((err: unknown) => {
          // Viewing a rota must not fail because no forecast can be made; generating must.
          if (!q.tolerateMissingRequirement) throw err;
          return { rows: [], source: 'none', noHistory: [] };
        });
  const problem: Problem = {
    weekStart,
    timeZone: zone,
    intervalMinutes: q.intervalMinutes,
    channels: channelIds,
    requirements: requirement.rows.map((r): IntervalRequirement => ({
      timestamp: toLocalIso(r.start, zone),
      channel: r.channel,
      required: r.required,
    })),
    staff: members,
    rules: rotaRules(labour),
    weights: { ...DEFAULT_WEIGHTS },
    ...(activities.length ? { activities: plannedActivities(activities, zone) } : {}),
    previousShifts: previous
      .filter((s) => members.some((m) => m.id === String(s.staffId)))
      .map((s) => ({ staffId: String(s.staffId), start: toLocalIso(s.start, zone), end: toLocalIso(s.end, zone) })),
    holidays,
  };
  return {
    teamId,
    weekStart,
    zone,
    intervalMinutes: q.intervalMinutes,
    channels,
    people,
    problem,
    requirement: requirement.rows,
    requirementSource: requirement.source,
    noHistoryChannels: requirement.noHistory,
    movedAway,
  };
}

/** Whole days of approved time off (periods are whole local days, clipped to the week). */
function leaveDays(periods: { start: string; end: string }[]): number {
  return periods.reduce((n, u) => n + Math.round((Date.parse(u.end) - Date.parse(u.start)) / 86_400_000), 0);
}

/**
 * Hours a person owes in a week with `days` of approved leave: every leave day is paid as a
 * working day of contract ÷ (7 − daysOffPerWeek) hours, so a week of leave owes nothing.
 * Rounded to the nearest total the shift lengths can make (e.g. 7 h and 8 h worked: 19.2 h
 * has no exact week, 21 h has), otherwise the contract rule alone would make the week
 * infeasible.
 */
export function contractAfterLeave(contract: number, days: number, rules: LabourRules): number {
  if (days <= 0) return contract;
  const workDays = Math.max(1, 7 - rules.daysOffPerWeek);
  const target = Math.max(0, contract - (contract / workDays) * Math.min(days, workDays));
  const worked = rules.shiftLengthsHours.map((h) => h - rules.breakMinutes / 60).filter((h) => h > 0);
  let reachable = new Set<number>([0]);
  for (let d = 0; d < workDays - Math.min(days, workDays); d++) {
    const next = new Set(reachable);
    for (const r of reachable) for (const w of worked) next.add(r + w);
    reachable = next;
  }
  return [...reachable].sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b)[0] ?? 0;
}

const AVOID: Record<string, 'early' | 'evening' | 'night'> = { no_early: 'early', no_evening: 'evening', no_night: 'night' };

/** Stored preferences in the optimiser's shape (also read by the fairness ledger). */
export function preferencesOf(prefs: { kind: string; weekday: number | null }[]): ShiftPreferences | undefined {
  const daysOff: string[] = [];
  const shifts: string[] = [];
  const avoid: NonNullable<ShiftPreferences['avoid']> = [];
  for (const p of prefs) {
    if (p.kind === 'early' || p.kind === 'late') shifts.push(p.kind);
    else if (p.kind === 'weekend_off') daysOff.push('saturday', 'sunday');
    else if (p.kind === 'day_off' && p.weekday) daysOff.push(WEEKDAY_NAMES[p.weekday - 1]);
    else if (AVOID[p.kind]) avoid.push(p.weekday ? { time: AVOID[p.kind], weekday: p.weekday } : { time: AVOID[p.kind] });
  }
  if (!daysOff.length && !shifts.length && !avoid.length) return undefined;
  return { ...(daysOff.length ? { daysOff } : {}), ...(shifts.length ? { shifts } : {}), ...(avoid.length ? { avoid } : {}) };
}

export interface FairnessCounts {
  evenings: number;
  weekends: number;
  holidays: number;
}

/** The fairness goal's counts of `shifts` (scheduling/fairness.ts, the optimiser's and the ledger's definition). */
export function fairnessCounts(
  shifts: { start: string; end: string }[],
  zone: string,
  eveningAfter: string,
  holidays: Set<string>,
): FairnessCounts {
  const c = countFairness(
    shifts.map((s) => ({ ...s, staffId: 0 })),
    { zone, eveningAfter, holidays },
    [0],
  ).get(0)!;
  return { evenings: c.evenings, weekends: c.weekends, holidays: c.holidays };
}

async function previousWeekShifts(ds: DataSource, teamId: number, previousWeekStart: string): Promise<ShiftRecord[]> {
  const rota = await publishedRotaForWeek(ds, teamId, previousWeekStart);
  return rota ? listShifts(ds, rota.id) : [];
}

/**
 * The week's requirement from the staffing pages (requirementForWeek: stored rows, else
 * computed from the forecast). `required` = rawAgents, see the file comment.
 */
export async function loadRequirement(
  ds: DataSource,
  q: { weekStart: string; zone: string; intervalMinutes: number; now: Date; teamId?: number },
): Promise<{ rows: RequirementDetail[]; source: string; noHistory: string[] }> {
  const week = await requirementForWeek(ds, q);
  return {
    rows: week.rows.map((r) => ({
      start: r.start,
      channel: r.channel,
      volume: r.volume,
      ahtSeconds: r.ahtSeconds,
      required: r.rawAgents,
      scheduled: r.scheduledAgents,
    })),
    source: week.source,
    noHistory: week.noHistory ?? [],
  };
}
