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
 * waits for the same computation (the memo keeps the promise).
 */
import { DateTime } from 'luxon';
import { ContentMemo } from './content-memo';
import type { DataSource } from '../models';
import { historyFingerprint, historyRange } from '../models/repositories/history';
import { calibrationFromHistory, MIN_HOURS, PAGE_CALIBRATION } from './risk-calibration-from-history';
import { DEFAULT_CALIBRATION, type ChannelSettings, type RiskCalibration } from '../staffing';

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

/** Per channel id, the calibration for the week starting at `weekStart` (ISO instant). */
export async function riskCalibrationsForWeek(
  ds: DataSource,
  q: { weekStart: string; now: Date; zone: string; channels: ChannelSettings[]; absenceRate: number; intervalMinutes: number },
): Promise<Record<string, RiskCalibration>> {
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
    const pending = memo.get(key, async () => {
      const points = await historyRange(ds, { channelId: channel.id, from: fingerprint.first!, to: before });
      const series = points.map((p) => ({ start: p.start, volume: p.volume, ahtSeconds: p.ahtSeconds }));
      return calibrationFromHistory(series, { zone: q.zone, channel, absenceRate: q.absenceRate, intervalMinutes: q.intervalMinutes });
    });
    // A failed computation stays in the memo: the pages then show the model as is (the defaults).
    pending.catch(() => undefined);
    out[channel.id] = await pending.catch(() => DEFAULT_CALIBRATION);
  }
  return out;
}
