/**
 * An agent's week at a glance (/my-shifts): the whole current week from Monday (past days
 * included, so the week's hours are the real ones), the shift in progress and the next one,
 * worked hours against the contract, each shift's kind, breaks, channel and the colleagues on
 * the same hours; next week once it is published, and the weeks after it up to six weeks ahead
 * (a whole planning period); and one day’s activities.
 *
 * Only published rotas count (a draft is the coordinator's work in progress). Colleagues come
 * from the same published rota, which is the team's (Rota plans one team).
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import {
  getRota,
  listShifts,
  publishedRotaForWeek,
  publishedRotasForWeeks,
  publishedShiftsForStaff,
  type RotaRecord,
  type ShiftRecord,
} from '../models/repositories/rotas';
import { getStaff, listStaff } from '../models/repositories/staff';
import { georgianHolidaysBetween } from '../forecasting/calendar/georgian-holidays';
import { localTimeOf, shiftKind, type FairnessCalendar } from '../scheduling';
import { loadTeamSettings } from './team-settings';
import { teamIdOrDefault } from './team-scope';
import { rotaRules } from './rota-problem';
import { mondayOf } from '../forecasting/week';
import { listOffQueueActivities } from '../models/repositories/off-queue-activities';

export interface Colleague {
  name: string;
  channel: string;
}

export interface Segment {
  /** 'queue': taking contacts of `channel`; 'break' (under 30 min) or 'lunch'; 'offQueue': an activity. */
  kind: 'queue' | 'break' | 'lunch' | 'offQueue';
  start: string;
  end: string;
  channel: string | null;
  /** For 'offQueue': the activity's kind (teamMeeting, training, backOffice, offQueue…) and title. */
  activity?: { kind: string; title: string | null };
}

/** A stretch of the shift away from the queue: a planned activity or the person's off-queue share. */
export interface MyOffQueue {
  kind: string;
  start: string;
  end: string;
  /** The coordinator's title of the planned activity ("Weekly team meeting"); null for the share. */
  title: string | null;
}

export interface MyWeekShift {
  id: number;
  start: string;
  end: string;
  /** Local date of the start, yyyy-mm-dd. */
  date: string;
  channel: string;
  kind: 'early' | 'day' | 'late' | 'night';
  breaks: { start: string; end: string }[];
  /** Off-queue stretches (meetings, training, back office), not taking contacts. */
  offQueue: MyOffQueue[];
  workedHours: number;
  state: 'past' | 'now' | 'future';
  colleagues: Colleague[];
}

export interface MyWeekDay {
  date: string;
  past: boolean;
  today: boolean;
  holiday: boolean;
  shifts: MyWeekShift[];
}

export interface MyWeekOf {
  weekStart: string;
  published: boolean;
  days: MyWeekDay[];
  workedHours: number;
}

export interface MyWeek {
  contractHours: number | null;
  thisWeek: MyWeekOf;
  /** Null until next week's rota is published. */
  nextWeek: MyWeekOf | null;
  /** The weeks after that, up to six weeks from now (a whole planning period), those already published. */
  laterWeeks: MyWeekOf[];
  current: MyWeekShift | null;
  next: MyWeekShift | null;
}

export interface MyWeekQuery {
  staffId: number | null;
  now: Date;
  zone: string;
}

const LUNCH_MINUTES = 30;
/** A planning period is at most six weeks: published from next week on, its last week is six weeks ahead. */
const LATER_WEEKS_UNTIL = 6;
const round1 = (h: number) => Math.round(h * 10) / 10;
const minutes = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60000;

export function workedHoursOf(s: Pick<ShiftRecord, 'start' | 'end' | 'breaks'>): number {
  return (minutes(s.start, s.end) - s.breaks.reduce((m, b) => m + minutes(b.start, b.end), 0)) / 60;
}

type WeekContext = MyWeekQuery & { names: Map<number, string> | null; eveningAfter: string };

/** What every view of the person's weeks reads first: the rules, the person, the weeks' published rotas. */
async function loadWeeks(ds: DataSource, q: MyWeekQuery, o: { colleagues: boolean }) {
  const monday = DateTime.fromJSDate(q.now, { zone: q.zone }).startOf('week');
  const person = q.staffId === null ? null : await getStaff(ds, q.staffId);
  // The person's own team: its rules and its published rotas.
  const teamId = await teamIdOrDefault(ds, person?.teamId);
  const settings = await loadTeamSettings(ds, { teamId });
  // Colleagues on the same hours: the person's own team.
  const names = o.colleagues ? new Map((await listStaff(ds, { teamId: person?.teamId ?? undefined })).map((p) => [p.id, p.name])) : null;
  const ctx: WeekContext = { ...q, names, eveningAfter: rotaRules(settings.rules).eveningAfter };
  const mondays = Array.from({ length: LATER_WEEKS_UNTIL + 1 }, (_, w) => monday.plus({ weeks: w }));
  const rotas = await publishedRotasForWeeks(
    ds,
    teamId,
    mondays.map((m) => m.toISODate()!),
  );
  if (person) await ownRotasAfterMove(ds, person.id, rotas, mondays, q.zone);
  return { person, ctx, mondays, rotas };
}

