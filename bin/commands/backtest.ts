/**
 * `wfm backtest --history FILE [--channel C] [--folds 4] [--horizon 168] [--zone Asia/Tbilisi]
 *  [--interval MIN] [--holidays auto|GE|none] [--events FILE.json] [--json]`  (zone: as for wfm forecast)
 *
 * Rolling-origin evaluation on the last folds × horizon hours of the file, every method and
 * the automatic choice: WAPE, MASE, bias, coverage of the 80% and 95% intervals. A readable
 * table by default, `--json` for machines. Without --channel, every channel in the file.
 *
 * `--intraday [--weeks 8] [--origins 10:00,12:00,14:00]`: the rest-of-day backtest instead: on
 * every day of the last weeks, from each origin time, the rest-of-day WAPE of the day-ahead
 * forecast, the ratio method and the engine's intraday update (forecasting/intraday.ts).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { backtest, intradayBacktest, seriesForChannel, type BacktestResult, type IntradayBacktestResult } from '../../forecasting/index';
import { historyFlags, joinNegativeNumbers, loadHistory, readEvents } from './forecast';
import type { CommandIo } from '../cli';
import { translator } from '../../server/i18n';
import { warningText } from '../../server/i18n/codes';

const en = translator('en');

const Args = z.object({
  ...historyFlags,
  folds: z.coerce.number().int().min(1, '--folds must be ≥ 1').max(52),
  horizon: z.coerce.number().positive('--horizon must be > 0 hours'),
  json: z.boolean(),
  intraday: z.boolean(),
  weeks: z.coerce.number().int().min(1, '--weeks must be ≥ 1').max(52, '--weeks must be ≤ 52'),
  origins: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()))
    .pipe(z.array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '--origins takes times of day HH:mm, separated by commas')).min(1)),
});

const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(6) : '   n/a');
const num = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/** The readable table of one channel's backtest. */
export function backtestTable(channel: string, r: BacktestResult, zone: string, seconds?: number): string {
  const out: string[] = [];
  out.push(
    `channel ${channel}: ${r.folds.length} fold(s) of ${r.folds.length ? '' : ''}${r.intervalMinutes}-minute intervals, rolling origin`,
  );
  for (const f of r.folds) out.push(`  fold ${f.from} … ${f.to}: auto chose ${f.chosen} (WAPE ${num(f.wape)})`);
  out.push('');
  out.push(
    `${'method'.padEnd(22)} ${'WAPE'.padStart(7)} ${'MASE'.padStart(6)} ${'bias%'.padStart(6)}  ${'pb10'.padStart(6)} ${'pb50'.padStart(6)} ${'pb90'.padStart(6)}  ${'cov80%'.padStart(6)} ${'cov95%'.padStart(6)}  ${'all80%'.padStart(7)} ${'all95%'.padStart(7)}`,
  );
  for (const m of r.methods) {
    out.push(
      `${m.method.padEnd(22)} ${num(m.wape, 4).padStart(7)} ${num(m.mase, 2).padStart(6)} ${pct(m.bias)}  ${num(m.pinball10, 4).padStart(6)} ${num(m.pinball50, 4).padStart(6)} ${num(m.pinball90, 4).padStart(6)}  ${pct(m.coverage80Open)} ${pct(m.coverage95Open)}  ${pct(m.coverage80).padStart(7)} ${pct(m.coverage95).padStart(7)}`,
    );
  }
  out.push(
    '(WAPE = Σ|error| ÷ Σ actual; MASE scaled by the weekly seasonal naive in-sample; pb10/pb50/pb90 = pinball loss ÷ Σ actual of the',
  );
  out.push(
    ' 10% quantile (lower80), the point forecast as the 50% quantile and the 90% quantile (upper80); cov = share of actuals inside the',
  );
  out.push(' 80%/95% interval, leaving out closed intervals (forecast and actual both 0: any interval covers them); all = with them)');
  if (seconds !== undefined) out.push(`time: ${seconds.toFixed(2)} s`);
  for (const w of r.warnings) out.push(`warning: ${warningText(w, en, zone)}`);
  return out.join('\n') + '\n';
}

