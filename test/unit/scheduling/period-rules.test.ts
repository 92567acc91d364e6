import { expect } from 'chai';
import { DateTime } from 'luxon';
import { checkPeriod, type PeriodProblem, type PeriodShift } from '../../../scheduling/rules/period-rules';
import { DEFAULT_PERIOD_RULES } from '../../../scheduling/rules/defaults';
import type { PeriodRules } from '../../../scheduling/types';

/** Day `d` of a period starting Monday 2026-12-07 (Tbilisi, UTC+4 all year) at `hhmm`. */
const at = (d: number, hhmm: string) =>
  DateTime.fromISO(`2026-12-07T${hhmm}`, { zone: 'Asia/Tbilisi' }).plus({ days: d }).toISO({ suppressMilliseconds: true })!;
const shift = (d: number, from = '09:00', to = '18:00'): PeriodShift => ({ staffId: 'a1', start: at(d, from), end: at(d, to) });
/** Monday to Friday 09-18 (40 worked hours a week) for `weeks` weeks. */
const weekdays = (weeks: number) =>
  Array.from({ length: weeks * 7 }, (_, d) => d)
    .filter((d) => d % 7 < 5)
    .map((d) => shift(d));

function makePeriod(over: Partial<PeriodRules> = {}, weeks = 4, extra: Partial<PeriodProblem> = {}): PeriodProblem {
  return {
    periodStart: '2026-12-07',
    weeks,
    timeZone: 'Asia/Tbilisi',
    staff: [{ id: 'a1', contractHoursByWeek: Array.from({ length: weeks }, () => 40) }],
    rules: { ...DEFAULT_PERIOD_RULES, forbiddenSuccessions: [...DEFAULT_PERIOD_RULES.forbiddenSuccessions], ...over },
    breakMinutes: 60,
    eveningAfter: '20:00',
    ...extra,
  };
}
const codes = (problem: PeriodProblem, shifts: PeriodShift[]) => checkPeriod(problem, shifts).map((v) => v.code);

/** Working Saturday instead of Friday in the given weeks (still five days, 40 h). */
function weekendsIn(weeks: number[], total = 4): PeriodShift[] {
  return Array.from({ length: total * 7 }, (_, d) => d)
    .filter((d) => (weeks.includes(Math.floor(d / 7)) ? [0, 1, 2, 3, 5] : [0, 1, 2, 3, 4]).includes(d % 7))
    .map((d) => shift(d));
}

