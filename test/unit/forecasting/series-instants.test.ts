import { expect } from 'chai';
import { instantsOf, toMillis } from '../../../forecasting/series';

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
});
