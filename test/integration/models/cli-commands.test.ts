import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verify } from '@node-rs/argon2';
import { expect } from 'chai';
import Database from 'better-sqlite3';
import { run as backup } from '../../../bin/commands/backup';
import { run as db } from '../../../bin/commands/db';
import { run as user } from '../../../bin/commands/user';
import { createStaff, findUserByUsername, type DataSource } from '../../../models';
import { runCommand } from '../../support/cli';
import { createTestDataSource, destroyTestDataSource, testDatabaseEnv, testDbKind } from '../../support/db';

describe(`wfm db, user, backup (${testDbKind()})`, function () {
  this.timeout(30_000);
  let ds: DataSource;
  let env: Record<string, string>;
  beforeEach(async () => {
    ds = await createTestDataSource();
    env = testDatabaseEnv(ds);
  });
  afterEach(() => destroyTestDataSource(ds));

  it('wfm db status then revert then migrate, reports applied, then pending, then applied again', async () => {
    const status = await runCommand(db, ['status'], { env });
    expect(status.stdout).to.match(/^\[x\] InitialSchema1764061200000$/m);
    const count = status.stdout.trim().split('\n').length;
    expect((await runCommand(db, ['revert'], { env })).stdout).to.match(/reverted/);
    const after = await runCommand(db, ['status'], { env });
    expect(after.stdout.match(/^\[ \]/gm)?.length).to.equal(1);
    const migrate = await runCommand(db, ['migrate'], { env });
    expect(migrate.code).to.equal(0);
    expect(migrate.stdout).to.match(/applied/);
    expect((await runCommand(db, ['status'], { env })).stdout.match(/^\[x\]/gm)?.length).to.equal(count);
  });

  it('wfm db, an unknown action, exits 2 with usage', async () => {
    const res = await runCommand(db, ['drop'], { env });
    expect(res.code).to.equal(2);
    expect(res.stderr).to.match(/usage: wfm db/);
  });

  it('wfm user create, a password under 12 characters, is refused and creates nothing', async () => {
    const res = await runCommand(user, ['create', '--role', 'admin', '--username', 'boss', '--password-stdin'], { env, stdin: 'short\n' });
    expect(res.code).to.equal(1);
    expect(res.stderr).to.match(/password: The password needs at least 12 characters/);
    expect(await findUserByUsername(ds, 'boss')).to.equal(null);
  });

  it('wfm user create with --password-stdin, stores a non-demo argon2id login that verifies', async () => {
    const res = await runCommand(user, ['create', '--role', 'admin', '--username', 'Boss', '--password-stdin'], {
      env,
      stdin: 'correct horse battery\n',
    });
    expect(res.code, res.stderr).to.equal(0);
    const stored = await findUserByUsername(ds, 'boss');
    expect(stored).to.include({ role: 'admin', isDemo: false, staffId: null });
    expect(stored!.passwordHash).to.match(/^\$argon2id\$/);
    expect(await verify(stored!.passwordHash, 'correct horse battery')).to.equal(true);
  });

  it('wfm user create, a taken username, an unknown role or staff code, a person already linked, is refused', async () => {
    await createStaff(
      ds,
      { code: 's01', name: 'Nino Beridze', role: 'agent', skills: ['voice'], contractHoursPerWeek: 40, activeFrom: '2025-01-01' },
      '2026-11-25T09:00:00.000Z',
    );
    const ok = await runCommand(user, ['create', '--role', 'agent', '--username', 'nino', '--staff', 's01', '--password-stdin'], {
      env,
      stdin: 'long enough pw\n',
    });
    expect(ok.code, ok.stderr).to.equal(0);
    expect((await findUserByUsername(ds, 'nino'))?.staffId).to.be.a('number');
    const taken = await runCommand(user, ['create', '--role', 'agent', '--username', 'NINO', '--password-stdin'], {
      env,
      stdin: 'long enough pw\n',
    });
    expect(taken.stderr).to.match(/username 'NINO': This username is already taken/);
    const role = await runCommand(user, ['create', '--role', 'boss', '--username', 'xavier', '--password-stdin'], {
      env,
      stdin: 'long enough pw\n',
    });
    expect(role.stderr).to.match(/role: Choose a role/);
    const staff = await runCommand(user, ['create', '--role', 'agent', '--username', 'xena', '--staff', 's99', '--password-stdin'], {
      env,
      stdin: 'long enough pw\n',
    });
    expect(staff.stderr).to.match(/staff 's99': This person does not exist/);
    expect(await findUserByUsername(ds, 'xena')).to.equal(null);
  });

  it('wfm user create --staff, a person who already has a login, is refused as on the accounts page', async () => {
    await createStaff(
      ds,
      { code: 's01', name: 'Nino Beridze', role: 'agent', skills: ['voice'], contractHoursPerWeek: 40, activeFrom: '2025-01-01' },
      '2026-11-25T09:00:00.000Z',
    );
    const args = (username: string) => ['create', '--role', 'agent', '--username', username, '--staff', 's01', '--password-stdin'];
    const first = await runCommand(user, args('nino'), { env, stdin: 'long enough pw\n' });
    expect(first.code, first.stderr).to.equal(0);
    const second = await runCommand(user, args('nino2'), { env, stdin: 'long enough pw\n' });
    expect(second.code).to.equal(1);
    expect(second.stderr).to.match(/staff 's01': This person already has an account/);
    expect(await findUserByUsername(ds, 'nino2')).to.equal(null);
  });

  it('wfm user create, a two-letter username, is refused by the same rule as the accounts page', async () => {
    const res = await runCommand(user, ['create', '--role', 'admin', '--username', 'bo', '--password-stdin'], {
      env,
      stdin: 'long enough pw\n',
    });
    expect(res.code).to.equal(1);
    expect(res.stderr).to.match(/username 'bo': 3 to 40 characters/);
    expect(await findUserByUsername(ds, 'bo')).to.equal(null);
  });

  it('wfm backup, SQLite copies a consistent database, PostgreSQL is pointed to pg_dump', async () => {
    const file = path.join(os.tmpdir(), `rota-backup-${process.pid}-${Date.now()}.sqlite`);
    try {
      await createStaff(
        ds,
        { code: 's01', name: 'Nino Beridze', role: 'agent', skills: ['voice'], contractHoursPerWeek: 40, activeFrom: '2025-01-01' },
        '2026-11-25T09:00:00.000Z',
      );
      const res = await runCommand(backup, [file], { env });
      if (testDbKind() === 'postgres') {
        expect(res.code).to.equal(2);
        expect(res.stderr).to.match(/pg_dump/);
        return;
      }
      expect(res.code, res.stderr).to.equal(0);
      const copy = new Database(file, { readonly: true });
      try {
        expect(copy.prepare('SELECT name FROM staff').all()).to.deep.equal([{ name: 'Nino Beridze' }]);
      } finally {
        copy.close();
      }
      const again = await runCommand(backup, [file], { env });
      expect(again.code).to.equal(1);
      expect(again.stderr).to.match(/already exists/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