describe('scheduling/rules: checkPeriod (planning period rules)', () => {
  it('checkPeriod, four weeks Monday-Friday 09-18 on a 40-hour contract, finds no violation', () => {
    expect(checkPeriod(makePeriod(), weekdays(4))).to.deep.equal([]);
  });

  describe('noMoreWeekendsThanTheMaximumPerFourWeeks', () => {
    it('Saturdays in all four weeks with a maximum of 3 is one weekends violation: 4 weekends in 4 weeks', () => {
      const v = checkPeriod(makePeriod(), weekendsIn([0, 1, 2, 3]));
      expect(v).to.have.length(1);
      expect(v[0]).to.deep.include({ rule: 'weekends', code: 'weekends', staffId: 'a1' });
      expect(v[0].params).to.deep.equal({ weekends: 4, maxWeekends: 3, weeks: 4 });
    });
    it('Saturdays in three of four weeks keep the maximum of 3', () => {
      expect(codes(makePeriod(), weekendsIn([0, 1, 3]))).to.not.include('weekends');
    });
    it('over six weeks every four weeks in a row count: weekends in weeks 2-5 break it, weeks 0,1,4,5 do not (at most 2 in any 4)', () => {
      const six = makePeriod({ maxWeekendsPer4Weeks: 3 }, 6);
      expect(codes(six, weekendsIn([2, 3, 4, 5], 6))).to.include('weekends');
      expect(codes(six, weekendsIn([0, 1, 4, 5], 6))).to.not.include('weekends');
    });
  });

  describe('daysOffComeInRunsOfAtLeastTheMinimum', () => {
    // Week 0: off on Wednesday (day 2) and on Sunday (day 6): two single days off.
    const split = [0, 1, 3, 4, 5].map((d) => shift(d)).concat(weekdays(4).filter((s) => Date.parse(s.start) >= Date.parse(at(7, '00:00'))));
    it('with a minimum of 2, single days off on Wednesday and on Sunday (Saturday worked) are two daysOffRun violations (1 day, need 2)', () => {
      const v = checkPeriod(makePeriod({ minDaysOffRun: 2 }), split).filter((x) => x.rule === 'daysOffRun');
      expect(v.map((x) => x.time)).to.deep.equal([at(2, '00:00'), at(6, '00:00')]);
      expect(v[0].params).to.deep.equal({ days: 1, minDays: 2 });
    });
    it('Saturday and Sunday off together keep a minimum of 2; a day off at the period edge is not counted', () => {
      expect(codes(makePeriod({ minDaysOffRun: 2 }), weekdays(4))).to.not.include('daysOffRun');
      // Day 0 off and days 1-4 worked: the run of one day off touches the period start.
      const edge = weekdays(4).filter((s) => s.start !== at(0, '09:00'));
      expect(checkPeriod(makePeriod({ minDaysOffRun: 2 }), edge).filter((x) => x.rule === 'daysOffRun')).to.deep.equal([]);
    });
  });

  describe('workingDaysComeInRunsWithinTheLimits', () => {
    it('seven days in a row (Monday-Sunday of week 0) with a maximum of 6 is workRunTooLong with 7 days', () => {
      const shifts = [...[0, 1, 2, 3, 4, 5, 6].map((d) => shift(d, '09:00', '17:00'))];
      const v = checkPeriod(makePeriod({}, 1), shifts).filter((x) => x.rule === 'workRun');
      expect(v.map((x) => x.code)).to.deep.equal(['workRunTooLong']);
      expect(v[0].params).to.deep.equal({ days: 7, maxDays: 6 });
    });
    it('Monday-Friday after Friday-Sunday worked before the period is 8 days in a row, over a maximum of 6', () => {
      const previous = [-3, -2, -1].map((d) => ({ ...shift(d) }));
      const v = checkPeriod(makePeriod({}, 1, { previousShifts: previous }), weekdays(1));
      expect(v.filter((x) => x.code === 'workRunTooLong').map((x) => x.params.days)).to.deep.equal([8]);
      expect(codes(makePeriod({}, 1), weekdays(1))).to.not.include('workRunTooLong');
    });
    it('with a minimum of 2, a lone working Wednesday between days off is workRunTooShort; runs of 5 keep it', () => {
      const shifts = [shift(0), shift(2), shift(4), shift(5), shift(6)];
      const v = checkPeriod(makePeriod({ minWorkRunDays: 2 }, 1), shifts).filter((x) => x.code === 'workRunTooShort');
      expect(v.map((x) => x.time)).to.deep.equal([at(2, '00:00')]);
      expect(codes(makePeriod({ minWorkRunDays: 2 }), weekdays(4))).to.not.include('workRunTooShort');
    });
  });

  describe('noMoreLateOrNightShiftsThanTheLimit', () => {
    // Lates: 14:00-23:00 ends after 20:00. Week k: the first n weekdays late.
    const lates = (n: number) =>
      Array.from({ length: 28 }, (_, d) => d)
        .filter((d) => d % 7 < 5)
        .map((d, i) => (i < n ? shift(d, '14:00', '23:00') : shift(d)));
    it('13 late shifts in four weeks with 12 allowed is a kindCount violation: late, 13 of 12', () => {
      const v = checkPeriod(makePeriod(), lates(13)).filter((x) => x.rule === 'kindCount');
      expect(v).to.have.length(1);
      expect(v[0].params).to.deep.equal({ kind: 'late', shifts: 13, maxShifts: 12, weeks: 4 });
    });
    it('12 late shifts keep it; over two weeks the limit is 12 × 2/4 = 6', () => {
      expect(codes(makePeriod(), lates(12))).to.not.include('kindCount');
      const two = lates(7).filter((s) => Date.parse(s.start) < Date.parse(at(14, '00:00')));
      const v = checkPeriod(makePeriod({}, 2), two).filter((x) => x.rule === 'kindCount');
      expect(v.map((x) => x.params.maxShifts)).to.deep.equal([6]);
    });
    it('a night shift (part before 06:00) counts against the night limit: 2 nights with 1 allowed per four weeks', () => {
      const shifts = [shift(0, '05:00', '13:00'), shift(1, '05:00', '13:00'), ...weekdays(4).slice(2)];
      const v = checkPeriod(makePeriod({ maxNightShiftsPer4Weeks: 1 }), shifts).filter((x) => x.rule === 'kindCount');
      expect(v.map((x) => x.params)).to.deep.equal([{ kind: 'night', shifts: 2, maxShifts: 1, weeks: 4 }]);
    });
  });

  describe('periodHoursMatchTheContract', () => {
    it('four weeks of four 9-hour days (128 h) on 4 × 40 = 160 h with 4 h tolerance is a periodHours violation', () => {
      const shifts = weekdays(4).filter((s) => DateTime.fromISO(s.start).setZone('Asia/Tbilisi').weekday !== 5);
      const v = checkPeriod(makePeriod(), shifts).filter((x) => x.rule === 'periodHours');
      expect(v.map((x) => x.params)).to.deep.equal([{ workedHours: 128, contractHours: 160, toleranceHours: 4 }]);
    });
    it('156 h (four Fridays of 8 h instead of 9 h: 7 worked) keeps 160 ± 4; 155 h does not', () => {
      const fridays = (n: number) =>
        weekdays(4).map((s, i) => (i % 5 === 4 && i / 5 < n ? { ...s, end: s.start.replace('09:00', '17:00') } : s));
      expect(codes(makePeriod(), fridays(4))).to.not.include('periodHours');
      expect(codes(makePeriod({ periodHoursToleranceHours: 3 }), fridays(4))).to.include('periodHours');
    });
  });

  describe('noForbiddenSuccessionOfShiftKinds', () => {
    it('a late Monday (12-21) then an early Tuesday (09-18: 12 h rest) is a succession violation late → early', () => {
      const shifts = [shift(0, '12:00', '21:00'), ...weekdays(4).slice(1)];
      const v = checkPeriod(makePeriod(), shifts).filter((x) => x.rule === 'succession');
      expect(v).to.have.length(1);
      expect(v[0]).to.deep.include({ time: at(1, '09:00'), params: { from: 'late', to: 'early' } });
    });
    it('a late Monday then a 10:00 Tuesday start (a day shift) keeps it; with no forbidden pair nothing is checked', () => {
      const keep = [shift(0, '12:00', '21:00'), shift(1, '10:00', '19:00'), ...weekdays(4).slice(2)];
      expect(codes(makePeriod(), keep)).to.not.include('succession');
      const early = [shift(0, '12:00', '21:00'), ...weekdays(4).slice(1)];
      expect(codes(makePeriod({ forbiddenSuccessions: [] }), early)).to.not.include('succession');
    });
  });
});
