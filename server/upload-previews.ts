/**
 * Uploaded history files wait in a folder between the preview and the commit (server/routes/
 * history.ts). A preview nobody commits must not stay there for ever (a file can be 200 MB): a
 * preview older than PREVIEW_MAX_AGE_MS is refused at commit and deleted by a sweep that runs at
 * start and then every SWEEP_INTERVAL_MS (server/start.ts). The age is the file's modification
 * time against the injected clock, so every instance sharing the folder agrees.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DEFAULT_UPLOAD_DIR = path.join(os.tmpdir(), 'rota-uploads');
export const PREVIEW_MAX_AGE_MS = 60 * 60 * 1000;
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/** True when the preview file is older than the limit at `now` (or gone). */
export async function previewExpired(file: string, now: Date, maxAgeMs = PREVIEW_MAX_AGE_MS): Promise<boolean> {
  const stat = await fs.promises.stat(file).catch(() => null);
  return !stat || now.getTime() - stat.mtimeMs > maxAgeMs;
}

/** Deletes the files in `dir` older than `maxAgeMs` at `now`; returns their names. */
export async function sweepUploadPreviews(dir: string, now: Date, maxAgeMs = PREVIEW_MAX_AGE_MS): Promise<string[]> {
  const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    if (!(await previewExpired(file, now, maxAgeMs))) continue;
    await fs.promises.rm(file, { force: true });
    removed.push(entry.name);
  }
  return removed;
}

/** Sweeps now and then every `intervalMs` until stopped; the timer never keeps the process alive. */
export function startUploadPreviewSweeper(o: {
  dir: string;
  now: () => Date;
  log: (message: string, err?: unknown) => void;
  maxAgeMs?: number;
  intervalMs?: number;
}): { stop(): void; done: Promise<void> } {
  const sweep = () =>
    sweepUploadPreviews(o.dir, o.now(), o.maxAgeMs)
      .then(() => undefined)
      .catch((err) => o.log(`Sweeping old upload previews in ${o.dir} failed`, err));
  const done = sweep();
  const timer = setInterval(() => void sweep(), o.intervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), done };
}
