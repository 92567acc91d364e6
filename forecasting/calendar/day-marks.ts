/**
 * Special days: public holidays (built in: Georgia) and coordinator-entered calendar events
 * (a one-off government day off, a campaign, an outage), and their effect on volume.
 *
 * In training every special day is blanked (NaN), so it cannot bend the profile or the level of
 * an ordinary week. In the forecast a special day's ordinary forecast is multiplied by a factor:
 * 1. the coordinator's `effectPct` when given (−40 → ×0.6, +30 → ×1.3);
 * 2. else, for a holiday seen before in the history (same key, e.g. `easterMonday`), the mean
 *    ratio of its actual day total to an ordinary estimate (same weekday, ±1-2 weeks), shrunk
 *    towards the generic holiday ratio;
 * 3. else the mean ratio over all holidays seen in the history;
 * 4. else DEFAULT_HOLIDAY_FACTOR.
 * With `publicHolidays: 'auto'` (the default) the Georgian days are used only when the series
 * shows them (holidaysShowInHistory): a US or European centre works through 9 April, and
 * blanking and scaling such days cost it accuracy (bank data, 2003-04-09 forecast at half).
 */
import { epochDay, isoOfDay } from '../grid';
import { georgianHolidaysBetween } from './georgian-holidays';
import { note, type ForecastNote } from '../notes';

/**
 * Assumption: a public holiday never seen in the history gets half an ordinary day (Georgian
 * contact centres staff public holidays like a weekend day; 0.5 is a middle guess, documented
 * in CONTEXT.md and overridden as soon as one such holiday is in the history).
 */
export const DEFAULT_HOLIDAY_FACTOR = 0.5;

export interface CalendarEvent {
  /** First and last local date, inclusive, `yyyy-mm-dd`. */
  from: string;
  to: string;
  /** 'holiday' = a day off (learned/generic holiday effect unless effectPct); 'event' = a campaign, an outage… */
  kind: 'holiday' | 'event';
  /** Expected change of volume, percent (−100 … +1000); required for the effect of an 'event'. */
  effectPct?: number;
  note?: string;
}

export interface DayMark {
  key: string;
  /** 'public' = built-in calendar; in 'auto' mode such marks are dropped unless the history shows them. */
  source: 'public' | 'coordinator';
  kind: 'holiday' | 'event';
  effectPct?: number;
}

export type DayMarks = Map<number, DayMark>;

export interface CalendarOptions {
  /**
   * Built-in public holidays: 'GE' (Georgia, always), 'none', or 'auto' (default): Georgia only
   * when the history itself shows those days lower (see holidaysShowInHistory).
   */
  publicHolidays?: 'GE' | 'none' | 'auto';
  events?: CalendarEvent[];
}

/** Marks of the epoch days firstDay … lastDay (inclusive). Coordinator events win over public holidays. */
export function dayMarks(firstDay: number, lastDay: number, options: CalendarOptions = {}): DayMarks {
  const marks: DayMarks = new Map();
  if ((options.publicHolidays ?? 'auto') !== 'none') {
    const from = isoOfDay(Math.max(firstDay, epochDay('1900-01-01')));
    const to = isoOfDay(Math.min(lastDay, epochDay('2099-12-31')));
    if (from <= to)
      for (const h of georgianHolidaysBetween(from, to)) marks.set(epochDay(h.date), { key: h.key, source: 'public', kind: 'holiday' });
  }
  for (const e of options.events ?? []) {
    for (let d = Math.max(firstDay, epochDay(e.from)); d <= Math.min(lastDay, epochDay(e.to)); d++) {
      marks.set(d, { key: e.note ?? `${e.kind}:${e.from}`, source: 'coordinator', kind: e.kind, effectPct: e.effectPct });
    }
  }
  return marks;
}

