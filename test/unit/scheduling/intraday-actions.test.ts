import { expect } from 'chai';
import { intradayCandidates, reshape, type CandidateInput, type TodayShift } from '../../../scheduling';

// Times in UTC on one day; hourly grid; 8 or 9 h shifts with a 60-minute lunch 2 h from either end.
const H = 3_600_000;
const day = Date.parse('2026-12-07T00:00:00.000Z');
const at = (h: number) => new Date(day + h * H).toISOString();
const rules = { shiftLengthsHours: [8, 9], breakMinutes: 60, breakMinOffsetMinutes: 120, breakMinTailMinutes: 120 };

function shift(o: Partial<TodayShift> & { uid: string; from: number; to: number; lunch?: number }): TodayShift {
  const { from, to, lunch, ...rest } = o;
  return {
    staffId: 1,
    start: at(from),
    end: at(to),
    breaks: lunch === undefined ? [] : [{ start: at(lunch), end: at(lunch + 1) }],
    channel: 'voice',
    activities: null,
    offQueue: null,
    locked: false,
    ...rest,
  };
}

/** Slack per hour of the day for voice (people on the queue − people needed). */
function input(slackByHour: Record<number, number>, o: Partial<CandidateInput> = {}): CandidateInput {
  return {
    shifts: [],
    from: day + 11 * H,
    dayEnd: day + 24 * H,
    intervalMinutes: 60,
    rules,
    slack: (c, t) => (c === 'voice' ? (slackByHour[(t - day) / H] ?? 0) : 0),
    callable: [],
    ...o,
  };
}

describe('scheduling/intradayCandidates: what can still change today', () => {
  it('moveBreak, a lunch at 13:00 where voice is short: moves to the hour in the lunch window with the most to spare (brute force)', () => {
    const slack: Record<number, number> = { 11: 0, 12: 1, 13: -2, 14: 2, 15: 3, 16: 1 };
    const s = shift({ uid: 'a', from: 9, to: 18, lunch: 13 });
    const got = intradayCandidates(input(slack, { shifts: [s] })).filter((c) => c.spec.kind === 'moveBreak');
    // Window: 11:00 (start + 2 h) to 15:00 (end − 2 h − 1 h); the best hour by slack.
    const best = [11, 12, 14, 15].reduce((a, b) => ((slack[b] ?? 0) > (slack[a] ?? 0) ? b : a));
    expect(got).to.have.length(1);
    expect(got[0]!.spec.to).to.equal(at(best));
    expect(got[0]!.shift!.breaks).to.deep.equal([{ start: at(best), end: at(best + 1) }]);
  });

  it('moveBreak, a lunch already begun or nowhere better: nothing', () => {
    const s = shift({ uid: 'a', from: 6, to: 15, lunch: 10 });
    expect(intradayCandidates(input({ 10: -5 }, { shifts: [s] })).filter((c) => c.spec.kind === 'moveBreak')).to.be.empty;
    const flat = shift({ uid: 'b', from: 9, to: 18, lunch: 13 });
    expect(intradayCandidates(input({}, { shifts: [flat] })).filter((c) => c.spec.kind === 'moveBreak')).to.be.empty;
  });

  it('extendShift, an 8 h shift with voice short after it: the 9 h template; shortenShift, spare after 17:00: the 8 h one', () => {
    const eight = shift({ uid: 'a', from: 9, to: 17, lunch: 13 });
    const ext = intradayCandidates(input({ 17: -1 }, { shifts: [eight] })).find((c) => c.spec.kind === 'extendShift');
    expect(ext?.shift?.end).to.equal(at(18));
    const nine = shift({ uid: 'b', from: 9, to: 18, lunch: 13 });
    const cut = intradayCandidates(input({ 17: 1 }, { shifts: [nine] })).find((c) => c.spec.kind === 'shortenShift');
    expect(cut?.shift?.end).to.equal(at(17));
    expect(intradayCandidates(input({ 17: 0 }, { shifts: [nine] })).some((c) => c.spec.kind === 'shortenShift')).to.equal(false);
  });

  it('offerVto, a later shift with someone to spare all through it: offered; one short hour or a shift begun: not', () => {
    const later = shift({ uid: 'a', from: 14, to: 22, lunch: 17 });
    const spare: Record<number, number> = Object.fromEntries([...Array(24).keys()].map((h) => [h, 1]));
    expect(intradayCandidates(input(spare, { shifts: [later] })).find((c) => c.spec.kind === 'offerVto')?.shift).to.equal(null);
    expect(intradayCandidates(input({ ...spare, 20: 0 }, { shifts: [later] })).some((c) => c.spec.kind === 'offerVto')).to.equal(false);
    const begun = shift({ uid: 'b', from: 9, to: 17, lunch: 13 });
    expect(intradayCandidates(input(spare, { shifts: [begun] })).some((c) => c.spec.kind === 'offerVto')).to.equal(false);
  });

  it('toQueue, back office 10:00-14:00 with voice short at 12:00: from 11:00 (the next interval) on, the morning part kept', () => {
    const s = shift({ uid: 'a', from: 8, to: 17, lunch: 14, offQueue: [{ start: at(10), end: at(14), kind: 'backOffice' }] });
    const c = intradayCandidates(input({ 12: -1 }, { shifts: [s] })).find((x) => x.spec.kind === 'toQueue');
    expect(c?.spec.from).to.equal(at(11));
    expect(c?.activity).to.equal('backOffice');
    expect(c?.shift?.offQueue).to.deep.equal([{ start: at(10), end: at(11), kind: 'backOffice' }]);
  });

  it('callIn, voice short at 15:00: the first callable people with voice, at most maxCallIns, an 8 h shift from 11:00 with lunch mid-way', () => {
    const callable = [
      { staffId: 7, skills: ['chat'] },
      { staffId: 8, skills: ['voice'] },
      { staffId: 9, skills: ['voice', 'chat'] },
      { staffId: 10, skills: ['voice'] },
    ];
    const got = intradayCandidates(input({ 15: -1 }, { callable, maxCallIns: 2 })).filter((c) => c.spec.kind === 'callIn');
    expect(got.map((c) => c.spec.staffId)).to.deep.equal([8, 9]);
    expect(got[0]!.shift).to.include({ start: at(11), end: at(19), channel: 'voice' });
    expect(got[0]!.shift!.breaks).to.deep.equal([{ start: at(14), end: at(15) }]);
  });

  it('reshape, a spec that no longer fits the shift (the break moved meanwhile, another person): null', () => {
    const s = shift({ uid: 'a', from: 9, to: 18, lunch: 13 });
    const o = { rules, intervalMinutes: 60 };
    expect(reshape({ kind: 'moveBreak', staffId: 1, uid: 'a', from: at(13), to: at(15) }, s, o)?.shift?.breaks[0]?.start).to.equal(at(15));
    expect(reshape({ kind: 'moveBreak', staffId: 1, uid: 'a', from: at(12), to: at(15) }, s, o)).to.equal(null);
    expect(reshape({ kind: 'moveBreak', staffId: 2, uid: 'a', from: at(13), to: at(15) }, s, o)).to.equal(null);
    expect(reshape({ kind: 'extendShift', staffId: 1, uid: 'a', from: at(17), to: at(19) }, s, o)).to.equal(null);
  });
});
