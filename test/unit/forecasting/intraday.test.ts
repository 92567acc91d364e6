import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  chooseKappa,
  forecastSeries,
  intradayBacktest,
  intradayMultiplier,
  mulberry32,
  parseHistoryCsvText,
  seriesForChannel,
  type HistoryPoint,
  type IntradayDay,
} from '../../../forecasting/index';
import { restOfDayError } from '../../../forecasting/intraday';
import { inCi, SHARED_DIR } from '../../support/shared-tools';

/** Poisson by Knuth's product of uniforms (means here stay below 200, far from underflow). */
function poisson(rand: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

/** Gamma(shape k, scale 1/k) for a whole k: mean 1, variance 1/k (a sum of k exponentials ÷ k). */
function gammaMeanOne(rand: () => number, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s -= Math.log(1 - rand());
  return s / k;
}

/**
 * A day of 24 hours whose day-ahead forecast is exact in shape but not in level: a quiet night
 * and morning (38 contacts expected before 10:00, so the morning is noisy) and 1,000 in the day.
 * The day's level is Gamma with mean 1 and variance 1/`levelShape`; contacts are Poisson.
 */
const SHAPE = [2, 1, 1, 1, 1, 2, 4, 6, 8, 12, 60, 90, 100, 100, 90, 90, 85, 80, 70, 60, 50, 40, 17, 10];
const DAY_TOTAL = SHAPE.reduce((a, b) => a + b, 0);
const AT_TEN = 10;

function syntheticDays(seed: number, count: number, levelShape: number): IntradayDay[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const level = gammaMeanOne(rand, levelShape);
    return { forecast: SHAPE, actual: SHAPE.map((f) => poisson(rand, level * f)) };
  });
}

function pooledWape(days: IntradayDay[], observed: number, kappa: number): number {
  let err = 0;
  let act = 0;
  for (const d of days) {
    const e = restOfDayError(d, observed, kappa);
    err += e.absError;
    act += e.actual;
  }
  return err / act;
}

describe('intraday re-forecast (synthetic days)', () => {
  it('intradayMultiplier, κ 0.5 on a 100-contact day with 30 seen against 20 forecast, is (50+30)÷(50+20)', () => {
    const day: IntradayDay = { forecast: [10, 10, 40, 40], actual: [12, 18, NaN, NaN] };
    expect(intradayMultiplier(day, 2, 0.5)).to.be.closeTo(80 / 70, 1e-12);
    expect(intradayMultiplier(day, 2, 0)).to.be.closeTo(30 / 20, 1e-12);
    expect(intradayMultiplier(day, 2, Infinity)).to.equal(1);
  });

  it('intradayMultiplier, an interval without actuals, leaves its forecast out of the forecast so far', () => {
    const day: IntradayDay = { forecast: [10, 10, 40, 40], actual: [12, NaN, NaN, NaN] };
    expect(intradayMultiplier(day, 2, 0)).to.be.closeTo(12 / 10, 1e-12);
  });

  it('chooseKappa, fewer than five scorable past days, falls back to the default κ', () => {
    const c = chooseKappa(syntheticDays(1, 4, 100), AT_TEN);
    expect(c.from).to.equal('default');
    expect(c.daysUsed).to.equal(4);
  });

  it('chooseKappa, 400 past days with a 10 % level spread, picks the Poisson–gamma κ = 1 ÷ (variance × day total) or a grid neighbour', () => {
    // Bayes: level ~ Gamma(100, 1/100) is a prior worth 100 contacts, so κ·F_day = 100.
    const bayes = 1 / ((1 / 100) * DAY_TOTAL);
    expect(bayes).to.be.closeTo(0.1, 0.01);
    const c = chooseKappa(syntheticDays(2, 400, 100), AT_TEN);
    expect(c.from).to.equal('backtest');
    expect([0.05, 0.1, 0.15]).to.include(c.kappa);
  });

  it('chooseKappa on 20 past days, noisy morning, beats both the ratio method and the day-ahead forecast on 300 new days', () => {
    const c = chooseKappa(syntheticDays(3, 20, 100), AT_TEN);
    expect(c.kappa).to.be.greaterThan(0).and.lessThan(Infinity);
    const fresh = syntheticDays(4, 300, 100);
    const chosen = pooledWape(fresh, AT_TEN, c.kappa);
    const ratio = pooledWape(fresh, AT_TEN, 0);
    const dayAhead = pooledWape(fresh, AT_TEN, Infinity);
    expect(chosen).to.be.lessThan(ratio * 0.95);
    expect(chosen).to.be.lessThan(dayAhead * 0.98);
  });

  it('chooseKappa, past days that came exactly as forecast, breaks the tie towards the day-ahead forecast (κ = ∞)', () => {
    const exact = Array.from({ length: 10 }, () => ({ forecast: SHAPE, actual: SHAPE }));
    const c = chooseKappa(exact, AT_TEN);
    expect(c.candidates.every((k) => k.wape === 0)).to.equal(true);
    expect(c.kappa).to.equal(Infinity);
  });
});

