import { expect } from 'chai';
import { applyCandidate, intradayCandidates, planRestOfDay, type PlanInput, type TodayShift } from '../../../scheduling';

// One voice queue on an hourly grid in UTC; 8 or 9 h shifts with a 60-minute lunch 2 h from either end.
const H = 3_600_000;
const day = Date.parse('2026-12-07T00:00:00.000Z');
const at = (h: number) => new Date(day + h * H).toISOString();
const rules = { shiftLengthsHours: [8, 9], breakMinutes: 60, breakMinOffsetMinutes: 120, breakMinTailMinutes: 120 };
const FROM = 11;

function shift(uid: string, staffId: number, from: number, to: number, lunch: number): TodayShift {
  return {
    uid,
    staffId,
    start: at(from),
    end: at(to),
    breaks: [{ start: at(lunch), end: at(lunch + 1) }],
    channel: 'voice',
    activities: null,
    offQueue: null,
    locked: false,
  };
}

/** People on the queue at hour h (not on their lunch). */
const onQueue = (shifts: TodayShift[], h: number) =>
  shifts.filter(
    (s) =>
      Date.parse(s.start) <= day + h * H && day + h * H < Date.parse(s.end) && !s.breaks.some((b) => Date.parse(b.start) === day + h * H),
  ).length;

/**
 * A toy service: each hour from 11:00 needs `need[h]` people; each person up to the need answers
 * 10 contacts in time. The slack the candidates see is people on the queue minus the need.
 */
function toy(need: Record<number, number>, shifts: TodayShift[], callable: { staffId: number; skills: string[] }[] = []): PlanInput {
  const service = (ss: TodayShift[]) => {
    let n = 0;
    for (let h = FROM; h < 24; h++) n += 10 * Math.min(onQueue(ss, h), need[h] ?? 0);
    return n;
  };
  return {
    shifts,
    from: day + FROM * H,
    candidates: (ss) =>
      intradayCandidates({
        shifts: ss,
        from: day + FROM * H,
        dayEnd: day + 24 * H,
        intervalMinutes: 60,
        rules,
        slack: (c, t) => (c === 'voice' ? onQueue(ss, (t - day) / H) - (need[(t - day) / H] ?? 0) : 0),
        callable,
      }),
    service,
    allowed: () => true,
  };
}

describe('scheduling/planRestOfDay: the rest of today re-planned with few changes', () => {
  it('two people short after 17:00: both 8 h shifts extended to 9 h (20 contacts for 2 h), one change each, service as counted independently', () => {
    const shifts = [shift('a', 1, 9, 17, 13), shift('b', 2, 9, 17, 14), shift('c', 3, 10, 19, 14)];
    const need: Record<number, number> = { 11: 3, 12: 3, 13: 2, 14: 1, 15: 3, 16: 3, 17: 3, 18: 1 };
    const plan = planRestOfDay(toy(need, shifts));
    expect(plan.steps.map((s) => [s.candidate.spec.kind, s.candidate.spec.staffId]).sort()).to.deep.equal([
      ['extendShift', 1],
      ['extendShift', 2],
    ]);
    // Independently: 17:00 had 1 person (c) for 3 needed; now 3.
    expect(onQueue(plan.shifts, 17)).to.equal(3);
    expect(plan.after - plan.before).to.equal(20);
    expect(plan.steps.reduce((n, s) => n + s.paidHours, 0)).to.equal(2);
  });

  it('an added hour must bring costPerHour contacts: at 12 per hour nothing is added for 10', () => {
    const shifts = [shift('a', 1, 9, 17, 13)];
    const plan = planRestOfDay({ ...toy({ 17: 1 }, shifts), costPerHour: 12 });
    expect(plan.steps).to.deep.equal([]);
    expect(planRestOfDay({ ...toy({ 17: 1 }, shifts), costPerHour: 8 }).steps).to.have.length(1);
  });

  it('local optimum: after the plan no candidate left (one per person) is worth taking, checked by brute force over them', () => {
    const shifts = [shift('a', 1, 9, 17, 13), shift('b', 2, 9, 18, 12), shift('c', 3, 12, 20, 15), shift('d', 4, 13, 21, 16)];
    const need: Record<number, number> = { 11: 2, 12: 3, 13: 3, 14: 1, 15: 4, 16: 3, 17: 3, 18: 2, 19: 1, 20: 2 };
    const input = toy(need, shifts, [{ staffId: 9, skills: ['voice'] }]);
    const plan = planRestOfDay(input);
    expect(plan.steps.length).to.be.greaterThan(0);
    const people = plan.steps.map((s) => s.candidate.spec.staffId);
    expect(new Set(people).size, 'one change per person').to.equal(people.length);
    const end = input.service(plan.shifts);
    expect(end).to.equal(plan.after);
    for (const c of input.candidates(plan.shifts)) {
      if (people.includes(c.spec.staffId)) continue;
      const old = plan.shifts.find((s) => s.uid === c.spec.uid);
      const hours = (x: typeof old | null) => (x ? (Date.parse(x.end) - Date.parse(x.start)) / H - x.breaks.length : 0);
      const gain = input.service(applyCandidate(plan.shifts, c)) - end;
      const added = hours(c.shift as TodayShift | null) - hours(old ?? null);
      if (added > 0) expect(gain - 4 * added, JSON.stringify(c.spec)).to.be.at.most(0);
      else if (added === 0) expect(gain, JSON.stringify(c.spec)).to.be.at.most(0.05);
    }
    // No shift already begun moved its start or left.
    for (const s of shifts.filter((x) => Date.parse(x.start) < day + FROM * H)) {
      const now = plan.shifts.find((x) => x.uid === s.uid);
      expect(now?.start, s.uid).to.equal(s.start);
    }
  });

  it('savings only without service lost: a spare person not yet started goes home (VTO) when the others cover, not when they do not', () => {
    const shifts = [shift('a', 1, 9, 18, 13), shift('b', 2, 9, 18, 14), shift('c', 3, 12, 20, 16)];
    const spare: Record<number, number> = { 11: 1, 12: 1, 13: 1, 14: 1, 15: 1, 16: 1, 17: 1 };
    const plan = planRestOfDay(toy(spare, shifts));
    const kinds = plan.steps.map((s) => s.candidate.spec.kind);
    expect(kinds).to.include('offerVto');
    expect(plan.after).to.equal(plan.before);
    expect(plan.steps.reduce((n, s) => n + s.paidHours, 0)).to.be.below(0);
    const busy = planRestOfDay(toy({ 12: 3, 13: 3, 14: 3, 15: 3, 16: 3, 17: 3, 18: 1, 19: 1 }, shifts));
    expect(busy.steps.map((s) => s.candidate.spec.kind)).not.to.include('offerVto');
  });

  it('a state the rules refuse is never taken', () => {
    const shifts = [shift('a', 1, 9, 17, 13), shift('b', 2, 9, 17, 14)];
    const input = toy({ 17: 2 }, shifts);
    const plan = planRestOfDay({ ...input, allowed: (ss) => !ss.some((s) => s.staffId === 1 && s.end !== at(17)) });
    expect(plan.steps.map((s) => s.candidate.spec.staffId)).to.deep.equal([2]);
  });
});