/**
 * Someone moved to another team keeps the shifts the old team's published rota still gives
 * them (as their calendar feed and the swap page do): a week where the new team's published
 * rota has no shift of theirs but another team's has shows that one.
 */
async function ownRotasAfterMove(ds: DataSource, staffId: number, rotas: Map<string, RotaRecord>, mondays: DateTime[], zone: string) {
  const from = mondays[0].toUTC().toISO()!;
  const to = mondays[mondays.length - 1].plus({ weeks: 1 }).toUTC().toISO()!;
  const own = await publishedShiftsForStaff(ds, staffId, from, to);
  for (const m of mondays) {
    const weekStart = m.toISODate()!;
    const inWeek = own.filter((s) => mondayOf(DateTime.fromISO(s.start, { zone }).setZone(zone).toISODate()!, zone) === weekStart);
    const team = rotas.get(weekStart);
    if (!inWeek.length || (team && inWeek.some((s) => s.rotaId === team.id))) continue;
    const other = await getRota(ds, inWeek[0].rotaId);
    if (other) rotas.set(weekStart, other);
  }
}

export async function myWeek(ds: DataSource, q: MyWeekQuery): Promise<MyWeek> {
  const { person, ctx, mondays, rotas } = await loadWeeks(ds, q, { colleagues: true });
  const weeks: MyWeekOf[] = [];
  for (const [w, m] of mondays.entries()) {
    const rota = rotas.get(m.toISODate()!) ?? null;
    // A week without a published rota is not shown, except this one (its empty days).
    weeks.push(
      rota || w === 0 ? await weekFor(ds, m, rota, ctx) : { weekStart: m.toISODate()!, published: false, days: [], workedHours: 0 },
    );
  }
  const [thisWeek, next, ...later] = weeks;
  const all = [thisWeek, next, ...later].flatMap((w) => w.days.flatMap((d) => d.shifts));
  return {
    contractHours: person?.contractHoursPerWeek ?? null,
    thisWeek,
    nextWeek: next.published ? next : null,
    laterWeeks: later.filter((w) => w.published),
    current: all.find((s) => s.state === 'now') ?? null,
    next: all.find((s) => s.state === 'future') ?? null,
  };
}

/** Home's box: this week (today, its hours), the shift in progress and the next one. */
export type MyWeekGlance = Pick<MyWeek, 'contractHours' | 'thisWeek' | 'current' | 'next'>;

/**
 * The same figures as `myWeek` for Home, which every agent opens most: this week, then the
 * later published weeks only until a next shift is found (usually none), and no colleagues
 * (`colleagues` is empty: Home does not show them, and naming them reads the whole staff list).
 */
export async function myWeekGlance(ds: DataSource, q: MyWeekQuery): Promise<MyWeekGlance> {
  const { person, ctx, mondays, rotas } = await loadWeeks(ds, q, { colleagues: false });
  const thisWeek = await weekFor(ds, mondays[0], rotas.get(mondays[0].toISODate()!) ?? null, ctx);
  const mine = thisWeek.days.flatMap((d) => d.shifts);
  let next = mine.find((s) => s.state === 'future') ?? null;
  for (const m of mondays.slice(1)) {
    if (next) break;
    const rota = rotas.get(m.toISODate()!);
    if (rota) next = (await weekFor(ds, m, rota, ctx)).days.flatMap((d) => d.shifts).find((s) => s.state === 'future') ?? null;
  }
  return {
    contractHours: person?.contractHoursPerWeek ?? null,
    thisWeek,
    current: mine.find((s) => s.state === 'now') ?? null,
    next,
  };
}

async function weekFor(ds: DataSource, monday: DateTime, rota: RotaRecord | null, q: WeekContext): Promise<MyWeekOf> {
  const weekStart = monday.toISODate()!;
  const sunday = monday.plus({ days: 6 }).toISODate()!;
  const everyone = rota ? await listShifts(ds, rota.id) : [];
  const holidays = new Set(georgianHolidaysBetween(weekStart, sunday).map((h) => h.date));
  const cal: FairnessCalendar = { zone: q.zone, eveningAfter: q.eveningAfter, holidays };
  const titles = rota ? await activityTitles(ds, weekStart) : new Map<string, string>();
  const mine = everyone.filter((s) => s.staffId === q.staffId).map((s) => toMyShift(s, everyone, cal, { ...q, titles }));
  const today = DateTime.fromJSDate(q.now, { zone: q.zone }).toISODate()!;
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = monday.plus({ days: i }).toISODate()!;
    return { date, past: date < today, today: date === today, holiday: holidays.has(date), shifts: mine.filter((s) => s.date === date) };
  });
  return { weekStart, published: rota !== null, days, workedHours: round1(mine.reduce((h, s) => h + s.workedHours, 0)) };
}

/** Titles of the week's planned activities by id (the shifts' off-queue stretches name the id). */
async function activityTitles(ds: DataSource, weekStart: string): Promise<Map<string, string>> {
  return new Map((await listOffQueueActivities(ds, weekStart)).map((a) => [String(a.id), a.title]));
}

