/**
 * The fewest extra shifts covering a day's missing people, against an exhaustive search of
 * small days (independent of HiGHS): the same least worked time, every interval covered, and no
 * shift that could be left out.
 */
import { expect } from 'chai';
import { coverPatterns, fewestExtraShifts, type CoverPattern, type ExtraCoverDay } from '../../../scheduling/extra-cover';

/** Exhaustive: the first interval still short must be covered by one of the patterns reaching it. */
function bruteForce(need: number[], patterns: CoverPattern[]): number {
  let best = Infinity;
  const go = (left: number[], cost: number) => {
    if (cost >= best) return;
    const t = left.findIndex((n) => n > 1e-9);
    if (t < 0) {
      best = cost;
      return;
    }
    for (const p of patterns) {
      if (p.cover[t]! <= 0) continue;
      go(
        left.map((n, i) => n - p.cover[i]!),
        cost + p.workedMinutes,
      );
    }
  };
  go(need, 0);
  return best;
}

/** A small seeded generator (mulberry32), so each case is the same on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const coveredBy = (day: ExtraCoverDay, blocks: { pattern: CoverPattern; count: number }[]) =>
  day.need.map((_, t) => blocks.reduce((s, b) => s + b.count * b.pattern.cover[t]!, 0));

describe('scheduling/extra-cover: the fewest extra shifts for a day', function () {
  this.timeout(60_000);

  it('one short interval at 10:00: one shortest shift (4 h) starting at the window, 4 worked hours', async () => {
    const need = Array.from({ length: 24 }, (_, t) => (t === 10 ? 1 : 0));
    const day: ExtraCoverDay = {
      intervalMinutes: 60,
      need,
      from: 8,
      to: 23,
      shapes: [4, 6].map((h) => ({ lengthMinutes: h * 60, breakMinutes: 0, breakMinOffsetMinutes: 0, breakMinTailMinutes: 0 })),
    };
    const [r] = await fewestExtraShifts([day]);
    expect(r!.workedMinutes).to.equal(240);
    expect(r!.blocks).to.have.length(1);
    expect(r!.optimal).to.equal(true);
    expect(r!.blocks[0]!.pattern.start).to.be.within(8, 10);
  });

  it('a lunch in the shift: its interval counts half with a 30-minute lunch on a 60-minute grid', () => {
    const day: ExtraCoverDay = {
      intervalMinutes: 60,
      need: new Array(24).fill(0),
      from: 8,
      to: 23,
      shapes: [{ lengthMinutes: 300, breakMinutes: 30, breakMinOffsetMinutes: 120, breakMinTailMinutes: 120 }],
    };
    const ps = coverPatterns(day).filter((p) => p.start === 8);
    // 5 h with the lunch at least 2 h from each end: it can only start 2 h in.
    expect(ps).to.have.length(1);
    expect(ps[0]!.cover.slice(8, 13)).to.deep.equal([1, 1, 0.5, 1, 1]);
    expect(ps[0]!.workedMinutes).to.equal(270);
  });

  it('need outside the window (earliest start to latest end) is reported, not covered', async () => {
    const need = Array.from({ length: 24 }, (_, t) => (t === 6 || t === 12 ? 1 : 0));
    const [r] = await fewestExtraShifts([
      {
        intervalMinutes: 60,
        need,
        from: 8,
        to: 23,
        shapes: [{ lengthMinutes: 240, breakMinutes: 0, breakMinOffsetMinutes: 0, breakMinTailMinutes: 0 }],
      },
    ]);
    expect(r!.uncovered[6]).to.equal(1);
    expect(r!.workedMinutes).to.equal(240);
  });

  it('40 random small days: HiGHS gives the exhaustive search least worked time; dropping any one shift leaves an interval short', async () => {
    const rnd = prng(20261205);
    const days: ExtraCoverDay[] = [];
    for (let k = 0; k < 40; k++) {
      const length = 10;
      const need = Array.from({ length }, () => (rnd() < 0.45 ? Math.floor(rnd() * 3) : 0));
      const withLunch = rnd() < 0.5;
      const day: ExtraCoverDay = {
        intervalMinutes: 60,
        need,
        from: 0,
        to: length,
        shapes: [3, 5].map((h) => ({
          lengthMinutes: h * 60,
          breakMinutes: withLunch && h === 5 ? 60 : 0,
          breakMinOffsetMinutes: 60,
          breakMinTailMinutes: 60,
        })),
      };
      days.push(day);
    }
    // All 40 in one model (as a week's days and channels are), each checked on its own.
    const results = await fewestExtraShifts(days);
    for (let k = 0; k < days.length; k++) {
      const day = days[k]!;
      const need = day.need;
      const r = results[k]!;
      const exact = bruteForce(need, coverPatterns(day));
      expect(r.workedMinutes, `case ${k}: ${need.join(',')}`).to.equal(exact === Infinity ? 0 : exact);
      const got = coveredBy(day, r.blocks);
      need.forEach((n, t) => expect(got[t]!, `case ${k} interval ${t}`).to.be.at.least(n - 1e-9));
      for (const b of r.blocks) {
        const less = coveredBy(
          day,
          r.blocks.map((x) => (x === b ? { ...x, count: x.count - 1 } : x)),
        );
        expect(
          need.some((n, t) => less[t]! < n - 1e-9),
          `case ${k}: one shift fewer at ${b.pattern.start}`,
        ).to.equal(true);
      }
    }
  });
});
