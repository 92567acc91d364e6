/**
 * Runs calibrationFromHistory (seconds of CPU: four weeks replayed) in a fresh worker thread, so
 * the web process's main thread keeps answering every other request meanwhile. The same pure
 * function on the same inputs: structured cloning carries numbers exactly, so the result equals
 * the in-thread one (test: test/integration/app/risk-calibration-worker.test.ts). One worker per
 * calibration (at most once a week per channel, see risk-calibration-for-week.ts), terminated
 * as soon as it answers or fails.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CalibrationOptions } from './risk-calibration-from-history';
import type { RiskCalibration } from '../staffing';
import type { HistoryPoint } from '../forecasting/index';

/** calibrationFromHistory in a worker thread: rejects when the worker fails or stops without an answer. */
export function calibrationInWorker(series: HistoryPoint[], options: CalibrationOptions): Promise<RiskCalibration> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(), { eval: true, workerData: { series, options } });
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (msg: { type: string; calibration?: RiskCalibration; message?: string }) => {
      if (msg.type === 'result' && msg.calibration) done(() => resolve(msg.calibration!));
      else done(() => reject(new Error(`risk calibration worker failed: ${msg.message ?? msg.type}`)));
    });
    worker.on('error', (err) => done(() => reject(err)));
    worker.on('exit', (code) => done(() => reject(new Error(`risk calibration worker stopped (exit code ${code})`))));
  });
}

/**
 * As scheduling/solve-in-worker.ts: Node 20 does not apply an inherited `--import tsx` to a
 * worker's .ts entry, so a tiny JS bootstrap registers tsx inside the worker and imports the
 * TypeScript entry; the production build bundles the entry as dist/risk-calibration-worker.js
 * beside this code (bin/build.js), plain JavaScript.
 */
function bootstrap(): string {
  if (import.meta.url.endsWith('.js')) {
    const built = new URL('./risk-calibration-worker.js', import.meta.url);
    if (existsSync(fileURLToPath(built))) return `import(${JSON.stringify(built.href)})`;
  }
  // createRequire, not import.meta.resolve: the latter is missing when tsx loads this file as CJS (mocha).
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = JSON.stringify(pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href);
  const entry = JSON.stringify(new URL('./risk-calibration-worker.ts', import.meta.url).href);
  return `import(${tsxApi}).then((m) => { m.register(); return import(${entry}); })`;
}
