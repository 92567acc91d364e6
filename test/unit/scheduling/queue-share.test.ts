import { expect } from 'chai';
import { solveRota } from '../../../scheduling/solve-rota';
import { checkRota } from '../../../scheduling/rules/check-rota';
import type { Problem, Shift } from '../../../scheduling/types';
import { at, makeAgent, makeProblem } from './builders';

const HOURS = [9, 10, 11, 12, 13, 14];
const REQUIRED = [1, 3, 3, 3, 3, 1];
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * Monday only (everyone is away Tuesday to Sunday), voice 09:00-15:00, one 4-hour shift each
 * without lunch, starts 09:00, 10:00 or 11:00. Two agents at 100 % and a lead at 50 %: the
 * lead must spend 2 of their 4 hours off the queue. Small enough to try every rota.
 */
function tinyWeek(leadShare: number): Problem {
  const base = makeProblem();
  const away = [{ start: at(1, '00:00'), end: '2026-12-14T00:00:00+04:00' }];
  return makeProblem({
    channels: ['voice'],
    requirements: HOURS.map((h, i) => ({ timestamp: at(0, hh(h)), channel: 'voice', required: REQUIRED[i] })),
    staff: [
      makeAgent({ id: 'a1', contractHoursPerWeek: 4, unavailable: away }),
      makeAgent({ id: 'a2', name: 'Agent 2', contractHoursPerWeek: 4, unavailable: away }),
      makeAgent({ id: 'lead', name: 'Lead', contractHoursPerWeek: 4, unavailable: away, queueShare: leadShare }),
    ],
    rules: { ...base.rules, shiftLengthsHours: [4], breakMinutes: 0, earliestStart: '09:00', latestEnd: '15:00' },
  });
}

/** Every subset of `k` items. */
function choose<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...choose(rest, k - 1).map((c) => [first, ...c]), ...choose(rest, k)];
}

/** The least shortfall over every start of every person and every 2-hour off-queue choice of the lead. */
function bruteForce(leadOffHours: number): number {
  let best = Infinity;
  const starts = [9, 10, 11];
  for (const s1 of starts)
    for (const s2 of starts)
      for (const s3 of starts)
        for (const off of choose([s3, s3 + 1, s3 + 2, s3 + 3], leadOffHours)) {
          const short = HOURS.reduce((sum, h, i) => {
            const on = [s1, s2].filter((s) => h >= s && h < s + 4).length + (h >= s3 && h < s3 + 4 && !off.includes(h) ? 1 : 0);
            return sum + Math.max(0, REQUIRED[i] - on);
          }, 0);
          best = Math.min(best, short);
        }
  return best;
}

/** Hours a shift spends on the queue: its activities (or all of it), breaks left out. */
function queueHours(s: Shift): number {
  const span = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;
  const pieces = s.activities?.length ? s.activities : [s];
  return pieces.reduce((sum, p) => sum + span(p.start, p.end), 0) - s.breaks.reduce((sum, b) => sum + span(b.start, b.end), 0);
}

describe('scheduling: queue shares', function () {
  this.timeout(120_000);

  it('solveRota, a lead at 50 % on a tiny week, reaches the brute-force optimum with the lead 2 of 4 hours on the queue', async () => {
    const problem = tinyWeek(0.5);
    const s = await solveRota(problem, { timeLimitSeconds: 60, seed: 1 });
    expect(checkRota(problem, s.shifts)).to.deep.equal([]);
    expect(s.status).to.equal('optimal');
    expect(bruteForce(2)).to.be.greaterThan(bruteForce(0));
    expect(s.shortfallAgentHours).to.be.closeTo(bruteForce(2), 1e-9);
    const lead = s.shifts.find((x) => x.staffId === 'lead')!;
    expect(queueHours(lead)).to.equal(2);
    expect(lead.offQueue?.reduce((h, o) => h + (Date.parse(o.end) - Date.parse(o.start)) / 3_600_000, 0)).to.equal(2);
    for (const o of lead.offQueue ?? []) {
      expect(Date.parse(o.start)).to.be.at.least(Date.parse(lead.start));
      expect(Date.parse(o.end)).to.be.at.most(Date.parse(lead.end));
      expect(o.kind).to.equal('offQueue');
    }
  });

  it('solveRota, the same week with the lead at 100 %, counts all four lead hours (the brute-force optimum)', async () => {
    const s = await solveRota(tinyWeek(1), { timeLimitSeconds: 60, seed: 1 });
    expect(bruteForce(0)).to.be.greaterThan(0);
    expect(s.shortfallAgentHours).to.be.closeTo(bruteForce(0), 1e-9);
    expect(s.shifts.every((x) => !x.offQueue)).to.equal(true);
  });

  it('coverage, a lead off the queue, is not counted in the reported on-duty rows', async () => {
    const s = await solveRota(tinyWeek(0.5), { timeLimitSeconds: 60, seed: 1 });
    for (const row of s.coverage.filter((r) => r.required > 0)) {
      const t = Date.parse(row.timestamp);
      const on = s.shifts.filter((x) =>
        (x.activities?.length ? x.activities : [x]).some((p) => Date.parse(p.start) <= t && Date.parse(p.end) >= t + 3_600_000),
      ).length;
      expect(row.onDuty, row.timestamp).to.equal(on);
    }
  });
});
