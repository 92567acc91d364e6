/**
 * The pure half of the pages' risk calibration (risk-calibration-for-week.ts): what
 * `wfm risk backtest` learns on the last PAGE_CALIBRATION.learnWeeks whole weeks of a channel's
 * history, with the command's defaults. Kept apart from the loading so the worker thread that
 * runs it (risk-calibration-worker.ts) imports no database code.
 */
import { riskOnBacktestWeeks } from './risk-backtest';
import { DEFAULT_CALIBRATION, type ChannelSettings, type RiskCalibration } from '../staffing';
import type { HistoryPoint } from '../forecasting/index';

/** The command's defaults (bin/commands/risk-backtest.ts). */
export const PAGE_CALIBRATION = { learnWeeks: 4, replications: 10, seed: 1, periodDraws: 200, fallbackAhtSeconds: 240 };
/** Fewer hours of history than this: nothing can be replayed (three weeks to forecast from, one to replay). */
export const MIN_HOURS = 24 * 7 * 4;

export interface CalibrationOptions {
  zone: string;
  channel: ChannelSettings;
  absenceRate: number;
  intervalMinutes: number;
}

/** The calibration learned on the last whole weeks of `series` (pure; see the file comment). */
export function calibrationFromHistory(series: HistoryPoint[], o: CalibrationOptions): RiskCalibration {
  if (o.channel.targetServiceLevel === null || series.length < MIN_HOURS) return DEFAULT_CALIBRATION;
  return riskOnBacktestWeeks(series, {
    zone: o.zone,
    weeks: 0,
    learnWeeks: PAGE_CALIBRATION.learnWeeks,
    channel: o.channel,
    fallbackAhtSeconds: PAGE_CALIBRATION.fallbackAhtSeconds,
    absenceRate: o.absenceRate,
    replications: PAGE_CALIBRATION.replications,
    seed: PAGE_CALIBRATION.seed,
    periodDraws: PAGE_CALIBRATION.periodDraws,
    intervalMinutes: o.intervalMinutes,
  }).next;
}
