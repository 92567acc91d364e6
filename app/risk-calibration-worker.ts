/**
 * Worker-thread entry: learns one channel's risk calibration (calibrationFromHistory) and posts
 * it back. Started fresh per calibration by calibrationInWorker (risk-calibration-in-worker.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { calibrationFromHistory, type CalibrationOptions } from './risk-calibration-from-history';
import type { HistoryPoint } from '../forecasting/index';

const { series, options } = workerData as { series: HistoryPoint[]; options: CalibrationOptions };
try {
  parentPort?.postMessage({ type: 'result', calibration: calibrationFromHistory(series, options) });
} catch (err) {
  parentPort?.postMessage({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
}
