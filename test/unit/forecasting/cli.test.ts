import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { run as runBacktest } from '../../../bin/commands/backtest';
import { run as runForecast } from '../../../bin/commands/forecast';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out, err: () => err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'wfm-forecast-'));

/** Six weeks of hourly history from 2026-01-05, local (no offset) or with +04:00. */
function file(name: string, withOffset: boolean, extra = ''): string {
  const lines = ['timestamp,channel,volume,aht_seconds'];
  for (let d = 0; d < 42; d++) {
    for (let h = 0; h < 24; h++) {
      const day = new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
      const volume = h >= 9 && h < 18 ? 10 + (d % 7) : 0;
      lines.push(`${day}T${String(h).padStart(2, '0')}:00:00${withOffset ? '+04:00' : ''},voice,${volume},${volume ? 240 : ''}`);
    }
  }
  const p = path.join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n' + extra);
  return p;
}

describe('wfm forecast and wfm backtest', () => {
  it('wfm forecast, local timestamps, writes 168 CSV rows in the same local style with aht', async () => {
    const t = io();
    const code = await runForecast(
      ['--history', file('local.csv', false), '--channel', 'voice', '--start', '2026-02-16T00:00', '--hours', '168'],
      t.io,
    );
    expect(code, t.err()).to.equal(0);
    const rows = t.out().trim().split('\n');
    expect(rows[0]).to.equal('timestamp,channel,volume,lower80,upper80,lower95,upper95,aht_seconds');
    expect(rows).to.have.length(169);
    expect(rows[1].startsWith('2026-02-16T00:00:00,voice,')).to.equal(true);
    expect(rows[13].split(',')[7]).to.equal('240');
    expect(t.err()).to.match(/method /);
  });

  it('wfm forecast, timestamps with offset, writes timestamps with offset', async () => {
    const t = io();
    expect(
      await runForecast(['--history', file('offset.csv', true), '--start', '2026-02-16T00:00:00+04:00', '--hours', '2'], t.io),
    ).to.equal(0);
    expect(t.out().trim().split('\n')[2].startsWith('2026-02-16T01:00:00+04:00,voice,')).to.equal(true);
  });

  it('wfm forecast, a bad row, exits 1 naming line and field with nothing on stdout', async () => {
    const t = io();
    const code = await runForecast(
      ['--history', file('bad.csv', false, '2026-02-16T00:00:00,voice,-4,\n'), '--channel', 'voice', '--start', '2026-02-20T00:00'],
      t.io,
    );
    expect(code).to.equal(1);
    expect(t.out()).to.equal('');
    expect(t.err()).to.match(/bad\.csv:1010: field 'volume': volume is negative \(value '-4'\)/);
  });

  it('wfm forecast, a missing --start or an unknown channel, exits 2', async () => {
    const a = io();
    expect(await runForecast(['--history', file('x.csv', false)], a.io)).to.equal(2);
    const b = io();
    expect(await runForecast(['--history', file('y.csv', false), '--channel', 'fax', '--start', '2026-02-16T00:00'], b.io)).to.equal(2);
    expect(b.err()).to.match(/channel 'fax'/);
  });

  it('wfm backtest --json, two folds of a day, reports auto and seasonal-naive with coverage', async () => {
    const t = io();
    expect(await runBacktest(['--history', file('bt.csv', false), '--folds', '2', '--horizon', '24', '--json'], t.io)).to.equal(0);
    const r = JSON.parse(t.out()).channels.voice;
    expect(r.folds).to.have.length(2);
    expect(r.methods[0].method).to.equal('auto');
    expect(r.methods.map((m: { method: string }) => m.method)).to.include('seasonal-naive');
    expect(r.methods[0].coverage80).to.be.within(0, 1);
  });

  it('wfm backtest, table output, prints a row per method', async () => {
    const t = io();
    expect(await runBacktest(['--history', file('bt2.csv', false), '--folds', '1'], t.io)).to.equal(0);
    expect(t.out()).to.match(/^auto\s+0\.\d{4}/m);
    expect(t.out()).to.match(/^seasonal-naive\s/m);
    expect(t.out()).to.match(/\bpb10\s+pb50\s+pb90\b/);
    expect(t.out()).to.match(/^auto(\s+\S+){3}(\s+\d+\.\d{4}){3}\s/m);
  });

  it('wfm forecast --events, a +50% campaign day, raises that day and leaves the next one', async () => {
    const events = path.join(dir, 'events.json');
    writeFileSync(events, JSON.stringify([{ from: '2026-02-16', to: '2026-02-16', kind: 'event', effectPct: 50, note: 'campaign' }]));
    const run = async (extra: string[]) => {
      const t = io();
      expect(
        await runForecast(
          ['--history', file('ev.csv', false), '--start', '2026-02-16T00:00', '--hours', '48', '--holidays', 'none', ...extra],
          t.io,
        ),
      ).to.equal(0);
      return t
        .out()
        .trim()
        .split('\n')
        .slice(1)
        .map((r) => Number(r.split(',')[2]));
    };
    const plain = await run([]);
    const campaign = await run(['--events', events]);
    expect(campaign[12]).to.be.closeTo(plain[12] * 1.5, 0.011);
    expect(campaign[36]).to.equal(plain[36]);
  });

  it('wfm forecast --events, a malformed events file, exits 2', async () => {
    const events = path.join(dir, 'bad-events.json');
    writeFileSync(events, JSON.stringify([{ from: 'soon', kind: 'party' }]));
    const t = io();
    expect(await runForecast(['--history', file('ev2.csv', false), '--start', '2026-02-16T00:00', '--events', events], t.io)).to.equal(2);
    expect(t.err()).to.match(/--events/);
  });

  it('wfm forecast, offsets of New York and no --zone, reads and writes the New York zone', async () => {
    const lines = ['timestamp,channel,volume'];
    for (let h = 0; h < 42 * 24; h++) {
      const ms = Date.UTC(2026, 1, 1, 5) + h * 3_600_000; // from midnight EST, 1 February 2026
      const offset = ms >= Date.UTC(2026, 2, 8, 7) ? -4 : -5;
      const local = new Date(ms + offset * 3_600_000).toISOString().slice(0, 19);
      lines.push(`${local}${offset === -4 ? '-04:00' : '-05:00'},voice,${h % 24 >= 9 && h % 24 < 17 ? 30 : 0}`);
    }
    const p = path.join(dir, 'ny.csv');
    writeFileSync(p, lines.join('\n') + '\n');
    const t = io();
    expect(await runForecast(['--history', p, '--start', '2026-03-15T00:00:00-04:00', '--hours', '2'], t.io)).to.equal(0);
    expect(t.err()).to.match(/zone America\/New_York taken from the timestamps' offsets/);
    expect(t.out().trim().split('\n')[2].startsWith('2026-03-15T01:00:00-04:00,voice,')).to.equal(true);
  });

  it('wfm forecast, local timestamps in 2003 (Tbilisi still changed clocks) and no --zone, reads a plain wall clock: 24 rows a day', async () => {
    const lines = ['timestamp,channel,volume'];
    for (let h = 0; h < 42 * 24; h++)
      lines.push(
        `${new Date(Date.UTC(2003, 2, 3) + h * 3_600_000).toISOString().slice(0, 19)},voice,${h % 24 >= 9 && h % 24 < 17 ? 30 : 0}`,
      );
    const p = path.join(dir, 'y2003.csv');
    writeFileSync(p, lines.join('\n') + '\n');
    const t = io();
    expect(await runForecast(['--history', p, '--start', '2003-04-14T00:00:00', '--hours', '168'], t.io)).to.equal(0);
    // A file without offsets is wall-clock time: no hour lost or doubled, nothing to say.
    expect(t.err()).to.not.match(/left out|written twice/);
    const rows = t.out().trim().split('\n').slice(1);
    expect(rows).to.have.length(168);
    expect(new Set(rows.map((r) => r.split(',')[0])).size).to.equal(168);
  });
});
