/**
 * `npm start` as a real process (node --import tsx server/start.ts): it must fail loudly and
 * with a non-zero exit code when it cannot listen, and refuse demo mode in production.
 */
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { createTestDataSource, destroyTestDataSource, testDatabaseEnv, testDbKind } from '../../support/db';
import type { DataSource } from '../../../models';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts server/start.ts; `stopWhen` sees stdout as it grows and may ask for SIGTERM. */
function runStart(env: Record<string, string>, stopWhen?: (stdout: string) => boolean): Promise<Exit> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('NODE_ENV' in env)) delete childEnv.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], { cwd: ROOT, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += String(c);
    if (stopWhen?.(stdout)) child.kill('SIGTERM');
  });
  child.stderr.on('data', (c) => (stderr += String(c)));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

describe(`npm start as a process (${testDbKind()})`, function () {
  // Each start compiles the TypeScript with tsx: tens of seconds on a busy machine.
  this.timeout(180_000);
  let ds: DataSource;
  let base: Record<string, string>;
  before(async () => {
    ds = await createTestDataSource();
    base = { ...testDatabaseEnv(ds), HOST: '127.0.0.1', ROTA_DEMO: 'false', SESSION_SECRET: 's'.repeat(40) };
  });
  after(async () => destroyTestDataSource(ds));

  it('start: port already taken → prints the error, never "Rota is running", exits non-zero', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const run = await runStart({ ...base, PORT: String(port) });
      expect(run.code, run.stderr).to.equal(1);
      expect(run.stdout).not.to.contain('Rota is running');
      expect(run.stderr).to.contain(`Rota could not listen on 127.0.0.1:${port}`).and.to.contain('EADDRINUSE');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('start: a free port → "Rota is running", and SIGTERM stops it with exit code 0', async () => {
    const run = await runStart({ ...base, PORT: '0' }, (out) => out.includes('Rota is running'));
    expect(run.stdout).to.contain('Rota is running');
    expect(run.code, run.stderr).to.equal(0);
  });

  it('start: NODE_ENV=production in demo mode (the default) → refused with the reason and the way out, exit 1', async () => {
    const { ROTA_DEMO: _demo, SESSION_SECRET: _secret, ...rest } = base;
    const run = await runStart({ ...rest, PORT: '0', NODE_ENV: 'production' });
    expect(run.code).to.equal(1);
    expect(run.stdout).not.to.contain('Rota is running');
    expect(run.stderr)
      .to.contain('Refusing to start with NODE_ENV=production')
      .and.to.contain('ROTA_DEMO')
      .and.to.contain('SESSION_SECRET')
      .and.to.contain('ROTA_ALLOW_DEMO_IN_PRODUCTION=true');
  });
});
