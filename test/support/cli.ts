/**
 * Running a `wfm` command in-process, as bin/cli.ts would, with captured output, a given
 * standard input and extra environment variables (restored afterwards).
 */
import { PassThrough, Readable } from 'node:stream';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

type Run = (
  args: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
) => Promise<number>;

export async function runCommand(
  run: Run,
  args: string[],
  opts: { env?: Record<string, string | undefined>; stdin?: string } = {},
): Promise<CommandRun> {
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  try {
    const code = await run(args, { stdin: Readable.from([opts.stdin ?? '']), stdout, stderr });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
