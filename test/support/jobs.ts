/**
 * Holding a background job at its start, so a test can act on a job that is running (show its
 * progress, cancel it) whatever the machine's speed: a solve that finishes in a second on a fast
 * machine would otherwise be done before the test's cancel arrives.
 */
import type { JobHandler } from '../../app/job-runner';

export interface JobHold {
  /** Holds the next jobs whose input has this weekStart (a period: its start), until released or cancelled. */
  hold(weekStart: string): void;
  release(weekStart: string): void;
  wrap: (handlers: Record<string, JobHandler>) => Record<string, JobHandler>;
}

export function holdJobs(): JobHold {
  const held = new Map<string, Set<() => void>>();
  return {
    hold: (week) => void held.set(week, held.get(week) ?? new Set()),
    release: (week) => {
      for (const go of held.get(week) ?? []) go();
      held.delete(week);
    },
    wrap: (handlers) =>
      Object.fromEntries(
        Object.entries(handlers).map(([kind, real]): [string, JobHandler] => [
          kind,
          async (input, ctx) => {
            // A week's generation names its week; a period's, its first Monday.
            const { weekStart, start } = input as { weekStart?: string; start?: string };
            const waiters = held.get(weekStart ?? start ?? '');
            if (waiters) {
              await new Promise<void>((resolve) => {
                waiters.add(resolve);
                ctx.signal.addEventListener('abort', () => resolve(), { once: true });
              });
              // Cancelled (or timed out) while held: end the attempt as the runner expects.
              if (ctx.signal.aborted) throw new Error(`job stopped while held: ${String(ctx.signal.reason)}`);
            }
            return real(input, ctx);
          },
        ]),
      ),
  };
}
