/**
 * Defects an independent stress test found (holidays of the wrong country, wall-clock files,
 * absent closed days, off-grid starts, finer intervals than the data, short histories), each
 * on a small series generated here.
 */
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { run as runForecast } from '../../../bin/commands/forecast';
import { epochDay } from '../../../forecasting/grid';
import { backtest, forecastSeries, georgianHolidaysBetween, readHistoryCsv, type HistoryPoint } from '../../../forecasting/index';
import { ZoneClock } from '../../../forecasting/zone-clock';

const TBILISI = 'Asia/Tbilisi';

/** Hourly history from local date `from` for `days` days: `perHour(day, hour, isoDate)` contacts. */
function hourly(from: string, days: number, perHour: (day: number, hour: number, date: string) => number, zone = TBILISI): HistoryPoint[] {
  const clock = new ZoneClock(zone);
  const d0 = epochDay(from);
  const out: HistoryPoint[] = [];
  for (let d = 0; d < days; d++) {
    const date = new Date((d0 + d) * 86_400_000).toISOString().slice(0, 10);
    for (let h = 0; h < 24; h++) {
      const r = clock.resolveLocal((d0 + d) * 86_400_000 + h * 3_600_000);
      if (r.kind === 'gap') continue;
      const v = perHour(d, h, date);
      if (Number.isNaN(v)) continue;
      out.push({ start: new Date(r.kind === 'ok' ? r.ms : r.earlier).toISOString(), volume: v });
    }
  }
  return out;
}

const open = (h: number) => h >= 9 && h < 18;

describe('public holidays, auto', () => {
  it('forecastSeries, a series that works through Georgian holidays, does not cut 3 March by default', () => {
    // 2026-01-20 … 2026-03-01: no Georgian holiday seen; 3 March is one.
    const h = hourly('2026-01-20', 41, (_d, hr) => (open(hr) ? 20 : 0));
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-03-02T00:00', hours: 48 });
    expect(r.points[24 + 10].start).to.equal('2026-03-03T10:00:00.000+04:00');
    expect(r.points[24 + 10].volume).to.be.closeTo(20, 1);
    expect(r.specialDays).to.have.length(0);
    expect(r.holidays).to.deep.equal({ code: 'holidaysTooFewSeen', params: { seen: 0, need: 3 } });
  });

  it('forecastSeries, a series with dips on Georgian holidays, applies them by default, an unseen one at the mean learned effect', () => {
    const GE = new Set(georgianHolidaysBetween('2026-01-01', '2026-12-31').map((x) => x.date));
    const h = hourly('2026-01-05', 140, (_d, hr, date) => (open(hr) ? (GE.has(date) ? 6 : 20) : 0));
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-05-25T00:00', hours: 48 });
    expect(r.holidays?.code).to.equal('holidaysApplied');
    expect(Number(r.holidays?.params.ratio)).to.be.closeTo(0.3, 0.01);
    // 26 May (independence day) was never seen: the learned ratio (0.3), not the 0.5 default.
    expect(r.points[24 + 10].volume).to.be.closeTo(6, 1.5);
    const forced = forecastSeries(
      hourly('2026-01-20', 41, (_d, hr) => (open(hr) ? 20 : 0)),
      { zone: TBILISI, start: '2026-03-02T00:00', hours: 48, calendar: { publicHolidays: 'GE' } },
    );
    expect(forced.points[24 + 10].volume).to.be.lessThan(15);
  });
});

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out, err: () => err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'wfm-findings-'));

/**
 * An hourly CSV written on a New York wall clock without offsets, `days` days from `from`:
 * the spring hour absent, the autumn 01:00 written twice (as such exports do).
 */
