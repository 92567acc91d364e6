import { expect } from 'chai';
import { liveActuals, type LivePlanInterval } from '../../../forecasting/live-actuals';

const H = 3_600_000;
const day = Date.parse('2026-12-07T00:00:00.000Z');
const plan: LivePlanInterval[] = [...Array(24).keys()].map((h) => ({
  channel: 'voice',
  start: new Date(day + h * H).toISOString(),
  volume: h >= 8 && h < 20 ? 40 : 4,
  ahtSeconds: 200,
}));
const surge = { from: day + 10 * H, to: day + 12 * H, factor: 1.8 };

describe('forecasting/liveActuals: a simulated day of interval actuals', () => {
  it('liveActuals, 600 seeds, means the plan outside the surge and plan × factor inside it (simulation, ±4 %)', () => {
    const sums = new Array<number>(24).fill(0);
    const seeds = 600;
    for (let seed = 1; seed <= seeds; seed++) {
      for (const a of liveActuals({ seed, plan, intervalMinutes: 60, now: day + 24 * H, surge }))
        sums[(Date.parse(a.start) - day) / H] += a.offered;
    }
    const mean = (hours: number[]) => hours.reduce((s, h) => s + sums[h]!, 0) / seeds / hours.length;
    expect(mean([8, 9, 12, 13, 14, 15, 16, 17, 18, 19]) / 40).to.be.within(0.96, 1.04);
    expect(mean([10, 11]) / 40).to.be.within(1.8 * 0.96, 1.8 * 1.04);
  });

  it('liveActuals, at 13:30, reports the intervals begun: complete until 12:00, 13:00 half elapsed, nothing later', () => {
    const got = liveActuals({ seed: 3, plan, intervalMinutes: 60, now: day + 13.5 * H, surge: null });
    expect(got.map((a) => a.start)).to.deep.equal(plan.slice(0, 14).map((p) => p.start));
    expect(got.slice(0, 13).every((a) => a.elapsed === 1)).to.equal(true);
    expect(got[13]!.elapsed).to.equal(0.5);
  });

  it('liveActuals, the same seed pushed again later, gives the same complete intervals and a running total that only grows', () => {
    const a = liveActuals({ seed: 9, plan, intervalMinutes: 60, now: day + 13.25 * H, surge });
    const b = liveActuals({ seed: 9, plan, intervalMinutes: 60, now: day + 13.75 * H, surge });
    expect(b.slice(0, 13)).to.deep.equal(a.slice(0, 13));
    expect(b[13]!.offered).to.be.at.least(a[13]!.offered);
    const other = liveActuals({ seed: 10, plan, intervalMinutes: 60, now: day + 13.75 * H, surge });
    expect(other.map((x) => x.offered)).not.to.deep.equal(b.map((x) => x.offered));
  });

  it('liveActuals, handle time: within ±10 % of the plan', () => {
    for (const a of liveActuals({ seed: 5, plan, intervalMinutes: 60, now: day + 24 * H })) expect(a.ahtSeconds).to.be.within(180, 220);
  });
});
