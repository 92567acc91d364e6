import { expect } from 'chai';
import { solveRota } from '../../../scheduling/solve-rota';
import { checkRota } from '../../../scheduling/rules/check-rota';
import type { RequirementRow } from '../../../scheduling/types';
import { at, makeAgent, makeProblem } from './builders';

/** One voice agent needed 08:00-16:00 and one 15:00-23:00 every day of the week. */
function twoShiftsADay(): RequirementRow[] {
  const rows: RequirementRow[] = [];
  for (let d = 0; d < 7; d++) {
    for (let h = 8; h < 23; h++) {
      const hh = String(h).padStart(2, '0');
      rows.push({ timestamp: at(d, `${hh}:00`), channel: 'voice', required: (h < 16 ? 1 : 0) + (h >= 15 ? 1 : 0) });
    }
  }
  return rows;
}

const team = ['a', 'b', 'c', 'd'].map((id) => makeAgent({ id, name: id, contractHoursPerWeek: 32 }));

describe('scheduling/solveRota: locked shifts, fairness, preferences', function () {
  this.timeout(60000);

  it('solveRota, a locked Saturday 09:00-18:00 shift, keeps it exactly and breaks no rule', async () => {
    const staff = team.map((a, i) => (i === 0 ? { ...a, locked: [{ start: at(5, '09:00'), end: at(5, '18:00') }] } : a));
    const problem = makeProblem({ staff, requirements: twoShiftsADay(), channels: ['voice'] });
    const s = await solveRota(problem, { timeLimitSeconds: 10, seed: 1 });
    expect(s.shifts.some((x) => x.staffId === 'a' && x.start === at(5, '09:00') && x.end === at(5, '18:00'))).to.equal(true);
    expect(checkRota(problem, s.shifts)).to.deep.equal([]);
  });

  it('solveRota, 7 evening shifts among 4 equal agents, gives nobody more than one evening above anyone else', async () => {
    const problem = makeProblem({ staff: team, requirements: twoShiftsADay(), channels: ['voice'] });
    const s = await solveRota(problem, { timeLimitSeconds: 10, seed: 1 });
    const evenings = team.map((a) => s.shifts.filter((x) => x.staffId === a.id && x.end.slice(11, 16) > '20:00').length);
    expect(evenings.reduce((x, y) => x + y, 0)).to.be.at.least(7);
    expect(Math.max(...evenings) - Math.min(...evenings)).to.be.at.most(1);
  });

  it('solveRota, an agent with two evenings more in previous weeks, gets no more evenings than the others', async () => {
    const staff = team.map((a, i) => (i === 0 ? { ...a, history: { evenings: 2 } } : a));
    const problem = makeProblem({ staff, requirements: twoShiftsADay(), channels: ['voice'] });
    const s = await solveRota(problem, { timeLimitSeconds: 10, seed: 1 });
    const evenings = staff.map((a) => s.shifts.filter((x) => x.staffId === a.id && x.end.slice(11, 16) > '20:00').length);
    expect(evenings[0]).to.be.at.most(Math.min(...evenings.slice(1)));
  });

  it('solveRota, an agent who prefers Wednesday off, is off on Wednesday when the service does not suffer', async () => {
    const staff = team.map((a, i) => (i === 1 ? { ...a, preferences: { daysOff: ['wednesday'] } } : a));
    const problem = makeProblem({ staff, requirements: twoShiftsADay(), channels: ['voice'] });
    const s = await solveRota(problem, { timeLimitSeconds: 10, seed: 1 });
    expect(s.shifts.filter((x) => x.staffId === 'b' && x.start.startsWith('2026-12-09'))).to.deep.equal([]);
  });
});
