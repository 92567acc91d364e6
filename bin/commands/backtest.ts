/**
 * `wfm backtest --history FILE [--channel C] [--folds 4] [--horizon 168] [--zone Asia/Tbilisi]
 *  [--interval MIN] [--holidays auto|GE|none] [--events FILE.json] [--json]`  (zone: as for wfm forecast)
 *
 * Rolling-origin evaluation on the last folds × horizon hours of the file, every method and
 * the automatic choice: WAPE, MASE, bias, coverage of the 80% and 95% intervals. A readable
 * table by default, `--json` for machines. Without --channel, every channel in the file.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { backtest, seriesForChannel, type BacktestResult } from '../../forecasting/index';
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
    `${'method'.padEnd(22)} ${'WAPE'.padStart(7)} ${'MASE'.padStart(6)} ${'bias%'.padStart(6)} ${'cov80%'.padStart(6)} ${'cov95%'.padStart(6)}  ${'open80%'.padStart(7)} ${'open95%'.padStart(7)}`,
  );
  for (const m of r.methods) {
    out.push(
      `${m.method.padEnd(22)} ${num(m.wape, 4).padStart(7)} ${num(m.mase, 2).padStart(6)} ${pct(m.bias)} ${pct(m.coverage80)} ${pct(m.coverage95)}  ${pct(m.coverage80Open).padStart(7)} ${pct(m.coverage95Open).padStart(7)}`,
    );
  }
  out.push(
    '(WAPE = Σ|error| ÷ Σ actual; MASE scaled by the weekly seasonal naive in-sample; open = leaving out closed intervals, forecast and actual both 0)',
  );
  if (seconds !== undefined) out.push(`time: ${seconds.toFixed(2)} s`);
  for (const w of r.warnings) out.push(`warning: ${warningText(w, en, zone)}`);
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
    events = await readEvents(opts.events);
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
  const results: Record<string, BacktestResult & { seconds: number }> = {};
  for (const channel of channels) {
    const t0 = performance.now();
    try {
      const r = backtest(seriesForChannel(loaded.result.intervals, channel), {
        zone,
        folds: opts.folds,
        horizon: opts.horizon,
        intervalMinutes: opts.interval,
        calendar: { publicHolidays: opts.holidays, events },
      });
      results[channel] = { ...r, seconds: (performance.now() - t0) / 1000 };
    } catch (err) {
      io.stderr.write(`wfm backtest: ${channel}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  if (opts.json) io.stdout.write(JSON.stringify({ channels: results }, null, 2) + '\n');
  else
    io.stdout.write(
      Object.entries(results)
        .map(([c, r]) => backtestTable(c, r, zone, r.seconds))
        .join('\n'),
    );
  return 0;
}
