/**
 * Loading the demo team into an empty database: reproducible from `seed` and the clock `now`
 * (same inputs, same rows), in one transaction, in a few seconds (history in chunks).
 */
import { hash } from '@node-rs/argon2';
import type { DateTime } from 'luxon';
import {
  Availability,
  CalendarEvent,
  Platform,
  Preference,
  TimeOffRequest,
  appendAudit,
  countStaff,
  createChannel,
  createHistoryImport,
  createStaff,
  createTeamSettings,
  createUser,
  getTeamSettings,
  insertHistory,
  listUsers,
  replaceOpeningHours,
  revertLastMigration,
  runMigrations,
  withTransaction,
  type DataSource,
  type Db,
  type StaffMember,
} from '../models';
import { blackFridays, generateDemoHistory } from './demo-history';
import { DEMO_CHANNELS, DEMO_SETTINGS, demoOpeningHours } from './demo-reference';
import { DEMO_PREFERENCES, demoAvailability, demoTimeOff } from './demo-requests';
import { DEMO_PLATFORMS, demoTeam } from './demo-team';
import { Prng } from './prng';

/** The shared password of every demo login (demo mode only). */
export const DEMO_PASSWORD = 'rota-demo';
export const DEMO_SEED = 20261125;
export const DEMO_ADMIN_USERNAME = 'admin';

export interface SeedSummary {
  staff: number;
  users: number;
  historyRows: number;
  firstStart: string | null;
  lastStart: string | null;
}

export class DatabaseNotEmptyError extends Error {}

/** No staff, no settings, no logins: a fresh install (a login made with `wfm user create` counts as data). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await countStaff(db)) === 0 && (await getTeamSettings(db)) === null && (await listUsers(db)).length === 0;
}

async function seedReference(tx: Db, nowIso: string): Promise<void> {
  await createTeamSettings(tx, DEMO_SETTINGS, nowIso);
  for (const channel of DEMO_CHANNELS) await createChannel(tx, channel);
  for (const channel of DEMO_CHANNELS) {
    await replaceOpeningHours(
      tx,
      channel.id,
      demoOpeningHours().filter((h) => h.channelId === channel.id),
    );
  }
  await tx.getRepository(Platform).insert(DEMO_PLATFORMS);
}

async function seedPeople(tx: Db, rng: Prng, today: DateTime, nowIso: string, passwordHash: string): Promise<Map<string, StaffMember>> {
  const byCode = new Map<string, StaffMember>();
  for (const person of demoTeam(today.toISODate()!, (min, max) => rng.int(min, max))) {
    const member = await createStaff(tx, person.staff, nowIso);
    byCode.set(member.code, member);
    await createUser(tx, { username: person.username, passwordHash, role: member.role, staffId: member.id, isDemo: true }, nowIso);
  }
  await createUser(tx, { username: DEMO_ADMIN_USERNAME, passwordHash, role: 'admin', isDemo: true }, nowIso);
  return byCode;
}

async function seedRequests(tx: Db, staff: Map<string, StaffMember>, today: DateTime, nowIso: string): Promise<void> {
  const id = (code: string) => staff.get(code)!.id;
  const decider = 'giorgi.kapanadze';
  await tx.getRepository(TimeOffRequest).insert(
    demoTimeOff(today).map((t) => ({
      staffId: id(t.code),
      startDate: t.startDate,
      endDate: t.endDate,
      kind: t.kind,
      status: t.status,
      note: t.note,
      decidedBy: t.status === 'pending' ? null : decider,
      decidedAt: t.status === 'pending' ? null : nowIso,
      createdAt: nowIso,
      version: 1,
    })),
  );
  await tx.getRepository(Availability).insert(demoAvailability(today).map(({ code, ...a }) => ({ ...a, staffId: id(code) })));
  await tx.getRepository(Preference).insert(DEMO_PREFERENCES.map(({ code, ...p }) => ({ ...p, staffId: id(code) })));
}

async function seedCalendar(tx: Db, today: DateTime, firstYear: number, nowIso: string): Promise<void> {
  const events = blackFridays(firstYear, today.year).flatMap((date) =>
    [
      { channelId: 'voice', effectPercent: 20 },
      { channelId: 'chat', effectPercent: 35 },
    ].map((e) => ({
      startDate: date,
      endDate: date,
      kind: 'campaign',
      name: 'Black Friday sales',
      note: 'Platforms run discounts all day',
      createdBy: 'giorgi.kapanadze',
      createdAt: nowIso,
      version: 1,
      ...e,
    })),
  );
  await tx.getRepository(CalendarEvent).insert(events);
}

/**
 * Seeds an EMPTY database (throws DatabaseNotEmptyError otherwise). `now` is the clock: history
 * ends with the last full local day before it, requests sit in the weeks after it.
 */
export async function seedDemo(ds: DataSource, opts: { seed?: number; now: DateTime }): Promise<SeedSummary> {
  const seed = opts.seed ?? DEMO_SEED;
  if (!(await isDatabaseEmpty(ds))) throw new DatabaseNotEmptyError('the database already has data: reset it first (wfm seed --reset)');
  const zone = DEMO_SETTINGS.timeZone;
  const nowIso = opts.now.toUTC().toISO()!;
  const today = opts.now.setZone(zone).startOf('day');
  // Argon2 is deliberately slow: one hash shared by every demo login.
  const passwordHash = await hash(DEMO_PASSWORD);
  const history = generateDemoHistory({ seed, now: opts.now, zone });
  const rng = new Prng(seed);
  return withTransaction(ds, async (tx) => {
    await seedReference(tx, nowIso);
    const staff = await seedPeople(tx, rng, today, nowIso, passwordHash);
    await seedRequests(tx, staff, today, nowIso);
    const firstStart = history.length ? history.reduce((a, r) => (r.start < a ? r.start : a), history[0].start) : null;
    const lastStart = history.length ? history.reduce((a, r) => (r.start > a ? r.start : a), history[0].start) : null;
    await seedCalendar(tx, today, Number((firstStart ?? nowIso).slice(0, 4)), nowIso);
    const imp = await createHistoryImport(tx, {
      fileName: 'demo-history (generated)',
      userId: null,
      source: 'seed',
      rowCount: history.length,
      intervalCount: history.length,
      firstStart,
      lastStart,
      replacedCount: 0,
      createdAt: nowIso,
    });
    await insertHistory(
      tx,
      history.map((r) => ({ ...r, importId: imp.id })),
    );
    const summary: SeedSummary = { staff: staff.size, users: staff.size + 1, historyRows: history.length, firstStart, lastStart };
    await appendAudit(tx, { at: nowIso, action: 'demo.seed', entity: 'database', detail: { seed, ...summary } });
    return summary;
  });
}

/** First start in demo mode: seeds when the database is empty. Returns whether it seeded. */
export async function ensureDemoData(ds: DataSource, now: DateTime): Promise<boolean> {
  if (!(await isDatabaseEmpty(ds))) return false;
  await seedDemo(ds, { seed: DEMO_SEED, now });
  return true;
}

/** Drops every table (by undoing every migration), migrates again: an empty, current schema. */
export async function resetDatabase(ds: DataSource): Promise<void> {
  while (await revertLastMigration(ds)) {
    /* undo the newest migration until none is left */
  }
  await runMigrations(ds);
}
