/**
 * Wiring: the one place where the web app meets the application layer. `buildServices` binds
 * the use cases of app/ to the data source and the config (the team's zone and interval,
 * demo mode), so routes stay thin; it never calls a repository itself.
 */
import type { DateTime } from 'luxon';
import type { DataSource } from '../models';
import type { Config } from './config';
import type { ApiClient, CurrentUser } from './express-augment';
import { isLocale } from './i18n';
import { can, seesAllTeams } from './permissions';
import type { SessionBackend } from './session-store';
import type { StaffForm, StaffMember } from './view-models/staff';
import type { HomeSummary } from './view-models/home';
import type { HistoryWeek, ImportResult } from './view-models/history';
import { historyWeek } from '../app/history-week';
import { channelIdsByTeam } from '../app/team-channels';
import { homeSummary } from '../app/home-summary';
import { importHistory, type ImportHistoryInput } from '../app/import-history';
import { sessionRecords } from '../app/sessions';
import {
  addStaff,
  editStaff,
  listStaffWithLogins,
  skillChoices,
  staffCount,
  staffWithLogin,
  type SaveResult,
  type SkillChoice,
} from '../app/staff';
import { loadTeamSettings } from '../app/team-settings';
import { demoLogins, apiClientByToken, userById, verifyLogin, type SignedInUser, type UserDeps } from '../app/users';
import { ensureDemoData, DEMO_PASSWORD } from '../seeds';
import { logIn, type LoginOutcome } from '../app/login';
import type { JobQueue } from '../app/job-queue';
import { createJobQueue } from './job-queue';
import { setNotificationMail } from '../app/notify';
import {
  allTeams,
  createTeam,
  currentTeam,
  moveStaffToTeam,
  type CreateTeamResult,
  type MoveStaffResult,
  type TeamRecord,
  type TeamView,
} from '../app/teams';

export type { SaveResult };

export interface Services {
  db: DataSource;
  timeZone(): string;
  demoPassword: string;
  sessions: SessionBackend;
  /** Background jobs (rota generation); started by whoever starts the app (start.ts, tests). */
  jobs: JobQueue;
  users: {
    byId(id: number): Promise<CurrentUser | null>;
    byApiToken(token: string, now: Date): Promise<ApiClient | null>;
    verifyLogin(username: string, password: string): Promise<CurrentUser | null>;
    /** verifyLogin behind the login limiter (app/login.ts). */
    logIn(q: { username: string; password: string | null; address: string; now: Date }): Promise<LoginOutcome<CurrentUser>>;
    demoLogins(): Promise<{ username: string; role: string; name: string }[]>;
  };
  /** `teamId`: the team the page shows; a person of another team is not found. */
  staff: {
    list(filter: { role?: string; skill?: string }, teamId?: number): Promise<StaffMember[]>;
    get(id: number, teamId?: number): Promise<StaffMember | null>;
    create(form: StaffForm, userId: number, teamId?: number): Promise<SaveResult>;
    update(id: number, form: StaffForm, expectedVersion: number, userId: number, teamId?: number): Promise<SaveResult>;
    /** The team's channels, the skills a person can have (app/staff.ts). */
    skillChoices(teamId?: number): Promise<SkillChoice[]>;
  };
  teams: {
    /** The team a person looks at (app/teams.ts currentTeam). */
    current(user: Pick<CurrentUser, 'teamId' | 'role'>, chosenTeamId: number | null): Promise<TeamView>;
    list(): Promise<TeamRecord[]>;
    /** Each team's channel ids (app/team-channels.ts). */
    channelIds(): Promise<Map<number, string[]>>;
    create(input: { name: string; timeZone: string }, userId: number, now: Date): Promise<CreateTeamResult>;
    moveStaff(staffId: number, teamId: number, userId: number, now: Date): Promise<MoveStaffResult>;
  };
  /** The history of a team's channels (`teamId`, else every channel), in the team's zone and interval. */
  history: { week(weekStart: string | null, now: Date, teamId?: number): Promise<HistoryWeek> };
  homeSummary(user: CurrentUser, now: Date, team?: { id: number; timeZone: string } | null): Promise<HomeSummary>;
  importHistory(input: Omit<ImportHistoryInput, 'zone' | 'intervalMinutes'>): Promise<ImportResult>;
  ensureDemoData(now: DateTime): Promise<boolean>;
}

