import { expect } from 'chai';
import { erlangC, StaffingError } from '../../../staffing';
import { chainReference, exactErlangC } from './reference';

const call = (agents: number, over: Partial<Parameters<typeof erlangC>[0]> = {}) =>
  erlangC({ volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20, agents, ...over });

describe('staffing/erlang-c', () => {
  it('erlangC, pyworkforce example (100 per 30 min, AHT 180 s, 14 agents), gives SL 0.888, occupancy 0.714, P(wait) 0.174', () => {
    const m = call(14);
    expect(m.serviceLevel!.toFixed(3)).to.equal('0.888');
    expect(m.occupancy.toFixed(3)).to.equal('0.714');
    expect(m.probabilityOfWait.toFixed(3)).to.equal('0.174');
  });

  it('erlangC, published answers of call-center-tools (123 and 12,345 Erlangs), gives P(wait) 0.3211 and 0.3812, SL 0.7339', () => {
    const wait = (erlangs: number, agents: number) =>
      erlangC({ volume: erlangs, intervalSeconds: 300, ahtSeconds: 300, agents, thresholdSeconds: 20 });
    expect(wait(123, 132).probabilityOfWait.toFixed(4)).to.equal('0.3211');
    expect(wait(12_345, 12_421).probabilityOfWait.toFixed(4)).to.equal('0.3812');
    // SL for 123 Erlangs, 130 agents, T = 20 s, AHT 300 s (their P(wait) 0.4244).
    const m = wait(123, 130);
    expect(m.probabilityOfWait.toFixed(4)).to.equal('0.4244');
    expect(m.serviceLevel!.toFixed(4)).to.equal('0.7339');
  });

  it('erlangC, probability of waiting over a grid of loads, equals the exact rational value to 1e-13', () => {
    const cases: [number, bigint, bigint][] = [
      [1, 1n, 100n],
      [2, 1n, 1n],
      [11, 10n, 1n],
      [14, 10n, 1n],
      [30, 577n, 20n],
      [120, 1125n, 10n],
      [1010, 1000n, 1n],
    ];
    for (const [n, p, q] of cases) {
      const erlangs = Number(p) / Number(q);
      const m = erlangC({ volume: erlangs * 10, intervalSeconds: 3600, ahtSeconds: 360, agents: n });
      expect(Math.abs(m.probabilityOfWait - exactErlangC(n, p, q))).to.be.below(1e-13 * exactErlangC(n, p, q) + 1e-300);
    }
  });

  it('erlangC, service level and ASA, agree with the numerically solved M/M/N chain to 1e-8', () => {
    for (const [agents, erlangs, T] of [
      [14, 10, 20],
      [12, 10, 20],
      [6, 5.5, 60],
      [25, 20, 0],
      [3, 0.5, 15],
    ] as const) {
      const m = erlangC({ volume: erlangs * 20, intervalSeconds: 3600, ahtSeconds: 180, agents, thresholdSeconds: T });
      const ref = chainReference({ servers: agents, erlangs, ahtSeconds: 180, patienceSeconds: Infinity, thresholdSeconds: T });
      expect(m.serviceLevel).to.be.closeTo(ref.serviceLevel, 1e-8);
      expect(m.asaSeconds).to.be.closeTo(ref.asaSeconds, 1e-8 * ref.asaSeconds + 1e-9);
      expect(m.averageWaitSeconds).to.equal(m.asaSeconds);
    }
  });

  it('erlangC, loads of 0.01 and 10,000 Erlangs, gives finite metrics in range', () => {
    const tiny = erlangC({ volume: 0.1, intervalSeconds: 1800, ahtSeconds: 180, agents: 1, thresholdSeconds: 20 });
    expect(tiny.loadErlangs).to.be.closeTo(0.01, 1e-15);
    expect(tiny.probabilityOfWait).to.be.closeTo(0.01, 1e-15); // one agent: P(wait) = A
    const huge = erlangC({ volume: 100_000, intervalSeconds: 1800, ahtSeconds: 180, agents: 10_050, thresholdSeconds: 20 });
    for (const v of Object.values(huge)) if (typeof v === 'number') expect(Number.isFinite(v)).to.equal(true);
    expect(huge.serviceLevel).to.be.within(0.9, 1);
  });

  it('erlangC, huge volume (1e9 contacts) with enough agents, stays finite', () => {
    const m = erlangC({ volume: 1e9, intervalSeconds: 3600 * 1e5, ahtSeconds: 3600, agents: 10_100, thresholdSeconds: 20 });
    expect(m.loadErlangs).to.equal(10_000);
    expect(Number.isFinite(m.asaSeconds)).to.equal(true);
  });

  it('erlangC, agents not above the load, throws a StaffingError on agents', () => {
    expect(() => call(10)).to.throw(StaffingError, /^agents: 10 agents .* cannot carry a load of 10 Erlangs/);
    expect(() => call(3)).to.throw(/agents/);
  });

  it('erlangC, zero volume, needs nobody and reports SL 1 with no wait', () => {
    const m = call(0, { volume: 0 });
    expect(m).to.include({ probabilityOfWait: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 });
  });

  it('erlangC, without a threshold, reports serviceLevel null', () => {
    expect(call(14, { thresholdSeconds: undefined }).serviceLevel).to.equal(null);
  });
});
