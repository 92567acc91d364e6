/**
 * One configuration, parsed once from the environment at start-up and frozen.
 * Every key is documented here with its default; a bad value stops the start with a clear message.
 */
import { z } from 'zod';
import { IANAZone } from 'luxon';

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
  /** Failed logins allowed per IP and username in 15 minutes. Default 10. */
  LOGIN_ATTEMPTS_PER_15_MIN: z.coerce.number().int().positive().default(10),
  /** The address people reach Rota at, for links in mail. Default http://localhost:PORT. */
  ROTA_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
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
  sqlitePath: string;
  timeZone: string;
  demoMode: boolean;
  sessionSecret: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  sessionHours: number;
  loginAttemptsPer15Min: number;
  publicUrl: string;
  /** Null when mail is off. */
  smtp: SmtpConfig | null;
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
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    sqlitePath: e.ROTA_SQLITE_PATH,
    timeZone: e.ROTA_TIME_ZONE,
    demoMode: e.ROTA_DEMO,
    sessionSecret: e.SESSION_SECRET ?? DEMO_SESSION_SECRET,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    sessionHours: e.SESSION_HOURS,
    loginAttemptsPer15Min: e.LOGIN_ATTEMPTS_PER_15_MIN,
    publicUrl: e.ROTA_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
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
  });
}
