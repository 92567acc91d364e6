/**
 * Day and week risk (staffing/period-risk.ts) and the within-day correlation it takes.
 */
import { expect } from 'chai';
import { absenceProbabilities, intervalRisk, periodRisk, withinDayCorrelation } from '../../../staffing';
import { meetProbability } from '../../../staffing/projection-risk';
import { DEMO_VOICE } from '../../../bin/commands/risk';

const SD1 = 2.5631031310892007; // an 80 % interval this wide has sd 1
const z = (zs: number[]) => zs.map((v) => ({ volume: 10, lower80: 10 - SD1 / 2, upper80: 10 + SD1 / 2, actual: 10 + v }));

describe('staffing/period-risk: withinDayCorrelation', () => {
  it('withinDayCorrelation, one day of errors 1, 1, 0 (sd 1), is (2² − 2) ÷ 6 ÷ (2/3) = 0.5', () => {
    expect(withinDayCorrelation([z([1, 1, 0])])).to.be.closeTo(0.5, 1e-9);
  });
  it('withinDayCorrelation, days whose errors cancel, is cut to 0; equal errors give 1; no pairs give 0', () => {
    expect(withinDayCorrelation([z([1, -1]), z([-1, 1])])).to.equal(0);
    expect(withinDayCorrelation([z([2, 2, 2]), z([-1, -1])])).to.be.closeTo(1, 1e-9);
    expect(withinDayCorrelation([z([1]), z([2])])).to.equal(0);
  });
});

describe('staffing/period-risk: periodRisk', function () {
  this.timeout(60_000);
  const opts = { absenceRate: 0.04, dayCorrelation: 0, draws: 4000, seed: 7 };

  it('periodRisk, a day of one interval, is Σₖ P(k absent) × P(volume ≤ V*(n − k)) with the band as a normal, within sampling error', () => {
    // One interval: its volume-weighted level is its own, met exactly when volume ≤ V*(people present).
    for (const n of [8, 9, 10]) {
      const d = { volume: 100, lower80: 85, upper80: 115, ahtSeconds: 240 };
      const spread = { mean: 100, sd: 30 / SD1 };
      const analytic = absenceProbabilities(n, 0.04).reduce(
        (s, pk, k) => s + pk * meetProbability(DEMO_VOICE, 60, 240, n - k, 0.8, spread),
        0,
      );
      const sampled = periodRisk(DEMO_VOICE, 60, [[{ ...d, onQueue: n }]], opts).days[0]!;
      expect(Math.abs(sampled - analytic), `${n} people: ${sampled} vs ${analytic}`).to.be.below(0.03);
    }
  });

  it('periodRisk, eight intervals of 86 % each, gives a day that meets more often (it averages them), less so with errors correlated', () => {
    const day = Array.from({ length: 8 }, () => ({ volume: 100, lower80: 85, upper80: 115, ahtSeconds: 240, onQueue: 10 }));
    const one = intervalRisk(DEMO_VOICE, 60, day[0]!, 10, { absenceRate: 0.04 })!;
    const independent = periodRisk(DEMO_VOICE, 60, [day], opts).days[0]!;
    const correlated = periodRisk(DEMO_VOICE, 60, [day], { ...opts, dayCorrelation: 1 }).days[0]!;
    // A day averages its intervals: with independent errors it meets more often than one interval.
    expect(independent).to.be.greaterThan(one + 0.05);
    expect(correlated).to.be.below(independent - 0.02);
  });

  it('periodRisk, no volume, is null; a week of two days lies between them and is seeded', () => {
    expect(periodRisk(DEMO_VOICE, 60, [[{ volume: 0, ahtSeconds: 240, onQueue: 3 }]], opts)).to.deep.equal({ days: [null], week: null });
    const easy = [{ volume: 100, lower80: 85, upper80: 115, ahtSeconds: 240, onQueue: 12 }];
    const hard = [{ volume: 100, lower80: 85, upper80: 115, ahtSeconds: 240, onQueue: 9 }];
    const r = periodRisk(DEMO_VOICE, 60, [easy, hard], { ...opts, draws: 500 });
    expect(r.days[0]!).to.be.greaterThan(r.days[1]!);
    expect(r.week!).to.be.within(r.days[1]!, r.days[0]!);
    expect(periodRisk(DEMO_VOICE, 60, [easy, hard], { ...opts, draws: 500 })).to.deep.equal(r);
  });
});
