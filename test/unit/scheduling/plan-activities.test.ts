import { expect } from 'chai';
import { solveRota } from '../../../scheduling/solve-rota';
import { checkRota } from '../../../scheduling/rules/check-rota';
import type { PlannedActivity, Problem, Shift } from '../../../scheduling/types';
import { at, makeAgent, makeProblem } from './builders';

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
const HOUR = 3_600_000;

/**
 * Monday only, voice 09:00-17:00, three agents on 8-hour shifts with a lunch hour (so every
 * shift is 09:00-17:00, lunches 11:00-15:00). `required` per hour from 09:00.
 */
function monday(required: number[], activities: PlannedActivity[], extra: Partial<Problem> = {}): Problem {
  const base = makeProblem();
  const away = [{ start: at(1, '00:00'), end: '2026-12-14T00:00:00+04:00' }];
  return makeProblem({
    channels: ['voice'],
    requirements: required.map((r, i) => ({ timestamp: at(0, hh(9 + i)), channel: 'voice', required: r })),
    staff: ['a1', 'a2', 'a3'].map((id) => makeAgent({ id, name: id, contractHoursPerWeek: 7, unavailable: away })),
    rules: { ...base.rules, shiftLengthsHours: [8], earliestStart: '09:00', latestEnd: '17:00' },
    activities,
    ...extra,
  });
}

const teamMeeting = (over: Partial<PlannedActivity> = {}): PlannedActivity => ({
  id: 'weekly',
  kind: 'teamMeeting',
  minutes: 60,
  attendees: ['a1', 'a2', 'a3'],
  window: { start: at(0, '09:00'), end: at(0, '17:00') },
  ...over,
});

/** On the queue at hour h: in the shift's activities (or the shift), not at lunch. */
function onQueue(s: Shift, t: number): boolean {
  const inside = (p: { start: string; end: string }) => Date.parse(p.start) <= t && Date.parse(p.end) >= t + HOUR;
  return (s.activities?.length ? s.activities : [s]).some(inside) && !s.breaks.some(inside);
}

/**
 * Independently: with these shifts and lunches fixed, every hour the three can meet (nobody at
 * lunch), the shortfall it leaves; the best is the least shortfall, then the least required.
 */
function bestMeetingHour(shifts: Shift[], required: number[]): { hour: number; shortfall: number } {
  let best = { hour: -1, shortfall: Infinity, req: Infinity };
  required.forEach((_, i) => {
    const t = Date.parse(at(0, hh(9 + i)));
    const atLunch = shifts.some((s) => s.breaks.some((b) => Date.parse(b.start) <= t && Date.parse(b.end) > t));
    if (atLunch) return;
    const shortfall = required.reduce((sum, r, k) => {
      const tk = Date.parse(at(0, hh(9 + k)));
      const lunch = shifts.filter((s) => s.breaks.some((b) => Date.parse(b.start) <= tk && Date.parse(b.end) > tk)).length;
      const on = k === i ? 0 : shifts.length - lunch;
      return sum + Math.max(0, r - on);
    }, 0);
    if (shortfall < best.shortfall || (shortfall === best.shortfall && required[i] < best.req))
      best = { hour: 9 + i, shortfall, req: required[i] };
  });
  return best;
}

describe('scheduling: off-queue activities', function () {
  this.timeout(120_000);

  it('solveRota, a weekly team meeting, lands in the quietest hour all can attend, as brute force finds, and no rule breaks for it', async () => {
    const required = [2, 2, 2, 2, 2, 2, 1, 2];
    const problem = monday(required, [teamMeeting()]);
    const s = await solveRota(problem, { timeLimitSeconds: 60, seed: 1 });
    expect(checkRota(problem, s.shifts)).to.deep.equal([]);
    const best = bestMeetingHour(s.shifts, required);
    expect(best.hour).to.equal(15);
    expect(s.activities).to.have.length(1);
    expect(s.activities![0]).to.include({ activityId: 'weekly', start: at(0, hh(best.hour)), end: at(0, hh(best.hour + 1)) });
    for (const shift of s.shifts) {
      const meeting = shift.offQueue?.find((o) => o.activityId === 'weekly');
      expect(meeting, shift.staffId).to.include({ kind: 'teamMeeting', start: at(0, '15:00'), end: at(0, '16:00') });
      expect(onQueue(shift, Date.parse(at(0, '15:00'))), shift.staffId).to.equal(false);
    }
    expect(s.shortfallAgentHours).to.equal(best.shortfall);
  });

  it('solveRota, a meeting in a busy day, is counted out of coverage: the reported on-duty rows match the shifts minus lunch and meeting', async () => {
    const required = [3, 3, 3, 3, 3, 3, 3, 3];
    const s = await solveRota(monday(required, [teamMeeting()]), { timeLimitSeconds: 60, seed: 1 });
    const best = bestMeetingHour(s.shifts, required);
    expect(s.shortfallAgentHours).to.equal(best.shortfall);
    expect(s.activities![0].shortfallAgentHours).to.equal(3);
    for (const row of s.coverage.filter((r) => r.required > 0)) {
      const on = s.shifts.filter((x) => onQueue(x, Date.parse(row.timestamp))).length;
      expect(row.onDuty, row.timestamp).to.equal(on);
    }
  });

  it('solveRota, a training whose attendee is away that day, is reported unplaced and changes no shift', async () => {
    const required = [2, 2, 2, 2, 2, 2, 2, 2];
    const training = teamMeeting({ id: 'tr', kind: 'training', attendees: ['a1'], window: { start: at(2, '09:00'), end: at(2, '17:00') } });
    const s = await solveRota(monday(required, [training]), { timeLimitSeconds: 60, seed: 1 });
    expect(s.activities).to.deep.equal([{ activityId: 'tr', start: null, end: null, shortfallAgentHours: 0, code: 'activityNoAttendee' }]);
    expect(s.shifts.some((x) => x.offQueue?.some((o) => o.activityId === 'tr'))).to.equal(false);
  });

  it('solveRota, shifts on hours nobody is needed, labels those hours back office (not counted, no shortfall added)', async () => {
    const required = [0, 0, 3, 3, 3, 3, 3, 3];
    const s = await solveRota(monday(required, []), { timeLimitSeconds: 60, seed: 1 });
    for (const shift of s.shifts) {
      const back = (shift.offQueue ?? []).filter((o) => o.kind === 'backOffice');
      const idleHours = [9, 10].filter((h) => !shift.breaks.some((b) => b.start === at(0, hh(h))));
      expect(
        back.reduce((n, o) => n + (Date.parse(o.end) - Date.parse(o.start)) / HOUR, 0),
        shift.staffId,
      ).to.equal(idleHours.length);
    }
    expect(s.coverage.filter((r) => r.required === 0).every((r) => r.onDuty === 0)).to.equal(true);
  });
});
