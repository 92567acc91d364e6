/**
 * The out-of-sample recalibration of stated chances (staffing/recalibration.ts): the identity
 * on too little evidence, strictly increasing, the penalised maximum likelihood against a
 * brute-force grid, a known distortion recovered, and no fold learning from its own or later
 * outcomes.
 */
import { expect } from 'chai';
import { applyRecalibration, fitRecalibration, recalibrateFolds, type Forecasted } from '../../../staffing';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/** Stated chances on a grid, each met with σ(a·logit p + b) (as a share of replays). */
function distorted(n: number, a: number, b: number): Forecasted[] {
  return Array.from({ length: n }, (_, i) => {
    const p = 0.02 + (0.96 * i) / (n - 1);
    return { p, outcome: sigmoid(a * logit(p) + b) };
  });
}

describe('staffing/recalibration: fitRecalibration', () => {
  it('fitRecalibration, fewer than 48 pairs, is the identity', () => {
    const r = fitRecalibration(distorted(47, 0.5, 1));
    expect(r.trainedOn).to.equal(0);
    expect(applyRecalibration(r, 0.37)).to.equal(0.37);
  });

  it('fitRecalibration, 5000 pairs met with σ(0.5·logit p + 0.8), recovers a ≈ 0.5 and b ≈ 0.8', () => {
    // The pull towards the identity is worth 10 pairs: negligible against 5000.
    const r = fitRecalibration(distorted(5000, 0.5, 0.8));
    expect(r.a).to.be.closeTo(0.5, 0.03);
    expect(r.b).to.be.closeTo(0.8, 0.03);
    expect(applyRecalibration(r, 0.3)).to.be.closeTo(sigmoid(0.5 * logit(0.3) + 0.8), 0.01);
  });

  it('fitRecalibration, 80 noisy pairs, is the maximum of the penalised likelihood found by a brute-force grid', () => {
    // Outcomes 0 or 1 from a fixed pattern: the fit must not depend on any formula but the objective.
    const items = Array.from({ length: 80 }, (_, i) => ({ p: 0.05 + (0.9 * ((i * 37) % 80)) / 79, outcome: (i * 7) % 5 < 3 ? 1 : 0 }));
    const objective = (a: number, b: number) =>
      items.reduce((s, { p, outcome: f }) => {
        const q = sigmoid(a * logit(p) + b);
        return s + f * Math.log(q) + (1 - f) * Math.log(1 - q);
      }, 0) -
      (10 / 2) * ((a - 1) ** 2 + b * b);
    let best = { a: 0, b: 0, v: -Infinity };
    for (let a = 0.05; a <= 2; a += 0.01)
      for (let b = -2; b <= 2; b += 0.01) {
        const v = objective(a, b);
        if (v > best.v) best = { a, b, v };
      }
    const r = fitRecalibration(items);
    expect(r.a).to.be.closeTo(best.a, 0.02);
    expect(r.b).to.be.closeTo(best.b, 0.02);
    expect(objective(r.a, r.b)).to.be.at.least(best.v - 1e-6);
  });

  it('applyRecalibration, fitted on outcomes that fall as the stated chance rises, is still strictly increasing', () => {
    const items = distorted(200, 1, 0).map((x) => ({ p: x.p, outcome: 1 - x.p }));
    const r = fitRecalibration(items);
    expect(r.a).to.be.greaterThan(0);
    let last = -1;
    for (let p = 0; p <= 1.0000001; p += 0.01) {
      const q = applyRecalibration(r, Math.min(1, p));
      expect(q, `p ${p}`).to.be.greaterThan(last);
      last = q;
    }
  });
});

describe('staffing/recalibration: recalibrateFolds', () => {
  const folds = () => [distorted(60, 0.5, 0.8), distorted(60, 0.5, 0.8), distorted(60, 0.5, 0.8), distorted(60, 0.5, 0.8)];

  it('recalibrateFolds, four folds of one distortion, keeps folds 0-1 as stated (no evidence yet) and moves 2-3 towards what was met', () => {
    const r = recalibrateFolds(folds());
    expect(r.folds[0]!.map((x) => x.p)).to.deep.equal(folds()[0]!.map((x) => x.p));
    expect(r.folds[1]!.map((x) => x.p)).to.deep.equal(folds()[1]!.map((x) => x.p));
    // Fold 2: the map of fold 0 lowered fold 1's Brier score, so the map of folds 0-1 applies.
    expect(r.maps.map((m) => m.trainedOn)).to.deep.equal([0, 0, 120, 180]);
    const gap = (f: Forecasted[]) => f.reduce((s, x) => s + Math.abs(x.p - x.outcome), 0) / f.length;
    expect(gap(r.folds[3]!)).to.be.below(gap(folds()[3]!) / 3);
  });

  it('recalibrateFolds, a distortion that flips sign every fold, keeps fold 2 as stated: the map of fold 0 made fold 1 worse', () => {
    const flips = [distorted(60, 1, 1), distorted(60, 1, -1), distorted(60, 1, 1), distorted(60, 1, -1)];
    const r = recalibrateFolds(flips);
    expect(r.maps[2]!.trainedOn).to.equal(0);
    expect(r.folds[2]!.map((x) => x.p)).to.deep.equal(flips[2]!.map((x) => x.p));
  });

  it('recalibrateFolds, the outcomes of fold 2 and later changed, gives folds 0-2 the same chances (nothing learned from the future)', () => {
    const base = recalibrateFolds(folds());
    const changed = folds();
    changed[2] = changed[2]!.map((x) => ({ ...x, outcome: 1 - x.outcome }));
    changed[3] = changed[3]!.map((x) => ({ ...x, outcome: 0 }));
    const after = recalibrateFolds(changed);
    for (const k of [0, 1, 2])
      expect(
        after.folds[k]!.map((x) => x.p),
        `fold ${k}`,
      ).to.deep.equal(base.folds[k]!.map((x) => x.p));
    // Fold 3 learned from fold 2: it must move (the test can fail).
    expect(after.folds[3]!.map((x) => x.p)).to.not.deep.equal(base.folds[3]!.map((x) => x.p));
  });
});
