/**
 * `npm run build` as a deployment uses it: bundle into a folder of the project, start the
 * bundled server with NODE_ENV=production (no tsx), serve pages and static files, and solve a
 * rota through the bundled command line, whose solver runs in the bundled worker; the risk
 * calibration's worker loads as plain JavaScript too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { startInstance, type Instance } from '../../support/instance';
import { DEFAULT_CALIBRATION } from '../../../staffing';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('production build: npm run build, then the bundled server and command line', function () {
  this.timeout(300_000);
  const out = `.build-test-${process.pid}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rota-build-'));
  const env = {
    NODE_ENV: 'production',
    ROTA_DEMO: 'false',
    SESSION_SECRET: 's'.repeat(40),
    ROTA_SQLITE_PATH: path.join(tmp, 'rota.sqlite'),
    ROTA_UPLOAD_DIR: path.join(tmp, 'uploads'),
  };
  let server: Instance | null = null;

  before(() => {
    // The type check is the same `tsc --noEmit` the gates run; here only the bundling is tested.
    const r = spawnSync(process.execPath, ['bin/build.js', '--no-typecheck', '--outdir', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr + r.stdout).to.equal(0);
    expect(r.stdout).to.match(/build: \d+ files/);
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(path.join(ROOT, out), { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the bundle: start, command line, solver and risk calibration workers as plain JavaScript, no TypeScript left', () => {
    for (const f of ['start.js', 'cli.js', 'solve-worker.js', 'risk-calibration-worker.js'])
      expect(fs.existsSync(path.join(ROOT, out, f)), f).to.equal(true);
    const js = fs.readdirSync(path.join(ROOT, out)).filter((f) => f.endsWith('.js'));
    const imports = js.flatMap((f) =>
      [...fs.readFileSync(path.join(ROOT, out, f), 'utf8').matchAll(/from\s+["'](\.[^"']+)["']/g)].map((m) => m[1]),
    );
    expect(imports.filter((i) => i.endsWith('.ts'))).to.deep.equal([]);
  });

  it('the bundled risk calibration worker runs without a loader and answers (too little history: the defaults)', async () => {
    const worker = new Worker(path.join(ROOT, out, 'risk-calibration-worker.js'), {
      execArgv: [],
      workerData: {
        series: [],
        options: { zone: 'Asia/Tbilisi', channel: { targetServiceLevel: 0.8 }, absenceRate: 0.04, intervalMinutes: 60 },
      },
    });
    try {
      const [msg] = (await once(worker, 'message')) as [{ type: string; calibration: unknown }];
      expect(msg).to.deep.equal({ type: 'result', calibration: DEFAULT_CALIBRATION });
    } finally {
      await worker.terminate();
    }
  });

  it('NODE_ENV=production: the bundled server migrates an empty database, starts and serves the login page and its CSS', async () => {
    // No loader: NODE_OPTIONS emptied, so a .ts import would fail the start.
    server = await startInstance('built', { ...env, NODE_OPTIONS: '' }, { entry: [path.join(out, 'start.js')] });
    const login = await fetch(`${server.baseUrl}/login`);
    expect(login.status).to.equal(200);
    expect(await login.text()).to.contain('<title>Log in · Rota');
    expect((await fetch(`${server.baseUrl}/static/css/app.css`)).status).to.equal(200);
    expect((await fetch(`${server.baseUrl}/manifest.webmanifest`)).status).to.equal(200);
  });

  it('the bundled command line solves a small week in the bundled worker (JSON on stdout, exit 0)', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'week-'));
    const hours = [9, 10, 11, 12, 13, 14, 15, 16];
    fs.writeFileSync(
      path.join(dir, 'REQ.csv'),
      ['timestamp,channel,required', ...hours.map((h) => `2026-12-07T${String(h).padStart(2, '0')}:00:00+04:00,voice,1`)].join('\n') + '\n',
    );
    const away = [{ start: '2026-12-08T00:00:00+04:00', end: '2026-12-14T00:00:00+04:00' }];
    fs.writeFileSync(
      path.join(dir, 'STAFF.json'),
      JSON.stringify({
        rules: { shiftLengthsHours: [8], earliestStart: '09:00', latestEnd: '17:00', daysOffPerWeek: 0 },
        staff: [{ id: 'a1', skills: ['voice'], contractHoursPerWeek: 7, unavailable: away }],
      }),
    );
    const r = spawnSync(
      process.execPath,
      [
        path.join(out, 'cli.js'),
        'schedule',
        '--requirements',
        path.join(dir, 'REQ.csv'),
        '--staff',
        path.join(dir, 'STAFF.json'),
        '--week',
        '2026-12-07',
        '--time-limit',
        '60',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env, NODE_OPTIONS: '' } },
    );
    expect(r.status, r.stderr).to.equal(0);
    const rota = JSON.parse(r.stdout) as { status: string; shifts: { staffId: string; start: string }[] };
    expect(rota.status).to.be.oneOf(['optimal', 'feasible']);
    expect(rota.shifts.map((s) => s.start)).to.deep.equal(['2026-12-07T09:00:00+04:00']);
  });
});
