/**
 * The fairness ledger (/rota/fairness): per person, over the team's rolling window of published
 * weeks before a week (fairnessWindowWeeks, 8 by default), the evenings, nights, weekend days
 * and public holidays worked, hours against contract, preferences asked and honoured; the
 * spread across the team (max − min and Gini) and how the week's draft changes it.
 *
 * The counts come from scheduling/fairness.ts, and fairnessHistory below hands the same
 * window's counts to the optimiser: what the page shows is what the optimiser weighs.
 * Someone who may not see the whole rota gets their own line and the team's figures without
 * names (the names never leave this module for them).
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { listRotasForWeek, listShifts, publishedRotaForWeek, type ShiftRecord } from '../models/repositories/rotas';
import { listStaff } from '../models/repositories/staff';
import { preferencesFor } from '../models/repositories/availability';
import { georgianHolidaysBetween } from '../forecasting/calendar/georgian-holidays';
import {
  FAIRNESS_KINDS,
  countFairness,
  fairnessFacts,
  gini,
  spread,
  zeroCounts,
  type FairnessCalendar,
  type FairnessCounts,
  type FairnessKind,
  preferencesOnDay,
  type FairnessHistory,
  type ShiftPreferences,
} from '../scheduling';
import { loadTeamSettings } from './team-settings';
import { teamIdOrDefault } from './team-scope';
import { preferencesOf, rotaRules } from './rota-problem';
import { workedHoursOf } from './my-week';

export interface LedgerLine {
  staffId: number;
  /** Null in the view of someone who may see only their own line. */
  name: string | null;
  counts: FairnessCounts;
  hours: number;
  contractHours: number;
  prefsAsked: number;
  prefsHonoured: number;
  /** What the week's draft adds (null without a draft). */
  draft: FairnessCounts | null;
}

export interface KindSpread {
  kind: FairnessKind;
  min: number;
  max: number;
  spread: number;
  gini: number;
  /** With the draft's week added (null without a draft). */
  after: { spread: number; gini: number } | null;
  /** Everyone's count, ascending, without names. */
  values: number[];
}

export interface FairnessLedger {
  weekStart: string;
  windowWeeks: number;
  /** The window: the weeks before weekStart, first Monday and last Sunday. */
  from: string;
  to: string;
  publishedWeeks: number;
  draft: { rotaId: number; revision: number } | null;
  seesEveryone: boolean;
  lines: LedgerLine[];
  kinds: KindSpread[];
}

interface WindowData {
  weeks: string[];
  shifts: ShiftRecord[];
  cal: FairnessCalendar;
}

/** Published shifts of the `windowWeeks` weeks before `weekStart` (a Monday). */
async function windowShifts(
  ds: DataSource,
  q: { teamId: number; weekStart: string; zone: string; windowWeeks: number; eveningAfter: string },
): Promise<WindowData> {
  const monday = DateTime.fromISO(q.weekStart, { zone: q.zone });
  const from = monday.minus({ weeks: q.windowWeeks });
  // The holidays of the week itself too: the draft's shifts are counted with the same calendar.
  const holidays = new Set(georgianHolidaysBetween(from.toISODate()!, monday.plus({ days: 6 }).toISODate()!).map((h) => h.date));
  const weeks: string[] = [];
  const shifts: ShiftRecord[] = [];
  for (let w = q.windowWeeks; w >= 1; w--) {
    const weekStart = monday.minus({ weeks: w }).toISODate()!;
    const rota = await publishedRotaForWeek(ds, q.teamId, weekStart);
    if (!rota) continue;
    weeks.push(weekStart);
    shifts.push(...(await listShifts(ds, rota.id)));
  }
  return { weeks, shifts, cal: { zone: q.zone, eveningAfter: q.eveningAfter, holidays } };
}

/**
 * The optimiser's fairness history for the week: each person's window counts above the team's
 * mean (0 at or below it), so this week's unpopular shifts go to those who had fewer lately.
 */
export async function fairnessHistory(
  ds: DataSource,
  q: { teamId: number; weekStart: string; zone: string; eveningAfter: string; ids: string[] },
): Promise<Map<string, FairnessHistory>> {
  const windowWeeks = (await loadTeamSettings(ds, { teamId: q.teamId })).rules.fairnessWindowWeeks;
  const data = await windowShifts(ds, { ...q, windowWeeks });
  const counts = countFairness(
    data.shifts.map((s) => ({ ...s, staffId: String(s.staffId) })),
    data.cal,
    q.ids,
  );
  for (const id of [...counts.keys()]) if (!q.ids.includes(id)) counts.delete(id);
  const out = new Map<string, FairnessHistory>();
  const n = Math.max(1, counts.size);
  const mean = Object.fromEntries(FAIRNESS_KINDS.map((k) => [k, [...counts.values()].reduce((t, c) => t + c[k], 0) / n]));
  for (const [id, c] of counts) {
    const h = Object.fromEntries(FAIRNESS_KINDS.map((k) => [k, Math.max(0, Math.round((c[k] - mean[k]) * 10) / 10)])) as FairnessHistory;
    if (FAIRNESS_KINDS.some((k) => h[k])) out.set(id, h);
  }
  return out;
}

