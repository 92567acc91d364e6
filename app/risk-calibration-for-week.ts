/**
 * The risk calibration the pages use for a week: per channel, what `wfm risk backtest` learns
 * (app/risk-backtest.ts, staffing/learned-risk.ts) on the last PAGE_CALIBRATION.learnWeeks
 * whole weeks of the stored history before the week: replayed, then `next`, the calibration
 * for the week after them. The same function with the command's defaults, so the chance a
 * page shows is the calibrated chance the command checks.
 *
 * Replaying weeks takes seconds, so the result is kept per process by content (ContentMemo):
 * the key is the channel's settings, the absence rate, the interval length and the history's
 * fingerprint before the week, or before this week for this week and later ones (learnedBefore;
 * row count, first and last start, contacts). This week and the following ones share one
 * calibration, learned once a week (or again when older history is changed); a concurrent view
 * waits for the same computation (the memo keeps the promise). The replay runs in a worker thread
 * (risk-calibration-in-worker.ts), so the web process answers other requests meanwhile.
 */
import { DateTime } from 'luxon';
import { ContentMemo } from './content-memo';
import type { DataSource } from '../models';
import { historyFingerprint, historyRange } from '../models/repositories/history';
import { MIN_HOURS, PAGE_CALIBRATION, type CalibrationOptions } from './risk-calibration-from-history';
import { calibrationInWorker } from './risk-calibration-in-worker';
import { DEFAULT_CALIBRATION, type ChannelSettings, type RiskCalibration } from '../staffing';
import type { HistoryPoint } from '../forecasting/index';

export { calibrationFromHistory, PAGE_CALIBRATION } from './risk-calibration-from-history';

/**
 * Where the history the pages learn from ends: the week's start, or for this week and later ones
 * this week's Monday 00:00 (team's zone). The week still being recorded (today's actuals) is left
 * out, so this week and every later one share one calibration, and recording an actual does not
 * make the next page view learn it again.
 */
export function learnedBefore(weekStart: string, now: Date, zone: string): string {
  const thisMonday = DateTime.fromJSDate(now, { zone }).startOf('week').toJSDate().toISOString();
  const start = new Date(weekStart).toISOString();
  return start < thisMonday ? start : thisMonday;
}

const memo = new ContentMemo<Promise<RiskCalibration>>(32);

export interface RiskCalibrationDeps {
  /** Computes one calibration (default: calibrationFromHistory in a worker thread). */
  calibrate?: (series: HistoryPoint[], options: CalibrationOptions) => Promise<RiskCalibration>;
  /** Told when a calibration fails (default: standard error); the pages then use the defaults. */
  log?: (message: string, err?: unknown) => void;
}

/** Per channel id, the calibration for the week starting at `weekStart` (ISO instant). */
export async function riskCalibrationsForWeek(
  ds: DataSource,
  q: { weekStart: string; now: Date; zone: string; channels: ChannelSettings[]; absenceRate: number; intervalMinutes: number },
  deps: RiskCalibrationDeps = {},
): Promise<Record<string, RiskCalibration>> {
  const calibrate = deps.calibrate ?? calibrationInWorker;
  const log = deps.log ?? ((m: string, e?: unknown) => console.error(m, e));
  const before = learnedBefore(q.weekStart, q.now, q.zone);
  const out: Record<string, RiskCalibration> = {};
  for (const channel of q.channels) {
    if (channel.targetServiceLevel === null) continue;
    const fingerprint = await historyFingerprint(ds, { channelId: channel.id, before });
    if (fingerprint.count < MIN_HOURS || !fingerprint.first) {
      out[channel.id] = DEFAULT_CALIBRATION;
      continue;
    }
    const key = { channel, zone: q.zone, absenceRate: q.absenceRate, intervalMinutes: q.intervalMinutes, fingerprint, PAGE_CALIBRATION };
    const pending = memo.get(key, () =>
      historyRange(ds, { channelId: channel.id, from: fingerprint.first!, to: before })
        .then((points) => {
          const series = points.map((p) => ({ start: p.start, volume: p.volume, ahtSeconds: p.ahtSeconds }));
          return calibrate(series, { zone: q.zone, channel, absenceRate: q.absenceRate, intervalMinutes: q.intervalMinutes });
        })
        .catch((err: unknown) => {
          log(`risk calibration of channel ${channel.id} failed; the pages use the defaults`, err);
          throw err;
        }),
    );
    // A failed computation stays in the memo (logged once, where it failed): the pages then show
    // the model as is (the defaults) until the inputs change.
    pending.catch(() => undefined);
    out[channel.id] = await pending.catch(() => DEFAULT_CALIBRATION);
  }
  return out;
}