export function offQueueOf(s: Pick<ShiftRecord, 'offQueue'>, titles: Map<string, string>): MyOffQueue[] {
  return (s.offQueue ?? [])
    .map((o) => ({ kind: o.kind, start: o.start, end: o.end, title: (o.activityId && titles.get(o.activityId)) || null }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

function toMyShift(s: ShiftRecord, everyone: ShiftRecord[], cal: FairnessCalendar, q: WeekContext & { titles: Map<string, string> }) {
  const nowMs = q.now.getTime();
  const state: MyWeekShift['state'] = Date.parse(s.end) <= nowMs ? 'past' : Date.parse(s.start) <= nowMs ? 'now' : 'future';
  const names = q.names;
  const colleagues = names
    ? everyone
        .filter((o) => o.staffId !== s.staffId && o.start === s.start && o.end === s.end && names.has(o.staffId))
        .map((o) => ({ name: names.get(o.staffId)!, channel: o.channel }))
        .sort((a, b) => a.name.localeCompare(b.name))
    : [];
  return {
    id: s.id,
    start: s.start,
    end: s.end,
    date: localTimeOf(s.start, q.zone).date,
    channel: s.channel,
    kind: shiftKind(s, cal),
    breaks: s.breaks,
    offQueue: offQueueOf(s, q.titles),
    workedHours: workedHoursOf(s),
    state,
    colleagues,
  } satisfies MyWeekShift;
}

/**
 * A shift as consecutive stretches: taking contacts (per channel, from `activities` when the
 * shift switches channels), short breaks and the lunch, and time off the queue (meetings,
 * training, back office: `offQueue`, titled from `titles`). Pure.
 */
export function shiftSegments(
  s: Pick<ShiftRecord, 'start' | 'end' | 'breaks' | 'channel' | 'activities' | 'offQueue'>,
  titles: Map<string, string> = new Map(),
): Segment[] {
  const cuts = new Set<number>([Date.parse(s.start), Date.parse(s.end)]);
  for (const b of s.breaks) [b.start, b.end].forEach((t) => cuts.add(Date.parse(t)));
  for (const a of s.activities ?? []) [a.start, a.end].forEach((t) => cuts.add(Date.parse(t)));
  for (const o of s.offQueue ?? []) [o.start, o.end].forEach((t) => cuts.add(Date.parse(t)));
  const times = [...cuts].filter((t) => t >= Date.parse(s.start) && t <= Date.parse(s.end)).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < times.length; i++) {
    const [a, b] = [times[i], times[i + 1]];
    const brk = s.breaks.find((x) => Date.parse(x.start) <= a && Date.parse(x.end) >= b);
    const act = (s.activities ?? []).find((x) => Date.parse(x.start) <= a && Date.parse(x.end) >= b);
    const off = (s.offQueue ?? []).find((x) => Date.parse(x.start) <= a && Date.parse(x.end) >= b);
    const seg: Segment = brk
      ? { kind: minutes(brk.start, brk.end) >= LUNCH_MINUTES ? 'lunch' : 'break', start: iso(a), end: iso(b), channel: null }
      : off
        ? {
            kind: 'offQueue',
            start: iso(a),
            end: iso(b),
            channel: null,
            activity: { kind: off.kind, title: (off.activityId && titles.get(off.activityId)) || null },
          }
        : { kind: 'queue', start: iso(a), end: iso(b), channel: act?.channel ?? s.channel };
    const last = out[out.length - 1];
    const sameActivity = last?.activity?.kind === seg.activity?.kind && last?.activity?.title === seg.activity?.title;
    // Activities cut a stretch where nothing changes for the person: join such pieces.
    if (last && last.kind === seg.kind && last.channel === seg.channel && sameActivity && last.end === seg.start) last.end = seg.end;
    else out.push(seg);
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One day of the person's published shifts with their stretches (the day view). */
export async function myDay(ds: DataSource, q: MyWeekQuery & { date: string }) {
  if (q.staffId === null) return [];
  const day = DateTime.fromISO(q.date, { zone: q.zone });
  const teamId = await teamIdOrDefault(ds, (await getStaff(ds, q.staffId))?.teamId);
  const rotas = new Map<string, RotaRecord>();
  const monday = day.startOf('week');
  const teamRota = await publishedRotaForWeek(ds, teamId, monday.toISODate()!);
  if (teamRota) rotas.set(monday.toISODate()!, teamRota);
  await ownRotasAfterMove(ds, q.staffId, rotas, [monday], q.zone);
  const rota = rotas.get(monday.toISODate()!);
  if (!rota) return [];
  const shifts = (await listShifts(ds, rota.id)).filter(
    (s) => s.staffId === q.staffId && DateTime.fromISO(s.start, { zone: q.zone }).setZone(q.zone).toISODate() === q.date,
  );
  const titles = await activityTitles(ds, rota.weekStart);
  return shifts.map((s) => ({ start: s.start, end: s.end, channel: s.channel, segments: shiftSegments(s, titles) }));
}
