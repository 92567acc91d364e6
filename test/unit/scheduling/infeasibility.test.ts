import { expect } from 'chai';
import { explainInfeasibility } from '../../../scheduling/infeasibility';
import { solveRota } from '../../../scheduling/solve-rota';
import { at, makeAgent, makeProblem } from './builders';

const need = [{ timestamp: at(0, '10:00'), channel: 'voice', required: 1 }];

describe('scheduling/infeasibility: explainInfeasibility', () => {
  it('explainInfeasibility, 40 contracted hours with time off Monday-Thursday, names the person, the hours and the days', () => {
    const problem = makeProblem({
      requirements: need,
      staff: [makeAgent({ unavailable: [{ start: at(0, '00:00'), end: at(4, '00:00') }] })],
    });
    const [reason, ...rest] = explainInfeasibility(problem);
    expect(rest).to.deep.equal([]);
    expect(reason.code).to.equal('notEnoughDays');
    expect(reason.params).to.include({ staffId: 'a1', name: 'Nino Beridze', contractHours: 40 });
    expect(reason.params.blockedDates).to.deep.equal(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']);
  });

  it('explainInfeasibility, a 45-hour contract without overtime, says it is above the 40-hour maximum', () => {
    const problem = makeProblem({ requirements: need, staff: [makeAgent({ contractHoursPerWeek: 45 })] });
    expect(explainInfeasibility(problem).map((r) => r.code)).to.deep.equal(['contractAboveMaximum']);
  });

  it('explainInfeasibility, 6 days worked last week and Monday-Friday free, still finds a week (run starts Tuesday)', () => {
    const previousShifts = [1, 2, 3, 4, 5, 6].map((d) => ({
      staffId: 'a1',
      start: `2026-12-0${d}T09:00:00+04:00`,
      end: `2026-12-0${d}T17:00:00+04:00`,
    }));
    expect(explainInfeasibility(makeProblem({ requirements: need, previousShifts }))).to.deep.equal([]);
  });

  it('explainInfeasibility, 6 days worked last week (Tue-Sun) and the weekend off, reports that no week fits', () => {
    // Monday would be the 7th day in a row, Saturday/Sunday are time off: Tuesday-Friday
    // give at most 32 h < 39 h; only the day-by-day search sees it (5 days have shifts).
    const previousShifts = [1, 2, 3, 4, 5, 6].map((d) => ({
      staffId: 'a1',
      start: `2026-12-0${d}T09:00:00+04:00`,
      end: `2026-12-0${d}T17:00:00+04:00`,
    }));
    const staff = [makeAgent({ unavailable: [{ start: at(5, '00:00'), end: at(7, '00:00') }] })];
    const reasons = explainInfeasibility(makeProblem({ requirements: need, previousShifts, staff }));
    expect(reasons.map((r) => r.code)).to.deep.equal(['noWeekFits']);
    expect(reasons[0].params).to.include({ name: 'Nino Beridze', restHours: 12, maxConsecutiveDays: 6 });
  });

  it('solveRota, an infeasible team, returns status infeasible with the reasons and no shifts', async () => {
    const problem = makeProblem({ requirements: need, staff: [makeAgent({ contractHoursPerWeek: 45 })] });
    const s = await solveRota(problem, { timeLimitSeconds: 5, seed: 1 });
    expect(s.status).to.equal('infeasible');
    expect(s.shifts).to.deep.equal([]);
    expect(s.explanation[0]).to.deep.include({ code: 'contractAboveMaximum' });
    expect(s.explanation[0].params).to.include({ contractHours: 45, maxHours: 40 });
  });
});
