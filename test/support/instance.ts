/**
 * A real app instance in its own process (`node --import tsx server/start.ts`), as deployed:
 * configured by its environment, listening on a free port (PORT=0; the port is read from its
 * start line). `kill()` ends it with SIGKILL: no shutdown code runs, as when a machine dies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Instance {
  name: string;
  baseUrl: string;
  pid: number;
  /** Everything it printed (for the failure message of a test). */
  output(): string;
  /** SIGKILL: the process dies at once, mid-solve if it was solving. */
  kill(): Promise<void>;
  /** SIGTERM: its own shutdown. */
  stop(): Promise<void>;
}

export async function startInstance(
  name: string,
  env: Record<string, string>,
  o: { startTimeoutMs?: number; nodeArgs?: string[]; entry?: string[] } = {},
): Promise<Instance> {
  // Far above need (a start takes seconds, a minute on a busy machine): a slow start is no failure.
  const startTimeoutMs = o.startTimeoutMs ?? 600_000;
  // nodeArgs: e.g. --cpu-prof for a profile of the server under a benchmark's load.
  // entry: what node runs, default the sources through tsx; e.g. ['dist/start.js'] for the build.
  const entry = o.entry ?? ['--import', 'tsx', 'server/start.ts'];
  const child: ChildProcess = spawn(process.execPath, [...(o.nodeArgs ?? []), ...entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in ${startTimeoutMs} ms:\n${out}`)), startTimeoutMs);
    const look = () => {
      const m = out.match(/Rota is running at http:\/\/[^:]+:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited during start:\n${out}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    name,
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => out,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
