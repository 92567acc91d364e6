/**
 * `forecastSeries`: one channel's history in, the coming intervals out, with the chosen method,
 * why, how the candidates scored, warnings, 80%/95% intervals and handle time.
 */
import { DateTime } from 'luxon';
import { warning, type ForecastWarning } from './warnings';
import { forecastAht } from './aht';
import { dayMarks, type CalendarOptions } from './calendar/day-marks';
import { forecastGrid, type CandidateScore, type SpecialDay } from './engine';
import { sliceGrid } from './grid';
import { prepareSeries, type HistoryPoint } from './series';
import { parseTimestamp } from './timestamp';
import { ZoneClock } from './zone-clock';

export interface ForecastOptions {
  /** IANA zone of the team, e.g. Asia/Tbilisi. */
  zone: string;
  /** First interval to forecast: ISO with offset, or local in `zone`, or a DateTime. */
  start: string | DateTime;
  /** Length of the forecast in hours (or give `intervals`). */
  hours?: number;
  intervals?: number;
  /** Interval length; inferred from the history when absent (60 if it cannot tell). */
  intervalMinutes?: number;
  /** 'auto' (default) or a method name (see METHOD_NAMES). */
  method?: string;
  calendar?: CalendarOptions;
}

export interface ForecastPoint {
  /** Interval start, ISO with the zone's offset. */
  start: string;
  volume: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
  ahtSeconds?: number;
}

export interface ForecastResult {
  method: string;
  chosenBecause: string;
  candidates: CandidateScore[];
  warnings: ForecastWarning[];
  intervalMinutes: number;
  specialDays: SpecialDay[];
  /** With publicHolidays 'auto': whether the Georgian holidays were applied, and why. */
  holidays?: string;
  points: ForecastPoint[];
}

export function startMillis(start: string | DateTime, clock: ZoneClock): number {
  if (typeof start !== 'string') return start.toMillis();
  const p = parseTimestamp(start, clock);
  if (!p.ok) throw new RangeError(`start '${start}' ${p.message}`);
  return p.ms;
}

export function forecastSeries(history: HistoryPoint[], options: ForecastOptions): ForecastResult {
  const startMs = startMillis(options.start, new ZoneClock(options.zone));
  const s = prepareSeries(history, options.zone, options.intervalMinutes, startMs);
  const { clock, intervalMinutes: im } = s;
  const exact = options.intervals ?? ((options.hours ?? 168) * 60) / im;
  if (!(exact > 0)) throw new RangeError('the forecast needs at least one interval (hours or intervals > 0)');
  if (Math.abs(exact - Math.round(exact)) > 1e-9)
    throw new RangeError(
      `the horizon must be a whole number of ${im}-minute intervals (got ${options.intervals ?? `${options.hours} hours`})`,
    );
  const count = Math.round(exact);
  const warnings: ForecastWarning[] = [...s.warnings];
  if (s.dataEnd === 0) throw new RangeError('no history before the start: nothing to forecast from');
  const instants = Array.from({ length: count }, (_, k) => startMs + k * im * 60_000);
  const spd = s.grid.slotsPerDay;
  const firstLocal = clock.toLocalMs(startMs);
  // Seconds count too: a start at :00:01 would shift every output timestamp off the grid.
  if (firstLocal % 60_000 !== 0 || (new Date(firstLocal).getUTCMinutes() - s.phaseMinutes) % im !== 0)
    throw new RangeError(
      `start ${typeof options.start === 'string' ? options.start : ''} is not on an interval boundary of the history (${im}-minute intervals)`,
    );
  const index = instants.map((ms) => Math.floor((clock.toLocalMs(ms) / 60_000 - s.grid.firstDay * 1440) / im));
  // Forecast from the end of the data, so a gap before the start does not empty the backtest.
  const origin = Math.min(s.dataEnd, index[0]);
  const horizon = index[index.length - 1] - origin + 1;
  if (index[0] - s.dataEnd > 0) warnings.push(warning('historyGap', { days: Math.round(((index[0] - s.dataEnd) / spd) * 10) / 10 }));
  const grid = sliceGrid(s.grid, origin);
  const marks = dayMarks(grid.firstDay, grid.firstDay + Math.ceil((origin + horizon) / spd) + 1, options.calendar);
  const f = forecastGrid(grid, origin, horizon, {
    method: options.method,
    marks,
    autoHolidays: (options.calendar?.publicHolidays ?? 'auto') === 'auto',
  });
  const aht = grid.aht ? forecastAht({ aht: grid.aht, volume: grid.values, slotsPerDay: spd, horizon }) : undefined;
  const points = instants.map((ms, k) => {
    const h = index[k] - origin;
    const p: ForecastPoint = {
      start: clock.formatLocalIso(ms),
      volume: f.point[h],
      lower80: f.lower80[h],
      upper80: f.upper80[h],
      lower95: f.lower95[h],
      upper95: f.upper95[h],
    };
    if (aht && !Number.isNaN(aht[h])) p.ahtSeconds = aht[h];
    return p;
  });
  const firstDate = DateTime.fromMillis(startMs, { zone: options.zone }).toISODate();
  return {
    method: f.method,
    chosenBecause: f.chosenBecause,
    candidates: f.candidates,
    warnings: [...warnings, ...f.warnings],
    intervalMinutes: im,
    specialDays: f.specialDays.filter((d) => firstDate === null || d.date >= firstDate),
    holidays: f.holidays,
    points,
  };
}
