import { expect } from 'chai';
import { ResultCache } from '../../../app/forecast-inputs';

describe('app/ResultCache: computed forecasts kept per key', () => {
  it('ResultCache.get, a second caller while the first computes, waits for the same computation (computed once)', async () => {
    const cache = new ResultCache<number>(4);
    let runs = 0;
    let release!: (v: number) => void;
    const compute = () => {
      runs++;
      return new Promise<number>((r) => (release = r));
    };
    const a = cache.get('k', compute);
    const b = cache.get('k', compute);
    release(42);
    expect(await Promise.all([a, b])).to.deep.equal([42, 42]);
    expect(runs).to.equal(1);
    expect(await cache.get('k', compute)).to.equal(42);
    expect(runs).to.equal(1);
  });

  it('ResultCache.get, a computation that failed, is forgotten: the next caller computes again', async () => {
    const cache = new ResultCache<number>(4);
    let runs = 0;
    const failing = cache.get('k', async () => {
      runs++;
      throw new Error('database away');
    });
    await failing.catch(() => undefined);
    expect(await cache.get('k', async () => (runs++, 7))).to.equal(7);
    expect(runs).to.equal(2);
  });

  it('ResultCache.get, more keys than its size, drops the least recently used', async () => {
    const cache = new ResultCache<string>(2);
    let runs = 0;
    const get = (k: string) => cache.get(k, async () => (runs++, k));
    await get('a');
    await get('b');
    await get('a');
    await get('c');
    await get('a');
    expect(runs).to.equal(3);
    await get('b');
    expect(runs).to.equal(4);
  });
});
