import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
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

const dir = mkdtempSync(path.join(tmpdir(), 'wfm-decimal-'));

/** Six weeks of hourly history from 2026-01-05 (UTC offsets), open hours at `open` contacts. */
function file(name: string, open: string, extra = ''): string {
  const lines = ['timestamp,channel,volume'];
  for (let d = 0; d < 42; d++) {
    for (let h = 0; h < 24; h++) {
      const day = new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
      lines.push(`${day}T${String(h).padStart(2, '0')}:00:00+04:00,voice,${h >= 9 && h < 18 ? open : '0'}`);
    }
  }
  const p = path.join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n' + extra);
  return p;
}

async function forecast(history: string) {
  const t = io();
  const code = await runForecast(
    ['--history', history, '--zone', 'Asia/Tbilisi', '--start', '2026-02-16T00:00:00+04:00', '--hours', '24'],
    t.io,
  );
  return { code, out: t.out(), err: t.err() };
}

describe('wfm forecast --history with decimal volumes (#13)', () => {
  it('wfm forecast, every open hour 38.5 contacts, forecasts 38.5 for open hours instead of refusing the file', async () => {
    const r = await forecast(file('decimal.csv', '38.5'));
    expect(r.code, r.err).to.equal(0);
    const volumes = r.out
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => Number(row.split(',')[2]));
    expect(volumes).to.have.length(24);
    expect(volumes[10]).to.be.closeTo(38.5, 0.01);
    expect(volumes[3]).to.equal(0);
  });

  for (const [name, value, message] of [
    ['negative', '-0.5', /volume is negative/],
    ['non-numeric', 'lots', /volume is not a number/],
    ['missing', '', /volume is empty/],
  ] as const) {
    it(`wfm forecast, one ${name} volume among decimals, exits 1 naming its line and field`, async () => {
      const r = await forecast(file(`${name}.csv`, '12.25', `2026-02-16T00:00:00+04:00,voice,${value}\n`));
      expect(r.code).to.equal(1);
      expect(r.out).to.equal('');
      expect(r.err).to.match(/:1010: field 'volume': /);
      expect(r.err).to.match(message);
    });
  }
});
