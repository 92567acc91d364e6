import { expect } from 'chai';
import { startTestApp, type TestApp, type TestClient } from '../../support/app';
import { historyRange } from '../../../models/repositories/history';

/** `n` hourly voice rows from `fromIso` (UTC), volume `volume(i)`. */
function rows(n: number, fromIso = '2026-11-02T00:00:00.000Z', volume: (i: number) => string = (i) => String(i % 40)): string[] {
  const from = Date.parse(fromIso);
  return Array.from({ length: n }, (_, i) => `${new Date(from + i * 3_600_000).toISOString().slice(0, 16)}Z,voice,${volume(i)}`);
}

async function storedVoice(app: TestApp) {
  return historyRange(app.ds, { channelId: 'voice', from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' });
}

async function importCsv(c: TestClient, body: string | ReadableStream<Uint8Array>, query = '') {
  const res = await c.request(`/api/history/import${query}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/csv', 'x-csrf-token': c.csrf! },
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, body: JSON.parse(res.text) };
}

describe('history import: limits and hostile files', function () {
  this.timeout(120_000);

  describe('default limits', () => {
    let app: TestApp;
    let c: TestClient;
    before(async () => {
      app = await startTestApp();
      c = await app.loginAs('coordinator');
      await c.get('/');
    });
    after(async () => app?.close());

    it('POST /api/history/import, 200,000 lines with a stray quote on line 3, streamed: 400 naming line 3; another request is answered meanwhile', async () => {
      const all = rows(200_000);
      all[1] = all[1].replace(',voice,', ',"voice,');
      const head = `timestamp,channel,volume\n${all.slice(0, 500).join('\n')}\n`;
      const rest = `${all.slice(500).join('\n')}\n`;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(head));
          await released;
          controller.enqueue(new TextEncoder().encode(rest));
          controller.close();
        },
      });
      const importing = importCsv(c, body);
      // The import's body is still half sent: the server answers someone else meanwhile.
      const other = await app.client().get('/login');
      expect(other.status).to.equal(200);
      release();
      const res = await importing;
      expect(res.status).to.equal(400);
      expect(res.body.ok).to.equal(false);
      expect(res.body.stoppedAt).to.include({ line: 3, code: 'quotedFieldTooLong' });
      expect(res.body.errors.map((e: { line: number }) => e.line)).to.deep.equal([3]);
      expect(await storedVoice(app)).to.deep.equal([]);
    });

    it('POST /api/history/import, decimal volumes (38.5), stores them as written', async () => {
      const res = await importCsv(
        c,
        `timestamp,channel,volume\n${rows(2, '2026-01-04T00:00:00.000Z', (i) => (i ? '38.5' : '0.25')).join('\n')}\n`,
      );
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      const stored = await historyRange(app.ds, { channelId: 'voice', from: '2026-01-04T00:00:00.000Z', to: '2026-01-05T00:00:00.000Z' });
      expect(stored.map((s) => s.volume)).to.deep.equal([0.25, 38.5]);
    });

    it('POST /api/history/import, volume 2^31, aht 1e308 and 9007199254740993: 422 naming each line and field, nothing stored', async () => {
      const csv = [
        'timestamp,channel,volume,aht_seconds',
        '2027-02-01T00:00Z,voice,2147483648,',
        '2027-02-01T01:00Z,voice,3,1e308',
        '2027-02-01T02:00Z,voice,9007199254740993,',
      ].join('\n');
      const res = await importCsv(c, csv);
      expect(res.status).to.equal(422);
      expect(res.body.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code])).to.deep.equal([
        [2, 'volume', 'tooLarge'],
        [3, 'aht_seconds', 'tooLarge'],
        [4, 'volume', 'tooLarge'],
      ]);
      const stored = await historyRange(app.ds, { channelId: 'voice', from: '2027-02-01T00:00:00.000Z', to: '2027-02-02T00:00:00.000Z' });
      expect(stored).to.deep.equal([]);
    });
  });

  describe('small configured limits', () => {
    let app: TestApp;
    let c: TestClient;
    before(async () => {
      app = await startTestApp({ env: { ROTA_IMPORT_MAX_BYTES: '100000', ROTA_IMPORT_MAX_LINE: '1000' } });
      c = await app.loginAs('coordinator');
      await c.get('/');
    });
    after(async () => app?.close());

    it('POST /api/history/import, a body over ROTA_IMPORT_MAX_BYTES with its length: 413, nothing stored', async () => {
      const res = await importCsv(c, `timestamp,channel,volume\n${rows(5_000).join('\n')}\n`);
      expect(res.status).to.equal(413);
      expect(res.body.error).to.match(/larger than 0 MB|larger than 1 MB/);
      expect(await storedVoice(app)).to.deep.equal([]);
    });

    it('POST /api/history/import, a streamed body (no length) over ROTA_IMPORT_MAX_BYTES: 413, nothing stored', async () => {
      const text = new TextEncoder().encode(`timestamp,channel,volume\n${rows(5_000).join('\n')}\n`);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < text.length; i += 10_000) controller.enqueue(text.slice(i, i + 10_000));
          controller.close();
        },
      });
      const res = await importCsv(c, body);
      expect(res.status).to.equal(413);
      expect(await storedVoice(app)).to.deep.equal([]);
    });

    it('POST /api/history/import, a line over ROTA_IMPORT_MAX_LINE: 400 naming that line', async () => {
      const csv = `timestamp,channel,volume\n${rows(3).join('\n')}\n2026-11-03T00:00Z,voice,${'1'.repeat(2_000)}\n${rows(3, '2026-11-04T00:00:00.000Z').join('\n')}\n`;
      const res = await importCsv(c, csv);
      expect(res.status).to.equal(400);
      expect(res.body.errors.map((e: { line: number; code: string }) => [e.line, e.code])).to.deep.equal([[5, 'lineTooLong']]);
      expect(await storedVoice(app)).to.deep.equal([]);
    });

    it('import page, a file over ROTA_IMPORT_MAX_BYTES: 413 page saying the limit, nothing stored', async () => {
      const page = await app.loginAs('coordinator');
      await page.get('/history/import');
      const form = new FormData();
      form.set('onOverlap', 'refuse');
      form.set('file', new Blob([`timestamp,channel,volume\n${rows(5_000).join('\n')}\n`], { type: 'text/csv' }), 'big.csv');
      const res = await page.request(`/history/import?_csrf=${encodeURIComponent(page.csrf!)}`, { method: 'POST', body: form });
      expect(res.status).to.equal(413);
      expect(res.text).to.contain('The file is larger than');
      expect(await storedVoice(app)).to.deep.equal([]);
    });

    it('import page, a line over ROTA_IMPORT_MAX_LINE: 400 page naming the line', async () => {
      const page = await app.loginAs('coordinator');
      await page.get('/history/import');
      const form = new FormData();
      form.set('onOverlap', 'refuse');
      form.set('file', new Blob([`timestamp,channel,volume\n"${'x'.repeat(1_500)}\n`], { type: 'text/csv' }), 'long.csv');
      const res = await page.request(`/history/import?_csrf=${encodeURIComponent(page.csrf!)}`, { method: 'POST', body: form });
      expect(res.status).to.equal(400);
      expect(res.text)
        .to.match(/<td class="num">2<\/td>/)
        .and.to.contain('longer than 1000 characters');
    });
  });
});
