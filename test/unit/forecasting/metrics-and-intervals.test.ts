import { expect } from 'chai';
import { bands, calibrateIntervals, quantile, type Residual } from '../../../forecasting/intervals';
import { accuracy, coverageCount, pinballSum, poolAccuracy, weeklyNaiveScale } from '../../../forecasting/metrics';
import { poisson } from '../../../forecasting/synthetic';
import { mulberry32 } from '../../../forecasting/random';

describe('forecasting metrics', () => {
  it('accuracy, hand-computed errors with a missing actual, gives WAPE, bias and MASE', () => {
    // errors: +10, -20, (missing), 0 → Σ|e| = 30, Σa = 300, Σe = -10, mean |e| = 10
    const acc = accuracy([110, 80, 5, 100], [100, 100, NaN, 100], 20);
    expect(acc.wape).to.be.closeTo(0.1, 1e-12);
    expect(acc.bias).to.be.closeTo(-10 / 300, 1e-12);
    expect(acc.mase).to.be.closeTo(0.5, 1e-12);
    expect(acc.n).to.equal(3);
  });

  it('poolAccuracy, two folds, pools sums (not the mean of WAPEs)', () => {
    const a = accuracy([2], [1], 1);
    const b = accuracy([100], [110], 10);
    const p = poolAccuracy([a, b], [1, 10]);
    expect(p.wape).to.be.closeTo(11 / 111, 1e-12);
    expect(p.mase).to.be.closeTo((1 / 1 + 10 / 10) / 2, 1e-12);
  });

  it('pinballSum, τ = 0.9, hand-computed losses with a missing actual: 0.9 per contact under, 0.1 per contact over', () => {
    // actual 110 above q 100: 0.9 × 10 = 9; actual 90 below q 100: 0.1 × 10 = 1; missing skipped; exact: 0.
    const p = pinballSum([100, 100, 100, 50], [110, 90, NaN, 50], 0.9);
    expect(p.loss).to.be.closeTo(10, 1e-12);
    expect(p.sumActual).to.equal(250);
    expect(pinballSum([100, 100], [110, 90], 0.5).loss).to.be.closeTo(10, 1e-12);
  });

  it('pinballSum, samples from a known distribution: the true quantile scores lower than quantiles beside it', () => {
    // Uniform 0…100 (brute force over 10 001 points): the 10% quantile is 10.
    const y = Array.from({ length: 10_001 }, (_, i) => i / 100);
    const at = (q: number) => pinballSum(new Array(y.length).fill(q), y, 0.1).loss;
    expect(at(10)).to.be.lessThan(at(8));
    expect(at(10)).to.be.lessThan(at(12));
  });

  it('weeklyNaiveScale, period 2, is the mean absolute lag-2 difference', () => {
    expect(weeklyNaiveScale([1, 2, 4, 2, NaN, 5], 2)).to.be.closeTo((3 + 0 + 3) / 3, 1e-12);
  });

  it('coverageCount, closed intervals, count as covered but not as open', () => {
    const c = coverageCount([0, 5, 5], [0, 10, 10], [0, 7, 7], [0, 6, 11]);
    expect(c).to.deep.equal({ inside: 2, n: 3, openInside: 1, openN: 2 });
  });
});

describe('forecasting prediction intervals', () => {
  it('quantile, linear interpolation, matches hand values', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).to.equal(3);
    expect(quantile([1, 2, 3, 4, 5], 0.1)).to.be.closeTo(1.4, 1e-12);
  });

  it('calibrateIntervals, Poisson counts at levels 5 to 500, covers about 80% and 95% of fresh draws', () => {
    const rand = mulberry32(42);
    const draw = (n: number): Residual[] =>
      Array.from({ length: n }, (_, i) => {
        const f = 5 + ((i * 37) % 496);
        return { forecast: f, actual: poisson(f, rand) };
      });
    const model = calibrateIntervals(draw(2000));
    expect(model).to.not.equal(null);
    const test = draw(4000);
    const point = Float64Array.from(test, (r) => r.forecast);
    const b = bands(point, model, () => 0);
    let in80 = 0;
    let in95 = 0;
    test.forEach((r, i) => {
      if (r.actual >= b.lower80[i] && r.actual <= b.upper80[i]) in80++;
      if (r.actual >= b.lower95[i] && r.actual <= b.upper95[i]) in95++;
    });
    expect(in80 / test.length).to.be.within(0.76, 0.86);
    expect(in95 / test.length).to.be.within(0.93, 0.98);
    // Poisson spread grows as √level: the scale exponent chosen should be 0.5.
    expect(model!.beta).to.equal(0.5);
  });

  it('calibrateIntervals, fewer than 30 informative errors, returns null (the default spread)', () => {
    expect(calibrateIntervals(Array.from({ length: 100 }, () => ({ forecast: 0, actual: 0 })))).to.equal(null);
  });

  it('bands, later lead weeks, are wider and never negative', () => {
    const model = { beta: 1, q025: -0.3, q10: -0.2, q90: 0.2, q975: 0.3, n: 100 };
    const b = bands(Float64Array.from([100, 100, 0]), model, (h) => h);
    expect(b.upper80[1] - b.lower80[1]).to.be.greaterThan(b.upper80[0] - b.lower80[0]);
    expect(b.lower95[2]).to.equal(0);
    expect(b.lower80[0]).to.be.closeTo(80, 1e-9);
  });
});
