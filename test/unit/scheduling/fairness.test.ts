import { expect } from 'chai';
import { countFairness, fairnessCost, fairnessFacts, gini, shiftKind, spread } from '../../../scheduling/fairness';

const CAL = { zone: 'Asia/Tbilisi', eveningAfter: '20:00', holidays: new Set(['2026-01-07']) };
/** Local Tbilisi time (UTC+4) as an ISO instant. */
const at = (local: string) => `${local}:00+04:00`;

describe('scheduling/fairness: which shifts count, and how the spread is measured', () => {
  it('fairnessFacts: a shift ending 23:00 is an evening, not a night; one running past midnight is both', () => {
    expect(fairnessFacts({ start: at('2026-12-08T14:00'), end: at('2026-12-08T23:00') }, CAL)).to.deep.equal({
      evening: true,
      night: false,
      weekend: false,
      holiday: false,
    });
    const f = fairnessFacts({ start: at('2026-12-08T16:00'), end: at('2026-12-09T01:00') }, CAL);
    expect([f.evening, f.night]).to.deep.equal([true, true]);
  });

  it('fairnessFacts: ending exactly at 20:00 is not an evening; starting 05:00 is a night; Saturday and 7 January count', () => {
    expect(fairnessFacts({ start: at('2026-12-08T11:00'), end: at('2026-12-08T20:00') }, CAL).evening).to.equal(false);
    expect(fairnessFacts({ start: at('2026-12-08T05:00'), end: at('2026-12-08T13:00') }, CAL).night).to.equal(true);
    expect(fairnessFacts({ start: at('2026-12-12T09:00'), end: at('2026-12-12T18:00') }, CAL).weekend).to.equal(true);
    expect(fairnessFacts({ start: at('2026-01-07T09:00'), end: at('2026-01-07T18:00') }, CAL).holiday).to.equal(true);
  });

  it('shiftKind: early before 10:00, late when an evening, night before night, day otherwise', () => {
    expect(shiftKind({ start: at('2026-12-08T09:00'), end: at('2026-12-08T18:00') }, CAL)).to.equal('early');
    expect(shiftKind({ start: at('2026-12-08T10:00'), end: at('2026-12-08T19:00') }, CAL)).to.equal('day');
    expect(shiftKind({ start: at('2026-12-08T14:00'), end: at('2026-12-08T23:00') }, CAL)).to.equal('late');
    expect(shiftKind({ start: at('2026-12-08T22:00'), end: at('2026-12-09T06:00') }, CAL)).to.equal('night');
  });

  it('countFairness: per person, people without shifts get zeros', () => {
    const counts = countFairness(
      [
        { staffId: 'a', start: at('2026-12-12T14:00'), end: at('2026-12-12T23:00') },
        { staffId: 'a', start: at('2026-12-13T09:00'), end: at('2026-12-13T18:00') },
      ],
      CAL,
      ['a', 'b'],
    );
    expect(counts.get('a')).to.deep.equal({ evenings: 1, nights: 0, weekends: 2, holidays: 0 });
    expect(counts.get('b')).to.deep.equal({ evenings: 0, nights: 0, weekends: 0, holidays: 0 });
  });

  it('fairnessCost: 3 evenings with history 2 cost 1+2+3 + 2·3 = 12; 1 weekend day costs 1', () => {
    expect(fairnessCost({ evenings: 3, nights: 0, weekends: 1, holidays: 0 }, { evenings: 2 })).to.equal(12 + 1);
  });

  it('gini: hand values (equal → 0; one of four has all → 3/4; [1,2,3,4] → 0.25; [0,0,1] → 2/3; all zero → 0)', () => {
    expect(gini([5, 5, 5, 5])).to.equal(0);
    expect(gini([0, 0, 0, 8])).to.be.closeTo(0.75, 1e-12);
    // Σ|xi−xj| over ordered pairs = 2·(1+2+3+1+2+1) = 20; 2·n²·mean = 2·16·2.5 = 80 → 0.25.
    expect(gini([4, 1, 3, 2])).to.be.closeTo(0.25, 1e-12);
    // Σ|xi−xj| = 4 (pairs with the 1, both orders); 2·9·(1/3) = 6 → 2/3.
    expect(gini([0, 1, 0])).to.be.closeTo(2 / 3, 1e-12);
    expect(gini([0, 0])).to.equal(0);
    expect(gini([])).to.equal(0);
  });

  it('spread: max − min, 0 when empty', () => {
    expect(spread([3, 9, 4])).to.equal(6);
    expect(spread([])).to.equal(0);
  });
});