function nyWallClockFile(
  name: string,
  from: string,
  days: number,
  perHour: (date: string, hour: number) => number = (_d, h) => (h >= 8 && h < 20 ? 30 : 2),
): string {
  const ny = new ZoneClock('America/New_York');
  const lines = ['timestamp,channel,volume'];
  const d0 = epochDay(from);
  for (let d = 0; d < days; d++) {
    const date = new Date((d0 + d) * 86_400_000).toISOString().slice(0, 10);
    for (let h = 0; h < 24; h++) {
      const r = ny.resolveLocal((d0 + d) * 86_400_000 + h * 3_600_000);
      if (r.kind === 'gap') continue;
      const ts = `${date}T${String(h).padStart(2, '0')}:00:00,voice,`;
      lines.push(ts + perHour(date, h));
      if (r.kind === 'ambiguous') lines.push(ts + perHour(date, h));
    }
  }
  const p = path.join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

describe('wall-clock files and --start', () => {
  it('wfm forecast, a New York wall-clock file (autumn hour written twice) and no --zone, reads it in the zone its repeated hour shows instead of rejecting the file', async () => {
    const t = io();
    const f = nyWallClockFile('ny.csv', '2024-09-23', 56);
    const code = await runForecast(['--history', f, '--channel', 'voice', '--start', '2024-11-18T00:00', '--hours', '24'], t.io);
    expect(code, t.err()).to.equal(0);
    expect(t.err()).to.match(/zone America\/New_York taken from the local hour\(s\) written twice/);
    const rows = t.out().trim().split('\n').slice(1);
    expect(rows).to.have.length(24);
    expect(rows[0].startsWith('2024-11-18T00:00:00,voice,')).to.equal(true);
    expect(Number(rows[12].split(',')[2])).to.be.closeTo(30, 3);
    // On the autumn day itself the output has the file's 25 hours: 01:00 twice.
    const t2 = io();
    expect(await runForecast(['--history', f, '--channel', 'voice', '--start', '2024-11-03T00:00', '--hours', '25'], t2.io)).to.equal(0);
    const day = t2
      .out()
      .trim()
      .split('\n')
      .slice(1)
      .map((r) => r.slice(0, 19));
    expect(day.slice(0, 4)).to.deep.equal(['2024-11-03T00:00:00', '2024-11-03T01:00:00', '2024-11-03T01:00:00', '2024-11-03T02:00:00']);
    expect(day[24]).to.equal('2024-11-03T23:00:00');
  });

  it('wfm forecast, a New York wall-clock file with only a spring change (hour left out), reads New York: no 02:00 on that day', async () => {
    const t = io();
    const f = nyWallClockFile('ny-spring.csv', '2025-02-03', 42);
    expect(
      await runForecast(['--history', f, '--channel', 'voice', '--start', '2025-03-08T00:00', '--hours', '48'], t.io),
      t.err(),
    ).to.equal(0);
    expect(t.err()).to.match(/zone America\/New_York taken from the local hour missing/);
    const stamps = t
      .out()
      .trim()
      .split('\n')
      .slice(1)
      .map((r) => r.slice(0, 19));
    expect(stamps).to.include('2025-03-09T01:00:00').and.include('2025-03-09T03:00:00');
    expect(stamps).to.not.include('2025-03-09T02:00:00');
  });

  it('readHistoryCsv, lenient, a duplicate row outside any daylight-saving hour, stays an error', async () => {
    const r = await readHistoryCsv(['timestamp,channel,volume', '2025-03-11T07:00:00,voice,3', '2025-03-11T07:00:00,voice,4'], {
      zone: 'UTC',
      intervalMinutes: 1,
      dstLenient: true,
    });
    expect(r.errorCount).to.equal(1);
    expect(r.errors[0].message).to.match(/duplicate interval/);
  });

  it('readHistoryCsv, lenient on a plain clock, the autumn 01:00 written twice, averages the two rows', async () => {
    const r = await readHistoryCsv(['timestamp,channel,volume', '2024-11-03T01:00:00,voice,4', '2024-11-03T01:00:00,voice,6'], {
      zone: 'UTC',
      intervalMinutes: 1,
      dstLenient: true,
    });
    expect(r.errorCount).to.equal(0);
    expect(r.intervals.map((i) => i.volume)).to.deep.equal([5]);
  });

  it('wfm forecast, --start a second off the interval grid, exits 2 naming the boundary', async () => {
    const t = io();
    const f = nyWallClockFile('ny2.csv', '2025-01-06', 28);
    const code = await runForecast(['--history', f, '--channel', 'voice', '--start', '2025-02-03T00:00:01', '--hours', '24'], t.io);
    expect(code).to.equal(2);
    expect(t.err()).to.match(/not on an interval boundary/);
    expect(t.out()).to.equal('');
  });

  it('wfm forecast, --start with an offset on a wall-clock file, exits 2 asking for a local time', async () => {
    const t = io();
    const f = nyWallClockFile('ny3.csv', '2025-01-06', 28);
    const code = await runForecast(['--history', f, '--channel', 'voice', '--start', '2025-02-03T00:00-05:00', '--hours', '24'], t.io);
    expect(code).to.equal(2);
    expect(t.err()).to.match(/local time/);
  });

  it('wfm forecast, --hours 1.5 or -5, exits 2 with a clear message', async () => {
    const f = nyWallClockFile('ny4.csv', '2025-01-06', 28);
    for (const [hours, msg] of [
      ['1.5', /whole number/],
      ['-5', /greater than 0|> 0/],
    ] as const) {
      const t = io();
      expect(await runForecast(['--history', f, '--channel', 'voice', '--start', '2025-02-03T00:00', '--hours', hours], t.io)).to.equal(2);
      expect(t.err()).to.match(msg);
    }
  });
});

describe('closed days the file leaves out', () => {
  it('forecastSeries, a centre closed at weekends that writes no weekend rows, forecasts 0 for Saturday and Sunday', () => {
    // 2026-01-05 is a Monday; 54 days end on Friday 27 February.
    const h = hourly('2026-01-05', 54, (d, hr) => (d % 7 >= 5 ? NaN : open(hr) ? 25 + (d % 7) : 0));
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-02-28T00:00', hours: 72, calendar: { publicHolidays: 'none' } });
    const weekend = r.points.slice(0, 48).reduce((s, p) => s + p.volume, 0);
    expect(weekend).to.equal(0);
    expect(r.points[48 + 10].volume).to.be.closeTo(25, 2);
  });

  it('forecastSeries, one weekday missing once (a logging gap, not a closure), still forecasts that weekday open', () => {
    const h = hourly('2026-01-05', 56, (d, hr) => (d === 45 ? NaN : open(hr) ? 20 : 0));
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-03-02T00:00', hours: 168, calendar: { publicHolidays: 'none' } });
    // d = 45 was a Thursday; next Thursday's 10:00 is open.
    expect(r.points[3 * 24 + 10].volume).to.be.closeTo(20, 1);
  });
});

describe('interval length', () => {
  it('forecastSeries, --interval 30 on hourly data, refuses: finer than the data', () => {
    const h = hourly('2026-01-05', 42, (_d, hr) => (open(hr) ? 20 : 0));
    expect(() => forecastSeries(h, { zone: TBILISI, start: '2026-02-16T00:00', hours: 24, intervalMinutes: 30 })).to.throw(
      /cannot be finer than the data/,
    );
  });

  it('forecastSeries, four weeks hourly then four weeks of 15-minute rows, sums into hours with a warning', () => {
    const clock = new ZoneClock(TBILISI);
    const h: HistoryPoint[] = [];
    const d0 = epochDay('2026-01-05');
    for (let d = 0; d < 56; d++) {
      for (let m = 0; m < 1440; m += d < 28 ? 60 : 15) {
        const hr = Math.floor(m / 60);
        const v = open(hr) ? (d < 28 ? 20 : 5) : 0;
        h.push({
          start: new Date(
            clock.resolveLocal((d0 + d) * 86_400_000 + m * 60_000).kind === 'ok' ? (d0 + d) * 86_400_000 + m * 60_000 - 4 * 3_600_000 : NaN,
          ).toISOString(),
          volume: v,
        });
      }
    }
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-03-02T00:00', hours: 24, calendar: { publicHolidays: 'none' } });
    expect(r.intervalMinutes).to.equal(60);
    expect(r.warnings).to.deep.include({ code: 'mixedIntervals', params: { coarseMinutes: 60, fineMinutes: 15 } });
    expect(r.points[10].volume).to.be.closeTo(20, 1);
  });
});

describe('short histories', () => {
  it('forecastSeries, nine days of history (no backtest week), gives an 80% band of at least ±30% at 100 contacts', () => {
    const h = hourly('2026-01-05', 9, (_d, hr) => (open(hr) ? 100 : 0));
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-01-14T00:00', hours: 24, calendar: { publicHolidays: 'none' } });
    const p = r.points[10];
    expect(p.volume).to.be.closeTo(100, 5);
    expect(p.upper80 - p.volume).to.be.at.least(0.3 * p.volume);
    expect(p.volume - p.lower80).to.be.at.least(0.3 * p.volume);
  });

  it('backtest, four weeks of history and 4 folds asked, runs 3 folds with a note instead of refusing', () => {
    const h = hourly('2026-01-05', 28, (d, hr) => (open(hr) ? 20 + (d % 3) : 0));
    const r = backtest(h, { zone: TBILISI, folds: 4, calendar: { publicHolidays: 'none' } });
    expect(r.folds).to.have.length(3);
    expect(r.warnings.find((w) => w.code === 'fewerFolds')?.params).to.include({ folds: 3, asked: 4 });
  });
});
