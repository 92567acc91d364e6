/**
 * `wfm risk backtest [--history FILE] [--demo] [--weeks 4] [--replications 10] [--absence 0.04]
 *  [--seed 1] [--aht 240] [--learn-weeks 4] [--zone Z] [--json]`
 *
 * The risk bands on backtest weeks of real history (app/risk-backtest.ts): for each of the
 * last `--weeks` whole weeks, the forecast made at the week's origin, a rota around its
 * requirement, the stated chance of meeting the target per interval, day and week, and the
 * share of replays of the contacts that actually came that met it. Per data set and channel,
 * four reliability tables (intervals as stated; intervals recalibrated on the weeks before
 * each; days; weeks): band, count, mean stated, observed, its 95 % Wilson interval,
 * difference (`!` where off by more than 10 points with the mean stated outside the interval),
 * and the Brier score against a constant forecast.
 * Without --history, the demo history (seeds/, seed 42, one year to 2026-06-01); `--demo`
 * adds it to a file. Channels take the demo team's targets (voice 80 % in 20 s, patience
 * 120 s; chat 80 % in 180 s, 2 at once); AHT is the history's, else `--aht`.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { seriesForChannel, type HistoryPoint } from '../../forecasting/index';
import { riskOnBacktestWeeks, type RiskBacktestReport } from '../../app/risk-backtest';
import { BAND_TOLERANCE, type ChannelSettings, type ReliabilityTable } from '../../staffing';
import { generateDemoHistory } from '../../seeds';
import { loadHistory } from './forecast';
import type { CommandIo } from '../cli';

export const BACKTEST_USAGE =
  'usage: wfm risk backtest [--history FILE] [--demo] [--weeks 4] [--replications 10] [--absence 0.04] [--seed 1] [--aht 240] [--learn-weeks 4] [--zone Z] [--json]\n';

export const BacktestArgs = z.object({
  weeks: z.coerce.number().int().min(1, '--weeks must be 1 or more').max(26, '--weeks must be at most 26'),
  replications: z.coerce.number().int().min(1, '--replications must be 1 or more').max(200, '--replications must be at most 200'),
  absence: z.coerce.number().min(0, '--absence must be in [0, 0.5]').max(0.5, '--absence must be in [0, 0.5]'),
  seed: z.coerce.number().int('--seed must be a whole number'),
  aht: z.coerce.number().positive('--aht must be > 0 seconds'),
  learnWeeks: z.coerce.number().int().min(0, '--learn-weeks must be 0 or more').max(26, '--learn-weeks must be at most 26'),
});

const DEMO_NOW = DateTime.fromISO('2026-06-01T12:00', { zone: 'Asia/Tbilisi' });

interface DataSet {
  name: string;
  zone: string;
  holidays: 'auto' | 'GE';
  channels: { channel: string; series: HistoryPoint[] }[];
}

function demoData(): DataSet {
  const zone = 'Asia/Tbilisi';
  const rows = generateDemoHistory({ seed: 42, now: DEMO_NOW, zone, years: 1 });
  const of = (id: string) =>
    rows.filter((r) => r.channelId === id).map((r) => ({ start: r.start, volume: r.offered, ahtSeconds: r.ahtSeconds }));
  return { name: 'demo history', zone, holidays: 'GE', channels: ['voice', 'chat'].map((c) => ({ channel: c, series: of(c) })) };
}

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;

/** One reliability table: per band its count, mean stated, observed with its 95 % interval, difference. */
export function reliabilityLines(unit: string, t: ReliabilityTable): string[] {
  const out = [
    `${'stated'.padEnd(11)} ${unit.padStart(9)}  ${'mean p'.padStart(7)}  ${'observed'.padStart(8)}  ${'95 % interval'.padStart(15)}  ${'difference'.padStart(10)}`,
  ];
  for (const b of t.rows)
    out.push(
      `${`${(b.from * 100).toFixed(0)}–${(b.to * 100).toFixed(0)} %`.padEnd(11)} ${String(b.intervals).padStart(9)}  ${pct(b.meanPredicted).padStart(7)}  ${pct(b.observed).padStart(8)}  ${`${pct(b.ciLow).trim()}–${pct(b.ciHigh).trim()}`.padStart(15)}  ${`${(b.difference * 100).toFixed(1)}pt`.padStart(10)}${b.flagged ? '  !' : ''}`,
    );
  if (!t.intervals) return out;
  out.push(
    `Brier score (lower is better): ${t.brier.toFixed(4)} vs constant ${t.brierConstant.toFixed(4)} (base rate ${pct(t.baseRate).trim()}); ` +
      `bands off (more than ${BAND_TOLERANCE * 100} points and outside the 95 % interval): ${t.flagged}`,
  );
  return out;
}

