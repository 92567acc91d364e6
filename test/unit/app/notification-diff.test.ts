import { expect } from 'chai';
import { diffByPerson, personalDiff, shiftHours, type DiffShift } from '../../../app/notification-diff';

const s = (uid: string, staffId: number, start: string, end: string, channel = 'voice'): DiffShift => ({
  uid,
  staffId,
  start,
  end,
  channel,
});

describe('notification diff: one person’s shifts between two revisions', () => {
  const before = [
    s('a', 1, '2026-11-30T05:00:00.000Z', '2026-11-30T14:00:00.000Z'),
    s('b', 1, '2026-12-01T05:00:00.000Z', '2026-12-01T14:00:00.000Z'),
    s('c', 2, '2026-12-01T05:00:00.000Z', '2026-12-01T14:00:00.000Z'),
  ];

  it('personalDiff: unchanged shifts → no change at all', () => {
    expect(personalDiff(1, before, before)).to.deep.equal([]);
  });

  it('personalDiff: a moved, a removed and an added shift → three changes in time order, a move at its new time', () => {
    const after = [
      s('a', 1, '2026-11-30T08:00:00.000Z', '2026-11-30T17:00:00.000Z'),
      s('c', 2, '2026-12-01T05:00:00.000Z', '2026-12-01T14:00:00.000Z'),
      s('d', 1, '2026-12-03T05:00:00.000Z', '2026-12-03T13:00:00.000Z', 'chat'),
    ];
    expect(personalDiff(1, before, after)).to.deep.equal([
      {
        change: 'moved',
        fromStart: '2026-11-30T05:00:00.000Z',
        fromEnd: '2026-11-30T14:00:00.000Z',
        start: '2026-11-30T08:00:00.000Z',
        end: '2026-11-30T17:00:00.000Z',
        channel: 'voice',
      },
      { change: 'removed', start: '2026-12-01T05:00:00.000Z', end: '2026-12-01T14:00:00.000Z', channel: 'voice' },
      { change: 'added', start: '2026-12-03T05:00:00.000Z', end: '2026-12-03T13:00:00.000Z', channel: 'chat' },
    ]);
  });

  it('personalDiff: a shift handed to a colleague → removed for the giver, added for the taker', () => {
    const after = before.map((x) => (x.uid === 'b' ? { ...x, staffId: 2 } : x));
    expect(personalDiff(1, before, after).map((c) => c.change)).to.deep.equal(['removed']);
    expect(personalDiff(2, before, after).map((c) => c.change)).to.deep.equal(['added']);
  });

  it('diffByPerson: only people whose shifts changed; shiftHours: 9 h + 9 h = 18 h', () => {
    const after = before.filter((x) => x.uid !== 'c');
    expect([...diffByPerson(before, after).keys()]).to.deep.equal([2]);
    expect(shiftHours(before.slice(0, 2))).to.equal(18);
  });
});