/** The web layer's view of a signed-in user: its role and locale checked against what it knows. */
function toCurrentUser(u: SignedInUser | null): CurrentUser | null {
  return u && { ...u, locale: isLocale(u.locale) ? u.locale : null };
}

export function buildServices(ds: DataSource, config: Readonly<Config>, extra: { jobs?: JobQueue } = {}): Services {
  let zone = config.timeZone;
  let intervalMinutes = 60;
  const refreshSettings = async () => {
    const settings = await loadTeamSettings(ds, { fallbackZone: config.timeZone });
    if (settings.configured) {
      zone = settings.timeZone;
      intervalMinutes = settings.intervalMinutes;
    }
  };
  void refreshSettings().catch(() => undefined);
  /** A team's zone and interval (without a team, the default team's, as read at start). */
  const teamClockOf = async (teamId?: number) => {
    if (teamId === undefined) return { zone, intervalMinutes };
    const settings = await loadTeamSettings(ds, { fallbackZone: zone, teamId });
    return { zone: settings.timeZone, intervalMinutes: settings.configured ? settings.intervalMinutes : intervalMinutes };
  };
  setNotificationMail(ds, config.smtp !== null);
  const users: UserDeps = { ds, demoMode: config.demoMode, now: () => new Date() };
  const verify = async (username: string, password: string) => toCurrentUser(await verifyLogin(users, username, password));

  return {
    db: ds,
    timeZone: () => zone,
    demoPassword: DEMO_PASSWORD,
    sessions: sessionRecords(ds),
    jobs: extra.jobs ?? createJobQueue(ds, config, { backend: 'local' }),
    users: {
      byId: async (id) => toCurrentUser(await userById(users, id)),
      byApiToken: async (token, now) => {
        const found = await apiClientByToken(users, token, now);
        return found && { ...found.token, user: toCurrentUser(found.user) };
      },
      verifyLogin: verify,
      logIn: (q) => logIn({ db: ds, policy: config.login, verify }, q),
      demoLogins: () => demoLogins(users),
    },
    staff: {
      list: (filter, teamId) => listStaffWithLogins(ds, filter, teamId),
      get: (id, teamId) => staffWithLogin(ds, id, teamId),
      create: (form, userId, teamId) => addStaff(ds, { form, userId, now: new Date(), teamId }),
      update: (id, form, expectedVersion, userId, teamId) => editStaff(ds, { id, form, expectedVersion, userId, now: new Date(), teamId }),
      skillChoices: (teamId) => skillChoices(ds, teamId),
    },
    teams: {
      current: (user, chosenTeamId) => currentTeam(ds, { ownTeamId: user.teamId, chosenTeamId, seesAllTeams: seesAllTeams(user.role) }),
      list: () => allTeams(ds),
      channelIds: () => channelIdsByTeam(ds),
      create: (input, userId, now) => createTeam(ds, { ...input, actor: { userId }, now }),
      moveStaff: (staffId, teamId, userId, now) => moveStaffToTeam(ds, { staffId, teamId, actor: { userId }, now }),
    },
    history: {
      week: async (weekStart, now, teamId) => {
        const team = await teamClockOf(teamId);
        return historyWeek(ds, { ...team, weekStart, now, teamId });
      },
    },
    homeSummary: (user, now, team) =>
      homeSummary(ds, {
        zone: team?.timeZone ?? zone,
        user: {
          staffId: user.staffId,
          canEditRota: can(user.role, 'rota:edit'),
          canViewStaffing: can(user.role, 'staffing:view'),
          seesTeam: can(user.role, 'team:view') && user.role !== 'admin',
        },
        now,
        staffCount: () => staffCount(ds, team?.id),
        teamId: team?.id,
      }),
    // With a team, the import reads the team's zone and interval itself: nothing is awaited here,
    // so a streamed body is listened to from the call on (import-history.ts, listenNow).
    importHistory: (input) => importHistory({ ds }, input.teamId === undefined ? { ...input, zone, intervalMinutes } : input),
    ensureDemoData: async (now) => {
      const created = await ensureDemoData(ds, now);
      await refreshSettings();
      return created;
    },
  };
}
