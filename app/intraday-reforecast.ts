/**
 * The two inputs of the intraday page that come from today: the interval actuals (platforms
 * summed) and the engine's re-forecast of the rest of the day from them (forecastSeries with a
 * start inside the day applies the intraday update, forecasting/intraday.ts).
 */
import type { DateTime } from 'luxon';
import type { DataSource } from '../models';
import type { StoredActual } from '../models/repositories/actuals';
import { runForecast, type EngineForecast } from './forecast-engine';
import { inputsFingerprint, loadEngineInputs, ResultCache } from './forecast-inputs';

export const key = (channel: string, startMs: number) => `${channel}|${startMs}`;

/** Weeks of history the re-forecast learns from: enough for its methods, bounded for a page that refreshes. */
const REFORECAST_WEEKS = 16;
const reforecasts = new ResultCache<EngineForecast>(16);
/**
 * The previous days' day-ahead forecasts per channel and stored history: computed on the day's
 * first re-forecast (the costly part, ~20 engine runs), reused by every later one that day.
 */
const dayAheadMemos = new ResultCache<Map<string, IntradayDayMemo>>(8);
type IntradayDayMemo = NonNullable<Parameters<typeof runForecast>[0]['dayAheadMemo']> extends Map<string, infer V> ? V : never;

export function actualByInterval(actuals: StoredActual[]): Map<string, { offered: number; serviceLevel: number | null; answered: number }> {
  const out = new Map<string, { offered: number; slWeighted: number; slWeight: number; answered: number }>();
  for (const a of actuals) {
    const k = key(a.channelId, Date.parse(a.start));
    const e = out.get(k) ?? { offered: 0, slWeighted: 0, slWeight: 0, answered: 0 };
    e.offered += a.offered;
    e.answered += a.answered ?? 0;
    if (a.serviceLevel !== null) {
      const w = a.answered ?? a.offered;
      e.slWeighted += w * a.serviceLevel;
      e.slWeight += w;
    }
    out.set(k, e);
  }
  return new Map(
    [...out].map(([k, e]) => [
      k,
      { offered: e.offered, answered: e.answered, serviceLevel: e.slWeight > 0 ? e.slWeighted / e.slWeight : null },
    ]),
  );
}

/** The engine's forecast of the rest of today, from the history and today's complete intervals. */
export async function reforecast(
  ds: DataSource,
  q: {
    channel: string;
    zone: string;
    intervalMinutes: number;
    dayStart: DateTime;
    current: number;
    dayEnd: number;
    today: { start: string; volume: number }[];
  },
): Promise<EngineForecast> {
  const history = await inputsFingerprint(ds, q.channel);
  const fingerprint = JSON.stringify([history, q.current, q.today.map((p) => [p.start, p.volume])]);
  const memo = await dayAheadMemos.get(JSON.stringify([history, q.zone, q.intervalMinutes, REFORECAST_WEEKS]), async () => new Map());
  return reforecasts.get(fingerprint, async () => {
    const inputs = await loadEngineInputs(ds, {
      channelId: q.channel,
      zone: q.zone,
      intervalMinutes: q.intervalMinutes,
      origin: q.dayStart.toUTC().toISO()!,
      weeksBack: REFORECAST_WEEKS,
    });
    return runForecast({
      // A channel without history has nothing to learn today's level against: its plan stands.
      history: inputs.history.length
        ? [...inputs.history, ...q.today.map((p) => ({ start: p.start, volume: p.volume, ahtSeconds: null }))]
        : inputs.history,
      zone: q.zone,
      intervalMinutes: q.intervalMinutes,
      start: new Date(q.current).toISOString(),
      end: new Date(q.dayEnd).toISOString(),
      events: inputs.events,
      dayAheadMemo: memo,
    });
  });
}
