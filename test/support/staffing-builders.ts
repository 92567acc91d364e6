/** Test data for the staffing pages: a flat forecast, Erlang-C channels, opening hours, a 30-minute grid. */
import { DateTime } from 'luxon';
import type { DataSource } from '../../models';
import { getChannel, getTeamSettings, replaceOpeningHours, updateChannel, updateTeamSettings } from '../../models/repositories/settings';
import type { ForecastForWeek, ForecastStatus } from '../../app/requirement-for-week';

/** A forecast with the same volume and AHT in every interval of the week. */
export function flatForecast(opts: {
  volume: number;
  ahtSeconds: number;
  status?: ForecastStatus;
  forecastId?: number | null;
  channels?: string[];
}): ForecastForWeek {
  return async (_ds, q) => {
    const monday = DateTime.fromISO(q.weekStart, { zone: q.zone }).startOf('week');
    const points = [];
    for (let t = monday; t < monday.plus({ weeks: 1 }); t = t.plus({ minutes: q.intervalMinutes })) {
      const volume = !opts.channels || opts.channels.includes(q.channelId) ? opts.volume : 0;
      points.push({
        start: t.toUTC().toISO()!,
        volume,
        ahtSeconds: opts.ahtSeconds,
        lower80: volume,
        upper80: volume,
        lower95: volume,
        upper95: volume,
      });
    }
    return { forecastId: opts.forecastId ?? null, status: opts.status ?? 'computed', points };
  };
}

/** A forecast source that must not be asked (to prove stored rows are read back). */
export const forbiddenForecast: ForecastForWeek = async () => {
  throw new Error('the forecast was asked for although the requirement is stored');
};

export async function setIntervalMinutes(ds: DataSource, minutes: number): Promise<void> {
  const s = (await getTeamSettings(ds))!;
  await updateTeamSettings(ds, s.version, { intervalMinutes: minutes }, '2026-11-20T08:00:00.000Z');
}

/** The textbook voice channel: 80 % in 20 s, occupancy ≤ 85 %, shrinkage 30 %, Erlang-C (no patience). */
export async function makeVoiceErlangC(ds: DataSource): Promise<void> {
  const voice = (await getChannel(ds, 'voice'))!;
  await updateChannel(ds, 'voice', voice.version, {
    targetServiceLevel: 0.8,
    thresholdSeconds: 20,
    targetAsaSeconds: null,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    patienceSeconds: null,
    maxAbandonRate: null,
  });
}

/** Opening hours on weekdays (Monday-Friday) only, local 'HH:mm'. */
export async function openWeekdays(ds: DataSource, channelId: string, opens: string, closes: string): Promise<void> {
  await replaceOpeningHours(
    ds,
    channelId,
    [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes })),
  );
}
