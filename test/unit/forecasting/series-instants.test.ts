import { expect } from 'chai';
import type { HistoryInterval } from '../../../forecasting/history-csv';
import { mulberry32 } from '../../../forecasting/random';
import { instantsOf, seriesForChannel, toMillis } from '../../../forecasting/series';

/** The reference: what toMillis did before its hand-read fast path (Date.parse and the offset check). */
function reference(s: string): number | 'error' {
  const ms = Date.parse(s);
  return Number.isNaN(ms) || !/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? 'error' : ms;
}

function actual(s: string): number | 'error' {
  try {
    return toMillis(s);
  } catch (err) {
    expect(err).to.be.instanceOf(RangeError);
    return 'error';
  }
}

describe('forecasting/series toMillis: the hand-read ISO instants', () => {
  const cases = [
    '2026-01-05T06:00:00.000Z',
    '2026-01-05T10:00:00+04:00',
    '2026-01-05T10:00:00-05:30',
    '2026-01-05T10:00+04:00',
    '2026-01-05T10:00Z',
    '2026-01-05T10:00:30.250Z',
    '2024-02-29T23:59:59.999Z',
    '2025-02-29T00:00:00.000Z',
    '2026-02-30T00:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:59:60Z',
    '2026-13-01T00:00:00Z',
    '2026-00-01T00:00:00Z',
    '2026-01-00T00:00:00Z',
    '0050-01-01T00:00:00Z',
    '1969-12-31T23:00:00.000Z',
    '2026-01-05T10:00:00.5Z',
    '2026-01-05T10:00:00.123456Z',
    '2026-01-05T10:00:00+0400',
    '2026-01-05T10:00:00+04',
    '2026-01-05T10:00:00+24:00',
    '2026-01-05 10:00:00Z',
    '2026-01-05T10:00:00',
    '2026-1-05T10:00:00Z',
    '2026-01-05T1a:00:00Z',
    '',
  ];
  it('toMillis, any ISO-like string: the same instant or the same refusal as Date.parse with the offset check', () => {
    for (const s of cases) expect(actual(s), s).to.equal(reference(s));
  });
  it('toMillis, every hour of two years in both written forms: the same instants as Date.parse', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 3_600_000) {
      const z = new Date(t).toISOString();
      expect(toMillis(z)).to.equal(Date.parse(z));
      const local = `${new Date(t + 4 * 3_600_000).toISOString().slice(0, 19)}+04:00`;
      expect(toMillis(local)).to.equal(t);
    }
  });
  it('instantsOf, a history: each point read as toMillis reads it', () => {
    const h = [
      { start: '2026-01-05T06:00:00.000Z', volume: 1 },
      { start: '2026-01-05T10:00:00+03:00', volume: 2 },
    ];
    expect([...instantsOf(h)]).to.deep.equal(h.map((p) => Date.parse(p.start)));
  });

  it('seriesForChannel, intervals in start order and the same shuffled, gives the same series (platforms summed, handle time weighted)', () => {
    const random = mulberry32(5);
    const intervals: HistoryInterval[] = [];
    for (let h = 0; h < 300; h++) {
      const start = new Date(Date.UTC(2026, 0, 5, h)).toISOString();
      for (const channel of ['chat', 'voice'])
        for (const platform of ['app', 'web']) {
          if (random() < 0.2) continue;
          const volume = Math.round(random() * 40) / 2;
          const ahtSeconds = random() < 0.3 ? null : 100 + random() * 200;
          intervals.push({ start, localStart: start, channel, platform, volume, answered: null, abandoned: null, ahtSeconds, rows: 1 });
        }
    }
    const shuffled = [...intervals];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const inOrder = seriesForChannel(intervals, 'voice');
    expect(inOrder.length).to.be.greaterThan(250);
    expect(seriesForChannel(shuffled, 'voice').map((p) => p.start)).to.deep.equal(inOrder.map((p) => p.start));
    const close = (a: number | null | undefined, b: number | null | undefined) =>
      a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);
    seriesForChannel(shuffled, 'voice').forEach((p, k) => {
      expect(close(p.volume, inOrder[k].volume)).to.equal(true);
      expect(close(p.ahtSeconds, inOrder[k].ahtSeconds)).to.equal(true);
    });
  });
});
