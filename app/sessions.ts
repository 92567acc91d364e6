/** Login sessions kept in the database: what the web layer's session store reads and writes. */
import type { DataSource } from '../models';
import { destroySession, getSessionData, pruneExpiredSessions, setSessionData, touchSession } from '../models/repositories/sessions';

export interface SessionRecords {
  /** The session's JSON, or null when absent or expired at `nowIso`. */
  get(sid: string, nowIso: string): Promise<string | null>;
  set(sid: string, data: string, expiresAt: string): Promise<void>;
  destroy(sid: string): Promise<void>;
  touch(sid: string, expiresAt: string): Promise<void>;
  /** Deletes the expired sessions; how many. */
  prune(nowIso: string): Promise<number>;
}

export function sessionRecords(ds: DataSource): SessionRecords {
  return {
    get: (sid, now) => getSessionData(ds, sid, now),
    set: (sid, data, expiresAt) => setSessionData(ds, sid, data, expiresAt),
    destroy: (sid) => destroySession(ds, sid),
    touch: (sid, expiresAt) => touchSession(ds, sid, expiresAt),
    prune: (now) => pruneExpiredSessions(ds, now),
  };
}
