/**
 * bin/wfm.js, the real `wfm` bin, run as a process: the prebuilt bundle while its sources hash
 * as at build time, and the TypeScript through tsx as soon as one of them differs, is gone or
 * the bundle is incomplete; both answer the same.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WFM = path.join(ROOT, 'bin/wfm.js');

describe('bin/wfm.js: the prebuilt command line only while it is up to date', function () {
  this.timeout(120_000);
  const out = `.build-test-wfm-${process.pid}`;
  const build = path.join(ROOT, out);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wfm-bin-'));
  const history = path.join(tmp, 'history.csv');
  let manifest: { outputs: string[]; sources: Record<string, string>; stats: Record<string, string> };

  before(() => {
    const lines = ['timestamp,channel,volume'];
    for (let d = 0; d < 35; d++)
      for (let h = 0; h < 24; h++) {
        const day = new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
        lines.push(`${day}T${String(h).padStart(2, '0')}:00:00,voice,${h >= 9 && h < 18 ? 10 + (d % 7) + (h % 3) : 0}`);
      }
    fs.writeFileSync(history, lines.join('\n') + '\n');
    const r = spawnSync(process.execPath, ['bin/build.js', '--prepare', '--outdir', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr + r.stdout).to.equal(0);
    manifest = JSON.parse(fs.readFileSync(path.join(build, 'cli.sources.json'), 'utf8'));
  });
  after(() => {
    fs.rmSync(build, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const forecast = (env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      [WFM, 'forecast', '--history', history, '--channel', 'voice', '--start', '2026-02-09T00:00', '--hours', '48'],
      { cwd: tmp, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', WFM_EXPLAIN: '1', ...env } },
    );

  it('the build lists the command line, its lazily loaded commands, the worker and their sources with SHA-1s', () => {
    expect(manifest.outputs).to.include.members(['cli.js', 'solve-worker.js', 'risk-calibration-worker.js']);
    expect(manifest.outputs.some((f) => /^forecast-.*\.js$/.test(f))).to.equal(true);
    for (const f of [
      'bin/cli.ts',
      'bin/commands/forecast.ts',
      'forecasting/engine.ts',
      'scheduling/solve-worker.ts',
      'app/risk-calibration-worker.ts',
      'bin/build.js',
    ])
      expect(manifest.sources[f], f).to.match(/^[0-9a-f]{40}$/);
  });

  it('wfm forecast with an up-to-date build runs the bundle and writes the same CSV as through tsx', () => {
    const bundled = forecast({ ROTA_WFM_BUILD: out });
    expect(bundled.status, bundled.stderr).to.equal(0);
    expect(bundled.stderr).to.contain(`wfm: prebuilt ${out}/cli.js`);
    const viaTsx = forecast({ ROTA_WFM_BUILD: `${out}-missing` });
    expect(viaTsx.status, viaTsx.stderr).to.equal(0);
    expect(viaTsx.stderr).to.contain('wfm: through tsx: no prebuilt command line');
    expect(bundled.stdout.split('\n')).to.have.length(50);
    expect(bundled.stdout).to.equal(viaTsx.stdout);
  });

  const withManifest = (change: (m: typeof manifest) => void, check: () => void) => {
    const file = path.join(build, 'cli.sources.json');
    const saved = fs.readFileSync(file, 'utf8');
    const m = JSON.parse(saved);
    change(m);
    fs.writeFileSync(file, JSON.stringify(m));
    try {
      check();
    } finally {
      fs.writeFileSync(file, saved);
    }
  };

  it('the build keeps the files the bundle was made from as inode, size and change times, to skip hashing them', () => {
    expect(manifest.stats['forecasting/engine.ts']).to.match(/^\d+:\d+:\d+:\d+:\d+$/);
  });

  it('a source whose stat differs from the build but whose content is the same (its hash) keeps the bundle', () => {
    withManifest(
      (m) => (m.stats['forecasting/engine.ts'] = '1:2:3:4:5'),
      () => expect(forecast({ ROTA_WFM_BUILD: out }).stderr).to.contain(`wfm: prebuilt ${out}/cli.js`),
    );
  });

  it('a source whose content differs from the build (its stat and its hash) sends wfm through tsx, which still answers', () => {
    withManifest(
      (m) => {
        m.sources['forecasting/engine.ts'] = '0'.repeat(40);
        m.stats['forecasting/engine.ts'] = '1:2:3:4:5';
      },
      () => {
        const r = forecast({ ROTA_WFM_BUILD: out });
        expect(r.status, r.stderr).to.equal(0);
        expect(r.stderr).to.contain('wfm: through tsx: forecasting/engine.ts changed since the build');
        expect(r.stdout.split('\n')).to.have.length(50);
      },
    );
  });

  it('a source removed since the build, or a missing piece of the bundle, sends wfm through tsx', () => {
    withManifest(
      (m) => (m.sources['forecasting/no-longer-here.ts'] = '0'.repeat(40)),
      () => expect(forecast({ ROTA_WFM_BUILD: out }).stderr).to.contain('forecasting/no-longer-here.ts was removed since the build'),
    );
    withManifest(
      (m) => m.outputs.push('chunk-GONE.js'),
      () => expect(forecast({ ROTA_WFM_BUILD: out }).stderr).to.contain('chunk-GONE.js is missing from the build'),
    );
  });

  it('wfm --help and an unknown command keep their exit codes through the bundle (0 and 2)', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [WFM, ...args], { encoding: 'utf8', env: { ...process.env, ROTA_WFM_BUILD: out, WFM_EXPLAIN: '1' } });
    const help = run(['--help']);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.contain('forecast --history FILE');
    const unknown = run(['nope']);
    expect(unknown.status).to.equal(2);
    expect(unknown.stderr).to.contain("wfm: unknown command 'nope'");
  });
});
