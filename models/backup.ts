/**
 * A consistent copy of the SQLite database while the app runs: `VACUUM INTO` reads one
 * snapshot inside a read transaction (WAL mode lets the app keep writing meanwhile) and
 * writes a compact, self-contained file, which is then checked (`PRAGMA quick_check`).
 * PostgreSQL is backed up with its own tools (pg_dump).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  tables: number;
}

/** Copies the open SQLite database to `file` (which must not exist yet). */
export async function backupSqlite(ds: DataSource, file: string): Promise<BackupResult> {
  if (ds.options.type !== 'better-sqlite3') {
    throw new BackupError(
      'this database is PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom --file=rota.dump "$DATABASE_URL"',
    );
  }
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`${file} already exists: choose a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await ds.query('VACUUM INTO ?', [target]);
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the copy ${file} failed its integrity check: ${String(check)}`);
    const tables = copy.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    return { file: target, bytes: fs.statSync(target).size, tables: tables.n };
  } finally {
    copy.close();
  }
}
