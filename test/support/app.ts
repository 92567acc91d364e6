/**
 * A real Rota server for HTTP tests: a fresh migrated database (SQLite file or PostgreSQL
 * schema, see db.ts), a small team with one account per role, the app listening on port 0,
 * and a cookie-keeping client that reads CSRF tokens from the pages like a browser would.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { hash } from '@node-rs/argon2';
import { createApp } from '../../server/app';
import { buildServices } from '../../server/services';
import { loadConfig, type Config } from '../../server/config';
import { createTeamSettings, createChannel, DEFAULT_LABOUR_RULES } from '../../models/repositories/settings';
import { createStaff } from '../../models/repositories/staff';
import { createUser, type UserRole } from '../../models/repositories/users';
import { createTestDataSource, destroyTestDataSource, testDatabaseEnv } from './db';
import { openDatabase, type DataSource } from '../../models';
import { createJobQueue } from '../../server/job-queue';
import type { JobQueue } from '../../app/job-queue';
import type { JobHandler } from '../../app/job-runner';
import { addRotaTeam } from './rota-builders';

export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_ROLES: UserRole[] = ['agent', 'team_lead', 'coordinator', 'head', 'admin'];

export interface TestApp {
  baseUrl: string;
  ds: DataSource;
  config: Readonly<Config>;
  /** The app's background jobs (in-process). */
  jobs: JobQueue;
  client(): TestClient;
  /** A client already logged in as the fixture user of `role` (username = role). */
  loginAs(role: UserRole): Promise<TestClient>;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | null = null;

export async function seedMinimalTeam(ds: DataSource): Promise<void> {
  const now = '2026-11-20T08:00:00.000Z';
  await createTeamSettings(
    ds,
    { name: 'Test team', timeZone: 'Asia/Tbilisi', intervalMinutes: 60, locale: 'en', rules: DEFAULT_LABOUR_RULES },
    now,
  );
  const base = { targetServiceLevel: 0.8, targetAsaSeconds: null, maxOccupancy: 0.85, shrinkage: 0.3, maxAbandonRate: null };
  await createChannel(ds, {
    ...base,
    id: 'voice',
    nameKey: 'channel.voice',
    kind: 'voice',
    thresholdSeconds: 20,
    patienceSeconds: 120,
    concurrency: 1,
    sortOrder: 1,
  });
  await createChannel(ds, {
    ...base,
    id: 'chat',
    nameKey: 'channel.chat',
    kind: 'chat',
    thresholdSeconds: 180,
    patienceSeconds: null,
    concurrency: 2,
    sortOrder: 2,
  });
  passwordHash ??= hash(TEST_PASSWORD);
  const pw = await passwordHash;
  let n = 0;
  for (const role of TEST_ROLES) {
    n++;
    const person =
      role === 'admin'
        ? null
        : await createStaff(
            ds,
            { code: `t${n}`, name: `Test ${role}`, role, skills: ['voice', 'chat'], contractHoursPerWeek: 40, activeFrom: '2025-01-01' },
            now,
          );
    await createUser(ds, { username: role, passwordHash: pw, role, staffId: person?.id ?? null }, now);
  }
}

export interface TestAppOptions {
  env?: Record<string, string>;
  now?: () => Date;
  seed?: (ds: DataSource) => Promise<void>;
  /** Where the app's log lines go (default: nowhere). */
  log?: (message: string, err?: unknown) => void;
  /** Wraps the background job handlers (see holdJobs in support/jobs). */
  wrapJobHandlers?: (handlers: Record<string, JobHandler>) => Record<string, JobHandler>;
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const ds = await createTestDataSource();
  await (opts.seed ?? seedMinimalTeam)(ds);
  return listenOn(ds, opts, () => destroyTestDataSource(ds));
}

/**
 * Another app instance on the database of `first`, with its own data source (own SQLite
 * connection, own PostgreSQL pool): a second server process, or the same one after a restart.
 * Closing it leaves the database to `first`.
 */
export async function startAppOnSameDatabase(first: TestApp, opts: Omit<TestAppOptions, 'seed'> = {}): Promise<TestApp> {
  const env = testDatabaseEnv(first.ds);
  const ds = await openDatabase({ databaseUrl: env.DATABASE_URL, sqlitePath: env.ROTA_SQLITE_PATH ?? '' }, { migrate: false });
  return listenOn(ds, opts, () => ds.destroy());
}

async function listenOn(ds: DataSource, opts: TestAppOptions, release: () => Promise<void>): Promise<TestApp> {
  // Solves at normal priority: on a machine busy with other work a niced solver thread would get
  // little CPU, and the tests' solves would slow with the machine's load.
  const config = loadConfig({ ROTA_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40), ROTA_SOLVER_NICENESS: '0', ...opts.env });
  // Jobs run in this process, also on PostgreSQL (the two-instance test starts real processes with pg-boss).
  const jobs = createJobQueue(ds, config, {
    backend: 'local',
    log: opts.log ?? (() => undefined),
    wrapHandlers: opts.wrapJobHandlers,
  });
  await jobs.start();
  const services = buildServices(ds, config, { jobs });
  const app = createApp({ config, services, now: opts.now ?? (() => new Date()), log: opts.log ?? (() => undefined) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const t: TestApp = {
    baseUrl,
    ds,
    config,
    jobs,
    client: () => new TestClient(baseUrl),
    loginAs: async (role) => {
      const c = new TestClient(baseUrl);
      const res = await c.postForm('/login', { username: role, password: TEST_PASSWORD }, '/login');
      if (res.status !== 302) throw new Error(`login as ${role} failed: HTTP ${res.status}`);
      return c;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.stop();
      await release();
    },
  };
  return t;
}

/** A fetch wrapper that keeps cookies and knows the page's CSRF token. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(readonly baseUrl: string) {}

  /** The same browser (its cookies and CSRF token) talking to another instance, as behind a load balancer. */
  on(baseUrl: string): TestClient {
    const other = new TestClient(baseUrl);
    other.cookies = this.cookies;
    other.csrf = this.csrf;
    return other;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response & { text: string }> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(this.baseUrl + path, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await res.text();
    const token = text.match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (token) this.csrf = token;
    return Object.assign(res, { text });
  }

  get(path: string) {
    return this.request(path);
  }

  /** Loads `formPage` first (for its CSRF token) unless one is known, then posts the form. */
  async postForm(path: string, fields: Record<string, string | string[]>, formPage?: string) {
    if (formPage || !this.csrf) await this.get(formPage ?? '/');
    const body = new URLSearchParams();
    body.set('_csrf', this.csrf ?? '');
    for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item);
    // As a browser does: the form's page is the Referer (where a page answering a form links back to).
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (formPage) headers.referer = this.baseUrl + formPage;
    return this.request(path, { method: 'POST', body, headers });
  }
}

/** A `seed` for startTestApp: the minimal team and `people` more for the rota (agents with shifts to plan). */
export function seedRotaTeam(people: number): (ds: DataSource) => Promise<void> {
  return async (ds) => {
    await seedMinimalTeam(ds);
    await addRotaTeam(ds, people);
  };
}
