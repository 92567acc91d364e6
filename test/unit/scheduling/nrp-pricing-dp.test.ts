import { expect } from 'chai';
import { readNrpInstance, type NrpInstance } from '../../../scheduling/nrp/index';
import { personViolations } from '../../../scheduling/nrp/evaluate';
import { dpPerson, priceByDp } from '../../../scheduling/nrp/pricing-dp';
import { mulberry32 } from '../../../forecasting/random';
import { sharedInstance } from '../../support/nrp';

/** The cheapest rule-keeping schedule by trying every one (independent of the DP). */
function bruteForce(instance: NrpInstance, p: number, cost: Float64Array): number {
  const H = instance.days;
  const T = instance.shifts.length;
  const row = new Int32Array(H);
  let best = Infinity;
  const total = (T + 1) ** H;
  for (let code = 0; code < total; code++) {
    let c = code;
    let sum = 0;
    for (let d = 0; d < H; d++) {
      row[d] = (c % (T + 1)) - 1;
      c = Math.floor(c / (T + 1));
      if (row[d] >= 0) sum += cost[d * T + row[d]];
    }
    if (sum < best && personViolations(instance, instance.staff[p], row).length === 0) best = sum;
  }
  return best;
}

const small: NrpInstance = {
  days: 10,
  shifts: [
    { id: 'D', minutes: 480, forbiddenNext: [] },
    { id: 'N', minutes: 600, forbiddenNext: ['D'] },
  ],
  staff: [
    {
      id: 'A',
      maxShifts: { N: 2 },
      maxTotalMinutes: 3600,
      minTotalMinutes: 2400,
      maxConsecutiveShifts: 3,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 1,
      daysOff: [3],
    },
    {
      id: 'B',
      maxShifts: { D: 4 },
      maxTotalMinutes: 4800,
      minTotalMinutes: 1000,
      maxConsecutiveShifts: 4,
      minConsecutiveShifts: 1,
      minConsecutiveDaysOff: 1,
      maxWeekends: 0,
      daysOff: [],
    },
  ],
  onRequests: [],
  offRequests: [],
  cover: [],
};

describe('scheduling/nrp/priceByDp: the pricing DP against brute force', () => {
  it('priceByDp, 10 days × 2 shifts with runs, limits, successions, weekends, random costs, equals the cheapest feasible schedule', () => {
    const rnd = mulberry32(11);
    for (let trial = 0; trial < 6; trial++)
      for (let p = 0; p < small.staff.length; p++) {
        const cost = Float64Array.from({ length: 20 }, () => Math.round((rnd() - 0.6) * 100));
        const dp = priceByDp(dpPerson(small, p), cost);
        expect(dp.cost).to.equal(bruteForce(small, p, cost));
        expect(personViolations(small, small.staff[p], dp.row!)).to.deep.equal([]);
        let sum = 0;
        dp.row!.forEach((t, d) => (sum += t >= 0 ? cost[d * 2 + t] : 0));
        expect(sum).to.equal(dp.cost);
      }
  });

  it('priceByDp, Instance1 (14 days), every person at random costs, equals brute force; an incumbent never changes the minimum', function () {
    this.timeout(60000);
    const parsed = readNrpInstance(sharedInstance(this, 1));
    if (!parsed.ok) throw new Error('instance did not read');
    const instance = parsed.value;
    const rnd = mulberry32(5);
    for (let p = 0; p < instance.staff.length; p++) {
      const cost = Float64Array.from({ length: instance.days }, () => Math.round((rnd() - 0.7) * 100));
      const dp = dpPerson(instance, p);
      const plain = priceByDp(dp, cost);
      expect(plain.cost).to.equal(bruteForce(instance, p, cost));
      const zero = priceByDp(dp, new Float64Array(instance.days));
      expect(priceByDp(dp, cost, zero.row!).cost).to.equal(plain.cost);
    }
  });
});