/** Preferences asked and honoured over the window's published weeks, day by day. */
function preferenceTally(prefs: ShiftPreferences | undefined, weeks: string[], mine: ShiftRecord[], cal: FairnessCalendar) {
  let asked = 0;
  let honoured = 0;
  if (!prefs) return { asked, honoured };
  const byDate = new Map(mine.map((s) => [DateTime.fromISO(s.start, { zone: cal.zone }).setZone(cal.zone).toISODate()!, s]));
  for (const week of weeks) {
    for (let d = 0; d < 7; d++) {
      const day = DateTime.fromISO(week, { zone: cal.zone }).plus({ days: d });
      const s = byDate.get(day.toISODate()!);
      const start = s && DateTime.fromISO(s.start, { zone: cal.zone }).setZone(cal.zone);
      const facts = s && fairnessFacts(s, cal);
      const t = preferencesOnDay(
        prefs,
        { date: day.toISODate()!, weekday: day.weekday },
        start && facts ? { startClock: start.hour * 60 + start.minute, evening: facts.evening, night: facts.night } : null,
      );
      asked += t.asked;
      honoured += t.honoured;
    }
  }
  return { asked, honoured };
}

export interface LedgerQuery {
  weekStart: string;
  zone: string;
  viewer: { staffId: number | null; seesEveryone: boolean };
  /** The team whose people and rotas are counted (default: the default team). */
  teamId?: number;
}

export async function fairnessLedger(ds: DataSource, q: LedgerQuery): Promise<FairnessLedger> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const settings = await loadTeamSettings(ds, { teamId });
  const windowWeeks = settings.rules.fairnessWindowWeeks;
  const data = await windowShifts(ds, { ...q, teamId, windowWeeks, eveningAfter: rotaRules(settings.rules).eveningAfter });
  const people = await listStaff(ds, { activeOn: q.weekStart, teamId });
  const ids = people.map((p) => p.id);
  const counts = countFairness(data.shifts, data.cal, ids);
  const newest = (await listRotasForWeek(ds, teamId, q.weekStart))[0];
  const draftRota = q.viewer.seesEveryone && newest?.status === 'draft' ? newest : null;
  const draftCounts = draftRota ? countFairness(await listShifts(ds, draftRota.id), data.cal, ids) : null;
  const prefs = await preferencesFor(ds);
  const lines: LedgerLine[] = people.map((p) => {
    const mine = data.shifts.filter((s) => s.staffId === p.id);
    const tally = preferenceTally(preferencesOf(prefs.filter((x) => x.staffId === p.id)), data.weeks, mine, data.cal);
    return {
      staffId: p.id,
      name: p.name,
      counts: counts.get(p.id) ?? zeroCounts(),
      hours: Math.round(mine.reduce((h, s) => h + workedHoursOf(s), 0) * 10) / 10,
      contractHours: p.contractHoursPerWeek * data.weeks.length,
      prefsAsked: tally.asked,
      prefsHonoured: tally.honoured,
      draft: draftCounts ? (draftCounts.get(p.id) ?? zeroCounts()) : null,
    };
  });
  const kinds = FAIRNESS_KINDS.map((kind) => kindSpread(kind, lines));
  const monday = DateTime.fromISO(q.weekStart, { zone: q.zone });
  return {
    weekStart: q.weekStart,
    windowWeeks,
    from: monday.minus({ weeks: windowWeeks }).toISODate()!,
    to: monday.minus({ days: 1 }).toISODate()!,
    publishedWeeks: data.weeks.length,
    draft: draftRota ? { rotaId: draftRota.id, revision: draftRota.revision } : null,
    seesEveryone: q.viewer.seesEveryone,
    lines: q.viewer.seesEveryone ? lines : lines.filter((l) => l.staffId === q.viewer.staffId).map((l) => ({ ...l, name: null })),
    kinds,
  };
}

function kindSpread(kind: FairnessKind, lines: LedgerLine[]): KindSpread {
  const values = lines.map((l) => l.counts[kind]).sort((a, b) => a - b);
  const withDraft = lines.every((l) => l.draft) ? lines.map((l) => l.counts[kind] + l.draft![kind]) : null;
  return {
    kind,
    min: values[0] ?? 0,
    max: values[values.length - 1] ?? 0,
    spread: spread(values),
    gini: gini(values),
    after: withDraft ? { spread: spread(withDraft), gini: gini(withDraft) } : null,
    values,
  };
}