/** The readable tables of one channel. */
export function backtestRiskTable(title: string, r: RiskBacktestReport): string {
  const maps = r.weeks
    .map(
      (w) =>
        `${w.calibration.intervalNoise}/${w.calibration.intervalSkew}/${w.calibration.recalibration.a.toFixed(2)}/${w.calibration.recalibration.b.toFixed(2)}`,
    )
    .join(' ');
  const offsets = r.weeks
    .map((w) => `${(100 * w.calibration.serviceLevelOffset).toFixed(1)}±${(100 * w.calibration.serviceLevelSd).toFixed(1)}`)
    .join(' ');
  const rhos = r.weeks.map((w) => w.dayCorrelation.toFixed(2)).join(' ');
  const out = [`${title}: ${r.weeks.length} backtest week(s) (${r.weeks.map((w) => w.week).join(', ')}), ${r.intervals} intervals`];
  out.push('Intervals, the model uncalibrated (one interval noise for every channel):', ...reliabilityLines('intervals', r.table));
  out.push(
    `Intervals, calibrated on the weeks before each, the chance the pages show (noise/centre/slope/offset per week: ${maps}):`,
    ...reliabilityLines('intervals', r.recalibratedTable),
  );
  out.push(
    `Days (within-day correlation per week: ${rhos}; service-level offset ± sd per week, points: ${offsets}):`,
    ...reliabilityLines('days', r.dayTable),
  );
  out.push('Weeks:', ...reliabilityLines('weeks', r.weekTable));
  return `${out.join('\n')}\n`;
}

export async function runBacktest(
  values: { history?: string; demo: boolean; zone?: string; json: boolean } & Record<string, unknown>,
  io: CommandIo,
  channelOf: (id: string) => ChannelSettings,
): Promise<number> {
  const parsed = BacktestArgs.safeParse({ ...values, learnWeeks: values['learn-weeks'] });
  if (!parsed.success) {
    io.stderr.write(`wfm risk: ${parsed.error.issues.map((i) => i.message).join('; ')}\n${BACKTEST_USAGE}`);
    return 2;
  }
  const a = parsed.data;
  const sets: DataSet[] = [];
  if (values.history) {
    const loaded = await loadHistory(values.history, values.zone, io.stderr, 'wfm risk');
    if (!loaded) return 2;
    sets.push({
      name: values.history,
      zone: loaded.zone,
      holidays: 'auto',
      channels: loaded.channels.map((c) => ({ channel: c, series: seriesForChannel(loaded.result.intervals, c) })),
    });
  }
  if (values.demo || !values.history) sets.push(demoData());
  const reports: { data: string; channel: string; report: RiskBacktestReport }[] = [];
  for (const set of sets)
    for (const { channel, series } of set.channels) {
      try {
        const report = riskOnBacktestWeeks(series, {
          zone: set.zone,
          weeks: a.weeks,
          channel: channelOf(channel),
          fallbackAhtSeconds: a.aht,
          absenceRate: a.absence,
          replications: a.replications,
          seed: a.seed,
          learnWeeks: a.learnWeeks,
          calendar: { publicHolidays: set.holidays, events: [] },
        });
        reports.push({ data: set.name, channel, report });
      } catch (err) {
        io.stderr.write(`wfm risk: ${set.name} ${channel}: ${(err as Error).message}\n`);
        return 2;
      }
    }
  if (values.json)
    io.stdout.write(
      `${JSON.stringify(
        reports.map((r) => ({
          data: r.data,
          channel: r.channel,
          weeks: r.report.weeks.map((w) => ({ week: w.week, calibration: w.calibration, dayCorrelation: w.dayCorrelation })),
          ...r.report.table,
          recalibrated: r.report.recalibratedTable,
          days: r.report.dayTable,
          weekly: r.report.weekTable,
        })),
        null,
        2,
      )}\n`,
    );
  else {
    io.stdout.write(reports.map((r) => backtestRiskTable(`${r.data}, ${r.channel}`, r.report)).join('\n'));
    io.stdout.write(
      '\nstated = the chance from the forecast at the origin with its band and absence; observed = share of replays of\n' +
        'the contacts that came (queue simulator with the actual count per interval, one AHT, absence drawn per person and day)\n' +
        'that met the target. Staffing: the requirement at the forecast, 0/−1/+1/−2/+2 steps of 3 % held four hours each.\n' +
        'calibrated = interval noise measured per channel, then q = σ(a·logit p + b), both learned on the earlier weeks only\n' +
        '(--learn-weeks more before the first reported); days add the service-level offset learned the same way.\n' +
        "Days and weeks: the chance that the period's volume-weighted service level meets the target. The 95 % interval\n" +
        "is Wilson's, counting the band's intervals (days, weeks) as independent trials; '!' marks a band off by more\n" +
        'than 10 points whose mean stated chance lies outside it.\n',
    );
  }
  return 0;
}
