/**
 * Synthetic contact history that looks like the first customer's (a 35-person support team in
 * Tbilisi for Georgian online platforms). What each number is modelled on:
 *
 * - Calls: 450-500 a day on weekdays (the customer's figure) → a weekday mean of 475 over the
 *   last 12 months; weekends lower (Saturday ≈ 66 %, Sunday ≈ 58 % of a weekday: online
 *   platforms are quieter but open). Growth about 20 % a year (the customer's figure),
 *   compounded smoothly day by day.
 * - Chats/social messages: up to ~330 a day (the customer's figure) → a weekday mean of 245
 *   over the last 12 months, 25 % growth a year (assumed: chat grows faster than calls), and a
 *   flatter week (Saturday 86 %, Sunday 80 %).
 * - Yearly season: +8 % for calls / +6 % for chats in mid-December (year-end shopping and
 *   delivery), the same below average in mid-June (summer holidays); one cosine a year.
 * - Georgian public holidays (forecasting/calendar): 55 % of a normal day for calls, 65 % for
 *   chats. Black Friday (day after the fourth Thursday of November): +20 % calls, +35 % chats.
 * - Within the day (both channels open 09:00-23:00 local every day): calls peak late morning
 *   and again after work (19:00-21:00); chats build through the afternoon into the evening.
 * - Noise: each day's level varies by about ±4 % (log-normal), each hour is Poisson around it.
 * - Handle time (answered contacts): calls ≈ 4.5 min (270 s), chats ≈ 10.5 min (630 s) with
 *   a slight intraday swing and ±4 % hourly noise.
 * - Abandoned: calls 2.5 % when quiet, rising with the square of the hourly load (≈ 7-8 % in a
 *   busy hour of 45 calls); chats 1 % rising to ≈ 3 %.
 * Closed hours produce no rows.
 */
import { DateTime } from 'luxon';
import { georgianHolidaysBetween } from '../forecasting/calendar/georgian-holidays';
import type { HistoryRow } from '../models';
import { Prng } from './prng';

interface ChannelModel {
  channelId: 'voice' | 'chat';
  /** Mean contacts on a normal weekday, averaged over the 12 months before `now`. */
  weekdayMeanLastYear: number;
  yearlyGrowth: number;
  /** Monday … Sunday, relative to the weekday mean (Mon-Fri average 1). */
  weekdayFactors: number[];
  seasonAmplitude: number;
  holidayFactor: number;
  blackFridayFactor: number;
  /** Relative weight of each open hour, 09:00 … 22:00 (normalised below). */
  hourWeights: number[];
  ahtSeconds: number;
  abandonBase: number;
  abandonBusy: number;
  /** Hourly volume counted as "busy" for the abandon curve. */
  busyHourVolume: number;
}

export const DEMO_OPEN_HOUR = 9;
export const DEMO_CLOSE_HOUR = 23;

export const VOICE_MODEL: ChannelModel = {
  channelId: 'voice',
  weekdayMeanLastYear: 475,
  yearlyGrowth: 0.2,
  weekdayFactors: [1.06, 1.02, 1.0, 0.98, 0.94, 0.66, 0.58],
  seasonAmplitude: 0.08,
  holidayFactor: 0.55,
  blackFridayFactor: 1.2,
  //            09   10   11   12   13   14   15   16   17   18   19   20   21   22
  hourWeights: [4.6, 6.8, 8.0, 8.2, 7.8, 7.5, 7.4, 7.3, 7.2, 7.4, 8.0, 8.3, 7.0, 4.6],
  ahtSeconds: 270,
  abandonBase: 0.025,
  abandonBusy: 0.05,
  busyHourVolume: 45,
};

export const CHAT_MODEL: ChannelModel = {
  channelId: 'chat',
  weekdayMeanLastYear: 245,
  yearlyGrowth: 0.25,
  weekdayFactors: [1.04, 1.02, 1.0, 0.99, 0.95, 0.86, 0.8],
  seasonAmplitude: 0.06,
  holidayFactor: 0.65,
  blackFridayFactor: 1.35,
  hourWeights: [3.5, 5.2, 6.2, 6.8, 7.2, 7.5, 7.6, 7.4, 7.3, 7.5, 8.1, 8.6, 8.4, 6.2],
  ahtSeconds: 630,
  abandonBase: 0.01,
  abandonBusy: 0.02,
  busyHourVolume: 30,
};

export interface DemoHistoryOptions {
  seed: number;
  /** The clock: history runs up to the last full local day before it. */
  now: DateTime;
  zone: string;
  /** Whole years of history before the last full day (plus four weeks, so lag-52 weeks exist). */
  years?: number;
  models?: ChannelModel[];
}

const DAYS_PER_YEAR = 365.25;
/** Mid-December, day of year of the seasonal peak. */
const SEASON_PEAK_DAY = 350;

function blackFriday(year: number): string {
  const nov1 = DateTime.utc(year, 11, 1);
  const firstThursday = nov1.plus({ days: (4 - nov1.weekday + 7) % 7 });
  return firstThursday.plus({ days: 22 }).toISODate()!;
}

