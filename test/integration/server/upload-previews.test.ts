/**
 * Upload previews that nobody commits: refused and deleted once older than an hour, by the
 * sweep (at start and periodically) and at commit. The clock is injected; file ages are real
 * modification times set with utimes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { startTestApp, type TestApp, type TestClient } from '../../support/app';
import { testDbKind } from '../../support/db';
import { PREVIEW_MAX_AGE_MS, startUploadPreviewSweeper, sweepUploadPreviews } from '../../../server/upload-previews';

const FIXTURE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../fixtures/history/good.csv');
const MINUTE = 60_000;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rota-upload-test-'));
}

/** A file in `dir` last modified at `at`. */
function fileAt(dir: string, name: string, at: Date): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, 'x');
  fs.utimesSync(file, at, at);
  return file;
}

describe(`upload previews expire (${testDbKind()})`, function () {
  this.timeout(60_000);

  it('sweep: a preview 59 min old stays, one 61 min old is deleted; folders are left alone', async () => {
    const dir = tempDir();
    try {
      const t0 = new Date('2026-12-01T10:00:00.000Z');
      fileAt(dir, 'young', new Date(t0.getTime() + 2 * MINUTE));
      fileAt(dir, 'old', t0);
      fs.mkdirSync(path.join(dir, 'sub'));
      expect(await sweepUploadPreviews(dir, new Date(t0.getTime() + 59 * MINUTE))).to.deep.equal([]);
      expect(await sweepUploadPreviews(dir, new Date(t0.getTime() + 61 * MINUTE))).to.deep.equal(['old']);
      expect(fs.readdirSync(dir).sort()).to.deep.equal(['sub', 'young']);
      expect(await sweepUploadPreviews(dir, new Date(t0.getTime() + 63 * MINUTE))).to.deep.equal(['young']);
      expect(PREVIEW_MAX_AGE_MS).to.equal(60 * MINUTE);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sweeper: sweeps at start (the old file is gone before the first interval)', async () => {
    const dir = tempDir();
    try {
      const now = new Date('2026-12-01T12:00:00.000Z');
      fileAt(dir, 'left-over', new Date(now.getTime() - 2 * 60 * MINUTE));
      fileAt(dir, 'fresh', new Date(now.getTime() - 5 * MINUTE));
      const sweeper = startUploadPreviewSweeper({ dir, now: () => now, log: () => undefined, intervalMs: 3_600_000 });
      await sweeper.done;
      sweeper.stop();
      expect(fs.readdirSync(dir)).to.deep.equal(['fresh']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the preview → commit flow', () => {
    let app: TestApp;
    let dir: string;
    // Sessions expire on the real clock, so the injected one starts at real now.
    let clock = Date.now();
    // File ages are real modification times: each test starts the clock at real now again.
    beforeEach(() => {
      clock = Date.now();
    });
    before(async () => {
      dir = tempDir();
      app = await startTestApp({ env: { ROTA_UPLOAD_DIR: dir }, now: () => new Date(clock) });
    });
    after(async () => {
      await app?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    async function preview(c: TestClient): Promise<string> {
      await c.get('/history/import');
      const body = new FormData();
      body.set('onOverlap', 'replace');
      body.set('file', new Blob([fs.readFileSync(FIXTURE)], { type: 'text/csv' }), 'good.csv');
      const res = await c.request(`/history/import?_csrf=${encodeURIComponent(c.csrf!)}`, { method: 'POST', body });
      expect(res.status, res.text.slice(0, 300)).to.equal(200);
      return res.text.match(/name="id" value="([a-f0-9]{24})"/)![1];
    }

    it('an hour and a minute later the sweep has deleted the file and the commit answers 410 "expired"', async () => {
      const c = await app.loginAs('coordinator');
      const id = await preview(c);
      expect(fs.readdirSync(dir)).to.have.length(1);
      clock += 61 * MINUTE;
      expect(await sweepUploadPreviews(dir, new Date(clock))).to.have.length(1);
      const res = await c.postForm('/history/import/commit', { id });
      expect(res.status).to.equal(410);
      expect(res.text).to.contain('This preview has expired');
    });

    it('without a sweep in between, the commit itself refuses an expired preview and deletes its file', async () => {
      const c = await app.loginAs('coordinator');
      const id = await preview(c);
      clock += 61 * MINUTE;
      const res = await c.postForm('/history/import/commit', { id });
      expect(res.status).to.equal(410);
      expect(fs.readdirSync(dir)).to.deep.equal([]);
    });

    it('a preview committed within the hour is imported and its file removed', async () => {
      const c = await app.loginAs('coordinator');
      const id = await preview(c);
      clock += 59 * MINUTE;
      const res = await c.postForm('/history/import/commit', { id });
      expect(res.status).to.equal(302);
      expect(res.headers.get('location')).to.equal('/history');
      expect(fs.readdirSync(dir)).to.deep.equal([]);
    });
  });
});
