import { expect } from 'chai';
import { solveRota } from '../../../scheduling/solve-rota';
import { checkRota } from '../../../scheduling/rules/check-rota';
import { periodWeekProblem } from '../../../scheduling/period-week';
import { DEFAULT_PERIOD_RULES } from '../../../scheduling/rules/defaults';
import type { IntervalRequirement, PeriodRules } from '../../../scheduling/types';
import { DateTime } from 'luxon';
import { at as atInWeek, makeAgent, makeProblem } from './builders';

/** Day `d` from Monday 2026-12-07 (negative: the weeks before) at `hhmm`, Tbilisi. */
const at = (d: number, hhmm: string) =>
  d >= 0 && d < 25
    ? atInWeek(d, hhmm)
    : DateTime.fromISO(`2026-12-07T${hhmm}`, { zone: 'Asia/Tbilisi' }).plus({ days: d }).toISO({ suppressMilliseconds: true })!;

/** Budget far above need: a one-person week is solved to proven optimality in well under a second. */
const FAR_ABOVE_NEED = 300;

/** One voice agent needed Monday 12:00-21:00 (a late) and Tuesday-Thursday 09:00-18:00 (earlies). */
function lateThenEarlies(): IntervalRequirement[] {
  const rows: IntervalRequirement[] = [];
  const need = (d: number, from: number, to: number) => {
    for (let h = from; h < to; h++) rows.push({ timestamp: at(d, `${String(h).padStart(2, '0')}:00`), channel: 'voice', required: 1 });
  };
  need(0, 12, 21);
  for (const d of [1, 2, 3]) need(d, 9, 18);
  return rows;
}

const rules = (over: Partial<PeriodRules> = {}): PeriodRules => ({
  ...DEFAULT_PERIOD_RULES,
  forbiddenSuccessions: [...DEFAULT_PERIOD_RULES.forbiddenSuccessions],
  ...over,
});

describe('scheduling/period-week: a week of a planning period', function () {
  this.timeout((FAR_ABOVE_NEED + 60) * 1000);

  describe('forbidden successions inside the week (model and search)', () => {
    const agent = makeAgent({ contractHoursPerWeek: 32, skills: ['voice'] });
    const base = makeProblem({ staff: [agent], channels: ['voice'], requirements: lateThenEarlies() });

    it('solveRota without the rule covers all four days with 9-hour shifts: 4 agent-hours short (the four lunches)', async () => {
      const s = await solveRota(base, { timeLimitSeconds: FAR_ABOVE_NEED, seed: 1 });
      expect(s.status).to.equal('optimal');
      expect(s.shortfallAgentHours).to.be.closeTo(4, 1e-6);
      expect(s.shifts.map((x) => [x.start, x.end])).to.deep.include([at(0, '12:00'), at(0, '21:00')]);
    });

    it('solveRota with "no early after a late" gives up 1 agent-hour more (5) and never puts an early the day after a late', async () => {
      const problem = { ...base, forbiddenSuccessions: [{ from: 'late' as const, to: 'early' as const }] };
      const s = await solveRota(problem, { timeLimitSeconds: FAR_ABOVE_NEED, seed: 1 });
      expect(s.status).to.equal('optimal');
      expect(s.shortfallAgentHours).to.be.closeTo(5, 1e-6);
      const monday = s.shifts.find((x) => x.start.startsWith('2026-12-07'));
      const tuesday = s.shifts.find((x) => x.start.startsWith('2026-12-08'));
      const late = monday && monday.end.slice(11, 16) > '20:00';
      const early = tuesday && tuesday.start.slice(11, 16) < '10:00';
      expect(late && early).to.not.equal(true);
      expect(checkRota(problem, s.shifts)).to.deep.equal([]);
    });
  });

  describe('periodWeekProblem', () => {
    const staff = [makeAgent({ id: 'a1' }), makeAgent({ id: 'a2' })];
    // Week 3 of a four-week period starting 2026-11-16 (this week: 2026-12-07).
    const sat = (weeksBack: number) => ({ staffId: 'a1', start: at(5 - 7 * weeksBack, '09:00'), end: at(5 - 7 * weeksBack, '18:00') });

    it('a person with 3 weekends in the three weeks before (max 3 per 4 weeks) is unavailable Saturday and Sunday; the other is not', () => {
      const p = periodWeekProblem(makeProblem({ staff }), { rules: rules(), weeks: 4, weekIndex: 3, earlier: [sat(1), sat(2), sat(3)] });
      expect(p.staff[0].unavailable).to.deep.equal([{ start: at(5, '00:00'), end: '2026-12-14T00:00:00+04:00' }]);
      expect(p.staff[1].unavailable).to.deep.equal([]);
    });

    it('two weekends before keep the weekend open', () => {
      const p = periodWeekProblem(makeProblem({ staff }), { rules: rules(), weeks: 4, weekIndex: 3, earlier: [sat(1), sat(2)] });
      expect(p.staff[0].unavailable).to.deep.equal([]);
    });

    it('one late left (12 × 2/4 = 6 over a two-week period, 5 worked) allows lates only on Friday, the day with most evening need', () => {
      // Period of two weeks (limit 12 × 2/4 = 6), 5 lates worked: one left.
      const five = [0, 1, 2, 3, 4].map((d) => ({ staffId: 'a1', start: at(d - 7, '14:00'), end: at(d - 7, '23:00') }));
      const req = [{ timestamp: at(4, '21:00'), channel: 'voice', required: 3 }];
      const p = periodWeekProblem(makeProblem({ staff, requirements: req }), {
        rules: rules({ maxNightShiftsPer4Weeks: 28 }),
        weeks: 2,
        weekIndex: 1,
        earlier: five,
      });
      const barredDays = p.staff[0].unavailable.map((u) => u.start.slice(0, 10));
      expect(barredDays).to.deep.equal(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-12', '2026-12-13']);
      expect(p.staff[0].unavailable[0]).to.deep.equal({ start: at(0, '20:00'), end: at(1, '00:00') });
    });

    it('a late on the Sunday before bars Monday before 10:00; previous shifts are the period week before; 5 days in a row at most when the period says so', () => {
      const sunday = { staffId: 'a2', start: at(-1, '14:00'), end: at(-1, '23:00') };
      const p = periodWeekProblem(makeProblem({ staff }), {
        rules: rules({ maxWorkRunDays: 5, maxNightShiftsPer4Weeks: 28 }),
        weeks: 2,
        weekIndex: 1,
        earlier: [sunday],
      });
      expect(p.staff[1].unavailable).to.deep.equal([{ start: at(0, '00:00'), end: at(0, '10:00') }]);
      expect(p.previousShifts).to.deep.equal([sunday]);
      expect(p.rules.maxConsecutiveDays).to.equal(5);
      expect(p.forbiddenSuccessions).to.deep.equal([{ from: 'late', to: 'early' }]);
    });
  });
});
