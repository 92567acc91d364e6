/**
 * The risk calibration learned from a channel's earlier weeks (staffing/learned-risk.ts):
 * the interval noise per channel, the day service-level offset, and learnRisk together.
 */
import { expect } from 'chai';
import {
  chanceAtCount,
  DEFAULT_CALIBRATION,
  fitIntervalSpread,
  INTERVAL_NOISE,
  INTERVAL_SKEW,
  intervalRisk,
  learningInterval,
  learnRisk,
  serviceLevelOffset,
  simulate,
  type ChannelSettings,
  type LearningInterval,
} from '../../../staffing';
import { createRng } from '../../../staffing/simulator/rng';
import { DEMO_CHAT, DEMO_VOICE } from '../../../bin/commands/risk';

/** Chat intervals of an hour at counts 15-35 with 3-5 people, no absence. */
function chatIntervals(n: number, observed: (x: LearningInterval) => number): LearningInterval[] {
  const out: LearningInterval[] = [];
  for (let i = 0; i < n; i++) {
    const x = learningInterval(DEMO_CHAT, 60, 600, 15 + (i % 21), 3 + (i % 3), 0, 0);
    out.push({ ...x, observed: observed(x) });
  }
  return out;
}

/**
 * Days of six one-hour intervals replayed in the queue simulator with exactly `count`
 * contacts each (as the backtest does): per interval the share of replications meeting the
 * target, as learning intervals.
 */
function replayedDays(
  c: ChannelSettings,
  aht: number,
  days: number,
  seed: number,
  counts: () => number,
  people: number,
): LearningInterval[] {
  const ch = c.kind;
  const out: LearningInterval[] = [];
  for (let d = 0; d < days; d++) {
    const day = Array.from({ length: 6 }, counts);
    const r = simulate({
      startMs: 0,
      intervalSeconds: 3600,
      volumes: [...day.map((v) => ({ [ch]: v })), { [ch]: 0 }],
      arrivals: 'counts',
      channels: {
        [ch]: {
          ahtSeconds: aht,
          thresholdSeconds: c.thresholdSeconds!,
          ...(c.patienceSeconds ? { patienceSeconds: c.patienceSeconds } : {}),
        },
      },
      staffing: { plan: { agents: [...day, 0].map(() => ({ [ch]: people })), chatConcurrency: c.concurrency } },
      replications: 1,
      seed: seed + d,
    });
    day.forEach((v, i) => {
      const sl = r.intervals[ch]![i]!.serviceLevel.mean;
      out.push(learningInterval(c, 60, aht, v, people, 0, sl === null || sl >= 0.8 - 1e-12 ? 1 : 0));
    });
  }
  return out;
}

const brier = (xs: LearningInterval[], noise: number, skew: number) =>
  xs.reduce((s, x) => s + (chanceAtCount(x, noise, skew) - x.observed) ** 2, 0) / xs.length;

