import { expect } from 'chai';
import { createRng } from '../../../staffing';
import { EventHeap, type TimedEvent } from '../../../staffing/simulator/event-heap';
import { estimate, tQuantile95 } from '../../../staffing/simulator/stats';

const moments = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, cv: sd / mean };
};

describe('staffing/simulator parts', () => {
  it('createRng, 200,000 draws, gives uniform in (0, 1) with mean 1/2, and the same stream for the same seed', () => {
    const r = createRng(42);
    const xs = Array.from({ length: 200_000 }, () => r.uniform());
    expect(xs.every((x) => x > 0 && x < 1)).to.equal(true);
    expect(moments(xs).mean).to.be.closeTo(0.5, 0.003);
    const [a, b] = [createRng(7), createRng(7)];
    expect([a.uniform(), a.uniform()]).to.deep.equal([b.uniform(), b.uniform()]);
  });

  it('createRng, exponential and lognormal (mean 180 s, cv 0.5), have the asked mean and coefficient of variation', () => {
    const r = createRng(1);
    const exp = moments(Array.from({ length: 200_000 }, () => r.exponential(180)));
    expect(exp.mean).to.be.closeTo(180, 180 * 0.01);
    expect(exp.cv).to.be.closeTo(1, 0.01);
    const ln = moments(Array.from({ length: 200_000 }, () => r.lognormal(180, 0.5)));
    expect(ln.mean).to.be.closeTo(180, 180 * 0.01);
    expect(ln.cv).to.be.closeTo(0.5, 0.01);
  });

  it('EventHeap, random times with ties, pops in time order and ties in insertion order', () => {
    const r = createRng(3);
    const heap = new EventHeap<TimedEvent & { id: number }>();
    const events = Array.from({ length: 5000 }, (_, id) => ({ time: Math.floor(r.uniform() * 100), id }));
    for (const e of events) heap.push(e);
    const popped: { time: number; id: number }[] = [];
    for (let e = heap.pop(); e; e = heap.pop()) popped.push({ time: e.time, id: e.id });
    const expected = events.map(({ time, id }) => ({ time, id })).sort((x, y) => x.time - y.time || x.id - y.id);
    expect(popped).to.deep.equal(expected);
  });

  it('estimate, values 1..5, gives mean 3 and the t-based half-width 2.776·sd/√5', () => {
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).to.equal(3);
    expect(e.halfWidth).to.be.closeTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 1e-12);
    expect(tQuantile95(4)).to.equal(2.776);
    expect(estimate([]).mean).to.equal(null);
    expect(estimate([2]).halfWidth).to.equal(null);
  });
});
