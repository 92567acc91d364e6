/**
 * `wfm risk calibration [--trials 200] [--seed 1] [--cv 0.1] [--absence 0.04] [--no-queue] [--json]`
 *
 * Checks the risk bands (the chance of meeting the service-level target that the rota,
 * staffing and what-if pages show, staffing/projection-risk.ts) against what happens: over a
 * grid of intervals around what the demo team's channels need (voice 80 % in 20 s, patience
 * 120 s, AHT 240 s, 20–200 calls; chat 80 % in 180 s, 2 at once, AHT 600 s, 10–50 chats; 60-
 * and 30-minute intervals; from 2 people short to 2 over), each drawn `--trials` times with
 * the model's own assumptions ("sampled") and in the seeded queue simulator ("queue"). Prints
 * the reliability table (per band of predicted probability: the mean prediction and the share
 * of draws that met the target) and the Brier score of the model against a constant forecast
 * (the base rate). See staffing/risk-calibration.ts for the method and what it shows.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { calibrateRisk, calibrationGrid, type CalibrationReport, type ChannelSettings } from '../../staffing';
import type { CommandIo } from '../cli';
import { BACKTEST_USAGE, runBacktest } from './risk-backtest';

const USAGE = `usage: wfm risk calibration [--trials 200] [--seed 1] [--cv 0.1] [--absence 0.04] [--no-queue] [--json]\n${BACKTEST_USAGE}`;

const Args = z.object({
  trials: z.coerce.number().int().min(10, '--trials must be 10 or more').max(5000, '--trials must be at most 5000'),
  seed: z.coerce.number().int('--seed must be a whole number'),
  cv: z.coerce.number().min(0, '--cv must be in [0, 1]').max(1, '--cv must be in [0, 1]'),
  absence: z.coerce.number().min(0, '--absence must be in [0, 0.5]').max(0.5, '--absence must be in [0, 0.5]'),
});

const BASE = { targetAsaSeconds: null, maxOccupancy: null, shrinkage: 0.3, maxAbandonRate: null, targetServiceLevel: 0.8 };
/** The demo team's channels (seeds/demo-reference.ts). */
export const DEMO_VOICE: ChannelSettings = {
  ...BASE,
  id: 'voice',
  kind: 'voice',
  thresholdSeconds: 20,
  patienceSeconds: 120,
  concurrency: 1,
};
export const DEMO_CHAT: ChannelSettings = {
  ...BASE,
  id: 'chat',
  kind: 'chat',
  thresholdSeconds: 180,
  patienceSeconds: null,
  concurrency: 2,
};

export function demoCases() {
  return calibrationGrid(
    [
      { channel: DEMO_VOICE, ahtSeconds: 240, volumes: [20, 50, 100, 200] },
      { channel: DEMO_CHAT, ahtSeconds: 600, volumes: [10, 25, 50] },
    ],
    [60, 30],
  );
}

const pct = (x: number | null) => (x === null ? '     –' : `${(100 * x).toFixed(1).padStart(5)}%`);

/** The readable table. */
export function calibrationTable(r: CalibrationReport, o: { trials: number; cv: number; absence: number }): string {
  const out: string[] = [];
  out.push(
    `${r.cases.length} intervals × ${o.trials} draws; forecast error ${(o.cv * 100).toFixed(0)} % of volume, absence ${(o.absence * 100).toFixed(0)} %`,
  );
  out.push('');
  out.push(
    `${'predicted'.padEnd(11)} ${'cases'.padStart(5)} ${'draws'.padStart(6)}  ${'mean p'.padStart(7)}  ${'sampled'.padStart(8)}  ${'queue'.padStart(8)}  ${'queue − p'.padStart(9)}`,
  );
  for (const b of r.bands) {
    const gap = b.queue === null ? '        –' : `${((b.queue - b.meanPredicted) * 100).toFixed(1).padStart(7)}pt`;
    out.push(
      `${`${(b.from * 100).toFixed(0)}–${(b.to * 100).toFixed(0)} %`.padEnd(11)} ${String(b.cases).padStart(5)} ${String(b.draws).padStart(6)}  ${pct(b.meanPredicted).padStart(7)}  ${pct(b.sampled).padStart(8)}  ${pct(b.queue).padStart(8)}  ${gap}`,
    );
  }
  out.push('');
  const f = (x: number | null) => (x === null ? '–' : x.toFixed(4));
  out.push(
    `Brier score (lower is better): sampled ${f(r.brier.sampled)} vs constant ${f(r.brier.sampledConstant)}; queue ${f(r.brier.queue)} vs constant ${f(r.brier.queueConstant)}`,
  );
  out.push("sampled = the model's own assumptions drawn at random (checks the arithmetic); queue = the seeded queue simulator");
  out.push('(Poisson arrivals, exponential handle times, patience, two hours of warm-up at the same rate, then the interval).');
  out.push('Bands of 3+ intervals should be within 10 points of the queue. On real history: wfm risk backtest.');
  return `${out.join('\n')}\n`;
}

export async function run(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      trials: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' },
      cv: { type: 'string', default: '0.1' },
      absence: { type: 'string', default: '0.04' },
      'no-queue': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      history: { type: 'string' },
      demo: { type: 'boolean', default: false },
      zone: { type: 'string' },
      weeks: { type: 'string', default: '4' },
      replications: { type: 'string', default: '10' },
      aht: { type: 'string', default: '240' },
      'learn-weeks': { type: 'string', default: '4' },
    },
  });
  if (positionals[0] === 'backtest' && positionals.length === 1)
    return runBacktest(values, io, (id) => (id === 'chat' ? DEMO_CHAT : { ...DEMO_VOICE, id }));
  if (positionals[0] !== 'calibration' || positionals.length > 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    io.stderr.write(`wfm risk: ${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`);
    return 2;
  }
  const a = parsed.data;
  const report = calibrateRisk(demoCases(), {
    trials: a.trials,
    seed: a.seed,
    forecastCv: a.cv,
    absenceRate: a.absence,
    queue: !values['no-queue'],
  });
  if (values.json) io.stdout.write(`${JSON.stringify({ bands: report.bands, brier: report.brier }, null, 2)}\n`);
  else io.stdout.write(calibrationTable(report, { trials: a.trials, cv: a.cv, absence: a.absence }));
  return 0;
}
