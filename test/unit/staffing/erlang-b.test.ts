import { expect } from 'chai';
import { erlangB } from '../../../staffing';
import { erlangBNext, erlangBPrevious } from '../../../staffing/erlang-b';
import { exactErlangB, logSpaceErlangB } from './reference';

const close = (actual: number, expected: number, rel: number) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).to.be.at.most(rel * Math.abs(expected) + 1e-300);

describe('staffing/erlang-b', () => {
  it('erlangB, small and medium loads, equals the exact rational value to 1e-13', () => {
    const cases: [number, bigint, bigint][] = [
      [1, 1n, 100n],
      [1, 1n, 1n],
      [5, 2n, 1n],
      [10, 5n, 1n],
      [14, 10n, 1n],
      [20, 15n, 1n],
      [40, 61n, 2n],
      [63, 50n, 1n],
      [64, 50n, 1n],
      [65, 50n, 1n],
      [100, 80n, 1n],
      [130, 123n, 1n],
      [200, 1999n, 10n],
      [3, 17n, 1n],
    ];
    for (const [n, p, q] of cases) close(erlangB(n, Number(p) / Number(q)), exactErlangB(n, p, q), 1e-13);
  });

  it('erlangB, a load of 1,000 Erlangs around the staffing point, equals the exact value to 1e-12', () => {
    for (const n of [900, 1000, 1030, 1100, 1300]) close(erlangB(n, 1000), exactErlangB(n, 1000n, 1n), 1e-12);
  });

  it('erlangB, loads up to 30,000 Erlangs, matches a log-space brute-force sum to 1e-9', () => {
    for (const [n, a] of [
      [10_100, 10_000],
      [10_000, 10_000],
      [9_000, 10_000],
      [12_421, 12_345],
      [30_200, 30_000],
    ] as const) {
      close(erlangB(n, a), logSpaceErlangB(n, a), 1e-9);
    }
  });

  it('erlangB, far more servers than load, is a tiny positive number or 0, never NaN', () => {
    const b = erlangB(1000, 0.01);
    expect(Number.isNaN(b)).to.equal(false);
    expect(b).to.be.at.least(0).and.below(1e-300);
    close(erlangB(100, 0.01), exactErlangB(100, 1n, 100n), 1e-12);
  });

  it('erlangB, no servers or no load, gives 1 and 0', () => {
    expect(erlangB(0, 5)).to.equal(1);
    expect(erlangB(3, 0)).to.equal(0);
  });

  it('erlangBNext and erlangBPrevious, stepping N above the load, stay on the exact values', () => {
    let b = exactErlangB(1010, 1000n, 1n);
    let bUp = b;
    for (let n = 1010; n < 1060; n++) bUp = erlangBNext(bUp, n, 1000);
    close(bUp, exactErlangB(1060, 1000n, 1n), 1e-12);
    for (let n = 1010; n > 1001; n--) b = erlangBPrevious(b, n, 1000);
    close(b, exactErlangB(1001, 1000n, 1n), 1e-12);
  });

  it('erlangB, negative load or fractional servers, throws naming the field', () => {
    expect(() => erlangB(3, -1)).to.throw(/erlangs: must be a finite number ≥ 0/);
    expect(() => erlangB(2.5, 1)).to.throw(/agents: must be a whole number/);
    expect(() => erlangB(3, Number.NaN)).to.throw(/erlangs/);
  });
});
