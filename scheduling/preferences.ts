/**
 * Soft preferences, day by day: which of a person's preferences a day asks something of, and
 * whether a shift (or no shift) on that day honours them. One definition for the optimiser's
 * preference cost (model/soft-goals.ts: a worked pattern costs one unit per preference it
 * breaks) and for the fairness ledger's "asked / honoured" (app/fairness-ledger.ts). Pure.
 */
import type { ShiftPreferences } from './types';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** A wanted "early" shift starts before 11:00; a shift starting before 11:00 is early to avoid too. */
export const EARLY_BEFORE_MINUTES = 11 * 60;

export interface PreferenceDay {
  /** Local date yyyy-mm-dd and its weekday 1 (Monday) … 7 (Sunday). */
  date: string;
  weekday: number;
}

export interface PreferenceShift {
  /** Local start, minutes after the day's midnight. */
  startClock: number;
  /** The fairness facts of the shift (fairness.ts): evening and night. */
  evening: boolean;
  night: boolean;
}

export interface PreferenceTally {
  asked: number;
  honoured: number;
}

/**
 * - a day off (by date or weekday name) asks once on its day: honoured when nothing is worked;
 * - wanted shifts ("early", "late", "HH:MM") ask once on a worked day: honoured when any matches;
 * - each "avoid" (early, evening, night; on one weekday or every day) asks once on its days:
 *   honoured unless the day's shift is of that kind.
 */
export function preferencesOnDay(prefs: ShiftPreferences | undefined, day: PreferenceDay, shift: PreferenceShift | null): PreferenceTally {
  const t: PreferenceTally = { asked: 0, honoured: 0 };
  if (!prefs) return t;
  const ask = (kept: boolean) => {
    t.asked++;
    if (kept) t.honoured++;
  };
  const name = WEEKDAYS[day.weekday - 1];
  if ((prefs.daysOff ?? []).some((d) => d.toLowerCase() === day.date || d.toLowerCase() === name)) ask(shift === null);
  const wanted = prefs.shifts ?? [];
  if (shift && wanted.length) ask(wanted.some((w) => matchesWanted(shift, w)));
  for (const a of prefs.avoid ?? []) {
    if (a.weekday !== undefined && a.weekday !== day.weekday) continue;
    ask(!shift || !isKind(shift, a.time));
  }
  return t;
}

function matchesWanted(shift: PreferenceShift, wanted: string): boolean {
  if (wanted === 'early') return shift.startClock < EARLY_BEFORE_MINUTES;
  if (wanted === 'late') return shift.evening;
  const m = /^(\d\d):(\d\d)$/.exec(wanted);
  return m !== null && Number(m[1]) * 60 + Number(m[2]) === shift.startClock;
}

function isKind(shift: PreferenceShift, time: 'early' | 'evening' | 'night'): boolean {
  if (time === 'early') return shift.startClock < EARLY_BEFORE_MINUTES;
  return time === 'evening' ? shift.evening : shift.night;
}
