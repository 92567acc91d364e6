import { expect } from 'chai';
import { erlangA, erlangC, simulate } from '../../../staffing';
import { chainReference } from './reference';

const input = (agents: number, erlangs: number, patienceSeconds: number, thresholdSeconds = 20) => ({
  volume: erlangs * 10,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  agents,
  patienceSeconds,
  thresholdSeconds,
});

describe('staffing/erlang-a', () => {
  const cases: [number, number, number, number][] = [
    // agents, Erlangs, patience s, threshold s: under-, critically and over-loaded
    [14, 10, 120, 20],
    [12, 10, 600, 20],
    [9, 10, 120, 20],
    [8, 10, 60, 30],
    [5, 10, 300, 60],
    [1, 0.5, 90, 10],
    [0, 2, 60, 20],
    [30, 25, 200, 0],
  ];

  it('erlangA, under- and overloaded cases, equals the numerically solved M/M/N+M chain to 1e-9', () => {
    for (const [n, a, patience, T] of cases) {
      const m = erlangA(input(n, a, patience, T));
      const ref = chainReference({ servers: n, erlangs: a, ahtSeconds: 180, patienceSeconds: patience, thresholdSeconds: T });
      const label = `N=${n} A=${a} patience=${patience} T=${T}`;
      expect(m.probabilityOfWait, label).to.be.closeTo(ref.probabilityOfWait, 1e-9);
      expect(m.abandonRate, label).to.be.closeTo(ref.abandonRate, 1e-9);
      expect(m.serviceLevel!, label).to.be.closeTo(ref.serviceLevel, 1e-9);
      if (n > 0) expect(m.asaSeconds, label).to.be.closeTo(ref.asaSeconds, 1e-9 * ref.asaSeconds + 1e-9);
      expect(m.averageWaitSeconds, label).to.be.closeTo(ref.averageWaitSeconds, 1e-9 * ref.averageWaitSeconds);
      if (n > 0) expect(m.occupancy, label).to.be.closeTo(ref.occupancy, 1e-9);
    }
  });

  it('erlangA, no agents, has everyone waiting and abandoning: SL 0, abandonment 1', () => {
    const m = erlangA(input(0, 2, 60));
    expect(m.abandonRate).to.be.closeTo(1, 1e-12);
    expect(m.serviceLevel).to.equal(0);
    expect(m.occupancy).to.equal(0);
  });

  it('erlangA, very long patience, tends to Erlang-C', () => {
    const c = erlangC({ volume: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 12, thresholdSeconds: 20 });
    const a = erlangA(input(12, 10, 1e9));
    expect(a.serviceLevel!).to.be.closeTo(c.serviceLevel!, 1e-5);
    expect(a.asaSeconds).to.be.closeTo(c.asaSeconds, 1e-3);
    expect(a.abandonRate).to.be.below(1e-6);
  });

  it('erlangA, 10,000 Erlangs and 8,000 to 10,100 agents, gives finite metrics in range (no underflow or overflow)', () => {
    for (const n of [8000, 9500, 10_000, 10_100]) {
      const m = erlangA({ volume: 100_000, intervalSeconds: 1800, ahtSeconds: 180, agents: n, patienceSeconds: 120, thresholdSeconds: 20 });
      for (const v of [m.probabilityOfWait, m.abandonRate, m.serviceLevel!, m.occupancy]) expect(v).to.be.within(0, 1);
      expect(Number.isFinite(m.asaSeconds)).to.equal(true);
      // Overloaded: carried load = agents, so abandonment ≈ 1 − N/A.
      if (n === 8000) expect(m.abandonRate).to.be.closeTo(0.2, 1e-3);
    }
  });

  it('erlangA, overloaded fluid regime (8,000 agents, 10,000 Erlangs), has SL below the answered share since the wait is ≈ 27 s > 20 s', () => {
    const m = erlangA({
      volume: 100_000,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      agents: 8000,
      patienceSeconds: 120,
      thresholdSeconds: 20,
    });
    // Fluid limit: answered = e^{−θ w} = 0.8 → w = 120·ln(1.25) ≈ 26.8 s, so few are answered within 20 s.
    expect(m.asaSeconds).to.be.closeTo(120 * Math.log(1.25), 0.5);
    expect(m.serviceLevel!).to.be.below(0.2);
  });

  it('erlangA, 10 Erlangs on 9 agents with patience 120 s, agrees with the simulator within its 95 % interval', () => {
    const hours = 16;
    const sim = simulate({
      startMs: 0,
      intervalSeconds: 1800,
      seed: 7,
      replications: 20,
      pooledIntervals: [2, hours],
      volumes: Array.from({ length: hours }, () => ({ voice: 100 })),
      channels: { voice: { ahtSeconds: 180, thresholdSeconds: 20, patienceSeconds: 120 } },
      staffing: { plan: { agents: Array.from({ length: hours }, () => ({ voice: 9 })) } },
    });
    const m = erlangA(input(9, 10, 120));
    const p = sim.pooled.voice!;
    const within = (e: { mean: number | null; halfWidth: number | null }, v: number) =>
      // Within the 95 % interval; the seed is fixed (another seed would fail about 1 check in 20).
      expect(Math.abs(e.mean! - v), `${e.mean} ± ${e.halfWidth} vs ${v}`).to.be.at.most(e.halfWidth!);
    within(p.serviceLevel, m.serviceLevel!);
    within(p.abandonRate, m.abandonRate);
    within(p.asaSeconds, m.asaSeconds);
    within(p.occupancy, m.occupancy);
  });

  it('erlangA, bad patience, throws naming patienceSeconds', () => {
    expect(() => erlangA(input(5, 4, 0))).to.throw(/patienceSeconds: must be a finite number > 0/);
    expect(() => erlangA(input(5, 4, Infinity))).to.throw(/patienceSeconds/);
  });
});
