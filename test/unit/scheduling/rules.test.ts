import { expect } from 'chai';
import { checkRota } from '../../../scheduling/rules/check-rota';
import { at, fullWeek, makeAgent, makeProblem, makeShift } from './builders';

const rulesOf = (v: Array<{ rule: string }>) => v.map((x) => x.rule);

describe('scheduling/rules: checkRota', () => {
  it('checkRota, a 40-hour week Monday-Friday 09-18 with lunch, finds no violation', () => {
    expect(checkRota(makeProblem(), fullWeek())).to.deep.equal([]);
  });

  describe('everyShiftHasATemplateLength', () => {
    it('a 10-hour shift when templates are 8 h and 9 h is a shiftLength violation', () => {
      const shifts = [...fullWeek().slice(0, 4), makeShift(4, '09:00', '19:00', '13:00')];
      expect(rulesOf(checkRota(makeProblem(), shifts))).to.include('shiftLength');
    });
    it('8 h and 9 h shifts keep the rule', () => {
      const shifts = [...fullWeek().slice(0, 4), makeShift(4, '09:00', '17:00', '13:00'), makeShift(5, '09:00', '17:00', '13:00')];
      expect(
        rulesOf(
          checkRota(
            makeProblem({ staff: [makeAgent({ contractHoursPerWeek: 46 })], rules: { ...makeProblem().rules, maxHoursPerWeek: 48 } }),
            shifts,
          ),
        ),
      ).to.not.include('shiftLength');
    });
  });

  describe('shiftsStayInsideOpeningHours', () => {
    it('a shift starting 07:00 (opening 08:00) is a window violation', () => {
      const shifts = [makeShift(0, '07:00', '16:00', '11:00'), ...fullWeek().slice(1)];
      expect(checkRota(makeProblem(), shifts).filter((v) => v.rule === 'window')).to.have.length(1);
    });
    it('a shift ending 23:00 exactly keeps the window', () => {
      const shifts = [makeShift(0, '14:00', '23:00', '18:00'), ...fullWeek().slice(2), makeShift(5, '09:00', '18:00', '13:00')];
      expect(rulesOf(checkRota(makeProblem(), shifts))).to.not.include('window');
    });
  });

  describe('shiftsStartAndEndOnTheIntervalGrid', () => {
    it('a 09:30 start on a 60-minute grid is a grid violation, on a 30-minute grid it is not', () => {
      const shifts = [makeShift(0, '09:30', '18:30', '13:00'), ...fullWeek().slice(1)];
      expect(rulesOf(checkRota(makeProblem(), shifts))).to.include('grid');
      expect(rulesOf(checkRota(makeProblem({ intervalMinutes: 30 }), shifts))).to.not.include('grid');
    });
  });

  describe('atMostOneShiftPerDay', () => {
    it('two shifts on Monday are a oneShiftPerDay violation', () => {
      const shifts = [makeShift(0, '08:00', '16:00', '11:00'), makeShift(0, '15:00', '23:00', '18:00')];
      expect(checkRota(makeProblem(), shifts).filter((v) => v.rule === 'oneShiftPerDay')).to.have.length(1);
    });
  });

  describe('workedHoursMatchTheContract', () => {
    it('32 worked hours on a 40-hour contract (±1) is a contractHours violation with the hours as parameters', () => {
      const v = checkRota(makeProblem(), fullWeek().slice(0, 4)).filter((x) => x.rule === 'contractHours');
      expect(v).to.have.length(1);
      expect(v[0].params).to.deep.equal({ workedHours: 32, contractHours: 40, toleranceHours: 1 });
    });
    it('39 worked hours (four 9 h + one 8 h shift) is within the tolerance', () => {
      const shifts = [...fullWeek().slice(0, 4), makeShift(4, '09:00', '17:00', '13:00')];
      expect(rulesOf(checkRota(makeProblem(), shifts))).to.not.include('contractHours');
    });
  });

  describe('noMoreThanTheWeeklyMaximum', () => {
    it('48 hours on a 48-hour contract breaks the 40-hour maximum', () => {
      const shifts = [...fullWeek(), makeShift(5, '09:00', '18:00', '13:00')];
      expect(rulesOf(checkRota(makeProblem({ staff: [makeAgent({ contractHoursPerWeek: 48 })] }), shifts))).to.include('maxHours');
    });
    it('the same week is allowed with overtime agreed', () => {
      const shifts = [...fullWeek(), makeShift(5, '09:00', '18:00', '13:00')];
      expect(
        rulesOf(
          checkRota(
            makeProblem({
              staff: [makeAgent({ contractHoursPerWeek: 48, overtimeAllowed: true })],
              rules: { ...makeProblem().rules, daysOffPerWeek: 1 },
            }),
            shifts,
          ),
        ),
      ).to.not.include('maxHours');
    });
  });

  describe('atLeastTwelveHoursBetweenShifts', () => {
    it('Monday until 23:00 then Tuesday from 08:00 (9 h rest) is a rest violation on Tuesday', () => {
      const shifts = [
        makeShift(0, '14:00', '23:00', '18:00'),
        makeShift(1, '08:00', '17:00', '12:00'),
        ...fullWeek().slice(2, 4),
        makeShift(5, '09:00', '18:00', '13:00'),
      ];
      const v = checkRota(makeProblem(), shifts).filter((x) => x.rule === 'rest');
      expect(v).to.have.length(1);
      expect(v[0].time).to.equal(at(1, '08:00'));
    });
    it('last Sunday until 23:00 then Monday 09:00 (10 h) is a rest violation across the week boundary', () => {
      const problem = makeProblem({
        previousShifts: [{ staffId: 'a1', start: '2026-12-06T14:00:00+04:00', end: '2026-12-06T23:00:00+04:00' }],
      });
      expect(rulesOf(checkRota(problem, fullWeek()))).to.include('rest');
    });
    it('Monday until 20:00 then Tuesday from 08:00 (exactly 12 h) keeps the rule', () => {
      const shifts = [makeShift(0, '11:00', '20:00', '15:00'), makeShift(1, '08:00', '17:00', '12:00'), ...fullWeek().slice(2)];
      expect(rulesOf(checkRota(makeProblem(), shifts))).to.not.include('rest');
    });
  });

  describe('enoughFullDaysOff', () => {
    it('six working days leave one day off: a daysOff violation', () => {
      const shifts = [0, 1, 2, 3, 4, 5].map((d) => makeShift(d, '09:00', '17:00', '13:00'));
      expect(
        rulesOf(
          checkRota(
            makeProblem({ staff: [makeAgent({ contractHoursPerWeek: 42 })], rules: { ...makeProblem().rules, maxHoursPerWeek: 48 } }),
            shifts,
          ),
        ),
      ).to.deep.equal(['daysOff']);
    });
  });

  describe('noMoreThanMaxConsecutiveDays', () => {
    it('worked Wednesday-Sunday last week and Monday-Tuesday now is 7 days in a row', () => {
      const previousShifts = [2, 3, 4, 5, 6].map((d) => ({
        staffId: 'a1',
        start: `2026-12-0${d}T09:00:00+04:00`,
        end: `2026-12-0${d}T17:00:00+04:00`,
      }));
      const shifts = [0, 1, 3, 4, 5].map((d) => makeShift(d, '09:00', '17:00', '13:00'));
      const v = checkRota(makeProblem({ previousShifts, staff: [makeAgent({ contractHoursPerWeek: 35 })] }), shifts).filter(
        (x) => x.rule === 'consecutiveDays',
      );
      expect(v).to.have.length(1);
      expect(v[0].params).to.deep.equal({ days: 7, maxDays: 6 });
    });
    it('with Wednesday off the run stops at 6 days', () => {
      const previousShifts = [3, 4, 5, 6].map((d) => ({
        staffId: 'a1',
        start: `2026-12-0${d}T09:00:00+04:00`,
        end: `2026-12-0${d}T17:00:00+04:00`,
      }));
      const shifts = [0, 1, 3, 4, 5].map((d) => makeShift(d, '09:00', '17:00', '13:00'));
      expect(rulesOf(checkRota(makeProblem({ previousShifts, staff: [makeAgent({ contractHoursPerWeek: 35 })] }), shifts))).to.not.include(
        'consecutiveDays',
      );
    });
  });

  describe('onlySkilledChannelsAreWorked', () => {
    it('a voice-only agent on a "both" shift is a skill violation', () => {
      expect(checkRota(makeProblem(), fullWeek({ channel: 'both' })).filter((v) => v.rule === 'skill')).to.have.length(5);
    });
    it('a voice+chat agent on "both" keeps the rule', () => {
      expect(checkRota(makeProblem({ staff: [makeAgent({ skills: ['voice', 'chat'] })] }), fullWeek({ channel: 'both' }))).to.deep.equal(
        [],
      );
    });
  });

  describe('noShiftDuringUnavailability', () => {
    it('a Monday shift during time off Monday is an unavailable violation', () => {
      const problem = makeProblem({ staff: [makeAgent({ unavailable: [{ start: at(0, '00:00'), end: at(1, '00:00') }] })] });
      expect(checkRota(problem, fullWeek()).filter((v) => v.rule === 'unavailable')).to.have.length(1);
    });
    it('"must finish by 18:00" is kept by a shift ending 18:00', () => {
      const problem = makeProblem({ staff: [makeAgent({ unavailable: [{ start: at(0, '18:00'), end: at(1, '00:00') }] })] });
      expect(rulesOf(checkRota(problem, fullWeek()))).to.not.include('unavailable');
    });
  });

  describe('breaksAreInsideTheShiftAndLongEnough', () => {
    it('a 30-minute lunch where 60 are required is a break violation', () => {
      const shifts = fullWeek();
      shifts[0] = { ...shifts[0], breaks: [{ start: at(0, '13:00'), end: at(0, '13:30') }] };
      expect(checkRota(makeProblem(), shifts).filter((v) => v.rule === 'break')).to.have.length(1);
    });
    it('a lunch outside the shift is a break violation', () => {
      const shifts = fullWeek();
      shifts[0] = { ...shifts[0], breaks: [{ start: at(0, '18:00'), end: at(0, '19:00') }] };
      expect(rulesOf(checkRota(makeProblem(), shifts))).to.include('break');
    });
  });

  describe('nightHoursStayWithinTheLimit', () => {
    it('a shift until 23:00 has one night hour: a violation with a limit of 0 h, none with the default', () => {
      const shifts = [makeShift(0, '14:00', '23:00', '18:00'), ...fullWeek().slice(2), makeShift(5, '09:00', '18:00', '13:00')];
      expect(rulesOf(checkRota(makeProblem({ rules: { ...makeProblem().rules, maxNightHoursPerShift: 0 } }), shifts))).to.include(
        'nightHours',
      );
      expect(rulesOf(checkRota(makeProblem(), shifts))).to.not.include('nightHours');
    });
  });

  describe('lockedShiftsStayAsTheyAre', () => {
    it('a locked Saturday shift missing from the rota is a locked violation', () => {
      const problem = makeProblem({ staff: [makeAgent({ locked: [{ start: at(5, '09:00'), end: at(5, '18:00') }] })] });
      expect(rulesOf(checkRota(problem, fullWeek()))).to.include('locked');
    });
  });

  describe('staffIdIsKnown', () => {
    it('a shift for an unknown id is an unknownStaff violation', () => {
      expect(rulesOf(checkRota(makeProblem(), [...fullWeek(), makeShift(5, '09:00', '18:00', '13:00', { staffId: 'zz' })]))).to.include(
        'unknownStaff',
      );
    });
  });
});
