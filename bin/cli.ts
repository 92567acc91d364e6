/**
 * `wfm` sub-command dispatcher. Each command lives in bin/commands/<name>.ts and exports
 * `run(args, io)`, returning the process exit code; commands load lazily so that
 * `wfm erlang` does not open a database or load the solver.
 */
export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export type Command = (args: string[], io: CommandIo) => Promise<number>;

// Literal imports (not a path in a variable), so that the build can bundle each command.
const COMMANDS: Record<string, { load: () => Promise<{ run: Command }>; summary: string }> = {
  db: { load: () => import('./commands/db'), summary: 'db migrate | db revert: apply or undo schema migrations' },
  seed: { load: () => import('./commands/seed'), summary: 'seed [--reset]: load the demo team (demo mode)' },
  import: {
    load: () => import('./commands/import'),
    summary: "import history FILE | actuals FILE: import contact history or today's actuals (CSV)",
  },
  backup: { load: () => import('./commands/backup'), summary: 'backup FILE: consistent copy of the SQLite database' },
  user: { load: () => import('./commands/user'), summary: 'user create --role admin --username U: create an account' },
  erlang: { load: () => import('./commands/erlang'), summary: 'erlang: JSON staffing requests on stdin, results on stdout' },
  forecast: { load: () => import('./commands/forecast'), summary: 'forecast --history FILE --channel C --start T --hours N' },
  backtest: { load: () => import('./commands/backtest'), summary: 'backtest --history FILE [--channel C] [--folds 4] [--horizon 168]' },
  schedule: { load: () => import('./commands/schedule'), summary: 'schedule --week DATE [--requirements REQ.csv --staff STAFF.json]' },
  demo: {
    load: () => import('./commands/demo'),
    summary: "demo live [--seed N] [--once] [--url URL --token T]: simulated actuals for today (the intraday page's demo)",
  },
  risk: {
    load: () => import('./commands/risk'),
    summary:
      'risk calibration [--trials 200] [--cv 0.1] | risk backtest [--history FILE] [--weeks 4]: the risk bands against simulated intervals and backtest weeks',
  },
  roster: {
    load: () => import('./commands/roster'),
    summary: 'roster --nrp FILE [--time-limit 60] [--seed 1]: solve a shift scheduling benchmark instance',
  },
  period: {
    load: () => import('./commands/period'),
    summary: 'period check|generate --start DATE [--weeks 4]: a planning period and its rules',
  },
  rota: { load: () => import('./commands/rota'), summary: 'rota diff --week DATE --from R1 --to R2: what changed between two revisions' },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return `usage: wfm <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CommandIo = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`wfm: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const mod = await entry.load();
  try {
    return await mod.run(rest, io);
  } catch (err) {
    io.stderr.write(`wfm ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
