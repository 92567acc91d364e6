/**
 * The pages learn a risk calibration on whole weeks of history only: for this week and later
 * ones, the history before this week's Monday (team's zone); for a past week, before it.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { learnedBefore } from '../../../app/risk-calibration-for-week';

const at = (local: string, zone: string) => DateTime.fromISO(local, { zone });
const iso = (local: string, zone: string) => at(local, zone).toJSDate().toISOString();

describe('risk calibration: where the history the pages learn from ends', () => {
  const zone = 'Asia/Tbilisi';
  const wednesday = at('2026-12-02T10:00', zone).toJSDate();

  it('this week and next week (on a Wednesday): both before this Monday 00:00 in the team zone', () => {
    expect(learnedBefore(iso('2026-11-30T00:00', zone), wednesday, zone)).to.equal('2026-11-29T20:00:00.000Z');
    expect(learnedBefore(iso('2026-12-07T00:00', zone), wednesday, zone)).to.equal('2026-11-29T20:00:00.000Z');
  });

  it('a past week: before that week', () => {
    expect(learnedBefore(iso('2026-11-16T00:00', zone), wednesday, zone)).to.equal('2026-11-15T20:00:00.000Z');
  });

  it("Monday is the team zone's: at 01:00 Monday in Tbilisi (Sunday 21:00 UTC) this week has begun", () => {
    expect(learnedBefore(iso('2026-12-07T00:00', zone), at('2026-12-07T01:00', zone).toJSDate(), zone)).to.equal(
      '2026-12-06T20:00:00.000Z',
    );
    // Berlin, after the clock change of 29 March: Monday 00:00 CEST is 22:00 UTC.
    const b = 'Europe/Berlin';
    expect(learnedBefore(iso('2026-04-06T00:00', b), at('2026-04-01T12:00', b).toJSDate(), b)).to.equal('2026-03-29T22:00:00.000Z');
  });
});
