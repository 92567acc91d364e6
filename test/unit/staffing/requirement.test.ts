import { expect } from 'chai';
import { evaluate, requiredAgents, scheduledAgents, type StaffingRequest } from '../../../staffing';
import { chainReference, exactErlangC } from './reference';

const base: StaffingRequest = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 };

/** Smallest N by scanning from zero with the independent references (Erlang-C closed forms on exact C). */
function bruteForceErlangC(volume: number, aht: number, interval: number, T: number, sl?: number, asa?: number, occ?: number): number {
  const a = (volume * aht) / interval;
  for (let n = 1; ; n++) {
    if (n <= a) continue;
    const c = exactErlangC(n, BigInt(volume * aht), BigInt(interval));
    const ok =
      (sl === undefined || 1 - c * Math.exp((-(n - a) * T) / aht) >= sl) &&
      (asa === undefined || (c * aht) / (n - a) <= asa) &&
      (occ === undefined || a / n <= occ);
    if (ok) return n;
  }
}

describe('staffing/requirement', () => {
  it('requiredAgents, pyworkforce example with 85 % occupancy and 30 % shrinkage, gives 14 raw, 20 scheduled, SL 0.888, occupancy 0.714', () => {
    const r = requiredAgents({ ...base, targetServiceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 });
    expect(r).to.include({ rawAgents: 14, scheduledAgents: 20, model: 'erlang-c' });
    expect(r.serviceLevel!.toFixed(3)).to.equal('0.888');
    expect(r.occupancy.toFixed(3)).to.equal('0.714');
    expect(r.bindingTargets).to.deep.equal(['serviceLevel']);
  });

  it('requiredAgents, a grid of volumes and targets, equals a brute-force scan from zero on exact Erlang-C', () => {
    const grid: [number, number, number, number, number | undefined, number | undefined, number | undefined][] = [
      [100, 180, 1800, 20, 0.8, undefined, undefined],
      [100, 180, 1800, 20, undefined, 15, undefined],
      [100, 180, 1800, 20, 0.9, 10, 0.8],
      [7, 300, 3600, 30, 0.8, undefined, undefined],
      [1, 240, 1800, 20, 0.95, undefined, undefined],
      [450, 240, 3600, 20, 0.8, 20, 0.85],
      [2000, 200, 900, 15, 0.85, undefined, undefined],
      [330, 600, 3600, 180, 0.9, undefined, undefined],
      [10_000, 100, 3600, 20, 0.8, 5, 0.97],
    ];
    for (const [volume, aht, interval, T, sl, asa, occ] of grid) {
      const r = requiredAgents({
        volume,
        ahtSeconds: aht,
        intervalSeconds: interval,
        thresholdSeconds: T,
        targetServiceLevel: sl,
        targetAsaSeconds: asa,
        maxOccupancy: occ,
      });
      expect(r.rawAgents, `${volume}/${aht}/${interval} sl=${sl} asa=${asa} occ=${occ}`).to.equal(
        bruteForceErlangC(volume, aht, interval, T, sl, asa, occ),
      );
    }
  });

  it('requiredAgents, occupancy exactly at the maximum (8.5 Erlangs, 85 %), accepts 10 agents (inclusive)', () => {
    const r = requiredAgents({ volume: 85, intervalSeconds: 1800, ahtSeconds: 180, maxOccupancy: 0.85 });
    expect(r.rawAgents).to.equal(10);
    expect(r.bindingTargets).to.deep.equal(['occupancy']);
  });

  it('requiredAgents, Erlang-A with an abandonment cap, equals a brute-force scan on the numerically solved chain', () => {
    for (const [erlangs, patience, sl, ab] of [
      [10, 120, 0.8, 0.05],
      [10, 60, undefined, 0.02],
      [4, 300, 0.9, undefined],
      [25, 90, 0.7, 0.03],
    ] as const) {
      let n = 0;
      for (; ; n++) {
        const ref = chainReference({ servers: n, erlangs, ahtSeconds: 180, patienceSeconds: patience, thresholdSeconds: 20 });
        if ((sl === undefined || ref.serviceLevel >= sl) && (ab === undefined || ref.abandonRate <= ab)) break;
      }
      const r = requiredAgents({ ...base, volume: erlangs * 10, patienceSeconds: patience, targetServiceLevel: sl, maxAbandonRate: ab });
      expect(r.rawAgents, `A=${erlangs} patience=${patience}`).to.equal(n);
      expect(r.model).to.equal('erlang-a');
    }
  });

  it('requiredAgents, Erlang-A needs fewer agents than Erlang-C for the same SL target', () => {
    const c = requiredAgents({ ...base, targetServiceLevel: 0.8 });
    const a = requiredAgents({ ...base, targetServiceLevel: 0.8, patienceSeconds: 60 });
    expect(a.rawAgents).to.be.at.most(c.rawAgents);
  });

  it('requiredAgents, zero volume, needs 0 agents', () => {
    expect(requiredAgents({ ...base, volume: 0, targetServiceLevel: 0.8 })).to.include({ rawAgents: 0, scheduledAgents: 0 });
  });

  it('requiredAgents, chat with concurrency 3, gives ceil(slots ÷ 3) agents with slot metrics', () => {
    const slots = requiredAgents({ ...base, volume: 60, ahtSeconds: 900, thresholdSeconds: 180, targetServiceLevel: 0.8 }).rawAgents;
    const chat = requiredAgents({ ...base, volume: 60, ahtSeconds: 900, thresholdSeconds: 180, targetServiceLevel: 0.8, concurrency: 3 });
    expect(chat.rawAgents).to.equal(Math.ceil(slots / 3));
    expect(chat.servers).to.equal(chat.rawAgents * 3);
    expect(chat.occupancy).to.be.closeTo(30 / chat.servers, 1e-12);
  });

  it('requiredAgents, no target, throws asking for one', () => {
    expect(() => requiredAgents(base)).to.throw(/no target given/);
  });

  it('evaluate, with agents and 30 % shrinkage, gives rawAgents = agents and scheduled ceil(agents ÷ 0.7)', () => {
    const r = evaluate({ ...base, agents: 14, shrinkage: 0.3 });
    expect(r).to.include({ rawAgents: 14, scheduledAgents: 20 });
    expect(r.missedTargets).to.deep.equal([]);
    expect(evaluate({ ...base, agents: 15, shrinkage: 0.3 }).scheduledAgents).to.equal(22);
  });

  it('evaluate, with agents and a target it misses, lists the missed target', () => {
    expect(evaluate({ ...base, agents: 12, targetServiceLevel: 0.8 }).missedTargets).to.deep.equal(['serviceLevel']);
  });

  it('scheduledAgents, float traps like 21 ÷ (1 − 0.3) = 30.000000000000004, rounds to the exact integer ceiling', () => {
    expect(21 / (1 - 0.3)).to.be.above(30); // the trap itself
    expect(scheduledAgents(21, 0.3)).to.equal(30);
    expect(scheduledAgents(42, 0.3)).to.equal(60);
    expect(scheduledAgents(175, 0.3)).to.equal(250);
    expect(scheduledAgents(33, 0.45)).to.equal(60); // 59.99999999999999
    expect(scheduledAgents(14, 0.3)).to.equal(20);
    expect(scheduledAgents(7, 0.3)).to.equal(10);
    expect(scheduledAgents(9, 0.1)).to.equal(10);
    expect(scheduledAgents(14, 0.35)).to.equal(22);
    expect(scheduledAgents(0, 0.5)).to.equal(0);
    expect(scheduledAgents(13, 0)).to.equal(13);
  });
});
