/** What Rota adds to Express's request and to the session, typed once. */
import 'express-session';
import type { Locale, Translator } from './i18n';
import type { Role } from './permissions';
import type { TokenScope } from '../app/api-tokens';
import type { TeamRecord } from '../app/teams';

export interface CurrentUser {
  id: number;
  username: string;
  role: Role;
  staffId: number | null;
  /** Their own team (see `Request.team` for the one they are looking at). */
  teamId: number | null;
  displayName: string;
  locale: Locale | null;
  /** A short fingerprint of the password hash and role: a session from before a change of either is void. */
  passwordStamp: string;
}

/** An API token that authenticated a request to an /api/ route. */
export interface ApiClient {
  id: number;
  name: string;
  kind: 'personal' | 'service';
  scopes: TokenScope[];
  /** The owner of a personal token; null for a service token (it belongs to nobody). */
  user: CurrentUser | null;
}

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    passwordStamp?: string;
    csrfToken?: string;
    locale?: Locale;
    /** The team chosen in the switcher (only for those who see all teams). */
    teamId?: number;
    flash?: { kind: 'info' | 'warn' | 'error'; key: string; params?: Record<string, unknown> }[];
    /** An uploaded history file waiting for the coordinator to confirm its preview. */
    pendingImport?: { id: string; path: string; fileName: string; onOverlap: 'replace' | 'refuse' };
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: CurrentUser;
    /** Set when the request authenticated with an API bearer token (no cookie, no CSRF). */
    apiToken?: ApiClient;
    locale: Locale;
    t: Translator;
    /** The team the request looks at (server/middleware/team.ts); null before the install has one. */
    team: TeamRecord | null;
    /** That team's zone, else the deployment's: every local time of the page is read in it. */
    zone: string;
  }
}
