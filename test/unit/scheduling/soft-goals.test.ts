import { expect } from 'chai';
import { solveRota } from '../../../scheduling/solve-rota';
import { checkRota } from '../../../scheduling/rules/check-rota';
import type { IntervalRequirement } from '../../../scheduling/types';
import { at, makeAgent, makeProblem } from './builders';

/** One voice agent needed 08:00-16:00 and one 15:00-23:00 every day of the week. */
function twoShiftsADay(): IntervalRequirement[] {
  const rows: IntervalRequirement[] = [];
  for (let d = 0; d < 7; d++) {
    for (let h = 8; h < 23; h++) {
      const hh = String(h).padStart(2, '0');
      rows.push({ timestamp: at(d, `${hh}:00`), channel: 'voice', required: (h < 16 ? 1 : 0) + (h >= 15 ? 1 : 0) });
    }
  }
  return rows;
}

/**
 * These goals hold at the optimum, so each solve runs until HiGHS proves it (well under a
 * second of solving on an idle machine); the budget is only a backstop, so a busy machine
 * changes how long the test takes, not its verdict.
 */
const FAR_ABOVE_NEED = 300;

const team = ['a', 'b', 'c', 'd'].map((id) => makeAgent({ id, name: id, contractHoursPerWeek: 32 }));

describe('scheduling/solveRota: locked shifts, fairness, preferences', function () {
  this.timeout((FAR_ABOVE_NEED + 60) * 1000);

  it('solveRota, a locked Saturday 09:00-18:00 shift, keeps it exactly and breaks no rule', async () => {
    const staff = team.map((a, i) => (i === 0 ? { ...a, locked: [{ start: at(5, '09:00'), end: at(5, '18:00') }] } : a));
    const problem = makeProblem({ staff, requirements: twoShiftsADay(), channels: ['voice'] });
    const s = await solveRota(problem, { timeLimitSeconds: FAR_ABOVE_NEED, seed: 1 });
    expect(s.shifts.some((x) => x.staffId === 'a' && x.start === at(5, '09:00') && x.end === at(5, '18:00'))).to.equal(true);
    expect(checkRota(problem, s.shifts)).to.deep.equal([]);
  });

  it('solveRota, 7 evening shifts among 4 equal agents, gives nobody more than one evening above anyone else', async () => {
    const problem = makeProblem({ staff: team, requirements: twoShiftsADay(), channels: ['voice'] });
    const s = await solveRota(problem, { timeLimitSeconds: FAR_ABOVE_NEED, seed: 1 });
    const evenings = team.map((a) => s.shifts.filter((x) => x.staffId === a.id && x.end.slice(11, 16) > '20:00').length);
    expect(evenings.reduce((x, y) => x + y, 0)).to.be.at.least(7);
    expect(Math.max(...evenings) - Math.min(...evenings)).to.be.at.most(1);
  });

  it('solveRota, an agent with two evenings more in previous weeks, gets no more evenings than the others', async () => {
    const staff = team.map((a, i) => (i === 0 ? { ...a, history: { evenings: 2 } } : a));
    const problem = makeProblem({ staff, requirements: twoShiftsADay(), channels: ['voice'] });
    const s = await solveRota(problem, { timeLimitSeconds: FAR_ABOVE_NEED, seed: 1 });
    const evenings = staff.map((a) => s.shifts.filter((x) => x.staffId === a.id && x.end.slice(11, 16) > '20:00').length);
    expect(evenings[0]).to.be.at.most(Math.min(...evenings.slice(1)));
  });

  it('solveRota, an agent who prefers Wednesday off, is off on Wednesday when the service does not suffer', async () => {
    const staff = team.map((a, i) => (i === 1 ? { ...a, preferences: { daysOff: ['wednesday'] } } : a));
    const problem = makeProblem({ staff, requirements: twoShiftsADay(), channels: ['voice'] });
    const s = await solveRota(problem, { timeLimitSeconds: FAR_ABOVE_NEED, seed: 1 });
    expect(s.shifts.filter((x) => x.staffId === 'b' && x.start.startsWith('2026-12-09'))).to.deep.equal([]);
  });
});

describe('scheduling/solveRota: stability when re-optimising a published rota', function () {
  this.timeout((FAR_ABOVE_NEED + 60) * 1000);

  it('solveRota, new time off for one agent on Wednesday, changes the shifts of at most two agents', async () => {
    const problem = makeProblem({ staff: team, requirements: twoShiftsADay(), channels: ['voice'] });
    const first = await solveRota(problem, { timeLimitSeconds: FAR_ABOVE_NEED, seed: 1 });
    const onWednesday = first.shifts.filter((x) => x.start.startsWith('2026-12-09')).map((x) => x.staffId);
    const who = onWednesday[0];
    const staff = team.map((a) => (a.id === who ? { ...a, unavailable: [{ start: at(2, '00:00'), end: at(3, '00:00') }] } : a));
    const again = await solveRota({ ...problem, staff, previousVersion: first.shifts }, { timeLimitSeconds: FAR_ABOVE_NEED, seed: 2 });
    const key = (s: { staffId: string; start: string; end: string }) => `${s.staffId}|${s.start}|${s.end}`;
    const before = new Set(first.shifts.map(key));
    const after = new Set(again.shifts.map(key));
    const changed = new Set(
      [...first.shifts.filter((s) => !after.has(key(s))), ...again.shifts.filter((s) => !before.has(key(s)))].map((s) => s.staffId),
    );
    expect(changed.has(who)).to.equal(true);
    expect(changed.size).to.be.at.most(2);
    expect(again.shortfallAgentHours).to.be.at.most(first.shortfallAgentHours + 9);
  });
});
