import { expect } from 'chai';
import { forecastAht } from '../../../forecasting/aht';
import { epochDay } from '../../../forecasting/grid';
import { dailyProfile, dailyProfileTrend, levelChange } from '../../../forecasting/methods/daily-profile';
import { doubleSeasonalHw } from '../../../forecasting/methods/double-seasonal-hw';
import { seasonalNaive, weekAverage } from '../../../forecasting/methods/seasonal-naive';
import type { MethodInput } from '../../../forecasting/methods/types';
import { weightedWeeks } from '../../../forecasting/methods/weighted-weeks';

const MONDAY = epochDay('2026-01-05');
const SPD = 4; // 6-hour intervals keep hand arithmetic small

/** A series of `weeks` weeks where value(week k, slot s of the week) = f(k, s). */
function series(weeks: number, f: (k: number, s: number) => number, spd = SPD): Float64Array {
  const y = new Float64Array(weeks * 7 * spd);
  for (let i = 0; i < y.length; i++) y[i] = f(Math.floor(i / (7 * spd)), i % (7 * spd));
  return y;
}

function input(y: Float64Array, horizon: number, spd = SPD): MethodInput {
  return { y, slotsPerDay: spd, firstDay: MONDAY, horizon };
}

describe('forecasting methods', () => {
  it('seasonalNaive, two-week horizon, repeats the last week twice', () => {
    const y = series(3, (k, s) => 100 * k + s);
    const f = seasonalNaive(input(y, 56));
    for (let h = 0; h < 56; h++) expect(f[h]).to.equal(200 + (h % 28));
  });

  it('seasonalNaive, last week missing at one slot, falls back to two weeks back', () => {
    const y = series(3, (k, s) => 100 * k + s);
    y[2 * 28 + 5] = NaN;
    expect(seasonalNaive(input(y, 28))[5]).to.equal(105);
  });

  it('weekAverage, four weeks with one missing value, averages the observed ones (hand values)', () => {
    const y = series(5, (k, s) => (k + 1) * 10 + s);
    y[4 * 28 + 3] = NaN; // week 5, slot 3 missing: weeks 1..4 used instead → (20+30+40+13… )
    const f = weekAverage(input(y, 28), 4);
    expect(f[0]).to.equal((20 + 30 + 40 + 50) / 4);
    expect(f[3]).to.equal((13 + 23 + 33 + 43) / 4);
  });

  it('weightedWeeks, lambda 0.5 over two weeks without level correction, weights 1 and 0.5', () => {
    const y = series(2, (k) => (k === 0 ? 10 : 40));
    const f = weightedWeeks(input(y, 28), { weeks: 2, lambda: 0.5, shrink: 0 });
    expect(f[0]).to.be.closeTo((40 * 1 + 10 * 0.5) / 1.5, 1e-12);
  });

  it('dailyProfile, exact day-total × weekday-profile series, reproduces the next week exactly', () => {
    const totals = [700, 600, 600, 600, 500, 200, 0];
    const profiles = [
      [0.1, 0.4, 0.4, 0.1],
      [0.2, 0.3, 0.3, 0.2],
    ];
    const y = series(9, (_k, s) => {
      const w = Math.floor(s / SPD);
      return totals[w] * profiles[w === 0 ? 0 : 1][s % SPD];
    });
    const f = dailyProfile(input(y, 28));
    for (let h = 0; h < 28; h++) expect(f[h]).to.be.closeTo(y[h], 1e-9);
  });

  it('doubleSeasonalHw, a noiseless daily × weekly additive pattern, forecasts it within 2%', () => {
    const spd = 24;
    const y = series(12, (_k, s) => 100 + 50 * Math.sin((2 * Math.PI * (s % spd)) / spd) + (Math.floor(s / spd) >= 5 ? -60 : 0) + 40, spd);
    const f = doubleSeasonalHw(input(y, 168, spd));
    for (let h = 0; h < 168; h++) expect(f[h]).to.be.closeTo(y[h], 0.02 * y[h] + 1e-6);
  });

  it('levelChange, last year doubled between the base window and the target, gives ×2', () => {
    // 60 weeks of daily levels at 100, except days 60-89 at 200. Base window = the last 28 days
    // (392-419), a year (364 days) earlier 28-55: all 100. Target day 434, a year earlier
    // 70 ± 7 = days 63-77: all 200. Last year's change over the span: ×2.
    const level = new Float64Array(420).fill(100);
    for (let d = 60; d < 90; d++) level[d] = 200;
    expect(levelChange(level, 420, 434)).to.be.closeTo(2, 1e-12);
    // Without a year of history and a flat level: no change.
    expect(levelChange(new Float64Array(100).fill(50), 100, 110)).to.equal(1);
  });

  it('dailyProfileTrend, steady 1% weekly growth and no year of history, forecasts above the flat method but below full growth', () => {
    const y = series(20, (k, s) => 100 * Math.pow(1.01, k) * (1 + (s % SPD)));
    const flat = dailyProfile(input(y, 28));
    const trend = dailyProfileTrend(input(y, 28));
    const truth = 100 * Math.pow(1.01, 20) * 1;
    expect(trend[0]).to.be.greaterThan(flat[0]);
    expect(trend[0]).to.be.lessThan(truth);
  });

  it('forecastAht, two weeks of 100 s at 10 contacts and 200 s at 30, volume-weights to 175 s', () => {
    const week = 7 * SPD;
    const aht = new Float64Array(2 * week);
    const volume = new Float64Array(2 * week);
    for (let i = 0; i < week; i++) ((aht[i] = 100), (volume[i] = 10), (aht[week + i] = 200), (volume[week + i] = 30));
    expect(forecastAht({ aht, volume, slotsPerDay: SPD, horizon: 3 })[1]).to.be.closeTo(175, 1e-12);
  });

  it('forecastAht, an interval never answered, falls back to the same time of day, then the overall mean', () => {
    const week = 7 * SPD;
    const aht = new Float64Array(2 * week).fill(NaN);
    const volume = new Float64Array(2 * week);
    aht[week + SPD + 2] = 300; // one Tuesday slot 2 with contacts
    volume[week + SPD + 2] = 5;
    const f = forecastAht({ aht, volume, slotsPerDay: SPD, horizon: week });
    expect(f[2]).to.equal(300); // Monday slot 2: no Monday data, same time of day on Tuesday
    expect(f[0]).to.equal(300); // slot 0: nothing at that time, overall mean
  });
});
