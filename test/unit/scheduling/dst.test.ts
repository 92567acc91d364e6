import { expect } from 'chai';
import { DateTime } from 'luxon';
import { buildPatterns } from '../../../scheduling/candidates';
import { buildWeek } from '../../../scheduling/week';
import { checkRota } from '../../../scheduling/rules/check-rota';
import { makeAgent, makeProblem } from './builders';

const ZONE = 'Europe/Berlin';

/** Berlin weeks with a clock change on Sunday: 2026-10-25 (back, 25 h) and 2026-03-29 (forward, 23 h). */
function berlin(weekStart: string, earliestStart: string, latestEnd: string) {
  return makeProblem({
    weekStart,
    timeZone: ZONE,
    rules: { ...makeProblem().rules, shiftLengthsHours: [8], earliestStart, latestEnd },
  });
}

/** Local "HH:MM" of the Sunday patterns' starts and ends. */
function sundayClock(weekStart: string, earliestStart: string, latestEnd: string) {
  const problem = berlin(weekStart, earliestStart, latestEnd);
  const week = buildWeek(problem);
  const local = (m: number) => DateTime.fromMillis(week.weekStartMs + m * 60000, { zone: ZONE }).toFormat('HH:mm');
  const sunday = buildPatterns(problem, week).filter((p) => p.day === 6);
  return { starts: sunday.map((p) => local(p.start)), ends: sunday.map((p) => local(p.end)) };
}

describe('scheduling: daylight-saving change days', () => {
  it('buildPatterns, clocks go back on Sunday 2026-10-25 (window 07-22), Sunday shifts start 07:00..14:00 local and end by 22:00', () => {
    const { starts, ends } = sundayClock('2026-10-19', '07:00', '22:00');
    expect(starts[0]).to.equal('07:00');
    expect(starts.every((s) => s >= '07:00')).to.equal(true);
    expect(ends.every((e) => e <= '22:00')).to.equal(true);
    expect(starts.at(-1)).to.equal('14:00');
  });

  it('buildPatterns, clocks go forward on Sunday 2026-03-29 (window 08-23), Sunday shifts start at 08:00 local and none ends after 23:00', () => {
    const { starts, ends } = sundayClock('2026-03-23', '08:00', '23:00');
    expect(starts[0]).to.equal('08:00');
    expect(ends.every((e) => e <= '23:00' && e > '08:00')).to.equal(true);
    expect(starts.at(-1)).to.equal('15:00');
  });

  it('checkRota, clocks-back Sunday, a 06:00+01:00 start breaks the 07:00 window and a 07:00+01:00 start keeps it', () => {
    const problem = { ...berlin('2026-10-19', '07:00', '22:00'), staff: [makeAgent({ contractHoursPerWeek: 7 })] };
    const shift = (from: string, to: string) => ({
      staffId: 'a1',
      start: `2026-10-25T${from}:00+01:00`,
      end: `2026-10-25T${to}:00+01:00`,
      channel: 'voice',
      breaks: [{ start: '2026-10-25T11:00:00+01:00', end: '2026-10-25T12:00:00+01:00' }],
    });
    expect(checkRota(problem, [shift('06:00', '14:00')]).map((v) => v.rule)).to.include('window');
    expect(checkRota(problem, [shift('07:00', '15:00')])).to.deep.equal([]);
  });

  it('checkRota, clocks-forward Sunday, a shift ending 00:00 breaks the 23:00 window', () => {
    const problem = { ...berlin('2026-03-23', '08:00', '23:00'), staff: [makeAgent({ contractHoursPerWeek: 7 })] };
    const v = checkRota(problem, [
      {
        staffId: 'a1',
        start: '2026-03-29T16:00:00+02:00',
        end: '2026-03-30T00:00:00+02:00',
        channel: 'voice',
        breaks: [{ start: '2026-03-29T19:00:00+02:00', end: '2026-03-29T20:00:00+02:00' }],
      },
    ]);
    expect(v.map((x) => x.rule)).to.include('window');
  });
});
