import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { run as runForecast } from '../../../bin/commands/forecast';
import { mulberry32 } from '../../../forecasting/random';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out, err: () => err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'wfm-platform-'));

/** Eight weeks, open 09-18: web 60 %, app 40 % of about 30 contacts an hour (seeded noise, decimals). */
function file(): string {
  const rand = mulberry32(7);
  const lines = ['timestamp,channel,platform,volume'];
  for (let d = 0; d < 56; d++) {
    const day = new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
    for (let h = 0; h < 24; h++) {
      const base = h >= 9 && h < 18 ? 30 : 0;
      for (const [p, share] of [
        ['web', 0.6],
        ['app', 0.4],
      ] as const)
        lines.push(`${day}T${String(h).padStart(2, '0')}:00:00+04:00,voice,${p},${(base * share * (0.9 + 0.2 * rand())).toFixed(1)}`);
    }
  }
  const p = path.join(dir, 'platforms.csv');
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

async function forecast(extra: string[]) {
  const t = io();
  const code = await runForecast(
    ['--history', file(), '--start', '2026-03-02T00:00:00+04:00', '--hours', '48', '--by-platform', ...extra],
    t.io,
  );
  const rows = t
    .out()
    .trim()
    .split('\n')
    .slice(1)
    .map((r) => r.split(','));
  return { code, err: t.err(), rows };
}

describe('wfm forecast --by-platform', function () {
  this.timeout(120_000);

  it('wfm forecast --by-platform, two platforms: 48 channel rows and 48 per platform that add up to the channel in every interval', async () => {
    const r = await forecast([]);
    expect(r.code, r.err).to.equal(0);
    const of = (p: string) => r.rows.filter((x) => x[2] === p);
    expect(of('')).to.have.length(48);
    expect(of('web')).to.have.length(48);
    expect(of('app')).to.have.length(48);
    of('').forEach((row, h) => {
      expect(Number(row[3]), row[0]).to.be.closeTo(Number(of('web')[h][3]) + Number(of('app')[h][3]), 0.011);
    });
    expect(r.err).to.match(/reconciliation (bottom-up|top-down|mint-diagonal|middle)/);
  });

  it('wfm forecast --by-platform, an event of +50% on app for one day: app ×1.5 that day only, web unchanged', async () => {
    const events = path.join(dir, 'events.json');
    writeFileSync(events, JSON.stringify([{ from: '2026-03-03', to: '2026-03-03', kind: 'event', effectPct: 50, platform: 'app' }]));
    const plain = await forecast([]);
    const launch = await forecast(['--events', events]);
    expect(launch.code, launch.err).to.equal(0);
    const vol = (r: typeof plain, p: string) => r.rows.filter((x) => x[2] === p).map((x) => Number(x[3]));
    vol(launch, 'app').forEach((v, h) => expect(v).to.be.closeTo(vol(plain, 'app')[h] * (h >= 24 ? 1.5 : 1), 0.011));
    expect(vol(launch, 'web')).to.deep.equal(vol(plain, 'web'));
  });

  it('wfm forecast, an event on a platform without --by-platform, exits 2 saying so', async () => {
    const events = path.join(dir, 'events2.json');
    writeFileSync(events, JSON.stringify([{ from: '2026-03-03', to: '2026-03-03', kind: 'event', effectPct: 50, platform: 'app' }]));
    const t = io();
    const code = await runForecast(
      ['--history', file(), '--start', '2026-03-02T00:00:00+04:00', '--hours', '48', '--events', events],
      t.io,
    );
    expect(code).to.equal(2);
    expect(t.err()).to.match(/needs --by-platform/);
  });
});
