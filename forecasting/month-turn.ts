/**
 * Month-turn factors: the first few and the last few open days of a month carry more (or
 * fewer) contacts than the days around them, in centres whose customers act on a monthly
 * cycle (statements, salaries, bills). Bank call centres show it strongly (Soyer & Tarimcilar,
 * Management Science 2008, and the bank data here: the last and first three open days of a
 * month 7-9% above the median of the three weeks around them, in every month seen).
 *
 * Learned from the training values only (special days left out, outlier days kept: the
 * cleaning's threshold would take a strong turn in a quiet series for an outlier; ratios beyond
 * ±`MAX_LOG_RATIO` are left out instead), per position (`f1` … `f3` = first … third open day
 * of the month, `l1`, `l2` = last, second last): the mean log ratio of each past such day's
 * deseasonalised total (÷ its weekday factor) to the median of the deseasonalised days within
 * ±`HALF_WINDOW` days. A position is applied only when its mean is clearly away from 0
 * (|mean| ≥ `Z` standard errors and ≥ `MIN_EFFECT`, over ≥ `MIN_SEEN` months) and shrunk towards no effect by
 * n ÷ (n + `PRIOR_MONTHS`): a centre without the cycle keeps factor 1 (synthetic series
 * measured: unchanged), and a short history barely moves.
 *
 * Open days are the weekdays with volume in the last 12 weeks, so a Monday-Friday centre counts
 * business days and a 24/7 centre calendar days.
 */
import { dayTotals, deseasonalisedDays } from './methods/daily-profile';
import { weekdayOf } from './grid';

/** Positions counted from each end of the month. */
const FIRST_DAYS = 3;
const LAST_DAYS = 2;
/** Days either side whose median is an ordinary day's level. */
const HALF_WINDOW = 10;
/** The neighbours needed for that median. */
const MIN_NEIGHBOURS = 6;
/** Months of history looked at (a year: a centre's cycle changes with its products). */
const WINDOW_DAYS = 364;
const MIN_SEEN = 3;
const Z = 2;
const PRIOR_MONTHS = 3;
/** Smaller effects (log) are not worth a factor; larger ratios are outages or surges, left out. */
const MIN_EFFECT = 0.02;
const MAX_LOG_RATIO = 0.5;

export interface MonthTurnEffect {
  /** `f1` … `f3`, `l1`, `l2`. */
  position: string;
  factor: number;
  /** Months it was learned from. */
  seen: number;
}

export interface MonthTurn {
  effects: MonthTurnEffect[];
  /** Multiplier of an ordinary day's forecast on local epoch day `day` (1 when no effect). */
  factorOf(day: number): number;
}

const NONE: MonthTurn = { effects: [], factorOf: () => 1 };

/** Month number (year × 12 + month − 1) of an epoch day: Hinnant's civil_from_days, no Date. */
export function monthOf(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** Position of each day in `from` … `to` (inclusive) among the open days of its month, '' if none. */
export function monthPositions(from: number, to: number, open: (day: number) => boolean): Map<number, string> {
  const out = new Map<number, string>();
  // Whole months around the span, so the count from either end is right.
  let start = from;
  while (monthOf(start - 1) === monthOf(from)) start--;
  let end = to;
  while (monthOf(end + 1) === monthOf(to)) end++;
  for (let d = start; d <= end;) {
    const m = monthOf(d);
    const days: number[] = [];
    let e = d;
    for (; e <= end && monthOf(e) === m; e++) if (open(e)) days.push(e);
    days.forEach((day, i) => {
      const fromEnd = days.length - i;
      const pos = i < FIRST_DAYS ? `f${i + 1}` : fromEnd <= LAST_DAYS ? `l${fromEnd}` : '';
      if (pos && day >= from && day <= to) out.set(day, pos);
    });
    d = e;
  }
  return out;
}

function median(xs: number[]): number {
  xs.sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

/** The month-turn factors learned from the training values `y` (special and outlier days already NaN). */
export function monthTurnFactors(y: Float64Array, spd: number, firstDay: number): MonthTurn {
  const totals = dayTotals(y, spd);
  const nd = totals.length;
  if (nd < 28) return NONE;
  const level = deseasonalisedDays(totals, firstDay);
  const openWeekday = new Array<boolean>(7).fill(false);
  for (let d = Math.max(0, nd - 84); d < nd; d++) if (totals[d] > 0) openWeekday[weekdayOf(firstDay + d)] = true;
  const open = (day: number) => openWeekday[weekdayOf(day)];
  const from = firstDay + Math.max(0, nd - WINDOW_DAYS);
  // Through the end of the month after the training: a forecast's first weeks need no recount.
  const to = firstDay + nd + 31;
  const positions = monthPositions(from, to, open);
  const logs = new Map<string, number[]>();
  for (let d = from - firstDay; d < nd; d++) {
    const pos = positions.get(firstDay + d);
    if (!pos || !(level[d] > 0)) continue;
    const near: number[] = [];
    for (let k = Math.max(0, d - HALF_WINDOW); k <= Math.min(nd - 1, d + HALF_WINDOW); k++)
      if (k !== d && level[k] > 0) near.push(level[k]);
    if (near.length < MIN_NEIGHBOURS) continue;
    const r = Math.log(level[d] / median(near));
    if (Math.abs(r) > MAX_LOG_RATIO) continue;
    const list = logs.get(pos) ?? [];
    list.push(r);
    logs.set(pos, list);
  }
  const effects: MonthTurnEffect[] = [];
  for (const [position, v] of logs) {
    const n = v.length;
    if (n < MIN_SEEN) continue;
    const mean = v.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    if (Math.abs(mean) < Math.max(MIN_EFFECT, (Z * sd) / Math.sqrt(n))) continue;
    effects.push({ position, factor: Math.exp((mean * n) / (n + PRIOR_MONTHS)), seen: n });
  }
  if (!effects.length) return NONE;
  effects.sort((a, b) => a.position.localeCompare(b.position));
  const byPosition = new Map(effects.map((e) => [e.position, e.factor]));
  const positionOf = (day: number) => (day >= from && day <= to ? positions.get(day) : monthPositions(day, day, open).get(day));
  return { effects, factorOf: (day) => byPosition.get(positionOf(day) ?? '') ?? 1 };
}
