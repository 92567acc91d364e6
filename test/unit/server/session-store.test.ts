import { expect } from 'chai';
import type session from 'express-session';
import { DatabaseSessionStore, type SessionBackend } from '../../../server/session-store';

/** The backend's interface kept in memory, counting the expiry writes the store asks for. */
function memoryBackend() {
  const rows = new Map<string, { data: string; expiresAt: string }>();
  const touches: string[] = [];
  const backend: SessionBackend = {
    get: async (sid, now) => (rows.has(sid) && rows.get(sid)!.expiresAt > now ? rows.get(sid)!.data : null),
    set: async (sid, data, expiresAt) => void rows.set(sid, { data, expiresAt }),
    destroy: async (sid) => void rows.delete(sid),
    touch: async (sid, expiresAt) => {
      touches.push(expiresAt);
      const row = rows.get(sid);
      if (row) row.expiresAt = expiresAt;
    },
    prune: async () => 0,
  };
  return { backend, rows, touches };
}

describe('DatabaseSessionStore (server/session-store.ts): rolling expiry without a write per request', () => {
  const HOUR = 3_600_000;
  const sess = (at: number) => ({ cookie: { expires: new Date(at + 12 * HOUR) } }) as unknown as session.SessionData;
  const call = (fn: (cb: () => void) => void) => new Promise<void>((resolve) => fn(resolve));

  it('touch: written at most once a minute per session; after a minute, or for another session, written again', async () => {
    let now = Date.parse('2026-12-07T08:00:00Z');
    const { backend, touches, rows } = memoryBackend();
    const store = new DatabaseSessionStore(backend, () => new Date(now), 12 * HOUR);
    await call((cb) => store.set('a', sess(now), cb));
    now += 1_000;
    await call((cb) => store.touch('a', sess(now), cb));
    now += 58_000;
    await call((cb) => store.touch('a', sess(now), cb));
    expect(touches, 'within a minute of the write: no touch written').to.have.length(0);
    now += 2_000;
    await call((cb) => store.touch('a', sess(now), cb));
    await call((cb) => store.touch('b', sess(now), cb));
    expect(touches).to.deep.equal([new Date(now + 12 * HOUR).toISOString(), new Date(now + 12 * HOUR).toISOString()]);
    expect(rows.get('a')!.expiresAt).to.equal(new Date(now + 12 * HOUR).toISOString());
  });

  it('destroy forgets the session: a new session with the same id is touched on its first request', async () => {
    const now = Date.parse('2026-12-07T08:00:00Z');
    const { backend, touches } = memoryBackend();
    const store = new DatabaseSessionStore(backend, () => new Date(now), 12 * HOUR);
    await call((cb) => store.touch('a', sess(now), cb));
    await call((cb) => store.destroy('a', cb));
    await call((cb) => store.touch('a', sess(now), cb));
    expect(touches).to.have.length(2);
  });
});