describe('staffing/learned-risk: fitIntervalSpread (the interval noise per channel)', () => {
  it('fitIntervalSpread, outcomes made with noise 0.75 centred 1 sd low, finds 0.75 and 1', () => {
    const xs = chatIntervals(120, (x) => chanceAtCount(x, 0.75, 1));
    expect(fitIntervalSpread(xs)).to.deep.equal({ noise: 0.75, skew: 1 });
  });

  it('fitIntervalSpread, outcomes made with noise 3 centred 0, finds 3 and 0 (not the voice default)', () => {
    const xs = chatIntervals(120, (x) => chanceAtCount(x, 3, 0));
    expect(fitIntervalSpread(xs)).to.deep.equal({ noise: 3, skew: 0 });
  });

  it('fitIntervalSpread, fewer than 48 intervals with contacts, keeps the defaults', () => {
    const xs = chatIntervals(47, (x) => chanceAtCount(x, 0.75, 1));
    expect(fitIntervalSpread([...xs, learningInterval(DEMO_CHAT, 60, 600, 0, 3, 0, 1)])).to.deep.equal({
      noise: INTERVAL_NOISE,
      skew: INTERVAL_SKEW,
    });
  });

  it('fitIntervalSpread, chat replayed in the queue simulator, scores better than the voice default on other days', function () {
    this.timeout(120_000);
    const rng = createRng(11);
    const counts = () => 18 + Math.floor(rng.uniform() * 14);
    const learn = replayedDays(DEMO_CHAT, 600, 40, 100, counts, 4);
    const check = replayedDays(DEMO_CHAT, 600, 40, 900, counts, 4);
    const fitted = fitIntervalSpread(learn);
    const atFit = brier(check, fitted.noise, fitted.skew);
    const atDefault = brier(check, INTERVAL_NOISE, INTERVAL_SKEW);
    expect(fitted, 'chat is not the voice default').to.not.deep.equal({ noise: INTERVAL_NOISE, skew: INTERVAL_SKEW });
    expect(atFit, `Brier on other days: fitted ${atFit.toFixed(4)}, default ${atDefault.toFixed(4)}`).to.be.below(atDefault);
    // Reliability on the other days: mean stated within 5 points of the share met.
    const stated = check.reduce((s, x) => s + chanceAtCount(x, fitted.noise, fitted.skew), 0) / check.length;
    const met = check.reduce((s, x) => s + x.observed, 0) / check.length;
    expect(Math.abs(stated - met), `stated ${stated.toFixed(3)}, met ${met.toFixed(3)}`).to.be.below(0.05);
  });

  it('chanceAtCount, at the default noise, is intervalRisk with the count as a sure forecast (Poisson count sd removed)', () => {
    // intervalRisk adds the count's own spread; with a tiny band the two agree.
    const x = learningInterval(DEMO_VOICE, 60, 240, 100, 9, 0.04, 0);
    const risk = intervalRisk(DEMO_VOICE, 60, { volume: 100, ahtSeconds: 240, lower80: 99.999, upper80: 100.001 }, 9, {
      absenceRate: 0.04,
    })!;
    expect(chanceAtCount(x, INTERVAL_NOISE, INTERVAL_SKEW)).to.be.closeTo(risk, 0.01);
  });
});

describe('staffing/learned-risk: serviceLevelOffset and learnRisk', () => {
  const day = (offered: number, modelled: number, replays: number[]) => ({ offered, modelled, replays });

  it('serviceLevelOffset, seven days replayed 2 points above Erlang (one day of 3× the contacts 6 points), is the contact-weighted mean and the replay sd', () => {
    const days = [...Array.from({ length: 6 }, () => day(100, 0.8, [0.81, 0.83])), day(300, 0.8, [0.85, 0.87])];
    const { offset, sd } = serviceLevelOffset(days);
    // (6 × 100 × 0.02 + 300 × 0.06) ÷ 900
    expect(offset).to.be.closeTo(30 / 900, 1e-9);
    const residuals = days.flatMap((d) => d.replays.map((r) => r - d.modelled - offset));
    expect(sd).to.be.closeTo(Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / (residuals.length - 1)), 1e-12);
  });

  it('serviceLevelOffset, six days, is 0 and 0', () => {
    expect(serviceLevelOffset(Array.from({ length: 6 }, () => day(100, 0.8, [0.9])))).to.deep.equal({ offset: 0, sd: 0 });
  });

  it('learnRisk, no earlier weeks, is the defaults; with weeks, carries the fitted noise and counts', () => {
    expect(learnRisk([], () => [])).to.deep.equal(DEFAULT_CALIBRATION);
    const intervals = chatIntervals(120, (x) => chanceAtCount(x, 0.75, 1));
    const days = Array.from({ length: 7 }, () => day(100, 0.8, [0.83]));
    const r = learnRisk([{ intervals, days }], () => intervals.map((x) => chanceAtCount(x, 0.75, 1)));
    expect(r).to.include({ intervalNoise: 0.75, intervalSkew: 1, intervals: 120, days: 7 });
    expect(r.serviceLevelOffset).to.be.closeTo(0.03, 1e-9);
    // One week: no later week has shown that a recalibration helps, so none.
    expect(r.recalibration.trainedOn).to.equal(0);
  });
});
