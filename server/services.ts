/**
 * Wiring: the one place where the web app meets the data layer. `buildServices` turns the
 * repositories (plain objects from models/) and the use cases into what routes call, so
 * routes stay thin and never see TypeORM.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { DataSource } from '../models';
import { findUserByUsername, getUser, listUsers, recordLogin, type UserRecord } from '../models/repositories/users';
import { getSessionData, setSessionData, touchSession, destroySession, pruneExpiredSessions } from '../models/repositories/sessions';
import { listStaff, getStaff, countStaff } from '../models/repositories/staff';
import { getTeamSettings } from '../models/repositories/settings';
import type { Config } from './config';
import type { ApiClient, CurrentUser } from './express-augment';
import { isLocale } from './i18n';
import type { Role } from './permissions';
import type { SessionBackend } from './session-store';
import type { StaffForm, StaffMember } from './view-models/staff';
import type { HomeSummary } from './view-models/home';
import type { HistoryWeek, ImportResult } from './view-models/history';
import { historyWeek } from '../app/history-week';
import { homeSummary } from '../app/home-summary';
import { saveStaff, type SaveStaffResult } from '../app/save-staff';
import { importHistory, type ImportHistoryInput } from '../app/import-history';
import { ensureDemoData, DEMO_PASSWORD } from '../seeds';
import { authenticateApiToken } from '../app/api-tokens';

export type SaveResult = { kind: 'ok'; person: StaffMember } | { kind: 'stale'; current: StaffMember } | { kind: 'notFound' };

export interface Services {
  db: DataSource;
  timeZone(): string;
  demoPassword: string;
  sessions: SessionBackend;
  users: {
    byId(id: number): Promise<CurrentUser | null>;
    byApiToken(token: string, now: Date): Promise<ApiClient | null>;
    verifyLogin(username: string, password: string): Promise<CurrentUser | null>;
    demoLogins(): Promise<{ username: string; role: string; name: string }[]>;
  };
  staff: {
    list(filter: { role?: string; skill?: string }): Promise<StaffMember[]>;
    get(id: number): Promise<StaffMember | null>;
    create(form: StaffForm, userId: number): Promise<SaveResult>;
    update(id: number, form: StaffForm, expectedVersion: number, userId: number): Promise<SaveResult>;
  };
  history: { week(weekStart: string | null, now: Date): Promise<HistoryWeek> };
  homeSummary(user: CurrentUser, now: Date): Promise<HomeSummary>;
  importHistory(input: Omit<ImportHistoryInput, 'zone' | 'intervalMinutes'>): Promise<ImportResult>;
  ensureDemoData(now: DateTime): Promise<boolean>;
}

/** Demo logins are listed with the planners first, agents last. */
const ROLE_ORDER = ['admin', 'head', 'coordinator', 'team_lead', 'agent'];

/** Verifying against a fixed hash when the user is unknown keeps the timing of both answers alike. */
const DUMMY_HASH_PROMISE = argonHash('not-a-real-password-just-timing');

export function buildServices(ds: DataSource, config: Readonly<Config>): Services {
  let zone = config.timeZone;
  let intervalMinutes = 60;
  const refreshSettings = async () => {
    const settings = await getTeamSettings(ds);
    if (settings) {
      zone = settings.timeZone;
      intervalMinutes = settings.intervalMinutes;
    }
  };
  void refreshSettings().catch(() => undefined);
  const nowIso = () => new Date().toISOString();

  async function toCurrentUser(u: UserRecord | null): Promise<CurrentUser | null> {
    if (!u || u.disabled || (u.isDemo && !config.demoMode)) return null;
    const person = u.staffId !== null ? await getStaff(ds, u.staffId) : null;
    return {
      id: u.id,
      username: u.username,
      role: u.role as Role,
      staffId: u.staffId,
      displayName: person?.name ?? u.username,
      locale: isLocale(u.locale) ? u.locale : null,
      passwordStamp: createHash('sha256').update(`${u.role}\0${u.passwordHash}`).digest('hex').slice(0, 16),
    };
  }

  async function withUsernames(people: Awaited<ReturnType<typeof listStaff>>): Promise<StaffMember[]> {
    const byStaff = new Map((await listUsers(ds)).filter((u) => u.staffId !== null).map((u) => [u.staffId as number, u.username]));
    return people.map((p) => ({ ...p, username: byStaff.get(p.id) ?? null }));
  }

  async function toSaveResult(result: SaveStaffResult): Promise<SaveResult> {
    if (result.kind === 'ok') return { kind: 'ok', person: (await withUsernames([result.person]))[0] };
    if (result.kind === 'stale') return { kind: 'stale', current: (await withUsernames([result.current]))[0] };
    return result;
  }

  return {
    db: ds,
    timeZone: () => zone,
    demoPassword: DEMO_PASSWORD,
    sessions: {
      get: (sid, now) => getSessionData(ds, sid, now),
      set: (sid, data, expiresAt) => setSessionData(ds, sid, data, expiresAt),
      destroy: (sid) => destroySession(ds, sid),
      touch: (sid, expiresAt) => touchSession(ds, sid, expiresAt),
      prune: (now) => pruneExpiredSessions(ds, now),
    },
    users: {
      byId: async (id) => toCurrentUser(await getUser(ds, id)),
      byApiToken: async (token, now) => {
        const found = await authenticateApiToken(ds, token, now);
        const user = found?.user ? await toCurrentUser(found.user) : null;
        if (!found || (found.user && !user)) return null;
        return { ...found.token, user };
      },
      verifyLogin: async (username, password) => {
        const user = await findUserByUsername(ds, username);
        const ok = await argonVerify(user?.passwordHash ?? (await DUMMY_HASH_PROMISE), password).catch(() => false);
        const current = ok ? await toCurrentUser(user) : null;
        if (current) await recordLogin(ds, current.id, nowIso());
        return current;
      },
      demoLogins: async () => {
        if (!config.demoMode) return [];
        const people = new Map((await listStaff(ds)).map((p) => [p.id, p.name]));
        return (await listUsers(ds))
          .filter((u) => u.isDemo && !u.disabled)
          .map((u) => ({ username: u.username, role: u.role, name: u.staffId !== null ? (people.get(u.staffId) ?? '') : '' }))
          .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.username.localeCompare(b.username));
      },
    },
    staff: {
      list: async (filter) =>
        (await withUsernames(await listStaff(ds))).filter(
          (p) => (!filter.role || p.role === filter.role) && (!filter.skill || p.skills.includes(filter.skill)),
        ),
      get: async (id) => {
        const p = await getStaff(ds, id);
        return p ? (await withUsernames([p]))[0] : null;
      },
      create: async (form, userId) => toSaveResult(await saveStaff(ds, { id: null, form, userId, now: new Date() })),
      update: async (id, form, expectedVersion, userId) =>
        toSaveResult(await saveStaff(ds, { id, form: { ...form, version: expectedVersion }, userId, now: new Date() })),
    },
    history: { week: (weekStart, now) => historyWeek(ds, { zone, intervalMinutes, weekStart, now }) },
    homeSummary: (user, now) => homeSummary(ds, { zone, user, now, staffCount: () => countStaff(ds) }),
    importHistory: (input) => importHistory({ ds }, { ...input, zone, intervalMinutes }),
    ensureDemoData: async (now) => {
      const created = await ensureDemoData(ds, now);
      await refreshSettings();
      return created;
    },
  };
}
