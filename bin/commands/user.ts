/**
 * `wfm user create --role ROLE --username U [--staff CODE] [--password-stdin]`: make a login
 * (the way to the first admin outside demo mode). `wfm user password --username U` sets a new
 * password; `wfm user list` lists logins. The password comes from the first line of standard
 * input with --password-stdin, else it is asked for twice on the terminal (not echoed).
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { listUsers, USER_ROLES } from '../../models';
import { createAccount, MIN_PASSWORD_LENGTH, setPasswordByUsername, type AccountsContext } from '../../app/accounts';
import { translate } from '../../server/i18n';
import { commandConfig, withDatabase, type Io } from './db';

const USAGE = `usage: wfm user create --role ROLE --username U [--staff CODE] [--password-stdin]
       wfm user password --username U [--password-stdin]
       wfm user list

ROLE is one of ${USER_ROLES.join(', ')}. Passwords need at least ${MIN_PASSWORD_LENGTH} characters and must not be
common or easy to guess (checked offline).
--password-stdin reads the password from the first line of standard input (for scripts);
otherwise it is asked for on the terminal.
`;

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
  }
}

/** Asks on the terminal without echoing what is typed. */
async function prompt(question: string, io: Io): Promise<string> {
  const rl = readline.createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      io.stderr.write('\n');
      resolve(answer);
    });
    muted._writeToOutput = () => undefined;
  });
}

async function readPassword(fromStdin: boolean, io: Io): Promise<string | null> {
  if (fromStdin) return firstLine(io.stdin);
  if (!(io.stdin as NodeJS.ReadStream).isTTY) {
    io.stderr.write('wfm user: no terminal to ask for the password: use --password-stdin\n');
    return null;
  }
  const first = await prompt('Password: ', io);
  const again = await prompt('Password again: ', io);
  if (first !== again) {
    io.stderr.write('wfm user: the two passwords differ\n');
    return null;
  }
  return first;
}

export async function run(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      username: { type: 'string' },
      staff: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const action = positionals[0];
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (!['create', 'password', 'list'].includes(action ?? '') || positionals.length !== 1) {
    io.stderr.write(`wfm user: expected create, password or list (got '${positionals.join(' ')}')\n\n${USAGE}`);
    return 2;
  }
  if (action !== 'list' && !values.username) {
    io.stderr.write(`wfm user ${action}: --username is required\n\n${USAGE}`);
    return 2;
  }
  if (action === 'create' && !values.role) {
    io.stderr.write(`wfm user create: --role is required (one of ${USER_ROLES.join(', ')})\n`);
    return 2;
  }
  const config = commandConfig();
  if (action === 'list') return withDatabase(config, async (ds) => listAccounts(ds, io));
  const password = await readPassword(values['password-stdin'] ?? false, io);
  if (password === null) return 1;
  return withDatabase(config, async (ds) => {
    // The command line acts as nobody in particular: the audit trail records no user.
    const ctx: AccountsContext = { db: ds, now: new Date(), actor: { userId: null, username: 'wfm' } };
    const username = values.username!;
    const result =
      action === 'create'
        ? await createAccount(ctx, { username, password, role: values.role!, staff: values.staff ? { code: values.staff } : null })
        : await setPasswordByUsername(ctx, username, password);
    const refuse = (field: string, key: string) => {
      const flag = field === 'staffId' ? `staff '${values.staff}'` : field === 'username' ? `username '${username}'` : field;
      io.stderr.write(`wfm user ${action}: ${flag}: ${translate('en', key)}\n`);
    };
    if (result.kind === 'invalid') for (const [field, key] of Object.entries(result.errors)) refuse(field, key);
    else if (result.kind === 'refused') refuse(result.field ?? 'form', result.key);
    else if (result.kind === 'notFound') io.stderr.write(`wfm user ${action}: no user '${username}'\n`);
    if (result.kind !== 'ok') return 1;
    io.stdout.write(
      action === 'create'
        ? `created ${result.account.role} '${result.account.username}'\n`
        : `password changed for '${result.account.username}'\n`,
    );
    return 0;
  });
}

async function listAccounts(ds: Parameters<typeof listUsers>[0], io: Io): Promise<number> {
  for (const u of await listUsers(ds)) {
    const flags = [u.isDemo ? 'demo' : '', u.disabled ? 'disabled' : ''].filter(Boolean).join(',');
    io.stdout.write(`${u.username.padEnd(24)} ${u.role.padEnd(12)} ${u.lastLoginAt ?? 'never logged in'}${flags ? `  (${flags})` : ''}\n`);
  }
  return 0;
}
