/**
 * express-session store kept in the application database (table `sessions`), so sessions
 * survive restarts and work the same on SQLite and PostgreSQL. Expired rows are ignored on
 * read and pruned every few hundred writes.
 */
import session from 'express-session';

export interface SessionBackend {
  /** The session's JSON, or null when absent or expired at `nowIso`. */
  get(sid: string, nowIso: string): Promise<string | null>;
  set(sid: string, data: string, expiresAt: string): Promise<void>;
  destroy(sid: string): Promise<void>;
  touch(sid: string, expiresAt: string): Promise<void>;
  prune(nowIso: string): Promise<number>;
}

type Callback = (err?: unknown, value?: session.SessionData | null) => void;

/** A session's expiry is rewritten at most this often by one process (rolling sessions touch on every request). */
const TOUCH_EVERY_MS = 60_000;
const MAX_TRACKED_TOUCHES = 10_000;

export class DatabaseSessionStore extends session.Store {
  private writes = 0;
  /**
   * When this process last wrote each session's expiry. Only skips writes that would move the
   * expiry by under a minute (of hours): any instance reads the row, so nothing depends on it.
   */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly backend: SessionBackend,
    private readonly now: () => Date,
    private readonly defaultTtlMs: number,
  ) {
    super();
  }

  private expiry(sess: session.SessionData): string {
    const cookieExpiry = sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : NaN;
    const at = Number.isFinite(cookieExpiry) ? cookieExpiry : this.now().getTime() + this.defaultTtlMs;
    return new Date(at).toISOString();
  }

  get(sid: string, cb: Callback): void {
    this.backend
      .get(sid, this.now().toISOString())
      .then((data) => cb(null, data === null ? null : (JSON.parse(data) as session.SessionData)))
      .catch(cb);
  }

  set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    // Prune expired sessions every few hundred writes rather than on a timer: no background work.
    if (++this.writes % 500 === 0) void this.backend.prune(this.now().toISOString()).catch(() => undefined);
    this.touched.set(sid, this.now().getTime());
    this.backend
      .set(sid, JSON.stringify(sess), this.expiry(sess))
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.touched.delete(sid);
    this.backend
      .destroy(sid)
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  touch(sid: string, sess: session.SessionData, cb?: () => void): void {
    const nowMs = this.now().getTime();
    const last = this.touched.get(sid);
    if (last !== undefined && nowMs - last < TOUCH_EVERY_MS && nowMs >= last) return void cb?.();
    if (this.touched.size >= MAX_TRACKED_TOUCHES) this.touched.clear();
    this.touched.set(sid, nowMs);
    this.backend
      .touch(sid, this.expiry(sess))
      .then(() => cb?.())
      .catch(() => cb?.());
  }
}
