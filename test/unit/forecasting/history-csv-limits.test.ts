import { expect } from 'chai';
import {
  HistoryCsvReader,
  parseHistoryCsvText,
  readHistoryCsvChunks,
  type HistoryCsvOptions,
  type HistoryCsvResult,
} from '../../../forecasting/history-csv';

const UTC: HistoryCsvOptions = { zone: 'UTC', intervalMinutes: 60, channels: ['voice'] };

/** `n` valid hourly rows from 2026-01-05 00:00 UTC. */
function rows(n: number): string[] {
  return Array.from(
    { length: n },
    (_, h) => `${new Date(Date.UTC(2026, 0, 5) + h * 3_600_000).toISOString().slice(0, 16)}Z,voice,${h % 50}`,
  );
}

/** A file of `n` rows where row `strayAt` (1-based data row) has a stray quote in its channel. */
function strayQuoteFile(n: number, strayAt: number): string {
  const r = rows(n);
  r[strayAt - 1] = r[strayAt - 1].replace(',voice,', ',"voice,');
  return `timestamp,channel,volume\n${r.join('\n')}\n`;
}

function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('history-csv reader: limits and structure errors', () => {
  it('reader, a stray quote on line 10 of 200,000 lines, stops at the line length limit and names line 10', () => {
    const text = strayQuoteFile(200_000, 9);
    const r = parseHistoryCsvText(text, UTC);
    expect(r.stoppedAt).to.include({ line: 10, code: 'quotedFieldTooLong' });
    expect(r.errors.map((e) => [e.line, e.code])).to.deep.equal([[10, 'quotedFieldTooLong']]);
    // Stopped after about 64 Ki characters, not after the whole file.
    expect(r.charsExamined).to.be.below(70_000);
  });

  it('reader, a stray quote with a limit above the file, examines each character once (linear work) and refuses at the end', () => {
    for (const n of [1_000, 8_000]) {
      const text = strayQuoteFile(n, 1);
      const r = parseHistoryCsvText(text, { ...UTC, maxLineLength: 10_000_000 });
      expect(r.stoppedAt).to.include({ line: 2, code: 'unclosedQuote' });
      expect(r.charsExamined).to.be.at.most(text.length);
    }
  });

  it('reader, the same file in chunks of any size, gives the same result as whole text', async () => {
    const text = `timestamp,channel,volume\r\n${rows(100).join('\r\n')}\r\n`;
    const whole = parseHistoryCsvText(text, UTC);
    for (const size of [1, 2, 7, 64, 100_000]) {
      const r = await readHistoryCsvChunks(chunked(text, size), UTC);
      expect(r.errors, `chunks of ${size}`).to.deep.equal([]);
      expect(r.intervals).to.deep.equal(whole.intervals);
    }
  });

  it('reader, lone CR line ends (old Mac), split into lines like LF', async () => {
    const r = await readHistoryCsvChunks(chunked(`timestamp,channel,volume\r${rows(3).join('\r')}\r`, 5), UTC);
    expect(r.errors).to.deep.equal([]);
    expect(r.intervals).to.have.length(3);
  });

  it('reader, a line longer than maxLineLength in chunks, stops on that line without keeping it', async () => {
    const reader = new HistoryCsvReader({ ...UTC, maxLineLength: 100 });
    reader.pushChunk(`timestamp,channel,volume\n${rows(2).join('\n')}\n2026-01-06T00:00Z,voice,`);
    for (let i = 0; i < 100 && !reader.stopped; i++) reader.pushChunk('1'.repeat(50));
    expect(reader.stopped).to.equal(true);
    const r = reader.finish();
    expect(r.errors.map((e) => [e.line, e.code])).to.deep.equal([[4, 'lineTooLong']]);
  });

  it('reader, a whole line longer than maxLineLength, stops on it and reads nothing after', () => {
    const r = parseHistoryCsvText(`timestamp,channel,volume\n${rows(1)[0]}${'0'.repeat(200)}\nbad,voice,1\n`, {
      ...UTC,
      maxLineLength: 100,
    });
    expect(r.errors.map((e) => [e.line, e.field, e.code])).to.deep.equal([[2, '', 'lineTooLong']]);
  });

  it('reader, a line exactly maxLineLength long (plus CRLF), is read', async () => {
    const line = '2026-01-05T00:00Z,"voice",' + '0'.repeat(3) + '1';
    const r: HistoryCsvResult = await readHistoryCsvChunks(chunked(`timestamp,channel,volume\r\n${line}\r\n`, 3), {
      ...UTC,
      maxLineLength: line.length,
    });
    expect(r.errors).to.deep.equal([]);
    expect(r.intervals[0].volume).to.equal(1);
  });
});

describe('history-csv reader: decimal volumes', () => {
  it('reader, volume 38.5, is accepted and summed with its neighbours exactly', () => {
    const r = parseHistoryCsvText('timestamp,channel,volume\n2026-01-05T10:00Z,voice,38.5\n2026-01-05T10:30Z,voice,1.25\n', UTC);
    expect(r.errors).to.deep.equal([]);
    expect(r.intervals.map((i) => i.volume)).to.deep.equal([39.75]);
  });

  for (const [name, value, code] of [
    ['negative decimal', '-0.5', 'negative'],
    ['comma decimal', '"38,5"', 'notNumber'],
    ['missing', '', 'empty'],
  ] as const) {
    it(`reader, ${name} volume, stays a line error in field volume`, () => {
      const r = parseHistoryCsvText(`timestamp,channel,volume\n2026-01-05T10:00Z,voice,${value}\n`, UTC);
      expect(r.errors.map((e) => [e.line, e.field, e.code])).to.deep.equal([[2, 'volume', code]]);
    });
  }
});
