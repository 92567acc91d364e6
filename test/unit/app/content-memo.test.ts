import { expect } from 'chai';
import { ContentMemo } from '../../../app/content-memo';

describe("app/content-memo ContentMemo: pure results reused by their inputs' content", () => {
  it('the same inputs (a new but equal object) reuse the result; changed inputs compute again', () => {
    const memo = new ContentMemo<number>(4);
    let runs = 0;
    const square = (x: { n: number; list: number[] }) => memo.get(x, () => (runs++, x.n * x.n + x.list.length));
    expect(square({ n: 3, list: [1, 2] })).to.equal(11);
    expect(square({ n: 3, list: [1, 2] })).to.equal(11);
    expect(runs).to.equal(1);
    expect(square({ n: 3, list: [1, 2, 3] })).to.equal(12);
    expect(runs).to.equal(2);
    expect([memo.hits, memo.misses]).to.deep.equal([1, 2]);
  });

  it('over capacity, the least recently used entry goes first', () => {
    const memo = new ContentMemo<string>(2);
    let runs = 0;
    const get = (k: string) => memo.get({ k }, () => (runs++, k.toUpperCase()));
    get('a');
    get('b');
    get('a'); // a is now the most recently used
    get('c'); // evicts b
    expect(memo.size).to.equal(2);
    const before = runs;
    get('a');
    expect(runs).to.equal(before);
    get('b');
    expect(runs).to.equal(before + 1);
  });

  it("a Map's or a Set's content is part of the key (JSON alone writes them as {})", () => {
    const memo = new ContentMemo<string>(8);
    const skills = (m: Map<number, string[]>) => memo.get({ week: 'w', skills: m }, () => JSON.stringify([...m]));
    expect(skills(new Map([[1, ['voice']]]))).to.equal('[[1,["voice"]]]');
    expect(skills(new Map([[1, ['voice-2']]]))).to.equal('[[1,["voice-2"]]]');
    expect(skills(new Map([[1, ['voice']]]))).to.equal('[[1,["voice"]]]');
    const ids = (s: Set<number>) => memo.get({ ids: s }, () => [...s].join(','));
    expect(ids(new Set([1, 2]))).to.equal('1,2');
    expect(ids(new Set([1, 3]))).to.equal('1,3');
    expect(memo.misses).to.equal(4);
  });
});
