import { expect } from 'chai';
import { neededForTarget, type ChannelSettings } from '../../../staffing';
import { chainReference, exactErlangC } from './reference';

const voice: ChannelSettings = {
  id: 'voice',
  kind: 'voice',
  targetServiceLevel: 0.8,
  thresholdSeconds: 20,
  targetAsaSeconds: null,
  maxOccupancy: null,
  shrinkage: 0.3,
  patienceSeconds: null,
  maxAbandonRate: null,
  concurrency: 1,
};

/** Service level of Erlang-C from the exact (BigInt) wait probability: 1 − C·e^(−(N−A)t/AHT). */
function referenceSl(n: number, erlangs: number, aht: number, t: number): number {
  if (n <= erlangs) return 0;
  const c = exactErlangC(n, BigInt(erlangs), 1n);
  return 1 - c * Math.exp((-(n - erlangs) * t) / aht);
}

describe('staffing/neededForTarget: people needed on the queue for a re-forecast volume', () => {
  it('Erlang-C, 100 calls in 30 min at 180 s (10 Erlangs), 80 % in 20 s: the fewest people the exact formula says reach it', () => {
    let brute = 11;
    while (referenceSl(brute, 10, 180, 20) < 0.8) brute++;
    expect(neededForTarget(voice, 30, 100, 180)).to.equal(brute);
    // pyworkforce's published example: 14 raw agents also keep ASA ≤ 20 s; service level alone needs no more.
    expect(brute).to.be.within(12, 14);
  });

  it('Erlang-A (patience 120 s), 60 calls an hour at 240 s: matches the birth-death chain, one fewer falls short', () => {
    const c = { ...voice, patienceSeconds: 120 };
    const n = neededForTarget(c, 60, 60, 240);
    const sl = (k: number) =>
      chainReference({ servers: k, erlangs: 4, ahtSeconds: 240, patienceSeconds: 120, thresholdSeconds: 20 }).serviceLevel;
    expect(sl(n)).to.be.at.least(0.8 - 1e-6);
    expect(sl(n - 1)).to.be.below(0.8);
  });

  it('no volume, or no target: nobody is needed', () => {
    expect(neededForTarget(voice, 60, 0, 240)).to.equal(0);
    expect(neededForTarget({ ...voice, targetServiceLevel: null }, 60, 50, 240)).to.equal(0);
  });
});
