/**
 * Fuzzing the history reader: random mutations of a valid file (quotes, commas, newlines, CRs,
 * a BOM, truncation, huge or odd numbers) give a correct read or a clean refusal naming the line
 * and field, never an exception; and the reader's work stays within the input's length.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { parseHistoryCsvText, readHistoryCsvChunks, type HistoryCsvOptions, type HistoryCsvResult } from '../../../forecasting/history-csv';
import { ROW_LIMITS } from '../../../forecasting/history-csv-row';
import { hasMessage } from '../../../server/i18n';

const OPTS: HistoryCsvOptions = { zone: 'Asia/Tbilisi', intervalMinutes: 60, channels: ['voice', 'chat'], maxLineLength: 2_000 };

const VALID = [
  'timestamp,channel,volume,aht_seconds,answered,abandoned',
  ...Array.from({ length: 24 }, (_, h) => {
    const ts = `2026-11-02T${String(h).padStart(2, '0')}:00:00`;
    return `${ts},${h % 2 ? 'chat' : 'voice'},${((h * 7) % 50) + 2}.5,${120 + h},${(h * 7) % 50},1`;
  }),
].join('\n');

const INSERTS = ['"', '""', ',', '\n', '\r', '\r\n', '\uFEFF', '1e308', '9007199254740993', '-1', 'NaN', '2147483648', ' ', '"\n"'];

type Mutation = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; n: number } | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    if (m.kind === 'insert') t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + m.n);
    else t = t.slice(0, at);
  }
  return t;
}

/** What every read must satisfy: clean errors, or intervals within the row limits. */
function checkResult(r: HistoryCsvResult, text: string): void {
  const lines = text.split(/\r\n|\n|\r/).length;
  expect(r.charsExamined, 'characters examined').to.be.at.most(text.length);
  expect(r.errorCount).to.be.at.least(r.errors.length);
  for (const e of r.errors) {
    expect(e.line, JSON.stringify(e)).to.be.within(1, lines);
    expect(e.field).to.be.a('string');
    expect(hasMessage(`import.err.${e.code}`), `catalogue has import.err.${e.code}`).to.equal(true);
  }
  if (r.errorCount > 0) return;
  for (const i of r.intervals) {
    expect(Number.isFinite(i.volume) && i.volume >= 0 && i.volume <= ROW_LIMITS.maxCount * i.rows, `volume ${i.volume}`).to.equal(true);
    if (i.ahtSeconds !== null) expect(i.ahtSeconds).to.be.within(0, ROW_LIMITS.maxAhtSeconds);
    for (const n of [i.answered, i.abandoned]) if (n !== null) expect(Number.isSafeInteger(n) && n >= 0).to.equal(true);
  }
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('history-csv reader: fuzzing', function () {
  this.timeout(60_000);

  it('reader, the valid file unmutated, reads every row without an error', () => {
    const r = parseHistoryCsvText(VALID, OPTS);
    expect(r.errors).to.deep.equal([]);
    expect(r.intervals).to.have.length(24);
  });

  it('reader, random mutations of a valid file, gives a clean read or clean errors by line and field, never an exception', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
        const text = mutate(VALID, ms);
        checkResult(parseHistoryCsvText(text, OPTS), text);
      }),
      { numRuns: 600, seed: 20261204 },
    );
  });

  it('reader, random mutations read in random chunks, gives the same errors and intervals as whole text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 300 }), async (ms, size) => {
        const text = mutate(VALID, ms);
        const whole = parseHistoryCsvText(text, OPTS);
        const chunked = await readHistoryCsvChunks(chunks(text, size), OPTS);
        expect(chunked.errors).to.deep.equal(whole.errors);
        expect(chunked.intervals).to.deep.equal(whole.intervals);
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it('reader, many stray quotes in a long file, examines at most each character once', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), fc.integer({ min: 50, max: 3_000 }), (positions, copies) => {
        const body = VALID.split('\n').slice(1).join('\n');
        let text = `${VALID.split('\n')[0]}\n${Array.from({ length: Math.ceil(copies / 24) }, () => body).join('\n')}`;
        for (const p of positions) {
          const at = p % text.length;
          text = `${text.slice(0, at)}"${text.slice(at)}`;
        }
        const r = parseHistoryCsvText(text, { ...OPTS, maxLineLength: 100_000_000 });
        expect(r.charsExamined).to.be.at.most(text.length);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
