/**
 * One configuration, parsed once from the environment at start-up and frozen.
 * Every key is documented here with its default; a bad value stops the start with a clear message.
 */
import { z } from 'zod';
import { IANAZone } from 'luxon';
import { DEFAULT_UPLOAD_DIR } from './upload-previews';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const EnvSchema = z.object({
  /** TCP port to listen on. Default 3000. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Host/interface to bind. Default 127.0.0.1 (set 0.0.0.0 to serve the network). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A postgres:// URL selects PostgreSQL; unset means the embedded SQLite file below. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for the embedded SQLite)')
    .optional(),
  /**
   * Connections of this instance's PostgreSQL pool for the app's own queries (pg-boss keeps 4 more).
   * Default 10. Every instance opens up to this many: keep their sum under the server's max_connections.
   */
  ROTA_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** Path of the embedded SQLite database file. Default ./data/rota.sqlite. */
  ROTA_SQLITE_PATH: z.string().min(1).default('data/rota.sqlite'),
  /** The team's time zone (IANA name): every date and time is shown in it. Default Asia/Tbilisi. */
  ROTA_TIME_ZONE: z
    .string()
    .default('Asia/Tbilisi')
    .refine((zone) => IANAZone.isValidZone(zone), 'is not a valid IANA time zone (e.g. Asia/Tbilisi)'),
  /** Demo mode: seed the demo team on first start and allow the demo logins. Default true. */
  ROTA_DEMO: bool(true),
  /** Secret that signs session cookies; required (32+ characters) outside demo mode. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Send cookies only over HTTPS. Default false (the demo runs on plain http://localhost). */
  COOKIE_SECURE: bool(false),
  /** Trust X-Forwarded-* from a reverse proxy (needed for secure cookies behind TLS termination). */
  TRUST_PROXY: bool(false),
  /** Session lifetime in hours. Default 12 (a working day). */
  SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Largest history import accepted (page upload or POST /api/history/import), in bytes. Default 200 MiB. */
  ROTA_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 ** 40)
    .default(200 * 1024 * 1024),
  /** Longest line of a history import, in characters; a longer line (or stray quote) stops the import. Default 65,536. */
  ROTA_IMPORT_MAX_LINE: z.coerce.number().int().min(256).max(16_777_216).default(65_536),
  /** Failed logins one account (username, trimmed and lower-cased) may have before it waits. Default 5. */
  LOGIN_FAILURES_BEFORE_LOCK: z.coerce.number().int().positive().max(1000).default(5),
  /** The first wait of a locked account in minutes; it doubles with every further failure. Default 1. */
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().max(1440).default(1),
  /** The longest wait of a locked account in minutes. Default 60. */
  LOGIN_LOCK_MAX_MINUTES: z.coerce.number().positive().max(1440).default(60),
  /** Failed logins allowed from one address (all usernames together) in 15 minutes. Default 50. */
  LOGIN_FAILURES_PER_ADDRESS_15_MIN: z.coerce.number().int().positive().default(50),
  /**
   * The address people reach Rota at (https://rota.example.ge), used for links that leave the
   * page (calendar feeds, mail). Unset: taken from each request's Host header (fine on localhost).
   */
  PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** Folder for uploaded history files between preview and commit (swept after an hour). Default <tmp>/rota-uploads. */
  ROTA_UPLOAD_DIR: z.string().min(1).optional(),
  /**
   * 'production' refuses demo mode and the demo session secret (see ROTA_ALLOW_DEMO_IN_PRODUCTION);
   * 'development' (npm run dev) re-reads templates on every request, otherwise compiled once.
   */
  NODE_ENV: z.string().optional(),
  /** Run demo mode even with NODE_ENV=production (a public demo server). Default false. */
  ROTA_ALLOW_DEMO_IN_PRODUCTION: bool(false),
  /** Mail server for forgotten-password links (and later notifications); unset = mail off. */
  SMTP_HOST: z.string().min(1).optional(),
  /** SMTP port. Default 587 (465 with SMTP_SECURE=true). */
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** TLS from the first byte (port 465); false = STARTTLS when the server offers it. Default false. */
  SMTP_SECURE: bool(false),
  /** SMTP login, if the server asks for one. */
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  /** The sender of Rota's mail. Default rota@localhost. */
  MAIL_FROM: z.string().min(3).default('Rota <rota@localhost>'),
  /** Rota solves this instance runs at once (0: a web-only instance; PostgreSQL only). Default 1. */
  ROTA_SOLVER_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  /** Wall-clock limit of one generation attempt in seconds, above the page's largest budget (600). Default 900. */
  ROTA_JOB_TIME_LIMIT_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  /** Attempts of a generation whose worker died or failed (1 = no retry). Default 2. */
  ROTA_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(2),
  /** Seconds without a heartbeat after which an attempt's worker is presumed dead (retried or failed). Default 60. */
  ROTA_JOB_LOST_AFTER_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
  /**
   * Niceness of this instance's solver threads (0-19, Linux): they yield the CPU to the pages the
   * same instance answers, so a solve does not slow them. 0 = as the pages. Default 10.
   */
  ROTA_SOLVER_NICENESS: z.coerce.number().int().min(0).max(19).default(10),
  /** PostgreSQL schema of the job queue's own tables (pg-boss), created on first start. Default pgboss. */
  ROTA_QUEUE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL name (letters, digits, _)')
    .default('pgboss'),
});

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  /** Connections of the PostgreSQL pool (ignored on SQLite). */
  poolSize: number;
  sqlitePath: string;
  timeZone: string;
  demoMode: boolean;
  sessionSecret: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  sessionHours: number;
  importMaxBytes: number;
  importMaxLineLength: number;
  login: {
    failuresBeforeLock: number;
    firstLockMinutes: number;
    maxLockMinutes: number;
    addressFailuresPer15Min: number;
  };
  /** Without a trailing slash; undefined: links are built from the request's Host. */
  publicUrl?: string;
  production: boolean;
  /** Compile each template once (every mode but NODE_ENV=development, where edits show at once). */
  cacheTemplates: boolean;
  uploadDir: string;
  /** Null when mail is off. */
  smtp: SmtpConfig | null;
  jobs: JobsConfig;
}

