import { expect } from 'chai';
import { choose } from '../../../forecasting/engine';
import type { Accuracy } from '../../../forecasting/metrics';

const acc = (wape: number): Accuracy => ({
  wape,
  mase: wape * 10,
  bias: 0,
  n: 672,
  sumActual: 1000,
  sumAbsError: wape * 1000,
  sumError: 0,
});

describe('engine method choice', () => {
  const ranked = [
    { method: 'seasonal-naive', acc: acc(0.08) },
    { method: 'combination', acc: acc(0.1) },
  ];

  it('choose, a single method 20% better pooled but better on only 1 of 4 weeks, keeps the combination', () => {
    const r = choose('auto', ranked, 4, () => 1);
    expect(r.method).to.equal('combination');
    expect(r.chosenBecause[0].code).to.equal('combinationKept');
  });

  it('choose, the same method better on 3 of 4 weeks, takes it', () => {
    expect(choose('auto', ranked, 4, () => 3).method).to.equal('seasonal-naive');
  });

  it('choose, better on 2 of 4 weeks (not a majority), keeps the combination', () => {
    expect(choose('auto', ranked, 4, () => 2).method).to.equal('combination');
  });
});