/** Ratio of each past marked holiday's total to an ordinary estimate (same weekday ±1, ±2 weeks, unmarked). */
export function holidayRatios(y: Float64Array, spd: number, firstDay: number, marks: DayMarks): { key: string; ratio: number }[] {
  const nd = Math.floor(y.length / spd);
  const total = (d: number) => {
    let s = 0;
    for (let j = 0; j < spd; j++) s += y[d * spd + j];
    return s;
  };
  const out: { key: string; ratio: number }[] = [];
  for (let d = 0; d < nd; d++) {
    const mark = marks.get(firstDay + d);
    if (!mark || mark.kind !== 'holiday' || mark.effectPct !== undefined) continue;
    const actual = total(d);
    if (Number.isNaN(actual)) continue;
    let sum = 0;
    let count = 0;
    for (const k of [-2, -1, 1, 2]) {
      const dd = d + 7 * k;
      if (dd < 0 || dd >= nd || marks.has(firstDay + dd)) continue;
      const t = total(dd);
      if (!Number.isNaN(t)) {
        sum += t;
        count++;
      }
    }
    // A holiday on a day the centre is closed anyway tells nothing about holidays.
    if (count === 0 || sum / count <= 0) continue;
    out.push({ key: mark.key, ratio: actual / (sum / count) });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface DayFactor {
  factor: number;
  /** How the factor was found, for the coordinator (see notes.ts). */
  basis: ForecastNote;
}

/** The multiplier of each marked day, from the training values (see the module comment). */
export function dayFactors(y: Float64Array, spd: number, firstDay: number, marks: DayMarks): (mark: DayMark) => DayFactor {
  const ratios = holidayRatios(y, spd, firstDay, marks);
  // A holiday never seen takes the mean effect of those seen: the series' own holiday level.
  const generic = ratios.length >= 1 ? ratios.reduce((a, r) => a + r.ratio, 0) / ratios.length : NaN;
  return (mark) => {
    if (mark.effectPct !== undefined)
      return { factor: Math.max(0, 1 + mark.effectPct / 100), basis: note('coordinatorEffect', { effectPct: mark.effectPct }) };
    if (mark.kind === 'event') return { factor: 1, basis: note('eventWithoutEffect') };
    const same = ratios.filter((r) => r.key === mark.key).map((r) => r.ratio);
    const prior = Number.isNaN(generic) ? DEFAULT_HOLIDAY_FACTOR : generic;
    if (same.length) {
      // Shrink one noisy past occurrence towards the generic ratio: weight n against 1.
      const f = (same.reduce((a, b) => a + b, 0) + prior) / (same.length + 1);
      return { factor: f, basis: note('learnedFromSame', { count: same.length, holiday: mark.key }) };
    }
    if (!Number.isNaN(generic)) return { factor: generic, basis: note('meanOfPastHolidays', { count: ratios.length }) };
    return { factor: DEFAULT_HOLIDAY_FACTOR, basis: note('defaultHolidayFactor', { factor: DEFAULT_HOLIDAY_FACTOR }) };
  };
}

/** New Year is a day off almost everywhere: it cannot tell a Georgian centre from another. */
const UNIVERSAL_HOLIDAYS = new Set(['newYear', 'newYear2']);
/** The history shows the Georgian calendar when the median holiday ratio is below this… */
export const AUTO_HOLIDAY_RATIO = 0.85;
/** …over at least this many holidays seen (open centre, ordinary neighbours). */
export const AUTO_HOLIDAY_MIN_SEEN = 3;

/**
 * Whether the built-in public holidays show in the history `y` (values before the origin):
 * the median ratio of the holidays seen (New Year left out) to comparable ordinary days is
 * clearly below 1. Decided on the training data only, so a backtest fold does not peek.
 */
export function holidaysShowInHistory(
  y: Float64Array,
  spd: number,
  firstDay: number,
  marks: DayMarks,
): { show: boolean; note: ForecastNote } {
  const pub: DayMarks = new Map([...marks].filter(([, m]) => m.source === 'public'));
  const ratios = holidayRatios(y, spd, firstDay, pub).filter((r) => !UNIVERSAL_HOLIDAYS.has(r.key));
  if (ratios.length < AUTO_HOLIDAY_MIN_SEEN)
    return {
      show: false,
      note: note('holidaysTooFewSeen', { seen: ratios.length, need: AUTO_HOLIDAY_MIN_SEEN }),
    };
  const m = median(ratios.map((r) => r.ratio));
  const show = m < AUTO_HOLIDAY_RATIO;
  return {
    show,
    note: note(show ? 'holidaysApplied' : 'holidaysNotApplied', { ratio: m.toFixed(2), seen: ratios.length }),
  };
}

/** The marks without the built-in public holidays (coordinator events kept). */
export function withoutPublicHolidays(marks: DayMarks): DayMarks {
  return new Map([...marks].filter(([, m]) => m.source !== 'public'));
}