export interface JobsConfig {
  workers: number;
  timeLimitSeconds: number;
  attempts: number;
  lostAfterSeconds: number;
  /** The solver threads' niceness (0 = the process's own). */
  solverNiceness: number;
  /** pg-boss's schema (PostgreSQL only). */
  queueSchema: string;
}

export class ConfigError extends Error {}

/** Demo installs get a fixed, public secret: demo data is public anyway. Never used outside demo mode. */
const DEMO_SESSION_SECRET = 'rota-demo-session-secret-not-for-production-use';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.SMTP_USER === undefined) !== (e.SMTP_PASS === undefined)) {
    throw new ConfigError('Invalid configuration in the environment:\n  SMTP_USER, SMTP_PASS: set both or neither');
  }
  if (!e.ROTA_DEMO && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration in the environment:\n  SESSION_SECRET: required when ROTA_DEMO=false');
  }
  const production = e.NODE_ENV === 'production';
  if (production && !e.ROTA_ALLOW_DEMO_IN_PRODUCTION) {
    const problems: string[] = [];
    if (e.ROTA_DEMO)
      problems.push('  ROTA_DEMO: demo mode (public demo logins, the default) is refused in production: set ROTA_DEMO=false');
    if (!e.SESSION_SECRET || e.SESSION_SECRET === DEMO_SESSION_SECRET)
      problems.push('  SESSION_SECRET: the public demo secret is refused in production: set a random secret of 32+ characters');
    if (problems.length) {
      throw new ConfigError(
        `Refusing to start with NODE_ENV=production:\n${problems.join('\n')}\n` +
          '  (to run a public demo server in production anyway, set ROTA_ALLOW_DEMO_IN_PRODUCTION=true)',
      );
    }
  }
  if (e.ROTA_SOLVER_WORKERS === 0 && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration in the environment:\n  ROTA_SOLVER_WORKERS: 0 (a web-only instance) needs PostgreSQL (DATABASE_URL), where other instances solve',
    );
  }
  if (e.LOGIN_LOCK_MAX_MINUTES < e.LOGIN_LOCK_MINUTES) {
    throw new ConfigError('Invalid configuration in the environment:\n  LOGIN_LOCK_MAX_MINUTES: must not be below LOGIN_LOCK_MINUTES');
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.ROTA_DB_POOL_SIZE,
    sqlitePath: e.ROTA_SQLITE_PATH,
    timeZone: e.ROTA_TIME_ZONE,
    demoMode: e.ROTA_DEMO,
    sessionSecret: e.SESSION_SECRET ?? DEMO_SESSION_SECRET,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    sessionHours: e.SESSION_HOURS,
    importMaxBytes: e.ROTA_IMPORT_MAX_BYTES,
    importMaxLineLength: e.ROTA_IMPORT_MAX_LINE,
    login: Object.freeze({
      failuresBeforeLock: e.LOGIN_FAILURES_BEFORE_LOCK,
      firstLockMinutes: e.LOGIN_LOCK_MINUTES,
      maxLockMinutes: e.LOGIN_LOCK_MAX_MINUTES,
      addressFailuresPer15Min: e.LOGIN_FAILURES_PER_ADDRESS_15_MIN,
    }),
    publicUrl: e.PUBLIC_URL,
    production,
    cacheTemplates: e.NODE_ENV !== 'development',
    uploadDir: e.ROTA_UPLOAD_DIR ?? DEFAULT_UPLOAD_DIR,
    smtp: e.SMTP_HOST
      ? Object.freeze({
          host: e.SMTP_HOST,
          port: e.SMTP_PORT ?? (e.SMTP_SECURE ? 465 : 587),
          secure: e.SMTP_SECURE,
          user: e.SMTP_USER,
          pass: e.SMTP_PASS,
          from: e.MAIL_FROM,
        })
      : null,
    jobs: Object.freeze({
      workers: e.ROTA_SOLVER_WORKERS,
      timeLimitSeconds: e.ROTA_JOB_TIME_LIMIT_SECONDS,
      attempts: e.ROTA_JOB_ATTEMPTS,
      lostAfterSeconds: e.ROTA_JOB_LOST_AFTER_SECONDS,
      solverNiceness: e.ROTA_SOLVER_NICENESS,
      queueSchema: e.ROTA_QUEUE_SCHEMA,
    }),
  });
}