const BANK = resolve(SHARED_DIR, 'data', 'us_bank_2003.csv');

function bankHistory(test: Mocha.Context): HistoryPoint[] {
  if (!existsSync(BANK)) {
    if (inCi()) throw new Error(`${BANK} is required in CI (set ROTA_SHARED_DIR)`);
    console.log(`      (skipped: ${BANK} not found; set ROTA_SHARED_DIR)`);
    test.skip();
  }
  // The file writes a wall clock without offsets: read in UTC, as `wfm backtest` does without --zone.
  const r = parseHistoryCsvText(readFileSync(BANK, 'utf8'), { zone: 'UTC', intervalMinutes: 60, dstLenient: true });
  expect(r.errorCount).to.equal(0);
  return seriesForChannel(r.intervals, 'voice');
}

describe('intraday re-forecast (bank data)', () => {
  it('intradayBacktest, bank data from 12:00 on 8 weeks of days, the re-forecast beats the midnight forecast and the ratio method', function () {
    const r = intradayBacktest(bankHistory(this), { zone: 'UTC', origins: ['12:00'] });
    const wape = Object.fromEntries(r.methods.map((m) => [m.method, m.wape]));
    expect(r.days).to.be.at.least(35);
    expect(wape.intraday).to.be.lessThan(wape['day-ahead'] * 0.9);
    expect(wape.intraday).to.be.lessThan(wape.ratio * 0.95);
  });

  it('forecastSeries from 12:00 and intradayBacktest, the last week of bank data, score the same rest-of-day errors', function () {
    const history = bankHistory(this);
    const r = intradayBacktest(history, { zone: 'UTC', weeks: 1, origins: ['12:00'] });
    const days = ['2003-10-20', '2003-10-21', '2003-10-22', '2003-10-23', '2003-10-24'];
    expect(r.days).to.equal(days.length);
    const actual = new Map(history.map((p) => [new Date(p.start as string).getTime(), p.volume]));
    const sums = { midnight: [0, 0], noon: [0, 0] };
    for (const date of days) {
      // The engine at noon, given the whole file: it must use only what arrived before 12:00.
      const noon = forecastSeries(history, { zone: 'UTC', start: `${date}T12:00:00Z`, hours: 12, intervalMinutes: 60 });
      const midnight = forecastSeries(history, { zone: 'UTC', start: `${date}T00:00:00Z`, hours: 24, intervalMinutes: 60 });
      expect(noon.intraday?.observedIntervals).to.equal(12);
      for (const [key, points] of [
        ['noon', noon.points],
        ['midnight', midnight.points.slice(12)],
      ] as const) {
        for (const p of points) {
          const a = actual.get(new Date(p.start).getTime());
          if (a === undefined) continue;
          sums[key][0] += Math.abs(p.volume - a);
          sums[key][1] += a;
        }
      }
    }
    const by = Object.fromEntries(r.methods.map((m) => [m.method, m.wape]));
    expect(sums.noon[0] / sums.noon[1]).to.be.closeTo(by.intraday, 1e-9);
    expect(sums.midnight[0] / sums.midnight[1]).to.be.closeTo(by['day-ahead'], 1e-9);
  });
});