/** Local dates in the history: a Monday about `years` years + 4 weeks back, up to yesterday. */
export function demoHistoryDays(now: DateTime, zone: string, years = 2): DateTime[] {
  const lastFullDay = now.setZone(zone).startOf('day').minus({ days: 1 });
  const first = lastFullDay.minus({ years, weeks: 4 }).startOf('week');
  const days: DateTime[] = [];
  for (let d = first; d <= lastFullDay; d = d.plus({ days: 1 })) days.push(d);
  return days;
}

/** Expected daily volume of `model` on local day `day` (before noise). */
function expectedDailyVolume(
  model: ChannelModel,
  day: DateTime,
  midLastYear: DateTime,
  special: Map<string, 'holiday' | 'blackFriday'>,
): number {
  const yearsFromMid = day.diff(midLastYear, 'days').days / DAYS_PER_YEAR;
  const growth = Math.pow(1 + model.yearlyGrowth, yearsFromMid);
  const season = 1 + model.seasonAmplitude * Math.cos((2 * Math.PI * (day.ordinal - SEASON_PEAK_DAY)) / DAYS_PER_YEAR);
  const kind = special.get(day.toISODate()!);
  const event = kind === 'holiday' ? model.holidayFactor : kind === 'blackFriday' ? model.blackFridayFactor : 1;
  return model.weekdayMeanLastYear * growth * season * model.weekdayFactors[day.weekday - 1] * event;
}

/**
 * ISO UTC start of local hour h on `day`. Luxon per row is slow (≈ 40 % of the seed time), so
 * hours are added to the opening instant unless a daylight-saving change falls in the day.
 */
function hourStarts(day: DateTime): (hour: number) => string {
  const open = day.set({ hour: DEMO_OPEN_HOUR }).toMillis();
  const close = day.set({ hour: DEMO_CLOSE_HOUR }).toMillis();
  if (close - open === (DEMO_CLOSE_HOUR - DEMO_OPEN_HOUR) * 3_600_000) {
    return (hour) => new Date(open + (hour - DEMO_OPEN_HOUR) * 3_600_000).toISOString();
  }
  return (hour) => day.set({ hour }).toUTC().toISO()!;
}

function hourRows(model: ChannelModel, day: DateTime, dailyVolume: number, rng: Prng): HistoryRow[] {
  const total = model.hourWeights.reduce((a, b) => a + b, 0);
  const rows: HistoryRow[] = [];
  const startOf = hourStarts(day);
  for (let h = DEMO_OPEN_HOUR; h < DEMO_CLOSE_HOUR; h += 1) {
    const i = h - DEMO_OPEN_HOUR;
    const lambda = (dailyVolume * model.hourWeights[i]) / total;
    const offered = rng.poisson(lambda);
    const load = lambda / model.busyHourVolume;
    const abandonRate = Math.min(0.2, model.abandonBase + model.abandonBusy * load * load);
    const abandoned = rng.binomial(offered, abandonRate);
    // Morning contacts run a little longer (overnight backlog: complex cases), evenings shorter.
    const intraday = 1 + 0.05 * Math.cos((Math.PI * i) / (DEMO_CLOSE_HOUR - DEMO_OPEN_HOUR));
    const aht = model.ahtSeconds * intraday * (1 + 0.04 * rng.normal());
    rows.push({
      start: startOf(h),
      channelId: model.channelId,
      platformCode: '',
      intervalMinutes: 60,
      offered,
      answered: offered - abandoned,
      abandoned,
      ahtSeconds: offered - abandoned > 0 ? Math.round(aht * 10) / 10 : null,
    });
  }
  return rows;
}

/** Hourly rows for every channel model, ordered by channel then start. Same options, same rows. */
export function generateDemoHistory(opts: DemoHistoryOptions): HistoryRow[] {
  const days = demoHistoryDays(opts.now, opts.zone, opts.years);
  const lastDay = days[days.length - 1];
  const midLastYear = lastDay.minus({ days: DAYS_PER_YEAR / 2 });
  const special = new Map<string, 'holiday' | 'blackFriday'>();
  for (let y = days[0].year; y <= lastDay.year; y += 1) special.set(blackFriday(y), 'blackFriday');
  for (const h of georgianHolidaysBetween(days[0].toISODate()!, lastDay.toISODate()!)) special.set(h.date, 'holiday');
  const rows: HistoryRow[] = [];
  (opts.models ?? [VOICE_MODEL, CHAT_MODEL]).forEach((model, m) => {
    const rng = new Prng(opts.seed + 7919 * (m + 1));
    for (const day of days) {
      const dayNoise = Math.exp(0.04 * rng.normal());
      rows.push(...hourRows(model, day, expectedDailyVolume(model, day, midLastYear, special) * dayNoise, rng));
    }
  });
  return rows;
}

/** Black Friday dates from `fromYear` to `toYear`, for the demo calendar events. */
export function blackFridays(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let y = fromYear; y <= toYear; y += 1) out.push(blackFriday(y));
  return out;
}
