/**
 * A seeded synthetic contact history with the structure of real arrivals, for tests and
 * benchmarks: weekday-dependent intraday shape, weekly cycle, yearly season, growth, Georgian
 * public holidays, and over-dispersed Poisson noise (a day-level log-normal shock times a
 * Poisson count, after Jongbloed & Koole 2001). Pure: the seed is an argument.
 */
import { georgianHolidays } from './calendar/georgian-holidays';
import { epochDay, isoOfDay, weekdayOf } from './grid';
import type { HistoryPoint } from './series';
import { ZoneClock } from './zone-clock';
import { mulberry32 } from './random';

export interface SyntheticOptions {
  seed: number;
  /** First local date, yyyy-mm-dd. */
  from: string;
  days: number;
  zone?: string;
  intervalMinutes?: number;
  /** Mean contacts of an ordinary weekday at the start. */
  dailyVolume?: number;
  /** Growth per year, e.g. 0.15. */
  growth?: number;
  /** Relative amplitude of the yearly season (peak in December). */
  yearly?: number;
  /** Weekday factors Monday … Sunday. */
  weekdays?: number[];
  /** Open from … to (local hours); outside, the volume is 0. [0, 24] for a 24/7 centre. */
  openHours?: [number, number];
  /** Volume factor on Georgian public holidays (0.5 = half). */
  holidayFactor?: number;
  /** Standard deviation of the day-level log shock. */
  dayNoise?: number;
  /** Mean handle time, seconds (adds aht). */
  ahtSeconds?: number;
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Poisson draw: Knuth's product method below 30, the normal approximation above. */
export function poisson(lambda: number, rand: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rand)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rand();
  while (p > limit) {
    p *= rand();
    k++;
  }
  return k;
}

/** Intraday intensity at local hour `x` (fractional): a late-morning and an afternoon peak. */
function intraday(x: number, weekday: number): number {
  const morning = Math.exp(-((x - (weekday >= 5 ? 12 : 11)) ** 2) / 4.5);
  const afternoon = (weekday === 0 ? 0.7 : 0.85) * Math.exp(-((x - 15.5) ** 2) / 6);
  return 0.08 + morning + afternoon;
}

/** Points carry `expected`: the mean the volume was drawn from (after the day shock), to measure the noise floor. */
export function syntheticHistory(o: SyntheticOptions): (HistoryPoint & { expected: number })[] {
  const rand = mulberry32(o.seed);
  const clock = new ZoneClock(o.zone ?? 'Asia/Tbilisi');
  const im = o.intervalMinutes ?? 60;
  const weekdays = o.weekdays ?? [1.15, 1.05, 1, 1, 0.95, 0.55, 0.4];
  const [open, close] = o.openHours ?? [8, 22];
  const first = epochDay(o.from);
  const holidays = new Set<number>();
  for (let y = Number(o.from.slice(0, 4)); y <= Number(isoOfDay(first + o.days).slice(0, 4)); y++) {
    for (const h of georgianHolidays(y)) holidays.add(epochDay(h.date));
  }
  const points: (HistoryPoint & { expected: number })[] = [];
  for (let d = first; d < first + o.days; d++) {
    const w = weekdayOf(d);
    const years = (d - first) / 365.25;
    const dayOfYear = (d - epochDay(isoOfDay(d).slice(0, 4) + '-01-01')) / 365.25;
    let level = (o.dailyVolume ?? 450) * weekdays[w] * Math.pow(1 + (o.growth ?? 0), years);
    level *= 1 + (o.yearly ?? 0) * Math.cos(2 * Math.PI * (dayOfYear - 0.96));
    if (holidays.has(d)) level *= o.holidayFactor ?? 0.5;
    level *= Math.exp((o.dayNoise ?? 0.05) * normal(rand));
    const slots: number[] = [];
    for (let m = 0; m < 1440; m += im) {
      const x = (m + im / 2) / 60;
      slots.push(x >= open && x < close ? intraday(x, w) : 0);
    }
    const sum = slots.reduce((a, b) => a + b, 0);
    slots.forEach((s, j) => {
      const local = Date.UTC(1970, 0, 1) + d * 86_400_000 + j * im * 60_000;
      const r = clock.resolveLocal(local);
      if (r.kind === 'gap') return;
      const ms = r.kind === 'ok' ? r.ms : r.earlier;
      const volume = poisson(sum > 0 ? (level * s) / sum : 0, rand);
      const expected = sum > 0 ? (level * s) / sum : 0;
      const p: HistoryPoint & { expected: number } = { start: new Date(ms).toISOString(), volume, expected };
      if (o.ahtSeconds)
        p.ahtSeconds =
          volume > 0 ? o.ahtSeconds * (1 + 0.1 * Math.sin((2 * Math.PI * j) / slots.length)) * Math.exp(0.1 * normal(rand)) : null;
      points.push(p);
    });
  }
  return points;
}