/** The readable table of one channel's rest-of-day backtest. */
export function intradayTable(channel: string, r: IntradayBacktestResult & { seconds?: number }): string {
  const out: string[] = [];
  out.push(
    `channel ${channel}: rest-of-day forecasts on ${r.days} day(s) with arrivals, ${r.from} … ${r.to}, ${r.intervalMinutes}-minute intervals`,
  );
  out.push(`${'method'.padEnd(12)} ${'WAPE'.padStart(7)}  ${r.origins.map((o) => `from ${o}`.padStart(11)).join(' ')}`);
  for (const m of r.methods)
    out.push(`${m.method.padEnd(12)} ${num(m.wape, 4).padStart(7)}  ${m.byOrigin.map((w) => num(w, 4).padStart(11)).join(' ')}`);
  const kappas = Object.entries(r.kappaChosen)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([k, n]) => `${k === 'Infinity' ? '∞' : k}×${n}`)
    .join(', ');
  out.push(
    `(WAPE = Σ|error| ÷ Σ actual over the rest of each day; day-ahead = forecast at midnight; ratio = day-ahead × arrived ÷ forecast so far;`,
  );
  out.push(` intraday = the ratio shrunk towards 1 by κ, chosen on the previous 20 days at the same time; κ chosen: ${kappas})`);
  if (r.seconds !== undefined) out.push(`time: ${r.seconds.toFixed(2)} s`);
  return out.join('\n') + '\n';
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  let opts: z.infer<typeof Args>;
  try {
    const { values } = parseArgs({
      args: joinNegativeNumbers(args),
      options: {
        history: { type: 'string' },
        channel: { type: 'string' },
        folds: { type: 'string', default: '4' },
        horizon: { type: 'string', default: '168' },
        zone: { type: 'string' },
        interval: { type: 'string' },
        holidays: { type: 'string', default: 'auto' },
        events: { type: 'string' },
        json: { type: 'boolean', default: false },
        intraday: { type: 'boolean', default: false },
        weeks: { type: 'string', default: '8' },
        origins: { type: 'string', default: '10:00,12:00,14:00' },
      },
    });
    opts = Args.parse(values);
  } catch (err) {
    const msg = err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : (err as Error).message;
    io.stderr.write(`wfm backtest: ${msg}\n`);
    return 2;
  }
  let events;
  try {
    events = (await readEvents(opts.events)).filter((e) => e.platform === undefined);
  } catch (err) {
    io.stderr.write(`wfm backtest: ${(err as Error).message}\n`);
    return 2;
  }
  const loaded = await loadHistory(opts.history, opts.zone, io.stderr, 'wfm backtest');
  if (!loaded) return 1;
  const { zone } = loaded;
  if (opts.channel && !loaded.channels.includes(opts.channel)) {
    io.stderr.write(`wfm backtest: channel '${opts.channel}' is not in ${opts.history} (channels: ${loaded.channels.join(', ')})\n`);
    return 2;
  }
  const channels = opts.channel ? [opts.channel] : loaded.channels;
  const calendar = { publicHolidays: opts.holidays, events };
  // One channel after another, timed; the first failure ends the command.
  const perChannel = <R>(evaluate: (series: ReturnType<typeof seriesForChannel>) => R): Record<string, R & { seconds: number }> | null => {
    const out: Record<string, R & { seconds: number }> = {};
    for (const channel of channels) {
      const t0 = performance.now();
      try {
        out[channel] = { ...evaluate(seriesForChannel(loaded.result.intervals, channel)), seconds: (performance.now() - t0) / 1000 };
      } catch (err) {
        io.stderr.write(`wfm backtest: ${channel}: ${(err as Error).message}\n`);
        return null;
      }
    }
    return out;
  };
  const write = <R>(results: Record<string, R>, table: (channel: string, r: R) => string) =>
    io.stdout.write(
      opts.json
        ? JSON.stringify({ channels: results }, null, 2) + '\n'
        : Object.entries(results)
            .map(([c, r]) => table(c, r))
            .join('\n'),
    );
  if (opts.intraday) {
    const results = perChannel((series) =>
      intradayBacktest(series, { zone, weeks: opts.weeks, origins: opts.origins, intervalMinutes: opts.interval, calendar }),
    );
    if (!results) return 2;
    write(results, intradayTable);
    return 0;
  }
  const results = perChannel((series) =>
    backtest(series, { zone, folds: opts.folds, horizon: opts.horizon, intervalMinutes: opts.interval, calendar }),
  );
  if (!results) return 2;
  write(results, (c, r) => backtestTable(c, r, zone, r.seconds));
  return 0;
}
