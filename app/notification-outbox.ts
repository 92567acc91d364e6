/**
 * Delivery of the notification outbox: messages are queued in the database by whatever caused
 * them (a forgotten-password request; rota, request, swap and open-shift news from app/notify.ts)
 * and sent here, outside any request. A send that fails stays queued and is tried again after a
 * growing pause (30 s, 1 min, 2 min, … at most 1 h), so a mail server that is down loses nothing.
 * Each message is claimed before it is sent (a compare-and-set in the database), so two app
 * instances delivering the same outbox never send one message twice.
 */
import type { DataSource } from '../models';
import { listChannels } from '../models/repositories/settings';
import { claimOutboxMessage, dueOutboxMessages, markOutboxFailed, markOutboxSent, type OutboxMessage } from '../models/repositories/outbox';

export type SendMessage = (message: Pick<OutboxMessage, 'recipient' | 'subject' | 'body' | 'kind'>) => Promise<void>;

/** Writes a notification mail from its code and parameters, in the message's language. */
export type RenderMessage = (message: OutboxMessage) => { subject: string; body: string };

export interface OutboxDeps {
  ds: DataSource;
  send: SendMessage;
  now: () => Date;
  /** Needed for messages queued as codes (`params` set); others carry their words already. */
  render?: RenderMessage;
  log?: (message: string, err?: unknown) => void;
}

/** How long a claimed message is left to its sender before another may try it (a sender that died). */
export const CLAIM_LEASE_MS = 5 * 60_000;

function wordsOf(deps: OutboxDeps, m: OutboxMessage): OutboxMessage {
  if (m.params === null) return m;
  if (!deps.render) throw new Error(`no renderer for the notification mail ${m.kind}`);
  return { ...m, ...deps.render(m) };
}

const BASE_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;

/** The pause before attempt number `attempts + 1`. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** Sends what is due, one by one; answers how many went out and how many failed. */
export async function deliverDueNotifications(deps: OutboxDeps, limit = 20): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const due = await dueOutboxMessages(deps.ds, deps.now().toISOString(), limit);
  // Reading the channels notes their names for the catalogue (models/channel-names.ts): a mail
  // about a team's own channel ('voice-2') says its kind's name, also in an instance that has
  // shown no page yet.
  if (due.length) await listChannels(deps.ds);
  for (const m of due) {
    const lease = new Date(deps.now().getTime() + CLAIM_LEASE_MS).toISOString();
    if (!(await claimOutboxMessage(deps.ds, m, lease))) continue; // another instance has it
    try {
      await deps.send(wordsOf(deps, m));
      await markOutboxSent(deps.ds, m.id, deps.now().toISOString());
      sent++;
    } catch (err) {
      const attempts = m.attempts + 1;
      const next = new Date(deps.now().getTime() + retryDelayMs(attempts)).toISOString();
      await markOutboxFailed(deps.ds, m.id, attempts, next, err instanceof Error ? err.message : String(err));
      deps.log?.(`Notification ${m.id} (${m.kind}) not sent, attempt ${attempts}; next try at ${next}`, err);
      failed++;
    }
  }
  return { sent, failed };
}

export interface OutboxLoop {
  /** Runs a delivery round soon (after something was queued). */
  kick(): void;
  /** Stops the loop, waiting for a round in progress. */
  stop(): Promise<void>;
}

/** Polls every `intervalMs`; rounds never overlap. */
export function startOutboxLoop(deps: OutboxDeps, intervalMs: number): OutboxLoop {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(round, ms);
    timer.unref();
  };
  function round() {
    timer = null;
    if (running) return schedule(intervalMs);
    running = deliverDueNotifications(deps)
      .then(() => undefined)
      .catch((err) => deps.log?.('Notification delivery round failed', err))
      .finally(() => {
        running = null;
        schedule(intervalMs);
      });
  }
  schedule(0);
  return {
    kick: () => schedule(0),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
