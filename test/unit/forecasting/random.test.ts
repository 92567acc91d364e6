import { expect } from 'chai';
import { mulberry32 } from '../../../forecasting/random';
import { createRng } from '../../../staffing';
import { Prng } from '../../../seeds/prng';

/**
 * The first draws of seed 42, as the four copies of mulberry32 (forecasting's synthetic
 * history, the rota search, the simulator and the demo seed) gave them before they became one:
 * seeded outputs stay exactly what they were.
 */
const SEED_42 = [0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693];
const SIMULATOR_SEED_42 = [0.17782321840059012, 0.6313992537325248, 0.4940499580698088, 0.8753470930969343];

const take = (next: () => number) => SEED_42.map(() => next());

describe('forecasting/random: the one seeded generator', () => {
  it('mulberry32, seed 42, gives the draws the old copies gave', () => {
    expect(take(mulberry32(42))).to.deep.equal(SEED_42);
  });

  it('seeds/Prng, seed 42, draws the same stream as mulberry32', () => {
    const p = new Prng(42);
    expect(take(() => p.next())).to.deep.equal(SEED_42);
  });

  it('staffing createRng, seed 42, keeps its mixed seed and half-step offset (same draws as before)', () => {
    const r = createRng(42);
    expect(take(() => r.uniform())).to.deep.equal(SIMULATOR_SEED_42);
  });

  it('mulberry32, two seeds, give different streams; one seed twice, the same', () => {
    expect(take(mulberry32(1))).to.not.deep.equal(take(mulberry32(2)));
    expect(take(mulberry32(7))).to.deep.equal(take(mulberry32(7)));
  });
});
